-- Headcount of each service on $as_of: agents with a contract valid that day (valid_to NULL = open)
-- and weekly_hours > 0. One row per service (services without anyone count 0).
-- Used only to decide which services are large enough to be shown to officials.
WITH
services_in AS (
    SELECT service_id, service_name FROM services
),

agents_in AS (
    SELECT agent_id, service_id FROM agents
),

contracts_in AS (
    SELECT agent_id, valid_from, valid_to, weekly_hours FROM contracts
),

present_agents AS (
    SELECT DISTINCT a.agent_id, a.service_id
    FROM agents_in AS a
    JOIN contracts_in AS c ON c.agent_id = a.agent_id
    WHERE c.valid_from <= $as_of
      AND coalesce(c.valid_to, DATE '9999-12-31') >= $as_of
      AND c.weekly_hours > 0
),

headcount AS (
    SELECT service_id, count(*) AS agents FROM present_agents GROUP BY service_id
)

SELECT s.service_id, s.service_name, coalesce(h.agents, 0) AS agents
FROM services_in AS s
LEFT JOIN headcount AS h USING (service_id)
ORDER BY s.service_name
