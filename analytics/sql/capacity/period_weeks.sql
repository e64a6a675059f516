-- Shared CTEs (not a query on its own): the agent-week rows of the period [$start, $end].
-- Included by agent_week_load.sql, load_weeks.sql and data/health.sql with the line
-- "-- @include capacity/period_weeks" right after their WITH (analytics.store.db.read_sql); the text
-- ends with a comma, so the including file goes on with its own CTEs.
-- weeks: one row per (agent_id, week_start) with capacity or recorded time inside the period, with
--        recorded_hours (all levels), hours (the level filter applied) and capacity_hours (never
--        narrowed by the level). Whole weeks come from agent_week; the (at most two) weeks cut by the
--        period's edges are summed from agent_day and agent_day_capacity; with a level filter the hours
--        of whole weeks are summed from agent_day at that level. $service narrows every CTE.
-- whole_weeks and weeks are NOT MATERIALIZED: a query reading them twice (load_weeks.sql) scans
-- agent_week again rather than buffering ~80 k agent-weeks of a city.
level_weeks AS (
    -- hours at the chosen level in the weeks wholly inside the period (nothing without a level)
    SELECT agent_id, week_start, sum(hours) AS hours
    FROM agent_day
    WHERE $level IS NOT NULL AND level = $level
      AND work_date BETWEEN $start AND $end
      AND week_start >= $start AND week_start + 6 <= $end
      AND ($service IS NULL OR service_id = $service)
    GROUP BY agent_id, week_start
),

whole_weeks AS NOT MATERIALIZED (
    SELECT
        w.agent_id,
        w.week_start,
        w.hours                                                            AS recorded_hours,
        CASE WHEN $level IS NULL THEN w.hours ELSE coalesce(l.hours, 0.0) END AS hours,
        w.capacity_hours
    FROM agent_week AS w
    LEFT JOIN level_weeks AS l ON l.agent_id = w.agent_id AND l.week_start = w.week_start
    WHERE w.week_start BETWEEN $start AND $end AND w.week_start + 6 <= $end
      AND ($service IS NULL OR w.service_id = $service)
      AND (w.hours > 0 OR w.capacity_hours > 0)
),

edge_days AS (
    -- the days of the (at most two) weeks cut by the period's edges
    SELECT agent_id, week_start, hours AS recorded_hours,
           CASE WHEN $level IS NULL OR level = $level THEN hours ELSE 0.0 END AS hours,
           0.0 AS capacity_hours
    FROM agent_day
    WHERE work_date BETWEEN $start AND $end
      AND (week_start < $start OR week_start + 6 > $end)
      AND ($service IS NULL OR service_id = $service)
    UNION ALL
    SELECT agent_id, week_start, 0.0, 0.0, capacity_hours
    FROM agent_day_capacity
    WHERE day BETWEEN $start AND $end
      AND (week_start < $start OR week_start + 6 > $end)
      AND ($service IS NULL OR service_id = $service)
),

edge_weeks AS (
    SELECT agent_id, week_start, sum(recorded_hours) AS recorded_hours, sum(hours) AS hours,
           sum(capacity_hours) AS capacity_hours
    FROM edge_days
    GROUP BY agent_id, week_start
),

weeks AS NOT MATERIALIZED (
    SELECT * FROM whole_weeks
    UNION ALL
    SELECT * FROM edge_weeks
),
