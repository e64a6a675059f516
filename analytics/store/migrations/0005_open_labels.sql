-- A town's own labels are data (analytics/ingest/vocabulary.py).
--
-- A saved mapping may also say which code each unknown label of a coded column stands for
-- (`value_map`, JSON: vocabulary -> normalised label -> code, '' = leave empty), and may be made for
-- a recognised format (`format`: the mapping only maps values, the format reads the columns).
ALTER TABLE import_mappings ADD COLUMN format VARCHAR;
ALTER TABLE import_mappings ADD COLUMN value_map VARCHAR;

-- Rows imported with a remark (a duration that disagrees with its clock times) are kept beside the
-- refused ones: kind 'rejected' (the row was refused) or 'note' (the row landed; the remark says why
-- it deserves a look).
ALTER TABLE import_rejects ADD COLUMN kind VARCHAR DEFAULT 'rejected';

-- An attendance whose status label could not be placed lands with the status empty: not counted as
-- attended until a person maps the label (an empty cell still means attended).
ALTER TABLE attendances ALTER COLUMN status DROP NOT NULL;

-- The kind of a project's perimeter: 'commune', 'intercommunal', or 'quartier' for the code
-- 'quartier' and for any quartier's name (a perimeter is stored as the file writes it).
CREATE MACRO perimeter_kind(perimeter) AS
    CASE WHEN perimeter IS NULL OR perimeter IN ('commune', 'intercommunal') THEN perimeter
         ELSE 'quartier' END;
