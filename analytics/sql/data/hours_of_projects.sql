-- Hours recorded on some projects (all agents, all dates): what an import tells about projects
-- whose level it left empty (those hours count as ordinary work until the level is given).
WITH entries_of_projects AS (
    SELECT hours FROM time_entries WHERE list_contains($project_ids, project_id)
)
SELECT coalesce(sum(hours), 0) AS hours
FROM entries_of_projects
