-- Indicator family: sustained overload. One row: agents.sustained_overload = number of agents with at
-- least $overload_min_weeks consecutive ISO weeks (Mondays in the period) whose hours (all levels)
-- exceed $overload_ratio × that week's capacity, capacity > 0. A week with no capacity, or not over,
-- breaks the run (gaps and islands: consecutive over-weeks share week number - row number).
-- $service keeps that service's agents; $level is not a parameter (a limit on total working time).

WITH
over_weeks AS (
    SELECT agent_id, week_start
    FROM agent_week
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND capacity_hours > 0
      AND hours > $overload_ratio * capacity_hours
),

islands AS (
    SELECT
        agent_id,
        date_diff('day', DATE '2000-01-03', week_start) // 7          -- weeks since a Monday
          - row_number() OVER (PARTITION BY agent_id ORDER BY week_start) AS island
    FROM over_weeks
),

runs AS (
    SELECT agent_id, island, count(*) AS weeks
    FROM islands
    GROUP BY agent_id, island
)

SELECT count(DISTINCT agent_id) FILTER (WHERE weeks >= $overload_min_weeks)
       AS "agents.sustained_overload"
FROM runs
