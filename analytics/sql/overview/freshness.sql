-- Freshness of the store: last import, the latest dates of each kind of record (events: the last one
-- held, not the ones already scheduled) and the store_meta facts the frame shows (origin, demo seed
-- and date), in one row.
WITH
last_import AS (
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
),

event_bound AS (
    SELECT max(event_date) AS last_event_date FROM events WHERE event_date <= current_date
),

request_bound AS (
    SELECT max(received_on) AS last_request_date FROM requests
),

meta AS (
    SELECT
        max(value) FILTER (WHERE key = 'origin')     AS origin,
        max(value) FILTER (WHERE key = 'demo_seed')  AS demo_seed,
        max(value) FILTER (WHERE key = 'demo_as_of') AS demo_as_of
    FROM store_meta
)

SELECT
    l.imported_at                                  AS last_import_at,
    l.file_name                                    AS last_import_file,
    w.first_work_date,
    w.last_work_date,
    e.last_event_date,
    r.last_request_date,
    c.imports,
    m.origin,
    m.demo_seed,
    m.demo_as_of
FROM work_bounds AS w
CROSS JOIN import_count AS c
CROSS JOIN event_bound AS e
CROSS JOIN request_bound AS r
CROSS JOIN meta AS m
LEFT JOIN last_import AS l ON true
