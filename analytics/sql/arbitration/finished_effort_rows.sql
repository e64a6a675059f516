-- Shared CTEs (not a query on its own): effort, one row per finished participatory project with
-- recorded hours (the derived table finished_hours), its attributes and
--   months        = days / $days_per_month (life in months of average length),
--   hours         = total staff hours recorded on the project (all agents, all activities),
--   monthly_hours = hours / months (staff hours per month of life).
-- Included as the only CTEs (the text ends without a comma) by arbitration/finished_effort.sql (every
-- column) and arbitration/history_effort.sql (the columns the page and the simulator use), so that
-- both compute months and monthly_hours alike.
finished AS (
    SELECT project_id, project_name, theme, service_id, level, initiative, perimeter, start_date,
           end_date, days, hours
    FROM finished_hours
),

with_months AS (
    SELECT * EXCLUDE (hours), days / $days_per_month AS months, hours FROM finished
),

effort AS (
    SELECT *, hours / months AS monthly_hours FROM with_months
)
