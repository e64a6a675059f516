-- Participants per calendar year up to $end by how often they came that year: one-time (1 attended
-- event), occasional ($occasional_min to $frequent_min − 1 events) and frequent ($frequent_min or more).
-- Grain: one row per year. Scope as the indicator catalogue.
-- Read from participant_activity (one row per attended attendance): each participant's attended
-- events per year up to $end, then counted per class.

WITH
scope AS (
    SELECT participant_id, year(event_date) AS year
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

per_participant AS (
    SELECT year, participant_id, count(*) AS events
    FROM scope
    GROUP BY year, participant_id
)

SELECT
    CAST(year AS BIGINT)                                                               AS year,
    count(*)                                                                           AS participants,
    count(*) FILTER (WHERE events < $occasional_min)                                   AS one_time,
    count(*) FILTER (WHERE events >= $occasional_min AND events < $frequent_min)       AS occasional,
    count(*) FILTER (WHERE events >= $frequent_min)                                    AS frequent
FROM per_participant
GROUP BY year
ORDER BY year
