-- Load per service and ISO week, clipped to the period [$start, $end]: the service heatmap.
-- Grain: one row per (service_id, week_start) in which an agent of the service has capacity or recorded
-- time inside the period.
-- Columns: service_id, service_name, week_start (ISO Monday),
--          hours (the level filter applied), recorded_hours (all levels),
--          capacity_hours (every agent present that week),
--          recorded_capacity_hours (capacity of the agents who recorded time that week, any level),
--          agents (agents with capacity or recorded time that week),
--          agents_missing (of those, agents without any recorded time: no timesheet).
-- The agent-week rows summed are exactly those of agent_week_load.sql (the same included CTEs): whole
-- weeks from agent_week, the (at most two) weeks cut by the period's edges from agent_day and
-- agent_day_capacity, the level filter narrowing hours only.
WITH
-- @include capacity/period_weeks
agents_in AS (
    SELECT agent_id, service_id
    FROM agents
    WHERE $service IS NULL OR service_id = $service
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
