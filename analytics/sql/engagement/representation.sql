-- Participants active in [$start, $end] against the population table, for both dimensions
-- ('quartier' and 'age_band'): where the participants live / their age band (participants table).
-- Grain: one row per (dimension, category of the population table with population > 0), plus one
-- row with in_population = false per category met among participants but absent from the population
-- table (NULL category = unknown). Columns: dimension, category, population, participants,
-- in_population. Scope as the indicator catalogue (representativeness.r_score_quartier uses the same
-- rows).

WITH
active AS (
    SELECT DISTINCT participant_id, participant_quartier, participant_age_band
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

reference AS (
    SELECT dimension, category, population
    FROM population
    WHERE dimension IN ('quartier', 'age_band') AND population > 0
),

counts AS (
    SELECT 'quartier' AS dimension, participant_quartier AS category, count(*) AS participants
    FROM active
    GROUP BY participant_quartier
    UNION ALL
    SELECT 'age_band', participant_age_band, count(*)
    FROM active
    GROUP BY participant_age_band
)

SELECT
    coalesce(r.dimension, c.dimension)   AS dimension,
    coalesce(r.category, c.category)     AS category,
    r.population,
    coalesce(c.participants, 0)          AS participants,
    r.category IS NOT NULL               AS in_population
FROM reference AS r
FULL JOIN counts AS c ON c.dimension = r.dimension AND c.category = r.category
ORDER BY dimension, in_population DESC, category
