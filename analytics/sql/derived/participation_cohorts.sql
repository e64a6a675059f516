-- participation_cohorts — grain: one row per (service_id, level, cohort_year, active_year,
-- previously_active, first_day): the participants active in a calendar year (at least one attended
-- event), by the year they first came and whether they came the year before, under one combination
-- of the page filters.
-- Columns: service_id (NULL = every service: no filter), level (NULL = every level), cohort_year
--          (year of the participant's first attended event in the filters), active_year,
--          previously_active (also active in active_year − 1), first_day (their first attended event
--          of active_year), participants.
-- Filter rows as participation_buckets: (NULL, NULL) every attended attendance, (s, NULL) service s,
-- (NULL, l) level l, (s, l) both; events without project only in the rows without service.
-- The participants active in a year up to a day D (the period's end) are those of the rows with
-- first_day <= D: exact for any D (sql/engagement/cohort_activity.sql, year_transitions.sql).

CREATE OR REPLACE TABLE participation_cohorts AS
WITH
activity AS (
    SELECT participant_id, service_id, level, year(event_date) AS active_year, min(event_date) AS first_day
    FROM participant_activity
    GROUP BY ALL
),

-- @include derived/filter_rows

person_years AS (
    SELECT service_id, level, participant_id, active_year, min(first_day) AS first_day
    FROM scoped
    GROUP BY ALL
),

flagged AS (
    SELECT
        service_id,
        level,
        active_year,
        first_day,
        min(active_year) OVER person                                          AS cohort_year,
        coalesce(lag(active_year) OVER (person ORDER BY active_year) = active_year - 1, false)
                                                                              AS previously_active
    FROM person_years
    WINDOW person AS (PARTITION BY service_id, level, participant_id)
)

SELECT
    service_id,
    level,
    cohort_year,
    active_year,
    previously_active,
    first_day,
    count(*)        AS participants
FROM flagged
GROUP BY ALL
ORDER BY service_id NULLS FIRST, level NULLS FIRST, active_year, cohort_year, previously_active, first_day
