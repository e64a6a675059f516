-- Participants per calendar year up to $end by how often they came that year: one-time (1 attended
-- event), occasional ($occasional_min to $frequent_min − 1 events) and frequent ($frequent_min or more).
-- Grain: one row per year. Scope as the indicator catalogue.

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

per_person_year AS (
    SELECT year(event_date) AS year, participant_id, count(*) AS attendances
    FROM scope
    GROUP BY ALL
)

SELECT
    year,
    count(*)                                                          AS participants,
    count(*) FILTER (WHERE attendances < $occasional_min)             AS one_time,
    count(*) FILTER (WHERE attendances >= $occasional_min
                       AND attendances < $frequent_min)               AS occasional,
    count(*) FILTER (WHERE attendances >= $frequent_min)              AS frequent
FROM per_person_year
GROUP BY year
ORDER BY year
