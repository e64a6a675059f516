-- Shared CTE (not a query on its own): weeks, one row per (agent_id, week_start) of agent_week whose
-- Monday is in [$start, $end], of $service's agents (every agent when NULL), with the week's hours (all
-- levels, Monday to Sunday, even past $end).
-- Included by capacity/legal_weeks.sql (the findings of legal.weeks_over_48h, whose count is theirs);
-- the text ends with a comma, so the including file goes on with its own CTEs.
weeks AS (
    SELECT agent_id, week_start, hours
    FROM agent_week
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
),
