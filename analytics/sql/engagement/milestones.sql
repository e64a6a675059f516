-- Milestones (cailloux blancs) achieved in [$start, $end], with their project, for the timeline.
-- Scope: milestones of projects of $service / at $level ('none' = no project or a NULL level).
-- Grain: one row per milestone. Columns: achieved_on, title, project_name, level, initiative.

WITH
milestones_in AS (
    SELECT milestone_id, project_id, achieved_on, title
    FROM milestones
    WHERE achieved_on BETWEEN $start AND $end
),

projects_in AS (
    SELECT project_id, project_name, level, initiative, service_id
    FROM projects
)

SELECT
    m.achieved_on,
    m.title,
    p.project_name,
    coalesce(p.level, $no_level)   AS level,
    p.initiative
FROM milestones_in AS m
LEFT JOIN projects_in AS p ON p.project_id = m.project_id
WHERE ($service IS NULL OR p.service_id = $service)
  AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
ORDER BY m.achieved_on, m.milestone_id
