-- Evenings worked per agent and month: days whose work ended after the end of the workday window.
-- Grain: one row per (agent, month) with at least one such evening in the period.
-- Columns: agent_id, agent_name, service_id, service_name, month (first day), evenings (distinct
--          work dates whose last end, possibly past midnight, is after $workday_end_hours on that
--          date; with a level filter, the end of the work at that level).
WITH
-- @include capacity/agents_in

late_days AS (
    SELECT DISTINCT agent_id, work_date
    FROM agent_day
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
      AND last_end_ts > work_date + to_microseconds(CAST($workday_end_hours * 3600e6 AS BIGINT))
)

SELECT
    a.agent_id, a.agent_name, a.service_id, a.service_name,
    CAST(date_trunc('month', d.work_date) AS DATE)  AS month,
    count(*)                                        AS evenings
FROM late_days AS d
JOIN agents_in AS a USING (agent_id)
GROUP BY ALL
ORDER BY a.service_name, a.agent_name, month
