-- Year-on-year erosion: of the participants active in year Y − 1, how many are active again in Y.
-- Grain: one row per year Y (up to year($end); the year of $end may be incomplete).
-- Columns: year, previous_active (active in Y − 1), still_active (active in Y − 1 and in Y),
-- lapsed (active in Y − 1, not in Y). Scope as the indicator catalogue, read from the derived table
-- participation_cohorts (active in a year up to $end: first event of that year on or before $end).

WITH
active AS (
    SELECT active_year, previously_active, participants
    FROM participation_cohorts
    WHERE service_id IS NOT DISTINCT FROM $service
      AND level IS NOT DISTINCT FROM $level
      AND first_day <= $end
),

per_year AS (
    SELECT
        active_year,
        sum(participants)                                           AS active,
        sum(CASE WHEN previously_active THEN participants ELSE 0 END) AS came_back
    FROM active
    GROUP BY active_year
)

SELECT
    p.active_year + 1                                          AS year,
    CAST(p.active AS BIGINT)                                   AS previous_active,
    CAST(coalesce(n.came_back, 0) AS BIGINT)                   AS still_active,
    CAST(p.active - coalesce(n.came_back, 0) AS BIGINT)        AS lapsed
FROM per_year AS p
LEFT JOIN per_year AS n ON n.active_year = p.active_year + 1
WHERE p.active_year + 1 <= year(CAST($end AS DATE))
ORDER BY year
