-- participation_buckets — grain: one row per (service_id, level, grain, bucket_start, first_day):
-- the participants whose first attended event within the bucket (a calendar month, quarter or
-- year) fell on first_day, under one combination of the page filters.
-- Columns: service_id (NULL = every service: no filter), level (NULL = every level), grain
--          ('month' | 'quarter' | 'year'), bucket_start (first day of the bucket), first_day,
--          participants, newcomers (those of them whose first attended event in the filters, ever,
--          is first_day: the bucket is their first).
-- Filter rows: (NULL, NULL) every attended attendance, (s, NULL) events of projects of service s,
-- (NULL, l) level l, (s, l) both; events without project only count in the rows without service
-- (as participant_activity's filters: a service filter never keeps them).
-- The distinct participants of a bucket up to a day D (the period's end) are
-- sum(participants) over first_day <= D, and its newcomers sum(newcomers) over first_day <= D: exact
-- for any D, without reading participant_activity (sql/engagement/buckets.sql).

CREATE OR REPLACE TABLE participation_buckets AS
WITH
activity AS (
    SELECT participant_id, service_id, level, event_month, min(event_date) AS first_day
    FROM participant_activity
    GROUP BY ALL
),

-- @include derived/filter_rows

months AS (
    SELECT service_id, level, participant_id, event_month AS bucket_start, min(first_day) AS first_day
    FROM scoped
    GROUP BY ALL
),

quarters AS (
    SELECT service_id, level, participant_id,
           CAST(date_trunc('quarter', bucket_start) AS DATE) AS bucket_start, min(first_day) AS first_day
    FROM months
    GROUP BY ALL
),

years AS (
    SELECT service_id, level, participant_id,
           CAST(date_trunc('year', bucket_start) AS DATE) AS bucket_start, min(first_day) AS first_day
    FROM quarters
    GROUP BY ALL
),

bucket_firsts AS (
    SELECT 'month' AS grain, * FROM months
    UNION ALL
    SELECT 'quarter', * FROM quarters
    UNION ALL
    SELECT 'year', * FROM years
),

firsts AS (
    SELECT service_id, level, min(first_day) AS first_day
    FROM years
    GROUP BY service_id, level, participant_id
),

counts AS (  -- every participant at their first day in each bucket, newcomers again at their very first
    SELECT service_id, level, grain, bucket_start, first_day, 1 AS participant, 0 AS newcomer
    FROM bucket_firsts
    UNION ALL
    SELECT f.service_id, f.level, g.grain, CAST(date_trunc(g.grain, f.first_day) AS DATE), f.first_day,
           0, 1
    FROM firsts AS f
    CROSS JOIN (VALUES ('month'), ('quarter'), ('year')) AS g(grain)
)

SELECT
    service_id,
    level,
    grain,
    bucket_start,
    first_day,
    CAST(sum(participant) AS BIGINT)     AS participants,
    CAST(sum(newcomer) AS BIGINT)        AS newcomers
FROM counts
GROUP BY ALL
ORDER BY service_id NULLS FIRST, level NULLS FIRST, grain, bucket_start, first_day
