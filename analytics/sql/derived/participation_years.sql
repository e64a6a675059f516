-- participation_years — grain: one row per (service_id, level, year, attendances): how many
-- participants attended that many events in the calendar year, under one combination of the page
-- filters (every attended event of the year: exact for the years before the period's end's year).
-- Columns: service_id (NULL = every service: no filter), level (NULL = every level), year,
--          attendances (attended events of one participant in the year, >= 1), participants.
-- Filter rows as participation_buckets: (NULL, NULL) every attended attendance, (s, NULL) service s,
-- (NULL, l) level l, (s, l) both; events without project only in the rows without service.
-- sql/engagement/histograms.sql and frequency_classes.sql read the whole years before the end's year
-- here and count the end's year (up to the end) from participant_activity.

CREATE OR REPLACE TABLE participation_years AS
WITH
activity AS (
    SELECT participant_id, service_id, level, year(event_date) AS year, count(*) AS attendances
    FROM participant_activity
    GROUP BY ALL
),

scoped AS (
    SELECT participant_id, NULL::VARCHAR AS service_id, NULL::VARCHAR AS level, year, attendances
    FROM activity
    UNION ALL
    SELECT participant_id, service_id, NULL, year, attendances
    FROM activity
    WHERE service_id IS NOT NULL
    UNION ALL
    SELECT participant_id, NULL, level, year, attendances FROM activity
    UNION ALL
    SELECT participant_id, service_id, level, year, attendances
    FROM activity
    WHERE service_id IS NOT NULL
),

person_years AS (
    SELECT service_id, level, year, sum(attendances) AS attendances
    FROM scoped
    GROUP BY service_id, level, participant_id, year
)

SELECT
    service_id,
    level,
    year,
    CAST(attendances AS BIGINT)   AS attendances,
    count(*)                      AS participants
FROM person_years
GROUP BY ALL
ORDER BY service_id NULLS FIRST, level NULLS FIRST, year, attendances
