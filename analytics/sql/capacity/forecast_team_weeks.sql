-- Each team's capacity over the recent and the coming weeks, and its recent ordinary hours.
-- Grain: one row per (service, ISO week) for weeks starting in [$history_start, $horizon_end] in which
-- the service's agents (agents.service_id) have capacity or recorded hours.
-- Columns: service_id, service_name, week_start, capacity_hours (agent_day_capacity — contract minus
--          public holidays and known absences — summed per service: service_day_capacity),
--          ordinary_hours (hours recorded that week, level filter
--          applied, except on the projects the forecast spreads — status in $statuses with planned
--          hours; NULL when nothing was recorded or the week is not over).
WITH
agents_in AS (
    SELECT a.agent_id, a.service_id, s.service_name
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
    WHERE a.service_id IS NOT NULL AND ($service IS NULL OR a.service_id = $service)
),

projected AS (
    SELECT project_id
    FROM projects
    WHERE list_contains($statuses, status) AND planned_hours IS NOT NULL
),

ordinary AS (
    -- entry_facts.service_id is the agent's service (agents.service_id)
    SELECT service_id, week_start, sum(hours) AS ordinary_hours
    FROM entry_facts
    WHERE week_start BETWEEN $history_start AND $history_end
      AND service_id IS NOT NULL AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
      AND (project_id IS NULL OR project_id NOT IN (SELECT project_id FROM projected))
    GROUP BY ALL
),

capacity AS (
    -- service_day_capacity: the day's capacity of the service's agents (agent_day_capacity summed)
    SELECT service_id, week_start, sum(capacity_hours) AS capacity_hours
    FROM service_day_capacity
    WHERE week_start BETWEEN $history_start AND $horizon_end
      AND service_id IS NOT NULL AND ($service IS NULL OR service_id = $service)
    GROUP BY ALL
),

services_in AS (
    SELECT DISTINCT service_id, service_name FROM agents_in
)

SELECT
    s.service_id,
    s.service_name,
    coalesce(c.week_start, o.week_start)  AS week_start,
    coalesce(c.capacity_hours, 0.0)       AS capacity_hours,
    o.ordinary_hours
FROM capacity AS c
FULL OUTER JOIN ordinary AS o
  ON o.service_id = c.service_id AND o.week_start = c.week_start
JOIN services_in AS s ON s.service_id = coalesce(c.service_id, o.service_id)
ORDER BY s.service_name, week_start
