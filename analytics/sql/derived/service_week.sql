-- service_week — grain: one row per (service_id, week_start) in which an agent of the service
-- (agents.service_id; NULL = agents without a service) has hours or capacity that ISO week.
-- Columns: service_id, week_start (ISO Monday), hours (all levels), capacity_hours (every agent
--          present), recorded_capacity_hours (capacity of the agents who recorded time that week),
--          agents (agents with hours or capacity that week), agents_missing (of those, agents without
--          any recorded time: no timesheet).
-- The whole weeks of the load tab's service heatmap without a level filter
-- (capacity/load_weeks.sql): agent_week summed per service.

CREATE OR REPLACE TABLE service_week AS
WITH
agent_weeks AS (
    SELECT agent_id, week_start, hours, capacity_hours
    FROM agent_week
    WHERE hours > 0 OR capacity_hours > 0
),

agents_in AS (
    SELECT agent_id, service_id FROM agents
)

SELECT
    a.service_id,
    w.week_start,
    sum(w.hours)                                                       AS hours,
    sum(w.capacity_hours)                                              AS capacity_hours,
    sum(CASE WHEN w.hours > 0 THEN w.capacity_hours ELSE 0.0 END)      AS recorded_capacity_hours,
    count(*)                                                           AS agents,
    count(*) FILTER (WHERE w.hours <= 0)                               AS agents_missing
FROM agent_weeks AS w
JOIN agents_in AS a ON a.agent_id = w.agent_id
WHERE touched_service_week(a.service_id, w.week_start)  -- all, but in a keyed refresh (store/derived.py)
GROUP BY a.service_id, w.week_start
ORDER BY w.week_start, a.service_id
