-- Attendance per event, per calendar year, by kind of event and by initiative (every year up to $end).
-- An event's attendance is the number of attended attendances when the event has per-person
-- attendance rows, else its attendees_count; events with neither are left out.
-- Grain: one row per (dimension, group_key, year); dimension 'event_kind' or 'initiative'.
-- Columns: events, attendees (sum over the events), mean_attendees (attendees per event).
-- Scope: events of projects of $service / at $level ('none' = no project or a NULL level).

WITH
events_in AS (
    SELECT
        e.event_id,
        e.event_date,
        coalesce(e.event_kind, 'unknown')    AS event_kind,
        coalesce(p.initiative, 'unknown')    AS initiative,
        e.attendees_count
    FROM events AS e
    LEFT JOIN projects AS p ON p.project_id = e.project_id
    WHERE e.event_date <= $end
      AND ($service IS NULL OR p.service_id = $service)
      AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
),

registered AS (
    SELECT
        event_id,
        count(*) FILTER (WHERE status = $attended_status) AS attended
    FROM attendances
    GROUP BY event_id
),

per_event AS (
    SELECT
        e.event_date,
        e.event_kind,
        e.initiative,
        CASE WHEN r.event_id IS NOT NULL THEN r.attended ELSE e.attendees_count END AS attendees
    FROM events_in AS e
    LEFT JOIN registered AS r ON r.event_id = e.event_id
),

by_group AS (
    SELECT 'event_kind' AS dimension, event_kind AS group_key, event_date, attendees
    FROM per_event
    WHERE attendees IS NOT NULL
    UNION ALL
    SELECT 'initiative', initiative, event_date, attendees
    FROM per_event
    WHERE attendees IS NOT NULL
)

SELECT
    dimension,
    group_key,
    year(event_date)              AS year,
    count(*)                      AS events,
    sum(attendees)                AS attendees,
    avg(attendees)                AS mean_attendees
FROM by_group
GROUP BY ALL
ORDER BY dimension, group_key, year
