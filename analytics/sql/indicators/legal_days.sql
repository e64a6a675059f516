-- Indicator family: legal working-time limits of one day (décret 2000-815, art. 3). One row:
--   legal.days_over_10h   (agent, day in period) with day hours > $max_daily_hours
--   legal.rest_under_11h  (agent, day d in period) with first start on d - last end of the entries
--                         dated d-1 (possibly after midnight) < $min_daily_rest_hours; days without
--                         times on either side are skipped (agent_workday.rest_hours is NULL)
-- The weekly limits are in legal_weeks.sql: a page showing only the day counts (the capacity tiles)
-- does not compute the 12-week windows.
-- Always all of an agent's hours, whatever the level ($level is not a parameter here); $service keeps
-- that service's agents.

WITH
workdays AS (
    SELECT hours, rest_hours
    FROM agent_workday
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
)

SELECT
    count(*) FILTER (WHERE hours > $max_daily_hours)           AS "legal.days_over_10h",
    count(*) FILTER (WHERE rest_hours < $min_daily_rest_hours) AS "legal.rest_under_11h"
FROM workdays
