-- Indicator family: requests from residents (sollicitations). One row:
--   requests.received              received_on in [$start, $end]
--   requests.open_at_end           received_on <= $end and not closed on or before $end
--                                  (closed_on NULL or after $end; status is not read)
--   requests.median_days_to_close  median (interpolated) of closed_on - received_on in days, over
--                                  requests with closed_on in [$start, $end]; NULL when none
-- $service keeps requests.service_id = $service; $level keeps requests born from a project at that
-- level ($no_level = 'none': no project, or a project with a NULL level).

WITH
requests_in AS (
    SELECT request_id, received_on, closed_on, service_id, project_id FROM requests
),

projects_in AS (
    SELECT project_id, level FROM projects
),

scoped AS (
    SELECT r.received_on, r.closed_on
    FROM requests_in AS r
    LEFT JOIN projects_in AS p ON p.project_id = r.project_id
    WHERE ($service IS NULL OR r.service_id = $service)
      AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
)

SELECT
    count(*) FILTER (WHERE received_on BETWEEN $start AND $end)            AS "requests.received",
    count(*) FILTER (WHERE received_on <= $end
                       AND (closed_on IS NULL OR closed_on > $end))        AS "requests.open_at_end",
    median(CAST(closed_on - received_on AS DOUBLE))
        FILTER (WHERE closed_on BETWEEN $start AND $end)                   AS "requests.median_days_to_close"
FROM scoped
