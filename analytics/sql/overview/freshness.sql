-- Freshness of the store: last import, and the latest dates of each kind of record
-- (events: the last one held, not the ones already scheduled).
WITH last_import AS (
    SELECT imported_at, file_name
    FROM imports
    WHERE status IN ('imported', 'demo')
    ORDER BY imported_at DESC, import_id DESC
    LIMIT 1
),
import_count AS (
    SELECT count(*) AS imports FROM imports WHERE status IN ('imported', 'demo')
),
work_bounds AS (
    SELECT min(work_date) AS first_work_date, max(work_date) AS last_work_date FROM time_entries
)
SELECT
    (SELECT imported_at FROM last_import)          AS last_import_at,
    (SELECT file_name FROM last_import)            AS last_import_file,
    work_bounds.first_work_date,
    work_bounds.last_work_date,
    (SELECT max(event_date) FROM events WHERE event_date <= current_date) AS last_event_date,
    (SELECT max(received_on) FROM requests)        AS last_request_date,
    import_count.imports
FROM work_bounds, import_count
