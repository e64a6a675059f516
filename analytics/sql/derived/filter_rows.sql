-- Shared CTE (not a query on its own): `scoped`, every row of the including file's `activity` CTE
-- (its columns include service_id and level) once per combination of the Engagement page's filters:
-- (NULL, NULL) every row, (s, NULL) service s, (NULL, l) level l, (s, l) both; rows without a
-- service only in the rows without service. Included by participation_buckets.sql,
-- participation_cohorts.sql and participation_ranks.sql with "-- @include derived/filter_rows" after
-- their `activity` CTE; the text ends with a comma.
scoped AS (
    SELECT * REPLACE (NULL::VARCHAR AS service_id, NULL::VARCHAR AS level)
    FROM activity
    UNION ALL
    SELECT * REPLACE (NULL::VARCHAR AS level)
    FROM activity
    WHERE service_id IS NOT NULL
    UNION ALL
    SELECT * REPLACE (NULL::VARCHAR AS service_id)
    FROM activity
    UNION ALL
    SELECT *
    FROM activity
    WHERE service_id IS NOT NULL
),
