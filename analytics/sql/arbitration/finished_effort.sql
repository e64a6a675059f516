-- Finished participatory projects with their effort: the rows of finished_projects.sql that have
-- recorded hours (the derived table finished_hours), with months, hours and monthly_hours (see
-- arbitration/finished_effort_rows.sql).
-- Columns: project_id, project_name, theme, service_id, level, initiative, perimeter, start_date,
-- end_date, days, months, hours, monthly_hours. One row per project, by project_id.
WITH
-- @include arbitration/finished_effort_rows

SELECT * FROM effort
ORDER BY project_id
