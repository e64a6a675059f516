-- Finished participatory projects with their effort: the rows of finished_projects.sql that have
-- recorded hours (the derived table finished_hours), with
--   hours         = total staff hours recorded on the project (all agents, all activities),
--   monthly_hours = hours / months (staff hours per month of life).
-- One row per project, by project_id.
WITH
finished AS (
    SELECT project_id, project_name, theme, service_id, level, initiative, perimeter, start_date,
           end_date, days, hours
    FROM finished_hours
),

with_months AS (
    SELECT *, days / $days_per_month AS months FROM finished
)

SELECT
    project_id,
    project_name,
    theme,
    service_id,
    level,
    initiative,
    perimeter,
    start_date,
    end_date,
    days,
    months,
    hours,
    hours / months AS monthly_hours
FROM with_months
ORDER BY project_id
