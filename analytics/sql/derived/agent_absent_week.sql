-- agent_absent_week — grain: one row per (agent_id, week_start) whose five Monday-to-Friday days are
-- all covered by absences (one absence or several, overlapping or not).
-- Columns: agent_id, week_start (ISO Monday).
-- The data page's health grid (sql/data/health.sql) reads it: a week without time entries is then
-- "absent", not "missing"; expanding every absence into days on each visit cost more than the rest of
-- that query. Reads only the absences table, so an import of time entries never rebuilds it.

CREATE OR REPLACE TABLE agent_absent_week AS
WITH
absence_list AS (
    SELECT agent_id, start_date, end_date FROM absences WHERE end_date >= start_date
),

absent_days AS (
    -- the Monday-to-Friday days covered by an absence
    SELECT DISTINCT agent_id, day
    FROM (
        SELECT agent_id,
               CAST(unnest(generate_series(CAST(start_date AS TIMESTAMP), CAST(end_date AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS DATE) AS day
        FROM absence_list
    )
    WHERE isodow(day) <= 5
)

SELECT agent_id, CAST(date_trunc('week', day) AS DATE) AS week_start
FROM absent_days
GROUP BY ALL
HAVING count(*) >= 5
ORDER BY week_start, agent_id
