-- The rejected rows of one import, in file order (line numbers as in the file, header = line 1).
WITH rejects_of_import AS (
    SELECT line, column_name, reason, raw FROM import_rejects WHERE import_id = $import_id
)
SELECT line, column_name, reason, raw
FROM rejects_of_import
ORDER BY line NULLS LAST
