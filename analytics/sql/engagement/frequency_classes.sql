-- Participants per calendar year up to $end by how often they came that year: one-time (1 attended
-- event), occasional ($occasional_min to $frequent_min − 1 events) and frequent ($frequent_min or more).
-- Grain: one row per year. Scope as the indicator catalogue.
-- The years before $end's year are whole: read from the derived table participation_years; $end's
-- year (from $year_start, its 1 January, to $end) is counted from participant_activity.

WITH
whole_years AS (
    SELECT year, attendances, participants
    FROM participation_years
    WHERE service_id IS NOT DISTINCT FROM $service
      AND level IS NOT DISTINCT FROM $level
      AND year < year(CAST($year_start AS DATE))
),

end_year AS (
    SELECT participant_id, year(event_date) AS year
    FROM participant_activity
    WHERE event_date BETWEEN $year_start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

end_year_people AS (
    SELECT year, participant_id, count(*) AS attendances
    FROM end_year
    GROUP BY ALL
),

per_year AS (
    SELECT year, attendances, participants FROM whole_years
    UNION ALL
    SELECT year, attendances, count(*) FROM end_year_people GROUP BY ALL
)

SELECT
    year,
    CAST(sum(participants) AS BIGINT)                                               AS participants,
    CAST(sum(CASE WHEN attendances < $occasional_min THEN participants ELSE 0 END) AS BIGINT)
                                                                                    AS one_time,
    CAST(sum(CASE WHEN attendances >= $occasional_min AND attendances < $frequent_min
                  THEN participants ELSE 0 END) AS BIGINT)                          AS occasional,
    CAST(sum(CASE WHEN attendances >= $frequent_min THEN participants ELSE 0 END) AS BIGINT)
                                                                                    AS frequent
FROM per_year
GROUP BY year
ORDER BY year
