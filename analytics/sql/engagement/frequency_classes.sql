-- Participants per calendar year up to $end by how often they came that year: one-time (1 attended
-- event), occasional ($occasional_min to $frequent_min − 1 events) and frequent ($frequent_min or more).
-- Grain: one row per year. Scope as the indicator catalogue.
-- Read from the derived table participation_ranks: the participants with at least k attended
-- events in a year up to $end are those whose k-th event of the year is on or before $end (its
-- ranks are 1, $occasional_min and $frequent_min).

WITH
reached AS (
    SELECT year, rank, participants
    FROM participation_ranks
    WHERE service_id IS NOT DISTINCT FROM $service
      AND level IS NOT DISTINCT FROM $level
      AND reached_on <= $end
),

per_year AS (
    SELECT
        year,
        CAST(coalesce(sum(participants) FILTER (WHERE rank = 1), 0) AS BIGINT)               AS active,
        CAST(coalesce(sum(participants) FILTER (WHERE rank = $occasional_min), 0) AS BIGINT) AS occasional_up,
        CAST(coalesce(sum(participants) FILTER (WHERE rank = $frequent_min), 0) AS BIGINT)   AS frequent_up
    FROM reached
    GROUP BY year
)

SELECT
    CAST(year AS BIGINT)               AS year,
    active                             AS participants,
    active - occasional_up             AS one_time,
    occasional_up - frequent_up        AS occasional,
    frequent_up                        AS frequent
FROM per_year
ORDER BY year
