-- Legal findings: daily rests under the minimum (décret 2000-815, art. 3: 11 hours).
-- Grain: one row per (agent, day d in [$start, $end]) whose first start comes less than
-- $min_daily_rest_hours after the last end of the entries dated d − 1 (an end past midnight counts as
-- such); days without times, on either side, are skipped (agent_workday.rest_hours is NULL). All levels.
-- Columns: agent_id, agent_name, service_id, service_name, work_date (d), previous_end_ts,
--          first_start_ts, rest_hours, limit_hours, missing_hours (limit − rest). Its row count is the
--          catalogue's legal.rest_under_11h.
WITH
-- @include capacity/agents_in

short_rests AS (
    SELECT agent_id, work_date, previous_end_ts, first_start_ts, rest_hours
    FROM agent_workday
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND rest_hours < $min_daily_rest_hours
)

SELECT
    r.agent_id, a.agent_name, a.service_id, a.service_name,
    r.work_date, r.previous_end_ts, r.first_start_ts, r.rest_hours,
    $min_daily_rest_hours                 AS limit_hours,
    $min_daily_rest_hours - r.rest_hours  AS missing_hours
FROM short_rests AS r
LEFT JOIN agents_in AS a USING (agent_id)
ORDER BY r.work_date, a.agent_name, r.agent_id
