-- agent_day — grain: one row per (agent_id, work_date, level) with at least one time entry.
-- Columns: agent_id, service_id (the agent's), work_date, week_start, level, entries (count),
--          hours, outside_hours, first_start_ts (earliest start_ts of the day's entries with times),
--          last_end_ts (latest end_ts, possibly on the next calendar day). Aggregates entry_facts.
-- Legal checks (10 h a day, 11 h rest) re-aggregate over level: min/max/sum of these are exactly the
-- day's values over all entries.

CREATE OR REPLACE TABLE agent_day AS
WITH
facts AS (
    SELECT agent_id, service_id, work_date, week_start, level, hours, outside_hours, start_ts, end_ts
    FROM entry_facts
    WHERE touched_day(agent_id, work_date)  -- every row, but in a keyed refresh (store/derived.py)
)

SELECT
    agent_id,
    service_id,
    work_date,
    week_start,
    level,
    count(*)           AS entries,
    sum(hours)         AS hours,
    sum(outside_hours) AS outside_hours,
    min(start_ts)      AS first_start_ts,
    max(end_ts)        AS last_end_ts
FROM facts
GROUP BY agent_id, service_id, work_date, week_start, level
ORDER BY work_date, agent_id
