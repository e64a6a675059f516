-- Time to close requests closed in [$start, $end]: days = closed_on − received_on (requests closed
-- before they were received are ignored), overall and by channel, quartier and team (see
-- requests_monthly.sql for the team and $team).
-- Output: dimension, category, closed (count), days_p50 (median), days_p80 (80th percentile,
-- linear interpolation).
WITH
requests_in AS (
    SELECT request_id, received_on, closed_on, channel, quartier, service_id FROM requests
),

-- @include arbitration/team_map

closed AS (
    SELECT r.channel, r.quartier, m.team_id, r.closed_on - r.received_on AS days
    FROM requests_in AS r
    LEFT JOIN team_map AS m ON m.service_id = r.service_id
    WHERE r.closed_on BETWEEN $start AND $end
      AND r.closed_on >= r.received_on
      AND (CAST($team AS VARCHAR) IS NULL OR m.team_id = $team)
)

SELECT
    -- @include arbitration/request_group
    count(*)                                          AS closed,
    quantile_cont(days, 0.5)                          AS days_p50,
    quantile_cont(days, 0.8)                          AS days_p80
FROM closed
GROUP BY GROUPING SETS ((channel), (quartier), (team_id), ())
ORDER BY dimension, closed DESC, category
