-- participant_first_all — grain: one row per (participant_id, scope) where a scope is what the
-- catalogue's service and level filters can keep: one service and one level, one service and every
-- level, every service and one level, or everything.
-- Columns: participant_id,
--          all_services (true: every service, service_id NULL), service_id (the project's; NULL for
--          events without project when all_services is false),
--          all_levels (true: every level, level NULL), level,
--          first_date (the participant's first attended event ever within that scope).
-- Sorted by first_date: engagement.newcomer_share (indicators/engagement.sql) counts the
-- participants whose first event of the filtered scope lies in the period with one pruned range scan,
-- instead of joining the period's participants to their whole history.

CREATE OR REPLACE TABLE participant_first_all AS
WITH
firsts AS (
    -- each participant's first attended event per (service, level) found in participant_activity
    SELECT participant_id, service_id, level, min(event_date) AS first_date
    FROM participant_activity
    GROUP BY participant_id, service_id, level
)

SELECT
    participant_id,
    grouping(service_id) = 1 AS all_services,
    service_id,
    grouping(level) = 1      AS all_levels,
    level,
    min(first_date)          AS first_date
FROM firsts
GROUP BY GROUPING SETS (
    (participant_id, service_id, level),
    (participant_id, service_id),
    (participant_id, level),
    (participant_id)
)
ORDER BY first_date, participant_id, all_services, service_id, all_levels, level
