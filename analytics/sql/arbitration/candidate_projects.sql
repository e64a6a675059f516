-- Candidate projects for the year's choice: status $candidate_status ('proposed') and a level among
-- $levels (the level proposed: the heaviest the project may be taken on at). One row per project;
-- priority is the arbitration weight (NULL = none given).
WITH
projects_in AS (
    SELECT project_id, project_name, theme, service_id, level, initiative, perimeter, status,
           start_date, end_date, planned_hours, priority
    FROM projects
)

SELECT project_id, project_name, theme, service_id, level, initiative,
       perimeter_kind(perimeter) AS perimeter, start_date,
       end_date, planned_hours, priority
FROM projects_in
WHERE status = $candidate_status
  AND list_contains($levels, level)
ORDER BY priority DESC NULLS LAST, project_id
