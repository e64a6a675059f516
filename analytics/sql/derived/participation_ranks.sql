-- participation_ranks — grain: one row per (service_id, level, year, rank, reached_on): how many
-- participants had their rank-th attended event of the calendar year on day reached_on, under one
-- combination of the page filters, for rank 1, 2 and 5 (the first event of the year, and the
-- thresholds of the frequency classes: analytics.engagement.rotation.OCCASIONAL_MIN = 2 and
-- FREQUENT_MIN = 5; tests/test_engagement_rotation.py pins them).
-- Columns: service_id (NULL = every service: no filter), level (NULL = every level), year,
--          rank (1, 2 or 5), reached_on (a day of that year), participants.
-- Filter rows as participation_buckets: (NULL, NULL) every attended attendance, (s, NULL) service s,
-- (NULL, l) level l, (s, l) both; events without project only in the rows without service.
-- The participants with at least k attended events in a year up to a day D (the period's end) are
-- sum(participants) over rank = k and reached_on <= D: exact for any D, without reading
-- participant_activity (sql/engagement/frequency_classes.sql).
CREATE OR REPLACE TABLE participation_ranks AS
WITH
activity AS (
    SELECT participant_id, service_id, level, event_date FROM participant_activity
),
-- @include derived/filter_rows
ranked AS (
    SELECT
        service_id,
        level,
        year(event_date) AS year,
        event_date,
        row_number() OVER (
            PARTITION BY service_id, level, participant_id, year(event_date) ORDER BY event_date
        ) AS rank
    FROM scoped
)
SELECT
    service_id,
    level,
    year,
    CAST(rank AS INTEGER)   AS rank,
    event_date              AS reached_on,
    count(*)                AS participants
FROM ranked
WHERE rank IN (1, 2, 5)
GROUP BY ALL
ORDER BY service_id NULLS FIRST, level NULLS FIRST, reached_on, rank
