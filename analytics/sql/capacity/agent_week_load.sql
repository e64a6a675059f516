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
agents_in AS (
    SELECT
        a.agent_id, a.agent_name, a.service_id, s.service_name,
        row_number() OVER (ORDER BY s.service_name, a.agent_name, a.agent_id) AS agent_rank
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
    WHERE $service IS NULL OR a.service_id = $service
),

level_weeks AS (
    -- hours at the chosen level in the weeks wholly inside the period (nothing without a level)
    SELECT agent_id, week_start, sum(hours) AS hours
    FROM agent_day
    WHERE $level IS NOT NULL AND level = $level
      AND work_date BETWEEN $start AND $end
      AND week_start >= $start AND week_start + 6 <= $end
      AND ($service IS NULL OR service_id = $service)
    GROUP BY agent_id, week_start
),

whole_weeks AS (
    SELECT
        w.agent_id,
        w.week_start,
        w.hours                                                            AS recorded_hours,
        CASE WHEN $level IS NULL THEN w.hours ELSE coalesce(l.hours, 0.0) END AS hours,
        w.capacity_hours
    FROM agent_week AS w
    LEFT JOIN level_weeks AS l ON l.agent_id = w.agent_id AND l.week_start = w.week_start
    WHERE w.week_start BETWEEN $start AND $end AND w.week_start + 6 <= $end
      AND ($service IS NULL OR w.service_id = $service)
      AND (w.hours > 0 OR w.capacity_hours > 0)
),

edge_days AS (
    -- the days of the (at most two) weeks cut by the period's edges
    SELECT agent_id, week_start, hours AS recorded_hours,
           CASE WHEN $level IS NULL OR level = $level THEN hours ELSE 0.0 END AS hours,
           0.0 AS capacity_hours
    FROM agent_day
    WHERE work_date BETWEEN $start AND $end
      AND (week_start < $start OR week_start + 6 > $end)
      AND ($service IS NULL OR service_id = $service)
    UNION ALL
    SELECT agent_id, week_start, 0.0, 0.0, capacity_hours
    FROM agent_day_capacity
    WHERE day BETWEEN $start AND $end
      AND (week_start < $start OR week_start + 6 > $end)
      AND ($service IS NULL OR service_id = $service)
),

edge_weeks AS (
    SELECT agent_id, week_start, sum(recorded_hours) AS recorded_hours, sum(hours) AS hours,
           sum(capacity_hours) AS capacity_hours
    FROM edge_days
    GROUP BY agent_id, week_start
),

weeks AS (
    SELECT * FROM whole_weeks
    UNION ALL
    SELECT * FROM edge_weeks
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
