-- Shared CTEs (not a query on its own): the 12-week windows of décret 2000-815 art. 3 for the ISO
-- weeks w whose Monday is in [$start, $end] ($service narrows every CTE).
-- windows: one row per (agent_id, week_start w) with window_hours, the hours of weeks
--          w-($avg_window_weeks-1)..w (all levels; a week without entries counts 0), as the difference of
--          two running totals of agent_week_running, rounded to the nanohour so that float drift never
--          decides a tie; only for the agents with a week over $max_avg_weekly_hours (less a
--          micro-hour) among the weeks the windows cover: a mean of N weeks cannot exceed a limit no
--          week exceeds.
-- Included right after WITH by indicators/legal_weeks.sql (legal.avg12_over_44h) and capacity/legal_avg12.sql
-- (the list of findings), so that the count and the list are the same windows; the text ends with a
-- comma, so the including file goes on with its own CTEs.
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
