-- Legal findings: 12-week averages over the limit (décret 2000-815, art. 3: 44 hours on average over
-- any 12 consecutive weeks).
-- Grain: one row per (agent, ISO week w whose Monday is in [$start, $end]) where the hours of weeks
-- w−($avg_window_weeks−1)..w, all levels, divided by $avg_window_weeks (a week without entries counts
-- 0) exceed $max_avg_weekly_hours.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, window_start (Monday of the
--          first week of the window), window_hours, average_hours, limit_hours, excess_hours
--          (average − limit). Its row count is the catalogue's legal.avg12_over_44h: the same windows
--          as sql/indicators/legal_weeks.sql, computed the same way — the window's hours are a difference of
--          two running totals of agent_week_running (rounded to the nanohour, so that float drift never
--          decides a tie), looked at only for the agents with a week over the limit (less a
--          micro-hour) among the weeks the windows cover: a mean of N weeks cannot exceed a limit no
--          week exceeds.
WITH
-- @include capacity/agents_in
-- @include legal/avg12_windows
over_limit AS (
    SELECT agent_id, week_start, window_hours
    FROM windows
    WHERE window_hours / $avg_window_weeks > $max_avg_weekly_hours
)

SELECT
    w.agent_id, a.agent_name, a.service_id, a.service_name,
    w.week_start,
    w.week_start - CAST(7 * ($avg_window_weeks - 1) AS INTEGER)     AS window_start,
    w.window_hours,
    w.window_hours / $avg_window_weeks                              AS average_hours,
    $max_avg_weekly_hours                                           AS limit_hours,
    w.window_hours / $avg_window_weeks - $max_avg_weekly_hours      AS excess_hours
FROM over_limit AS w
LEFT JOIN agents_in AS a USING (agent_id)
ORDER BY w.week_start, a.agent_name, w.agent_id
