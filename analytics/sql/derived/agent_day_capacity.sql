-- agent_day_capacity — grain: one row per (agent_id, day) that carries capacity.
-- Columns: agent_id, service_id (the agent's), day, week_start (ISO Monday), weekly_hours (of the
--          contract valid that day), capacity_hours = weekly_hours / 5.
-- Rules (DESIGN's capacity.hours): only working days of calendar_days (Monday–Friday, not a French
-- public holiday); the contract valid that day is the one with valid_from <= day <= valid_to
-- (valid_to NULL = open), and when two overlap the one with the latest valid_from wins; no capacity on
-- a day inside an absence (start_date..end_date inclusive). Only rows with capacity_hours > 0.
-- Covers the span of calendar_days only.

CREATE OR REPLACE TABLE agent_day_capacity AS
WITH
contracts_in AS (
    SELECT agent_id, valid_from, valid_to, weekly_hours FROM contracts
    WHERE touched_agent(agent_id)  -- every contract, but in a keyed refresh (store/derived.py)
),

absences_in AS (
    SELECT agent_id, start_date, end_date FROM absences
),

agents_in AS (
    SELECT agent_id, service_id FROM agents
),

working_days AS (
    SELECT day, week_start FROM calendar_days WHERE is_working_day
),

contract_days AS (
    SELECT c.agent_id, d.day, d.week_start, c.weekly_hours
    FROM contracts_in AS c
    JOIN working_days AS d
      ON d.day >= c.valid_from AND d.day <= coalesce(c.valid_to, DATE '9999-12-31')
    WHERE touched_day(c.agent_id, d.day)
    QUALIFY row_number() OVER (PARTITION BY c.agent_id, d.day ORDER BY c.valid_from DESC) = 1
),

present_days AS (
    SELECT cd.*
    FROM contract_days AS cd
    ANTI JOIN absences_in AS a
      ON a.agent_id = cd.agent_id AND cd.day BETWEEN a.start_date AND a.end_date
)

SELECT
    p.agent_id,
    a.service_id,
    p.day,
    p.week_start,
    p.weekly_hours,
    p.weekly_hours / 5.0 AS capacity_hours
FROM present_days AS p
LEFT JOIN agents_in AS a ON a.agent_id = p.agent_id
WHERE p.weekly_hours > 0
ORDER BY p.day, p.agent_id
