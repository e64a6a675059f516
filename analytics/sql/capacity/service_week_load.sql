-- Load per service and ISO week, clipped to the period [$start, $end]: the service heatmap.
-- Grain: one row per (service_id, week_start) in which an agent of the service has capacity or recorded
-- time inside the period.
-- Columns: service_id, service_name, week_start (ISO Monday),
--          hours (the level filter applied), recorded_hours (all levels),
--          capacity_hours (every agent present that week),
--          recorded_capacity_hours (capacity of the agents who recorded time that week, any level),
--          agents (agents with capacity or recorded time that week),
--          agents_missing (of those, agents without any recorded time: no timesheet).
-- The rows of a service follow each other (by service name, then service_id, then week), so that
-- analytics.capacity.load sums each service's period from them without another aggregate here.
-- The agent-week rows summed are exactly those of agent_week_load.sql (the same included CTEs): whole
-- weeks from agent_week, the (at most two) weeks cut by the period's edges from agent_day and
-- agent_day_capacity, the level filter narrowing hours only. Without a level filter the whole weeks are
-- read summed per service (service_week).
WITH
-- @include capacity/period_weeks
agents_in AS (
    SELECT agent_id, service_id
    FROM agents
    WHERE $service IS NULL OR service_id = $service
),

agent_service_weeks AS (
    -- the agent-weeks summed here: every week with a level filter, else only the (at most two)
    -- weeks cut by the period's edges (whole weeks come summed per service from service_week)
    SELECT a.service_id, w.*
    FROM weeks AS w
    JOIN agents_in AS a ON a.agent_id = w.agent_id
    WHERE $level IS NOT NULL
    UNION ALL
    SELECT a.service_id, w.*
    FROM edge_weeks AS w
    JOIN agents_in AS a ON a.agent_id = w.agent_id
    WHERE $level IS NULL
),

summed_weeks AS (
    SELECT
        service_id,
        week_start,
        sum(hours)                                                         AS hours,
        sum(recorded_hours)                                                AS recorded_hours,
        sum(capacity_hours)                                                AS capacity_hours,
        sum(CASE WHEN recorded_hours > 0 THEN capacity_hours ELSE 0.0 END) AS recorded_capacity_hours,
        count(*)                                                           AS agents,
        count(*) FILTER (WHERE recorded_hours <= 0)                        AS agents_missing
    FROM agent_service_weeks
    GROUP BY service_id, week_start
),

service_weeks AS (
    SELECT * FROM summed_weeks
    UNION ALL
    -- whole weeks without a level filter: service_week (agent_week summed per agents.service_id)
    SELECT service_id, week_start, hours, hours AS recorded_hours, capacity_hours,
           recorded_capacity_hours, agents, agents_missing
    FROM service_week
    WHERE $level IS NULL
      AND week_start BETWEEN $start AND $end AND week_start + 6 <= $end
      AND ($service IS NULL OR service_id = $service)
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
ORDER BY s.service_name NULLS LAST, w.service_id NULLS LAST, w.week_start
