-- agent_week — grain: one row per (agent_id, week_start) with hours or capacity that ISO week.
-- Columns: agent_id, service_id (the agent's), week_start (ISO Monday), iso_year, iso_week,
--          entries (time entries that week, all levels; 0 for a week with capacity only),
--          hours (all levels, Monday–Sunday), participation_hours (entries at level information,
--          consultation or coproduction), outside_hours, capacity_hours (sum of agent_day_capacity),
--          load_ratio = hours / capacity_hours (1.0 = exactly at capacity; NULL when capacity is 0).
-- Feeds the weekly legal checks (48 h, 44 h over 12 weeks), sustained overload and the heatmap.

CREATE OR REPLACE TABLE agent_week AS
WITH
facts AS (
    SELECT agent_id, week_start, level, hours, outside_hours FROM entry_facts
    WHERE touched_week(agent_id, week_start)  -- every row, but in a keyed refresh (store/derived.py)
),

capacity_days AS (
    SELECT agent_id, week_start, capacity_hours FROM agent_day_capacity
    WHERE touched_week(agent_id, week_start)
),

agents_in AS (
    SELECT agent_id, service_id FROM agents
),

hours_by_week AS (
    SELECT
        agent_id,
        week_start,
        count(*)                                                             AS entries,
        sum(hours)                                                           AS hours,
        coalesce(sum(hours) FILTER (WHERE list_contains($participation_levels, level)), 0.0)
                                                                             AS participation_hours,
        sum(outside_hours)                                                   AS outside_hours
    FROM facts
    GROUP BY agent_id, week_start
),

capacity_by_week AS (
    SELECT agent_id, week_start, sum(capacity_hours) AS capacity_hours
    FROM capacity_days
    GROUP BY agent_id, week_start
),

weeks AS (
    SELECT
        coalesce(h.agent_id, c.agent_id)       AS agent_id,
        coalesce(h.week_start, c.week_start)   AS week_start,
        coalesce(h.entries, 0)                 AS entries,
        coalesce(h.hours, 0.0)                 AS hours,
        coalesce(h.participation_hours, 0.0)   AS participation_hours,
        coalesce(h.outside_hours, 0.0)         AS outside_hours,
        coalesce(c.capacity_hours, 0.0)        AS capacity_hours
    FROM hours_by_week AS h
    FULL OUTER JOIN capacity_by_week AS c
      ON c.agent_id = h.agent_id AND c.week_start = h.week_start
)

SELECT
    w.agent_id,
    a.service_id,
    w.week_start,
    CAST(isoyear(w.week_start) AS INTEGER)        AS iso_year,
    CAST(week(w.week_start) AS INTEGER)           AS iso_week,
    w.entries,
    w.hours,
    w.participation_hours,
    w.outside_hours,
    w.capacity_hours,
    w.hours / nullif(w.capacity_hours, 0.0)       AS load_ratio
FROM weeks AS w
LEFT JOIN agents_in AS a ON a.agent_id = w.agent_id
ORDER BY w.week_start, w.agent_id
