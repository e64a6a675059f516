-- project_phase_hours — grain: one row per (project_id, phase, activity) of a finished participatory
-- project with hours > 0. A finished project has status $done_status, a level among
-- $participation_levels, a start date and an end date not before it.
-- Columns: project_id, level (the project's), phase, activity, hours.
--   phase    = which of $life_phases equal slices of [start_date, end_date] the work_date falls in,
--              0 = the first slice; work dated before the start counts in slice 0, after the end in
--              the last slice;
--   activity = time_entries.activity, $other_activity when missing;
--   hours    = staff hours recorded on the project in that slice and activity (all agents).
-- Arbitration learns a new project's effort from these (effort per finished project = sum over its
-- rows; how effort spreads over a project's life = sum per level, phase and activity): a few tens of
-- thousands of rows at city scale instead of every time entry. Read from project_day (same hours,
-- one row per project, day and activity).

CREATE OR REPLACE TABLE project_phase_hours AS
WITH
finished AS (
    SELECT project_id, level, start_date, end_date
    FROM projects
    WHERE status = $done_status
      AND list_contains($participation_levels, level)
      AND start_date IS NOT NULL
      AND end_date >= start_date
      AND touched_project(project_id)  -- every project, but in a keyed refresh (store/derived.py)
),

days AS (
    SELECT project_id, work_date, activity, hours FROM project_day WHERE touched_project(project_id)
),

phased AS (
    SELECT
        d.project_id,
        p.level,
        CAST(least($life_phases - 1, greatest(0, floor(
            $life_phases * (d.work_date - p.start_date) / ((p.end_date - p.start_date) + 1)
        ))) AS INTEGER)                                  AS phase,
        coalesce(d.activity, $other_activity)           AS activity,
        d.hours
    FROM days AS d
    JOIN finished AS p ON p.project_id = d.project_id
)

SELECT project_id, level, phase, activity, sum(hours) AS hours
FROM phased
GROUP BY project_id, level, phase, activity
HAVING sum(hours) > 0
ORDER BY project_id, phase, activity
