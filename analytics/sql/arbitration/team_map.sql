-- Shared CTE (not a query on its own): team_map, one row per (service_id, team_id) of the page's
-- teams ($map_services[i] belongs to $map_teams[i]; a service absent from the lists has no team).
-- Included among the CTEs (the text ends with a comma) by arbitration/requests_monthly.sql,
-- requests_close_time.sql and requests_echo.sql: a request's or a project's team is its service's.
team_map AS (
    SELECT unnest(CAST($map_services AS VARCHAR[])) AS service_id,
           unnest(CAST($map_teams AS VARCHAR[]))    AS team_id
),
