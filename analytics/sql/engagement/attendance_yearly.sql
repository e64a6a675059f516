-- Attendance per event, per calendar year, by kind of event and by initiative (every year up to $end).
-- An event's attendance is the number of attended attendances when the event has per-person
-- attendance rows, else its attendees_count; events with neither are left out (derived table
-- event_attendance).
-- Grain: one row per (dimension, group_key, year); dimension 'event_kind' or 'initiative'.
-- Columns: events, attendees (sum over the events), mean_attendees (attendees per event).
-- Scope: events of projects of $service / at $level ('none' = no project or a NULL level).

WITH
per_event AS (
    SELECT event_date, event_kind, initiative, attendees
    FROM event_attendance
    WHERE event_date <= $end
      AND attendees IS NOT NULL
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

by_group AS (
    SELECT 'event_kind' AS dimension, event_kind AS group_key, event_date, attendees
    FROM per_event
    UNION ALL
    SELECT 'initiative', initiative, event_date, attendees
    FROM per_event
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
