-- agent_workday — grain: one row per (agent_id, work_date) with at least one time entry, all levels.
-- Columns: agent_id, service_id (the agent's), work_date, week_start, entries, hours, outside_hours,
--          first_start_ts (earliest start of the day's entries with times), last_end_ts (latest end,
--          possibly on the next calendar day), previous_end_ts (last_end_ts of the entries dated the
--          calendar day before; NULL when that day has no entry with times),
--          rest_hours = first_start_ts - previous_end_ts in hours (NULL when either is missing).
-- The daily legal checks read it: legal.days_over_10h counts hours > limit, legal.rest_under_11h
-- counts rest_hours < limit (days without times on either side have rest_hours NULL: skipped).

CREATE OR REPLACE TABLE agent_workday AS
WITH
day_levels AS (
    SELECT agent_id, service_id, work_date, week_start, entries, hours, outside_hours,
           first_start_ts, last_end_ts
    FROM agent_day
    -- every row, but in a keyed refresh (store/derived.py): the rows it replaces and the day before
    WHERE touched_around(agent_id, work_date)
),

days AS (
    SELECT
        agent_id,
        service_id,
        work_date,
        week_start,
        sum(entries)        AS entries,
        sum(hours)          AS hours,
        sum(outside_hours)  AS outside_hours,
        min(first_start_ts) AS first_start_ts,
        max(last_end_ts)    AS last_end_ts
    FROM day_levels
    GROUP BY agent_id, service_id, work_date, week_start
),

with_previous AS (
    SELECT
        *,
        lag(work_date) OVER (PARTITION BY agent_id ORDER BY work_date)   AS previous_work_date,
        lag(last_end_ts) OVER (PARTITION BY agent_id ORDER BY work_date) AS previous_last_end_ts
    FROM days
)

SELECT
    agent_id,
    service_id,
    work_date,
    week_start,
    entries,
    hours,
    outside_hours,
    first_start_ts,
    last_end_ts,
    CASE WHEN previous_work_date = work_date - 1 THEN previous_last_end_ts END AS previous_end_ts,
    CASE WHEN previous_work_date = work_date - 1
         THEN (epoch(first_start_ts) - epoch(previous_last_end_ts)) / 3600.0 END AS rest_hours
FROM with_previous
ORDER BY work_date, agent_id
