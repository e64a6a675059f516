-- Projects whose remaining planned hours load the coming weeks: status in $statuses (planned, active)
-- with planned hours, in the service and level of the filters.
-- Grain: one row per project.
-- Columns: project_id, project_name, service_id, service_name (the lead service, which carries the
--          load), level, status, start_date, end_date, planned_hours, spent_hours (hours recorded on it
--          up to $as_of, by anyone), remaining_hours = max(planned_hours − spent_hours, 0).
WITH
projects_in AS (
    SELECT p.project_id, p.project_name, p.service_id, s.service_name,
           coalesce(p.level, $no_level) AS level, p.status, p.start_date, p.end_date,
           p.planned_hours
    FROM projects AS p
    LEFT JOIN services AS s ON s.service_id = p.service_id
    WHERE list_contains($statuses, p.status)
      AND p.planned_hours IS NOT NULL
      AND ($service IS NULL OR p.service_id = $service)
      AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
),

spent AS (
    -- from project_day (each project's hours per day and activity), not every time entry
    SELECT project_id, sum(hours) AS spent_hours
    FROM project_day
    WHERE work_date <= $as_of
      AND project_id IN (SELECT project_id FROM projects_in)
    GROUP BY project_id
)

SELECT
    p.*,
    coalesce(s.spent_hours, 0.0)                                   AS spent_hours,
    greatest(p.planned_hours - coalesce(s.spent_hours, 0.0), 0.0)  AS remaining_hours
FROM projects_in AS p
LEFT JOIN spent AS s USING (project_id)
ORDER BY p.service_name, p.start_date, p.project_id
