-- Sustained overload: runs of at least $overload_min_weeks consecutive ISO weeks (Mondays in
-- [$start, $end]) whose hours, all levels, exceed $overload_ratio × that week's capacity (capacity > 0).
-- Grain: one row per run.
-- Columns: agent_id, agent_name, service_id, service_name, run_start (Monday of its first week),
--          run_end (Monday of its last week), weeks, run_hours, run_capacity_hours, max_load_ratio.
-- Longest first, then by agent name, agent_id and start. The distinct agent_id count is the
-- catalogue's agents.sustained_overload; what was worked on during each run is
-- overload_run_projects.sql (the overload tab only).
WITH
-- @include capacity/agents_in
islands AS (
    -- the weeks over the threshold, numbered agent by agent, week by week: the consecutive weeks of
    -- an agent share their island (week number less row number; one window over all the rows,
    -- cheaper than one per agent)
    SELECT
        agent_id,
        week_start,
        hours,
        capacity_hours,
        date_diff('day', DATE '2000-01-03', week_start) // 7
          - row_number() OVER (ORDER BY agent_id, week_start) AS island
    FROM agent_week
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND capacity_hours > 0
      AND hours > $overload_ratio * capacity_hours
),

runs AS (
    SELECT
        agent_id,
        min(week_start)                    AS run_start,
        max(week_start)                    AS run_end,
        count(*)                           AS weeks,
        sum(hours)                         AS run_hours,
        sum(capacity_hours)                AS run_capacity_hours,
        max(hours / capacity_hours)        AS max_load_ratio
    FROM islands
    GROUP BY agent_id, island
    HAVING count(*) >= $overload_min_weeks
)

SELECT
    r.agent_id, a.agent_name, a.service_id, a.service_name,
    r.run_start, r.run_end, r.weeks, r.run_hours, r.run_capacity_hours, r.max_load_ratio
FROM runs AS r
LEFT JOIN agents_in AS a USING (agent_id)
ORDER BY r.weeks DESC, a.agent_name, r.agent_id, r.run_start
