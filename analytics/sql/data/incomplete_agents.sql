-- Agents a person still has to complete (typically created by an import from a name in a
-- timesheet): no service, or no contract at all, so that their hours have no capacity to weigh
-- against. One row per agent, by name.
WITH contract_counts AS (
    SELECT agent_id, count(*) AS contracts FROM contracts GROUP BY agent_id
),
incomplete AS (
    SELECT a.agent_id, a.agent_name, a.service_id, coalesce(c.contracts, 0) AS contracts
    FROM agents AS a
    LEFT JOIN contract_counts AS c USING (agent_id)
    WHERE a.service_id IS NULL OR c.contracts IS NULL
)
SELECT agent_id, agent_name, service_id, contracts
FROM incomplete
ORDER BY agent_name NULLS LAST, agent_id
