-- Staff hours of finished participatory projects by level, phase of the life and activity: the
-- derived project_phase_hours summed over each level's projects (how effort spreads over a life),
-- read from the derived table level_phase_hours.
-- One row per (level, phase, activity).
WITH
level_phases AS (
    SELECT level, phase, activity, hours FROM level_phase_hours
)

SELECT level, phase, activity, hours
FROM level_phases
ORDER BY level, phase, activity
