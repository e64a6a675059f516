-- What the arbitration page and simulator draw and estimate from, per finished participatory
-- project with recorded hours: the columns of finished_effort.sql they use (criteria of
-- comparability and breakdown dimensions, service_id for the team), with months, hours and
-- monthly_hours (see arbitration/finished_effort_rows.sql).
-- One row per project, by project_id.
WITH
-- @include arbitration/finished_effort_rows

SELECT
    project_id,
    theme,
    service_id,
    level,
    initiative,
    perimeter,
    months,
    hours,
    monthly_hours
FROM effort
ORDER BY project_id
