-- Column mappings saved by name on the Data page (or by the import command), so that the next file
-- of the same shape is recognised: a generic sheet whose headers equal a saved mapping's headers is
-- imported with that mapping.
CREATE TABLE import_mappings (
    name         VARCHAR PRIMARY KEY,
    target_table VARCHAR NOT NULL,   -- a canonical table of analytics/schema.py
    columns      VARCHAR NOT NULL,   -- JSON object: canonical column (or pseudo-column) -> header
    headers      VARCHAR NOT NULL,   -- JSON list of the file's normalised headers (its shape)
    saved_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
