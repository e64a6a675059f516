-- Legal findings: 12-week averages over the limit (décret 2000-815, art. 3: 44 hours on average over
-- any 12 consecutive weeks).
-- Grain: one row per (agent, ISO week w whose Monday is in [$start, $end]) where the hours of weeks
-- w−($avg_window_weeks−1)..w, all levels, divided by $avg_window_weeks (a week without entries counts
-- 0) exceed $max_avg_weekly_hours.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, window_start (Monday of the
--          first week of the window), window_hours, average_hours, limit_hours, excess_hours
--          (average − limit). Its row count is the catalogue's legal.avg12_over_44h (same windows as
--          sql/indicators/legal.sql).
WITH
agents_in AS (
    SELECT a.agent_id, a.agent_name, a.service_id, s.service_name
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
),

worked_weeks AS (
    -- weeks with hours that can fall in the window of a period week
    SELECT agent_id, week_start, hours
    FROM agent_week
    WHERE week_start BETWEEN $start - CAST(7 * $avg_window_weeks AS INTEGER) AND $end
      AND ($service IS NULL OR service_id = $service)
      AND hours > 0
),

period_weeks AS (
    -- Mondays of the period: the first Monday on or after $start, every 7 days up to $end.
    SELECT CAST(monday AS DATE) AS week_start
    FROM generate_series(
        CAST($start + CAST((8 - isodow($start)) % 7 AS INTEGER) AS TIMESTAMP),
        CAST($end AS TIMESTAMP),
        INTERVAL 7 DAY
    ) AS series(monday)
),

grid AS (
    -- every period week for every agent with hours around it (weeks without entries count 0)
    SELECT a.agent_id, p.week_start, 0.0 AS hours
    FROM (SELECT DISTINCT agent_id FROM worked_weeks) AS a
    CROSS JOIN period_weeks AS p
    UNION ALL
    SELECT agent_id, week_start, hours FROM worked_weeks
),

weekly AS (
    SELECT
        agent_id,
        week_start,
        date_diff('day', DATE '2000-01-03', week_start) // 7 AS week_index,  -- weeks since a Monday
        sum(hours)                                            AS hours
    FROM grid
    GROUP BY agent_id, week_start
),

windows AS (
    SELECT
        agent_id,
        week_start,
        sum(hours) OVER (
            PARTITION BY agent_id ORDER BY week_index
            RANGE BETWEEN $avg_window_weeks - 1 PRECEDING AND CURRENT ROW
        ) AS window_hours
    FROM weekly
)

SELECT
    w.agent_id, a.agent_name, a.service_id, a.service_name,
    w.week_start,
    w.week_start - CAST(7 * ($avg_window_weeks - 1) AS INTEGER)     AS window_start,
    w.window_hours,
    w.window_hours / $avg_window_weeks                              AS average_hours,
    $max_avg_weekly_hours                                           AS limit_hours,
    w.window_hours / $avg_window_weeks - $max_avg_weekly_hours      AS excess_hours
FROM windows AS w
LEFT JOIN agents_in AS a USING (agent_id)
WHERE w.week_start BETWEEN $start AND $end
  AND w.window_hours / $avg_window_weeks > $max_avg_weekly_hours
ORDER BY w.week_start, a.agent_name, w.agent_id
