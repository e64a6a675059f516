-- One agent's contracts, every one (a capacity change often comes from a contract that began or
-- ended before the period). Grain: one row per contract. Columns: valid_from, valid_to (NULL = open),
-- weekly_hours. Sorted by valid_from. Parameters: $agent_id.
SELECT valid_from, valid_to, weekly_hours
FROM contracts
WHERE agent_id = $agent_id
ORDER BY valid_from, valid_to NULLS LAST
