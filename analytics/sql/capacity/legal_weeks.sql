-- Legal findings: weeks over the weekly maximum (décret 2000-815, art. 3: 48 hours in one week).
-- Grain: one row per (agent, ISO week whose Monday is in [$start, $end]) whose hours, all levels, Monday
-- to Sunday (even past $end), exceed $max_weekly_hours.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, hours, limit_hours,
--          excess_hours. Its row count is the catalogue's legal.weeks_over_48h.
WITH
-- @include capacity/agents_in

-- @include legal/period_weeks

SELECT
    w.agent_id, a.agent_name, a.service_id, a.service_name,
    w.week_start, w.hours,
    $max_weekly_hours              AS limit_hours,
    w.hours - $max_weekly_hours    AS excess_hours
FROM weeks AS w
LEFT JOIN agents_in AS a USING (agent_id)
WHERE w.hours > $max_weekly_hours
ORDER BY w.week_start, a.agent_name, w.agent_id
