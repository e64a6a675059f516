-- first_attendance — grain: one row per (service_id, level, participant_id): the
-- participant's first attended event under one combination of the page filters.
-- Columns: service_id (NULL = every service: no filter), level (NULL = every level), participant_id,
--          first_date (date of the first attended event), first_level (the level of its project,
--          'none' without; ties between events of one day broken by event_id), first_initiative
--          (the initiative of the first event that has one) and first_initiative_date (that event's
--          date: an engagement survival measured before it has no initiative).
-- Filter rows as participation_buckets: (NULL, NULL) every attended attendance, (s, NULL) service s,
-- (NULL, l) level l, (s, l) both; events without project only in the rows without service.
-- sql/engagement/survival.sql reads it instead of finding every participant's first event again.

CREATE OR REPLACE TABLE first_attendance AS
WITH
activity AS (
    SELECT participant_id, service_id, level, event_date, event_id, initiative
    FROM participant_activity
),

firsts AS (
    SELECT
        participant_id,
        service_id,
        level,
        min((event_date, event_id, level))                                       AS first_event,
        min((event_date, event_id, initiative)) FILTER (WHERE initiative IS NOT NULL)
                                                                                  AS first_with_initiative
    FROM activity
    GROUP BY participant_id, service_id, level
),

scoped AS (
    SELECT participant_id, NULL::VARCHAR AS service_id, NULL::VARCHAR AS level, first_event,
           first_with_initiative
    FROM firsts
    UNION ALL
    SELECT participant_id, service_id, NULL, first_event, first_with_initiative
    FROM firsts
    WHERE service_id IS NOT NULL
    UNION ALL
    SELECT participant_id, NULL, level, first_event, first_with_initiative FROM firsts
    UNION ALL
    SELECT participant_id, service_id, level, first_event, first_with_initiative
    FROM firsts
    WHERE service_id IS NOT NULL
),

per_scope AS (
    SELECT
        service_id,
        level,
        participant_id,
        min(first_event)             AS first_event,
        min(first_with_initiative)   AS first_with_initiative
    FROM scoped
    GROUP BY ALL
)

SELECT
    service_id,
    level,
    participant_id,
    first_event[1]                     AS first_date,
    first_event[3]                     AS first_level,
    first_with_initiative[3]           AS first_initiative,
    first_with_initiative[1]           AS first_initiative_date
FROM per_scope
ORDER BY service_id NULLS FIRST, level NULLS FIRST, participant_id
