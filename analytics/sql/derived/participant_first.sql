-- participant_first — grain: one row per (participant_id, service_id, level) found in
-- participant_activity (attended attendances).
-- Columns: participant_id, service_id (the project's; NULL for events without project), level,
--          first_date (the earliest attended event of that participant in that service and level).
-- A participant's first attended event ever within a filtered scope is the min of first_date over
-- the rows the filters keep: engagement.newcomer_share reads it (indicators/engagement.sql) instead of
-- scanning the whole attendance history.

CREATE OR REPLACE TABLE participant_first AS
WITH
activity AS (
    SELECT participant_id, service_id, level, event_date FROM participant_activity
)

SELECT participant_id, service_id, level, min(event_date) AS first_date
FROM activity
GROUP BY participant_id, service_id, level
ORDER BY first_date, participant_id
