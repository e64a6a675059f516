-- Participatory projects the teams are already committed to: status in $statuses (planned, active),
-- a level among $levels and a carrying service. One row per project with
--   spent_hours     = staff hours recorded on it up to $as_of (project_day: the same hours as the
--                     time entries, one row per project, day and activity),
--   remaining_hours = planned_hours − spent_hours, never below 0; NULL when planned_hours is unknown.
WITH
projects_in AS (
    SELECT project_id, project_name, service_id, level, perimeter, status, start_date, end_date,
           planned_hours
    FROM projects
    WHERE list_contains($statuses, status)
      AND list_contains($levels, level)
      AND service_id IS NOT NULL
),

facts AS (
    SELECT project_id, hours
    FROM project_day
    WHERE work_date <= $as_of
      AND project_id IN (SELECT project_id FROM projects_in)
),

spent AS (
    SELECT project_id, sum(hours) AS spent_hours FROM facts GROUP BY project_id
)

SELECT
    p.project_id,
    p.project_name,
    p.service_id,
    p.level,
    perimeter_kind(p.perimeter) AS perimeter,
    p.status,
    p.start_date,
    p.end_date,
    p.planned_hours,
    coalesce(s.spent_hours, 0.0)                                   AS spent_hours,
    greatest(p.planned_hours - coalesce(s.spent_hours, 0.0), 0.0)  AS remaining_hours
FROM projects_in AS p
LEFT JOIN spent AS s ON s.project_id = p.project_id
ORDER BY p.project_id
