-- The rows kept for one import, in file order (line numbers as in the file, header = line 1), with
-- the message key and parameters of their reason (NULL for rows kept before migration 0004): kind
-- 'rejected' (refused) or 'note' (landed with a remark; migration 0005).
WITH rows_of_import AS (
    SELECT kind, line, column_name, reason, raw, reason_key, reason_params
    FROM import_rejects WHERE import_id = $import_id AND kind = $kind
)
SELECT line, column_name, reason, raw, reason_key, reason_params
FROM rows_of_import
ORDER BY line NULLS LAST
