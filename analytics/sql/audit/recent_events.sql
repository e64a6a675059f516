-- The most recent audit events, newest first; $actions NULL means every action.
WITH events AS (
    SELECT event_id, at_utc, user_id, role, action, target, details
    FROM audit_log
),

chosen AS (
    SELECT *
    FROM events
    WHERE $actions IS NULL OR list_contains($actions, action)
)

SELECT event_id, at_utc, user_id, role, action, target, details
FROM chosen
ORDER BY at_utc DESC, event_id DESC
LIMIT $limit
