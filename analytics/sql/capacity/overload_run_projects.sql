-- What was worked on during runs of sustained overload (the runs of overload_runs.sql, given as
-- three lists of the same length: $agent_ids, $run_starts, $run_ends — Mondays of the first and last
-- weeks).
-- Grain: one row per (run, project worked on during it); ordinary work without a project is not in
-- agent_project_day, so a run without project hours has no row.
-- Columns: agent_id, run_start, project_id, project_name, level (the project's), hours (hours on that
--          project during the run, Monday of the first week to Sunday of the last; from
--          agent_project_day, all levels).
WITH
runs AS (
    SELECT
        unnest($agent_ids)                 AS agent_id,
        unnest($run_starts)                AS run_start,
        unnest($run_ends)                  AS run_end
),

work AS (
    SELECT r.agent_id, r.run_start, d.project_id, d.level, sum(d.hours) AS hours
    FROM runs AS r
    JOIN agent_project_day AS d
      ON d.agent_id = r.agent_id AND d.work_date BETWEEN r.run_start AND r.run_end + 6
    WHERE d.work_date BETWEEN list_min($run_starts) AND list_max($run_ends) + 6  -- zone maps
    GROUP BY ALL
)

SELECT w.agent_id, w.run_start, w.project_id, p.project_name, w.level, w.hours
FROM work AS w
LEFT JOIN projects AS p ON p.project_id = w.project_id
ORDER BY w.agent_id, w.run_start, w.hours DESC, w.project_id
