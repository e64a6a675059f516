-- Import history, most recent first: one row per imported file (and the demo town).
WITH import_list AS (
    SELECT import_id, imported_at, file_name, format, status, rows_read, rows_accepted,
           rows_rejected, message, message_key, message_params
    FROM imports
),
reject_counts AS (
    SELECT import_id, count(*) FILTER (WHERE kind = 'rejected') AS rejects_kept,
           count(*) FILTER (WHERE kind = 'note') AS remarks_kept
    FROM import_rejects GROUP BY import_id
)
-- imported_at is stored in the session's time zone (current_timestamp); shown in the town's ($tz)
SELECT i.import_id, timezone($tz, i.imported_at::TIMESTAMPTZ) AS imported_at, i.file_name,
       i.format, i.status, i.rows_read, i.rows_accepted, i.rows_rejected,
       coalesce(r.rejects_kept, 0) AS rejects_kept, coalesce(r.remarks_kept, 0) AS remarks_kept,
       i.message, i.message_key, i.message_params  -- the message's key and parameters (0004)
FROM import_list AS i
LEFT JOIN reject_counts AS r USING (import_id)
ORDER BY i.import_id DESC
LIMIT $limit
