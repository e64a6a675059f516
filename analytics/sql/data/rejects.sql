-- The rejected rows of one import, in file order (line numbers as in the file, header = line 1), with
-- the message key and parameters of their reason (NULL for rows kept before migration 0004).
WITH rejects_of_import AS (
    SELECT line, column_name, reason, raw, reason_key, reason_params
    FROM import_rejects WHERE import_id = $import_id
)
SELECT line, column_name, reason, raw, reason_key, reason_params
FROM rejects_of_import
ORDER BY line NULLS LAST
