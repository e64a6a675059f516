-- Participants active in [$start, $end] against the population table, for both dimensions
-- ('quartier' and 'age_band'): where the participants live / their age band (participants table).
-- Grain: one row per (dimension, category of the population table with population > 0), plus one
-- row with in_population = false per category met among participants but absent from the population
-- table (NULL category = unknown). Columns: dimension, category, population, participants,
-- in_population. Scope as the indicator catalogue (representativeness.r_score_quartier uses the same
-- rows).

WITH
active_people AS (
    SELECT DISTINCT participant_id, participant_quartier AS quartier, participant_age_band AS age_band
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

-- @include engagement/population_counts

SELECT
    coalesce(r.dimension, c.dimension)   AS dimension,
    coalesce(r.category, c.category)     AS category,
    r.population,
    coalesce(c.participants, 0)          AS participants,
    r.category IS NOT NULL               AS in_population
FROM reference AS r
FULL JOIN category_counts AS c ON c.dimension = r.dimension AND c.category = r.category
ORDER BY dimension, in_population DESC, category
