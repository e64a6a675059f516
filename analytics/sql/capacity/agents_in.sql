-- Shared CTE (not a query on its own): agents_in, one row per agent of $service (every agent when
-- NULL) with what a list names it by: agent_id, agent_name, service_id, service_name (NULL for an
-- agent without a service).
-- Included right after WITH (analytics.store.db.read_sql) by the capacity files that list agents
-- (the legal findings, overload runs, evenings, participation per agent, the load tab's weeks); the
-- text ends with a comma, so the including file goes on with its own CTEs.
agents_in AS (
    SELECT a.agent_id, a.agent_name, a.service_id, s.service_name
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
    WHERE $service IS NULL OR a.service_id = $service
),
