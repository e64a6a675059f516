-- The "echo" of participation: requests born from each participatory project (requests.project_id).
-- Projects: a level among $levels (and = $level when given), a status among $statuses (started
-- ones: active, done), a start date on or before $end, and the team $team when given.
-- One row per project: project_id, project_name, level, team_id, status, start_date, end_date,
--   requests_born = requests linked to it received on or before $end,
--   open_born     = of those, not closed on or before $end.
WITH
projects_in AS (
    SELECT project_id, project_name, service_id, level, status, start_date, end_date FROM projects
),

requests_in AS (
    SELECT project_id, received_on, closed_on FROM requests WHERE project_id IS NOT NULL
),

-- @include arbitration/team_map

started AS (
    SELECT p.*, m.team_id
    FROM projects_in AS p
    LEFT JOIN team_map AS m ON m.service_id = p.service_id
    WHERE list_contains($levels, p.level)
      AND (CAST($level AS VARCHAR) IS NULL OR p.level = $level)
      AND list_contains($statuses, p.status)
      AND p.start_date <= $end
      AND (CAST($team AS VARCHAR) IS NULL OR m.team_id = $team)
),

born AS (
    SELECT project_id,
           count(*)                                                          AS requests_born,
           count(*) FILTER (WHERE closed_on IS NULL OR closed_on > $end)     AS open_born
    FROM requests_in
    WHERE received_on <= $end
    GROUP BY project_id
)

SELECT s.project_id, s.project_name, s.level, s.team_id, s.status, s.start_date, s.end_date,
       coalesce(b.requests_born, 0) AS requests_born,
       coalesce(b.open_born, 0)     AS open_born
FROM started AS s
LEFT JOIN born AS b ON b.project_id = s.project_id
ORDER BY requests_born DESC, s.project_id
