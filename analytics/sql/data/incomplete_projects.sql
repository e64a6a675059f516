-- Projects a person still has to complete: known only by a name (created by an import from a
-- timesheet, or a level no code matched), with no level, initiative nor perimeter. Their hours count
-- as ordinary work until their level is given. One row per project, with its recorded hours (to
-- 0.1 h); only these projects' entries are summed.
WITH bare_projects AS (
    SELECT project_id, project_name, service_id
    FROM projects
    WHERE level IS NULL AND initiative IS NULL AND perimeter IS NULL
),
project_hours AS (
    SELECT e.project_id, sum(e.hours) AS hours
    FROM time_entries AS e
    SEMI JOIN bare_projects AS b USING (project_id)
    GROUP BY e.project_id
)
SELECT p.project_id, p.project_name, p.service_id, round(coalesce(h.hours, 0), 1) AS hours
FROM bare_projects AS p
LEFT JOIN project_hours AS h USING (project_id)
ORDER BY hours DESC, p.project_name NULLS LAST, p.project_id
