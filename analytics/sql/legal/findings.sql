-- Shared final statement (not a query on its own): the rows of the including file's `over_limit`
-- CTE (agent_id, its day or week, hours, limit_hours) named as a list shows them, from agents_in
-- (capacity/agents_in), with excess_hours = hours − limit_hours, by day or week, then agent name.
-- Columns: agent_id, agent_name, service_id, service_name, the day or week column, hours,
-- limit_hours, excess_hours.
-- Included after the last CTE by capacity/legal_days.sql (a daily maximum) and
-- capacity/legal_weeks.sql (a weekly maximum).
SELECT
    o.agent_id, a.agent_name, a.service_id, a.service_name,
    o.* EXCLUDE (agent_id),
    o.hours - o.limit_hours    AS excess_hours
FROM over_limit AS o
LEFT JOIN agents_in AS a USING (agent_id)
ORDER BY 5, a.agent_name, o.agent_id
