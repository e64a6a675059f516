-- Attendance per event, per calendar year, by kind of event and by initiative (every year up to $end).
-- An event's attendance is the number of attended attendances when the event has per-person
-- attendance rows, else its attendees_count; events with neither are left out (derived table
-- event_attendance; the events are those of engagement/attendance_groups.sql).
-- Grain: one row per (dimension, group_key, year); dimension 'event_kind' or 'initiative'.
-- Columns: events, attendees (sum over the events), mean_attendees (attendees per event).
-- Scope: events of projects of $service / at $level ('none' = no project or a NULL level).

WITH
-- @include engagement/attendance_groups

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
