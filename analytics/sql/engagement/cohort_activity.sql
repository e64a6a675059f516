-- Cohorts by year of first participation: how many of each cohort were active each later year.
-- Grain: one row per (cohort_year, active_year) with active_year >= cohort_year, up to year($end).
-- cohort_year = calendar year of the participant's first attended event in the scope; a participant
-- is active in a year when they attended at least one event dated that year (up to $end).
-- Scope as the indicator catalogue.

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

person_years AS (
    SELECT DISTINCT participant_id, year(event_date) AS active_year
    FROM scope
),

cohorts AS (
    SELECT participant_id, min(active_year) AS cohort_year
    FROM person_years
    GROUP BY participant_id
)

SELECT c.cohort_year, p.active_year, count(*) AS participants
FROM person_years AS p
JOIN cohorts AS c ON c.participant_id = p.participant_id
GROUP BY ALL
ORDER BY c.cohort_year, p.active_year
