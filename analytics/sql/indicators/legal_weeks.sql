-- Indicator family: legal working-time limits of a week (décret 2000-815, art. 3). One row:
--   legal.weeks_over_48h  (agent, ISO week whose Monday is in the period) with the whole Monday–Sunday
--                         week's hours > $max_weekly_hours
--   legal.avg12_over_44h  (agent, ISO week w whose Monday is in the period) with
--                         sum(hours of weeks w-(N-1)..w) / N > $max_avg_weekly_hours, N =
--                         $avg_window_weeks (weeks without entries count 0; always divide by N); the
--                         window's hours come from agent_week_running (running totals), so no window
--                         function runs at query time; only the agents with a week over
--                         $max_avg_weekly_hours (less a micro-hour, so that float drift in the running
--                         totals never matters) in the weeks the windows cover are looked at: a mean
--                         of N weeks cannot exceed a limit no week exceeds
-- The limits of one day are in legal_days.sql.
-- Always all of an agent's hours, whatever the level ($level is not a parameter here); $service keeps
-- that service's agents.

WITH
-- @include legal/avg12_windows
-- @include legal/period_weeks

SELECT
    (SELECT count(*) FROM weeks WHERE hours > $max_weekly_hours)             AS "legal.weeks_over_48h",
    (SELECT count(*) FROM windows
      WHERE window_hours / $avg_window_weeks > $max_avg_weekly_hours)         AS "legal.avg12_over_44h"
