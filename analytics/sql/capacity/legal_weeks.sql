-- Legal findings: weeks over the weekly maximum (décret 2000-815, art. 3: 48 hours in one week).
-- Grain: one row per (agent, ISO week whose Monday is in [$start, $end]) whose hours, all levels, Monday
-- to Sunday (even past $end), exceed $max_weekly_hours.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, hours, limit_hours,
--          excess_hours. Its row count is the catalogue's legal.weeks_over_48h.
WITH
-- @include capacity/agents_in

over_limit AS (
    -- the agent's weeks whose Monday is in the period, with the week's hours (all levels, Monday to
    -- Sunday, even past $end) over the limit
    SELECT agent_id, week_start, hours, $max_weekly_hours AS limit_hours
    FROM agent_week
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND hours > $max_weekly_hours
)

-- @include legal/findings
