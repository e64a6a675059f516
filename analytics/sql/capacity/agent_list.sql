-- The agents one may open a card of (the capacity page's selector), in the service filter.
-- Grain: one row per agent. Columns: agent_id, agent_name (agent_id when empty), service_id,
-- service_name. Sorted by name, then agent_id. Parameters: $service (NULL = every service).
SELECT
    a.agent_id,
    coalesce(a.agent_name, a.agent_id)   AS agent_name,
    a.service_id,
    s.service_name
FROM agents AS a
LEFT JOIN services AS s ON s.service_id = a.service_id
WHERE $service IS NULL OR a.service_id = $service
ORDER BY agent_name, a.agent_id
