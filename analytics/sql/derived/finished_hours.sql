-- finished_hours — grain: one row per finished participatory project with recorded hours
-- (the projects of project_phase_hours: status $done_status, a level among $participation_levels,
-- a start date and an end date not before it).
-- Columns: project_id, project_name, theme, service_id, level, initiative, perimeter, start_date,
-- end_date, days, hours.
--   perimeter = its kind (sql macro perimeter_kind, migration 0005): a quartier's name reads 'quartier';
--   days  = end_date - start_date + 1 (the project's life in days);
--   hours = total staff hours recorded on the project (all agents, all activities: the sum of its
--           rows in project_phase_hours).
-- Arbitration reads finished projects' effort from these few thousand rows (months and
-- monthly_hours are computed when read, see arbitration/finished_effort.sql).

CREATE OR REPLACE TABLE finished_hours AS
WITH
projects_in AS (
    SELECT project_id, project_name, theme, service_id, level, initiative, perimeter, status,
           start_date, end_date
    FROM projects
    WHERE touched_project(project_id)  -- every project, but in a keyed refresh (store/derived.py)
),

finished AS (
    SELECT *, (end_date - start_date) + 1 AS days
    FROM projects_in
    WHERE status = $done_status
      AND list_contains($participation_levels, level)
      AND start_date IS NOT NULL
      AND end_date >= start_date
),

project_hours AS (
    SELECT project_id, sum(hours) AS hours
    FROM project_phase_hours
    WHERE touched_project(project_id)
    GROUP BY project_id
)

SELECT
    f.project_id,
    f.project_name,
    f.theme,
    f.service_id,
    f.level,
    f.initiative,
    perimeter_kind(f.perimeter) AS perimeter,
    f.start_date,
    f.end_date,
    f.days,
    h.hours
FROM finished AS f
JOIN project_hours AS h ON h.project_id = f.project_id
ORDER BY f.project_id
