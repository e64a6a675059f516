-- event_attendance — grain: one row per event.
-- Columns: event_id, event_date, event_kind ('unknown' when missing), initiative and service_id (the
--          project's; initiative 'unknown' and service_id NULL without project), level (the
--          project's, or $no_level = 'none' without project or with a NULL level), attendees (the
--          event's attended attendances when it has per-person attendance rows, whatever their
--          status, else its attendees_count; NULL with neither).
-- The attendance-per-event figures of the Engagement page (sql/engagement/attendance_yearly.sql,
-- attendance_trend.sql) read this table instead of counting the attendances of every event.

CREATE OR REPLACE TABLE event_attendance AS
WITH
events_in AS (
    SELECT event_id, project_id, event_date, event_kind, attendees_count FROM events
),

projects_in AS (
    SELECT project_id, level, initiative, service_id FROM projects
),

registered AS (
    SELECT event_id, count(*) FILTER (WHERE status = $attended_status) AS attended
    FROM attendances
    GROUP BY event_id
)

SELECT
    e.event_id,
    e.event_date,
    coalesce(e.event_kind, 'unknown')                                            AS event_kind,
    coalesce(p.initiative, 'unknown')                                            AS initiative,
    p.service_id,
    coalesce(p.level, $no_level)                                                 AS level,
    CASE WHEN r.event_id IS NOT NULL THEN r.attended ELSE e.attendees_count END  AS attendees
FROM events_in AS e
LEFT JOIN projects_in AS p ON p.project_id = e.project_id
LEFT JOIN registered AS r ON r.event_id = e.event_id
ORDER BY e.event_date, e.event_id
