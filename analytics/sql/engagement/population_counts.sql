-- Shared CTEs (not a query on its own), for the representativeness rows:
--   reference        the rows of the population table for 'quartier' and 'age_band' with
--                    population > 0 (dimension, category, population);
--   category_counts  participants per (dimension, category): where they live / their age band
--                    (NULL category = unknown), counted over the CTE active_people (one row per
--                    participant active in the period, columns quartier and age_band) that the
--                    including query defines before.
-- Included as the last CTEs (the text ends without a comma) by engagement/representation.sql (the
-- representativeness tab) and engagement/headline.sql (the catalogue's R-scores), so that both count
-- the same people against the same population.
reference AS (
    SELECT dimension, category, population
    FROM population
    WHERE dimension IN ('quartier', 'age_band') AND population > 0
),

category_counts AS (
    SELECT 'quartier' AS dimension, quartier AS category, count(*) AS participants
    FROM active_people
    GROUP BY quartier
    UNION ALL
    SELECT 'age_band', age_band, count(*)
    FROM active_people
    GROUP BY age_band
)
