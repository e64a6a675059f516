-- Staff hours of finished participatory projects by phase of the project's life and by activity.
-- One row per (project_id, phase, activity) with hours > 0, from entry_facts (one row per entry).
--   phase    = which of $phases equal slices of [start_date, end_date] the work_date falls in,
--              0 = the first slice; work dated before the start counts in slice 0, after the end
--              in the last slice;
--   activity = time_entries.activity, $other_activity when missing.
WITH
finished AS (
    SELECT project_id, start_date, end_date
    FROM projects
    WHERE status = $done_status
      AND list_contains($levels, level)
      AND start_date IS NOT NULL
      AND end_date >= start_date
),

facts AS (
    SELECT project_id, work_date, activity, hours
    FROM entry_facts
    WHERE project_id IS NOT NULL
),

phased AS (
    SELECT
        f.project_id,
        CAST(least($phases - 1, greatest(0, floor(
            $phases * (f.work_date - p.start_date) / ((p.end_date - p.start_date) + 1)
        ))) AS INTEGER)                                  AS phase,
        coalesce(f.activity, $other_activity)           AS activity,
        f.hours
    FROM facts AS f
    JOIN finished AS p ON p.project_id = f.project_id
)

SELECT project_id, phase, activity, sum(hours) AS hours
FROM phased
GROUP BY project_id, phase, activity
HAVING sum(hours) > 0
ORDER BY project_id, phase, activity
