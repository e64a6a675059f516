-- Finished participatory projects: status $done_status, a level among $levels, a start date and an
-- end date not before it. One row per project with its attributes and life length:
--   days   = end_date − start_date + 1 (both ends included),
--   months = days / $days_per_month (a month of average length).
WITH
projects_in AS (
    SELECT project_id, project_name, theme, service_id, level, initiative, perimeter, status,
           start_date, end_date
    FROM projects
),

finished AS (
    SELECT *
    FROM projects_in
    WHERE status = $done_status
      AND list_contains($levels, level)
      AND start_date IS NOT NULL
      AND end_date >= start_date
)

SELECT
    project_id,
    project_name,
    theme,
    service_id,
    level,
    initiative,
    perimeter_kind(perimeter) AS perimeter,
    start_date,
    end_date,
    (end_date - start_date) + 1                          AS days,
    ((end_date - start_date) + 1) / $days_per_month      AS months
FROM finished
ORDER BY project_id
