-- Shared CTE (not a query on its own): weeks, one row per (agent_id, week_start) of agent_week whose
-- Monday is in [$start, $end], of $service's agents (every agent when NULL), with the week's hours (all
-- levels, Monday to Sunday, even past $end).
-- Included as the last CTE (the text ends without a comma) by indicators/legal_weeks.sql
-- (legal.weeks_over_48h) and capacity/legal_weeks.sql (the list of findings), so that the count and
-- the list read the same weeks.
weeks AS (
    SELECT agent_id, week_start, hours
    FROM agent_week
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
)
