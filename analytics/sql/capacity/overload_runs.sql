-- Sustained overload: runs of at least $overload_min_weeks consecutive ISO weeks (Mondays in
-- [$start, $end]) whose hours, all levels, exceed $overload_ratio × that week's capacity (capacity > 0),
-- and what the agent worked on during each run.
-- Grain: one row per (run, project worked on during it) — the run's columns repeat on each of its
-- project rows; a run without any project hours has one row with project_id and hours NULL.
-- Columns: agent_id, agent_name, service_id, service_name, run_start (Monday of its first week),
--          run_end (Monday of its last week), weeks, run_hours, run_capacity_hours, max_load_ratio,
--          project_id, project_name, level (the project's), hours (hours on that project during the
--          run, Monday of the first week to Sunday of the last; from agent_project_day).
-- The distinct agent_id count is the catalogue's agents.sustained_overload.
WITH
agents_in AS (
    SELECT a.agent_id, a.agent_name, a.service_id, s.service_name
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
),

over_weeks AS (
    SELECT agent_id, week_start, hours, capacity_hours
    FROM agent_week
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND capacity_hours > 0
      AND hours > $overload_ratio * capacity_hours
),

islands AS (
    SELECT
        *,
        date_diff('day', DATE '2000-01-03', week_start) // 7
          - row_number() OVER (PARTITION BY agent_id ORDER BY week_start) AS island
    FROM over_weeks
),

runs AS (
    SELECT
        agent_id,
        island,
        min(week_start)                    AS run_start,
        max(week_start)                    AS run_end,
        count(*)                           AS weeks,
        sum(hours)                         AS run_hours,
        sum(capacity_hours)                AS run_capacity_hours,
        max(hours / capacity_hours)        AS max_load_ratio
    FROM islands
    GROUP BY agent_id, island
    HAVING count(*) >= $overload_min_weeks
),

work AS (
    SELECT r.agent_id, r.run_start, d.project_id, d.level, sum(d.hours) AS hours
    FROM runs AS r
    JOIN agent_project_day AS d
      ON d.agent_id = r.agent_id AND d.work_date BETWEEN r.run_start AND r.run_end + 6
    GROUP BY ALL
)

SELECT
    r.agent_id, a.agent_name, a.service_id, a.service_name,
    r.run_start, r.run_end, r.weeks, r.run_hours, r.run_capacity_hours, r.max_load_ratio,
    w.project_id, p.project_name, w.level, w.hours
FROM runs AS r
LEFT JOIN agents_in AS a USING (agent_id)
LEFT JOIN work AS w ON w.agent_id = r.agent_id AND w.run_start = r.run_start
LEFT JOIN projects AS p ON p.project_id = w.project_id
ORDER BY r.weeks DESC, a.agent_name, r.agent_id, r.run_start, w.hours DESC NULLS LAST, w.project_id
