-- Finished participatory projects with their effort: the rows of finished_projects.sql that have
-- recorded hours, with
--   hours         = total staff hours recorded on the project (all agents, all activities: the sum
--                   of its rows in the derived table project_phase_hours),
--   monthly_hours = hours / months (staff hours per month of life).
-- One row per project, by project_id.
WITH
projects_in AS (
    SELECT project_id, project_name, theme, service_id, level, initiative, perimeter, status,
           start_date, end_date
    FROM projects
),

finished AS (
    SELECT *,
           (end_date - start_date) + 1                          AS days,
           ((end_date - start_date) + 1) / $days_per_month      AS months
    FROM projects_in
    WHERE status = $done_status
      AND list_contains($levels, level)
      AND start_date IS NOT NULL
      AND end_date >= start_date
),

project_hours AS (
    SELECT project_id, sum(hours) AS hours FROM project_phase_hours GROUP BY project_id
)

SELECT
    f.project_id,
    f.project_name,
    f.theme,
    f.service_id,
    f.level,
    f.initiative,
    f.perimeter,
    f.start_date,
    f.end_date,
    f.days,
    f.months,
    h.hours,
    h.hours / f.months AS monthly_hours
FROM finished AS f
JOIN project_hours AS h ON h.project_id = f.project_id
ORDER BY f.project_id
