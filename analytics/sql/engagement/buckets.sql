-- Distinct participants per calendar month, quarter and year up to $end, split into newcomers (their
-- first attended event in the scope falls in that bucket) and returning participants.
-- Grain: one row per (grain, bucket_start). Columns: grain ('month' | 'quarter' | 'year'),
-- bucket_start (first day of the bucket), participants, newcomers, returning.
-- Scope as the indicator catalogue ($service, $level on participant_activity, attended only), read
-- from the derived table participation_buckets: the participants of a bucket up to $end are those
-- whose first attended event in the bucket is on or before $end.

WITH
firsts AS (
    SELECT grain, bucket_start, participants, newcomers
    FROM participation_buckets
    WHERE service_id IS NOT DISTINCT FROM $service
      AND level IS NOT DISTINCT FROM $level
      AND first_day <= $end
),

counts AS (
    SELECT
        grain,
        bucket_start,
        CAST(sum(participants) AS BIGINT)    AS participants,
        CAST(sum(newcomers) AS BIGINT)       AS newcomers
    FROM firsts
    GROUP BY grain, bucket_start
)

SELECT grain, bucket_start, participants, newcomers, participants - newcomers AS returning
FROM counts
ORDER BY grain, bucket_start
