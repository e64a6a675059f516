-- The projects that cost the most staff hours in the period, and the residents they reached.
-- Grain: one row per project, the $limit projects with most hours (ties by project_id).
-- Projects counted: participatory ones (level <> 'none'), or only those at $level when it is set
-- (level 'none' then lists ordinary projects). Hours are those of the agents in scope.
-- Columns: project_id, project_name, level, status, service_id, service_name (the project's lead
--          service), hours, agents (distinct agents who logged time on it), participants_reached
--          (distinct participants who attended one of its events in the period, plus attendees_count
--          of its events without per-person attendance), hours_per_participant (hours /
--          participants_reached; NULL when nobody was reached).
WITH
agents_in AS (
    SELECT agent_id FROM agents WHERE $service IS NULL OR service_id = $service
),

days_in AS (
    -- each agent's day on each project (agent_project_day), not every time entry
    SELECT agent_id, project_id, level, hours
    FROM agent_project_day
    WHERE work_date BETWEEN $start AND $end
      AND (($level IS NULL AND level <> $no_level) OR level = $level)
      AND ($service IS NULL OR service_id = $service)
),

project_hours AS (
    SELECT project_id, any_value(level) AS level, sum(hours) AS hours,
           count(DISTINCT agent_id) AS agents
    FROM days_in
    JOIN agents_in USING (agent_id)
    GROUP BY project_id
    ORDER BY hours DESC, project_id
    LIMIT $limit
),

attended AS (
    SELECT project_id, count(DISTINCT participant_id) AS participants
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND project_id IN (SELECT project_id FROM project_hours)
    GROUP BY project_id
),

counted AS (
    SELECT e.project_id, sum(e.attendees_count) AS participants
    FROM events AS e
    WHERE e.event_date BETWEEN $start AND $end
      AND e.project_id IN (SELECT project_id FROM project_hours)
      AND NOT EXISTS (SELECT 1 FROM attendances AS a WHERE a.event_id = e.event_id)
    GROUP BY e.project_id
),

reached AS (
    SELECT
        h.*,
        CAST(coalesce(a.participants, 0) + coalesce(c.participants, 0) AS BIGINT)
            AS participants_reached
    FROM project_hours AS h
    LEFT JOIN attended AS a USING (project_id)
    LEFT JOIN counted AS c USING (project_id)
)

SELECT
    r.project_id,
    p.project_name,
    r.level,
    p.status,
    p.service_id,
    s.service_name,
    r.hours,
    r.agents,
    r.participants_reached,
    r.hours / nullif(r.participants_reached, 0)  AS hours_per_participant
FROM reached AS r
LEFT JOIN projects AS p USING (project_id)
LEFT JOIN services AS s ON s.service_id = p.service_id
ORDER BY r.hours DESC, r.project_id
