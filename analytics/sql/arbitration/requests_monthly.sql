-- Requests (sollicitations) per month of [$start, $end], overall and by channel, quartier and team.
--   received           = requests received that month (within the period),
--   born_from_projects = of those, requests linked to a project (requests.project_id),
--   open_at_month_end  = requests received on or before the month's end (or $end for the last,
--                        partial month) and not closed on or before it (the backlog; each request
--                        is expanded over the months it is open at, not joined to every month).
-- A request's team is its service's team ($map_services → $map_teams; NULL when the service is
-- unknown or hidden). $team (NULL = all) keeps one team's requests.
-- Output (long): dimension ('all', 'channel', 'quartier', 'team'), category (NULL for 'all' or a
-- missing value), month_start, received, born_from_projects, open_at_month_end. Months without any
-- request are absent.
WITH
requests_in AS (
    SELECT request_id, received_on, closed_on, channel, quartier, service_id, project_id
    FROM requests
),

-- @include arbitration/team_map

scoped AS (
    SELECT r.*, m.team_id
    FROM requests_in AS r
    LEFT JOIN team_map AS m ON m.service_id = r.service_id
    WHERE CAST($team AS VARCHAR) IS NULL OR m.team_id = $team
),

-- A request is open at the end of the period's months [first_open, first_closed), numbered from 0
-- (the month of $start): from the month it was received in (the first month when received before
-- the period) to the month before it was closed in (the last month ends on $end: closed after $end,
-- or never, it stays open to the end).
open_spans AS (
    SELECT channel, quartier, team_id,
           greatest(0, datediff('month', CAST($start AS DATE), received_on))      AS first_open,
           CASE WHEN closed_on IS NULL OR closed_on > $end
                THEN datediff('month', CAST($start AS DATE), CAST($end AS DATE)) + 1
                ELSE greatest(0, datediff('month', CAST($start AS DATE), closed_on)) END
                                                                                 AS first_closed
    FROM scoped
    WHERE received_on <= $end
),

received AS (
    SELECT CAST(date_trunc('month', received_on) AS DATE) AS month_start, channel, quartier,
           team_id, count(*) AS received, count(project_id) AS born_from_projects
    FROM scoped
    WHERE received_on BETWEEN $start AND $end
    GROUP BY ALL
),

open_months AS (
    SELECT channel, quartier, team_id, unnest(range(first_open, first_closed)) AS month_index
    FROM open_spans
    WHERE first_open < first_closed
),

backlog AS (
    SELECT CAST(date_trunc('month', CAST($start AS DATE)) + to_months(CAST(month_index AS INTEGER))
                AS DATE)                                               AS month_start,
           channel, quartier, team_id, count(*) AS open_at_month_end
    FROM open_months
    GROUP BY ALL
),

cells AS (
    SELECT month_start, channel, quartier, team_id, received, born_from_projects,
           0 AS open_at_month_end
    FROM received
    UNION ALL
    SELECT month_start, channel, quartier, team_id, 0, 0, open_at_month_end
    FROM backlog
)

SELECT
    -- @include arbitration/request_group
    month_start,
    CAST(sum(received) AS BIGINT)                     AS received,
    CAST(sum(born_from_projects) AS BIGINT)           AS born_from_projects,
    CAST(sum(open_at_month_end) AS BIGINT)            AS open_at_month_end
FROM cells
GROUP BY GROUPING SETS ((month_start, channel), (month_start, quartier), (month_start, team_id),
                        (month_start))
ORDER BY dimension, category, month_start
