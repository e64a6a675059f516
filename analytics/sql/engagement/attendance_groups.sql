-- Shared CTEs (not a query on its own): the attended events of the scope up to $end, each counted
-- once per grouping dimension.
--   per_event  one row per event of event_attendance (derived table: the number of attended
--              attendances, else the head count; events with neither are left out) on or before
--              $end, of projects of $service / at $level ('none' = no project or a NULL level);
--   by_group   per_event twice: dimension 'event_kind' (group_key = the event's kind) and
--              dimension 'initiative' (group_key = the project's initiative); columns dimension,
--              group_key, event_date, attendees.
-- Included as the only CTEs (the text ends without a comma) by engagement/attendance_yearly.sql (per
-- year) and engagement/attendance_trend.sql (the linear trend), so that both read the same events.
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
