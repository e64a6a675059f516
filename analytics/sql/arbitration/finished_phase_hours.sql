-- Staff hours of finished participatory projects by phase of the project's life and by activity.
-- One row per (project_id, phase, activity) with hours > 0, read from the derived table
-- project_phase_hours (see its header for the phase and activity rules).
WITH
phases AS (
    SELECT project_id, phase, activity, hours FROM project_phase_hours
)

SELECT project_id, phase, activity, hours
FROM phases
ORDER BY project_id, phase, activity
