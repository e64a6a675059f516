-- Cohorts by year of first participation: how many of each cohort were active each later year.
-- Grain: one row per (cohort_year, active_year) with active_year >= cohort_year, up to year($end).
-- cohort_year = calendar year of the participant's first attended event in the scope; a participant
-- is active in a year when they attended at least one event dated that year (up to $end).
-- Scope as the indicator catalogue, read from the derived table participation_cohorts (a
-- participant is active in a year up to $end when their first event of that year is on or before
-- $end).

WITH
active AS (
    SELECT cohort_year, active_year, participants
    FROM participation_cohorts
    WHERE service_id IS NOT DISTINCT FROM $service
      AND level IS NOT DISTINCT FROM $level
      AND first_day <= $end
)

SELECT cohort_year, active_year, CAST(sum(participants) AS BIGINT) AS participants
FROM active
GROUP BY cohort_year, active_year
ORDER BY cohort_year, active_year
