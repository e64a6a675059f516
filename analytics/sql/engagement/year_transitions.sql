-- Year-on-year erosion: of the participants active in year Y − 1, how many are active again in Y.
-- Grain: one row per year Y (up to year($end); the year of $end may be incomplete).
-- Columns: year, previous_active (active in Y − 1), still_active (active in Y − 1 and in Y),
-- lapsed (active in Y − 1, not in Y). Scope as the indicator catalogue.

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
)

SELECT
    p.active_year + 1                                  AS year,
    count(*)                                           AS previous_active,
    count(n.participant_id)                            AS still_active,
    count(*) - count(n.participant_id)                 AS lapsed
FROM person_years AS p
LEFT JOIN person_years AS n
    ON n.participant_id = p.participant_id AND n.active_year = p.active_year + 1
WHERE p.active_year + 1 <= year(CAST($end AS DATE))
GROUP BY ALL
ORDER BY year
