-- What the arbitration page and simulator draw and estimate from, per finished participatory
-- project with recorded hours (the derived table finished_hours): the columns of
-- finished_effort.sql they use (criteria of comparability and breakdown dimensions, service_id
-- for the team), with
--   months        = days / $days_per_month (life in months of average length),
--   hours         = total staff hours recorded on the project,
--   monthly_hours = hours / months.
-- One row per project, by project_id.
WITH
finished AS (
    SELECT project_id, theme, service_id, level, initiative, perimeter, days, hours
    FROM finished_hours
),

with_months AS (
    SELECT *, days / $days_per_month AS months FROM finished
)

SELECT
    project_id,
    theme,
    service_id,
    level,
    initiative,
    perimeter,
    months,
    hours,
    hours / months AS monthly_hours
FROM with_months
ORDER BY project_id
