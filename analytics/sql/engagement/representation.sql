-- Participants active in [$start, $end] against the population table, for one $dimension
-- ('quartier' or 'age_band'): where the participants live / their age band (participants table).
-- Grain: one row per category of the population table (population > 0), plus one row with
-- in_population = false per category met among participants but absent from the population table
-- (NULL category = unknown). Columns: category, population, participants, in_population.
-- Scope as the indicator catalogue (representativeness.r_score_quartier uses the same rows).

WITH
active AS (
    SELECT DISTINCT
        participant_id,
        CASE WHEN $dimension = 'quartier' THEN participant_quartier ELSE participant_age_band END
            AS category
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

reference AS (
    SELECT category, population
    FROM population
    WHERE dimension = $dimension AND population > 0
),

counts AS (
    SELECT category, count(*) AS participants
    FROM active
    GROUP BY category
)

SELECT
    coalesce(r.category, c.category)     AS category,
    r.population,
    coalesce(c.participants, 0)          AS participants,
    r.category IS NOT NULL               AS in_population
FROM reference AS r
FULL JOIN counts AS c ON c.category = r.category
ORDER BY in_population DESC, category
