-- Legal findings: 12-week averages over the limit (décret 2000-815, art. 3: 44 hours on average over
-- any 12 consecutive weeks).
-- Grain: one row per (agent, ISO week w whose Monday is in [$start, $end]) where the hours of weeks
-- w−($avg_window_weeks−1)..w, all levels, divided by $avg_window_weeks (a week without entries counts
-- 0) exceed $max_avg_weekly_hours.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, window_start (Monday of the
--          first week of the window), window_hours, average_hours, limit_hours, excess_hours
--          (average − limit). Its row count is the catalogue's legal.avg12_over_44h (the catalogue
--          counts these rows). The window's hours are a difference of two running totals of
--          agent_week_running (rounded to the nanohour, so that float drift never decides a tie),
--          looked at only for the agents with a week over the limit (less a micro-hour) among the
--          weeks the windows cover: a mean of N weeks cannot exceed a limit no week exceeds.
WITH
-- @include capacity/agents_in

long_week_agents AS (
    -- the agents with a week over the average limit among the weeks w-(N-1)..w of the period's weeks w
    SELECT DISTINCT agent_id
    FROM agent_week
    WHERE week_start BETWEEN $start - CAST(7 * ($avg_window_weeks - 1) AS INTEGER) AND $end
      AND ($service IS NULL OR service_id = $service)
      AND hours > $max_avg_weekly_hours - 1e-6
),

period_running AS (
    -- the running totals of the period's weeks (agent_week_running is dense: every week of each
    -- agent from its first week with hours)
    SELECT agent_id, week_start, cumulative_hours
    FROM agent_week_running
    SEMI JOIN long_week_agents USING (agent_id)
    WHERE week_start BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
),

earlier_running AS (
    -- the running totals N weeks earlier, keyed by the week they are subtracted from
    SELECT agent_id, week_start + CAST(7 * $avg_window_weeks AS INTEGER) AS week_start, cumulative_hours
    FROM agent_week_running
    SEMI JOIN long_week_agents USING (agent_id)
    WHERE week_start BETWEEN $start - CAST(7 * $avg_window_weeks AS INTEGER)
                         AND $end - CAST(7 * $avg_window_weeks AS INTEGER)
      AND ($service IS NULL OR service_id = $service)
),

windows AS (
    -- hours of weeks w-(N-1)..w = running total at w - running total at w - N weeks (0 before the
    -- agent's first row), rounded to the nanohour so that float drift never decides a tie
    SELECT
        p.agent_id,
        p.week_start,
        round(p.cumulative_hours - coalesce(b.cumulative_hours, 0.0), 9) AS window_hours
    FROM period_running AS p
    LEFT JOIN earlier_running AS b ON b.agent_id = p.agent_id AND b.week_start = p.week_start
),

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
