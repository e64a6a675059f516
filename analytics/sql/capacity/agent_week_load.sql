-- Hours and capacity per agent and ISO week, clipped to the period [$start, $end].
-- Grain: one row per (agent, week_start) with capacity or recorded time inside the period.
-- Columns: agent_id, agent_name, service_id, service_name, week_start (ISO Monday), days_in_period
--          (days of that week inside the period: 7 except at the period's edges),
--          recorded_hours (all levels: tells a week with no timesheet from a quiet one),
--          hours (the level filter applied), capacity_hours (agent_day_capacity, the level filter
--          never narrows it).
-- Weeks wholly inside the period come from agent_week (pre-aggregated); only the two weeks cut by the
-- period's edges are summed from agent_day and agent_day_capacity; with a level filter the hours of
-- whole weeks are summed from agent_day at that level.
-- Sums of hours and capacity_hours over the rows equal the catalogue's hours.total and
-- capacity.hours for the same period and filters.
WITH
-- @include capacity/period_weeks
agents_in AS (
    SELECT
        a.agent_id, a.agent_name, a.service_id, s.service_name,
        row_number() OVER (ORDER BY s.service_name, a.agent_name, a.agent_id) AS agent_rank
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
    WHERE $service IS NULL OR a.service_id = $service
)

SELECT
    a.agent_id,
    a.agent_name,
    a.service_id,
    a.service_name,
    w.week_start,
    CAST(least(w.week_start + 6, $end) - greatest(w.week_start, $start) + 1 AS INTEGER)
                                                                          AS days_in_period,
    w.recorded_hours,
    w.hours,
    w.capacity_hours
FROM weeks AS w
JOIN agents_in AS a ON a.agent_id = w.agent_id
ORDER BY a.agent_rank, w.week_start
