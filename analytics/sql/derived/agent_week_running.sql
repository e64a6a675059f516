-- agent_week_running — grain: one row per (agent_id, week_start) for every ISO week from the agent's
-- first week with hours to the last week of calendar_days, weeks without entries included (dense).
-- Columns: agent_id, service_id (the agent's), week_start, hours (0.0 when the week has no entry),
--          cumulative_hours (the agent's hours of every week up to and including this one).
-- The hours of any window of weeks are a difference of two rows: the hours of weeks w-(N-1)..w are
-- cumulative_hours(w) - cumulative_hours(w - N weeks) (0 before the first row). The 12-week
-- average of legal.avg12_over_44h reads it (capacity/legal_avg12.sql) for any window length, without a
-- window function at query time.
-- A keyed refresh (analytics/store/derived.py) computes the rows of a touched agent from its first
-- touched week on (touched_from; the first day of time in a whole rebuild), adding the hours of the
-- weeks before it (earlier).

CREATE OR REPLACE TABLE agent_week_running AS
WITH
worked AS (
    SELECT agent_id, service_id, week_start, hours
    FROM agent_week
    WHERE hours > 0
      AND touched_agent(agent_id)  -- every agent, but in a keyed refresh (store/derived.py)
),

weeks AS (
    SELECT DISTINCT week_start FROM calendar_days
),

spans AS (
    SELECT agent_id, any_value(service_id) AS service_id,
           greatest(min(week_start), touched_from(agent_id)) AS from_week
    FROM worked
    GROUP BY agent_id
),

earlier AS (  -- the hours before from_week (none in a whole rebuild)
    SELECT s.agent_id, sum(k.hours) AS hours
    FROM spans AS s
    JOIN worked AS k ON k.agent_id = s.agent_id AND k.week_start < s.from_week
    GROUP BY s.agent_id
),

dense AS (
    SELECT s.agent_id, s.service_id, w.week_start, coalesce(k.hours, 0.0) AS hours
    FROM spans AS s
    JOIN weeks AS w ON w.week_start >= s.from_week
    LEFT JOIN worked AS k ON k.agent_id = s.agent_id AND k.week_start = w.week_start
)

SELECT
    d.agent_id,
    d.service_id,
    d.week_start,
    d.hours,
    coalesce(e.hours, 0.0)
        + sum(d.hours) OVER (PARTITION BY d.agent_id ORDER BY d.week_start ROWS UNBOUNDED PRECEDING)
        AS cumulative_hours
FROM dense AS d
LEFT JOIN earlier AS e ON e.agent_id = d.agent_id
ORDER BY d.week_start, d.agent_id
