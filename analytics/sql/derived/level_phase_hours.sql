-- level_phase_hours — grain: one row per (level, phase, activity) of finished participatory projects
-- (the projects of project_phase_hours).
-- Columns: level, phase, activity, hours.
--   hours = project_phase_hours.hours summed over the level's finished projects (how effort spreads
--           over a project's life; phase and activity as in project_phase_hours).
-- Arbitration's life profile reads these ~100 rows instead of summing project_phase_hours.

CREATE OR REPLACE TABLE level_phase_hours AS
WITH
phases AS (
    SELECT level, phase, activity, hours FROM project_phase_hours
)

SELECT level, phase, activity, sum(hours) AS hours
FROM phases
GROUP BY level, phase, activity
ORDER BY level, phase, activity
