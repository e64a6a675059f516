-- Distinct participants per calendar month, quarter and year up to $end, split into newcomers (their
-- first attended event in the scope falls in that bucket) and returning participants.
-- Grain: one row per (grain, bucket_start). Columns: grain ('month' | 'quarter' | 'year'),
-- bucket_start (first day of the bucket), participants, newcomers, returning.
-- Scope as the indicator catalogue ($service, $level on participant_activity, attended only).

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

firsts AS (
    SELECT participant_id, min(event_date) AS first_date
    FROM scope
    GROUP BY participant_id
),

active_months AS (
    SELECT DISTINCT participant_id, CAST(date_trunc('month', event_date) AS DATE) AS month_start
    FROM scope
),

active AS (
    SELECT DISTINCT 'month' AS grain, participant_id, month_start AS bucket_start
    FROM active_months
    UNION ALL
    SELECT DISTINCT 'quarter', participant_id, CAST(date_trunc('quarter', month_start) AS DATE)
    FROM active_months
    UNION ALL
    SELECT DISTINCT 'year', participant_id, CAST(date_trunc('year', month_start) AS DATE)
    FROM active_months
),

flagged AS (
    SELECT
        a.grain,
        a.bucket_start,
        CASE a.grain
            WHEN 'month'   THEN CAST(date_trunc('month', f.first_date) AS DATE)
            WHEN 'quarter' THEN CAST(date_trunc('quarter', f.first_date) AS DATE)
            ELSE CAST(date_trunc('year', f.first_date) AS DATE)
        END = a.bucket_start AS is_newcomer
    FROM active AS a
    JOIN firsts AS f ON f.participant_id = a.participant_id
)

SELECT
    grain,
    bucket_start,
    count(*)                                  AS participants,
    count(*) FILTER (WHERE is_newcomer)       AS newcomers,
    count(*) FILTER (WHERE NOT is_newcomer)   AS returning
FROM flagged
GROUP BY ALL
ORDER BY grain, bucket_start
