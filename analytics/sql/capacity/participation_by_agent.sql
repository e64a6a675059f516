-- Participation hours and all hours per agent, for the period and filters.
-- Grain: one row per agent with recorded time in the period.
-- Columns: agent_id, agent_name, service_id, service_name,
--          all_hours (every level: the agent's whole recorded time),
--          hours (the level filter applied),
--          participation_hours (hours at information, consultation or coproduction, level filter
--          applied: with level = 'none' they are 0).
WITH
-- @include capacity/agents_in

days_in AS (
    SELECT agent_id, level, hours
    FROM agent_day
    WHERE work_date BETWEEN $start AND $end
),

per_agent AS (
    SELECT
        agent_id,
        sum(hours)                                                             AS all_hours,
        coalesce(sum(hours) FILTER (WHERE $level IS NULL OR level = $level), 0.0) AS hours,
        coalesce(sum(hours) FILTER (WHERE level <> $no_level
                                      AND ($level IS NULL OR level = $level)), 0.0)
                                                                               AS participation_hours
    FROM days_in
    GROUP BY agent_id
)

SELECT a.agent_id, a.agent_name, a.service_id, a.service_name,
       p.all_hours, p.hours, p.participation_hours
FROM per_agent AS p
JOIN agents_in AS a USING (agent_id)
ORDER BY a.service_name, a.agent_name, a.agent_id
