-- service_day_capacity — grain: one row per (service_id, day) where the service's agents carry
-- capacity (rows of agent_day_capacity).
-- Columns: service_id (the agents' service; NULL for agents without one), day, week_start,
--          agents (with capacity that day), capacity_hours (sum of agent_day_capacity.capacity_hours).
-- The catalogue's capacity.hours reads it (indicators/hours.sql): a few thousand rows a year instead
-- of one row per agent and working day.

CREATE OR REPLACE TABLE service_day_capacity AS
WITH
agent_capacity AS (
    SELECT service_id, day, week_start, capacity_hours
    FROM agent_day_capacity
    WHERE touched_service_day(service_id, day)  -- all, but in a keyed refresh (store/derived.py)
)

SELECT
    service_id,
    day,
    week_start,
    count(*)            AS agents,
    sum(capacity_hours) AS capacity_hours
FROM agent_capacity
GROUP BY service_id, day, week_start
ORDER BY day, service_id
