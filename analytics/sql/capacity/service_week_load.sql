-- Load per service and ISO week, clipped to the period [$start, $end]: the service heatmap.
-- Grain: one row per (service_id, week_start) in which an agent of the service has capacity or recorded
-- time inside the period.
-- Columns: service_id, service_name, week_start (ISO Monday),
--          hours (the level filter applied), recorded_hours (all levels),
--          capacity_hours (every agent present that week),
--          recorded_capacity_hours (capacity of the agents who recorded time that week, any level),
--          agents (agents with capacity or recorded time that week),
--          agents_missing (of those, agents without any recorded time: no timesheet).
-- The agent-week rows summed are exactly those of agent_week_load.sql (same CTEs, kept in step): whole
-- weeks from agent_week, the (at most two) weeks cut by the period's edges from agent_day and
-- agent_day_capacity, the level filter narrowing hours only.
WITH
agents_in AS (
    SELECT agent_id, service_id
    FROM agents
    WHERE $service IS NULL OR service_id = $service
),

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

whole_weeks AS (
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

weeks AS (
    SELECT * FROM whole_weeks
    UNION ALL
    SELECT * FROM edge_weeks
),

service_weeks AS (
    SELECT
        a.service_id,
        w.week_start,
        sum(w.hours)                                                           AS hours,
        sum(w.recorded_hours)                                                  AS recorded_hours,
        sum(w.capacity_hours)                                                  AS capacity_hours,
        sum(CASE WHEN w.recorded_hours > 0 THEN w.capacity_hours ELSE 0.0 END) AS recorded_capacity_hours,
        count(*)                                                               AS agents,
        count(*) FILTER (WHERE w.recorded_hours <= 0)                          AS agents_missing
    FROM weeks AS w
    JOIN agents_in AS a ON a.agent_id = w.agent_id
    GROUP BY a.service_id, w.week_start
)

SELECT
    w.service_id,
    s.service_name,
    w.week_start,
    w.hours,
    w.recorded_hours,
    w.capacity_hours,
    w.recorded_capacity_hours,
    w.agents,
    w.agents_missing
FROM service_weeks AS w
LEFT JOIN services AS s ON s.service_id = w.service_id
ORDER BY s.service_name NULLS LAST, w.week_start, w.service_id
