-- Legal findings: days over the daily maximum (décret 2000-815, art. 3: 10 hours).
-- Grain: one row per (agent, day in [$start, $end]) whose hours, all levels, exceed $max_daily_hours.
-- Columns: agent_id, agent_name, service_id, service_name, work_date, hours, limit_hours,
--          excess_hours (hours − limit). Its row count is the catalogue's legal.days_over_10h.
WITH
-- @include capacity/agents_in

over_limit AS (
    SELECT agent_id, work_date, hours, $max_daily_hours AS limit_hours
    FROM agent_workday
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND hours > $max_daily_hours
)

-- @include legal/findings
