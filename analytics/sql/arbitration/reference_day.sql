-- The reference day of the arbitration page ("today" for projections): the last day with recorded
-- time (NULL on a store without time entries).
WITH
days AS (
    SELECT work_date FROM agent_day
)

SELECT max(work_date) AS reference_day FROM days
