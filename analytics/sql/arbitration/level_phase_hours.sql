-- Staff hours of finished participatory projects by level, phase of the life and activity: the
-- derived project_phase_hours summed over each level's projects (how effort spreads over a life).
-- One row per (level, phase, activity).
WITH
phases AS (
    SELECT level, phase, activity, hours FROM project_phase_hours
)

SELECT level, phase, activity, sum(hours) AS hours
FROM phases
GROUP BY level, phase, activity
ORDER BY level, phase, activity
