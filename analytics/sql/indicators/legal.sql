-- Indicator family: legal working-time limits (décret 2000-815, art. 3). One row:
--   legal.days_over_10h   (agent, day in period) with day hours > $max_daily_hours
--   legal.weeks_over_48h  (agent, ISO week whose Monday is in the period) with the whole Monday–Sunday
--                         week's hours > $max_weekly_hours
--   legal.avg12_over_44h  (agent, ISO week w whose Monday is in the period) with
--                         sum(hours of weeks w-(N-1)..w) / N > $max_avg_weekly_hours, N =
--                         $avg_window_weeks (weeks without entries count 0; always divide by N), over
--                         the agents having entries in the window
--   legal.rest_under_11h  (agent, day d in period) with first start on d - last end of the entries
--                         dated d-1 (possibly after midnight) < $min_daily_rest_hours; days without
--                         times on either side are skipped (agent_workday.rest_hours is NULL)
-- Always all of an agent's hours, whatever the level ($level is not a parameter here); $service keeps
-- that service's agents.

WITH
day_counts AS (
    SELECT
        count(*) FILTER (WHERE hours > $max_daily_hours)           AS long_days,
        count(*) FILTER (WHERE rest_hours < $min_daily_rest_hours) AS short_rests
    FROM agent_workday
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
),

weeks AS (
    SELECT agent_id, week_start, hours
    FROM agent_week
    WHERE ($service IS NULL OR service_id = $service)
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

worked_weeks AS (
    -- weeks with hours that can fall in the window of a period week
    SELECT agent_id, week_start, hours
    FROM weeks
    WHERE week_start BETWEEN $start - CAST(7 * $avg_window_weeks AS INTEGER) AND $end
      AND hours > 0
),

weekly AS (
    -- every period week for every agent with hours around it (a week without entries counts 0),
    -- plus the weeks before the period that windows reach back to
    SELECT a.agent_id, p.week_start, coalesce(w.hours, 0.0) AS hours
    FROM (SELECT DISTINCT agent_id FROM worked_weeks) AS a
    CROSS JOIN period_weeks AS p
    LEFT JOIN worked_weeks AS w ON w.agent_id = a.agent_id AND w.week_start = p.week_start
    UNION ALL
    SELECT agent_id, week_start, hours FROM worked_weeks WHERE week_start < $start
),

windows AS (
    SELECT
        agent_id,
        week_start,
        sum(hours) OVER (
            PARTITION BY agent_id
            ORDER BY date_diff('day', DATE '2000-01-03', week_start) // 7  -- weeks since a Monday
            RANGE BETWEEN $avg_window_weeks - 1 PRECEDING AND CURRENT ROW
        ) AS window_hours
    FROM weekly
)

SELECT
    d.long_days                                                               AS "legal.days_over_10h",
    (SELECT count(*) FROM weeks
      WHERE week_start BETWEEN $start AND $end AND hours > $max_weekly_hours) AS "legal.weeks_over_48h",
    (SELECT count(*) FROM windows
      WHERE week_start BETWEEN $start AND $end
        AND window_hours / $avg_window_weeks > $max_avg_weekly_hours)         AS "legal.avg12_over_44h",
    d.short_rests                                                             AS "legal.rest_under_11h"
FROM day_counts AS d
