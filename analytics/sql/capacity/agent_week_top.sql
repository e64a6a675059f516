-- The most loaded agents over the period [$start, $end], week by week: the agent heatmap.
-- Grain: one row per (agent, week_start) of the $limit agents with the highest load over the period
-- (all agents when there are no more), for the weeks with capacity or recorded time inside the period.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, days_in_period, recorded_hours,
--          hours, capacity_hours (as agent_week_load.sql), and per agent:
--          period_hours (hours of the period, level filter applied),
--          period_recorded_capacity_hours (capacity of the weeks with recorded time: missing weeks are
--          left out of both), period_load_ratio = period_hours / period_recorded_capacity_hours (NULL
--          when 0), period_rank (1 = the most loaded; ratios equal to 1e-9 are tied and ranked by
--          agent id), agents_total (agents with capacity or recorded time in the period, shown or not).
-- The agent-week rows are exactly those of agent_week_load.sql (the same included CTEs); the rows are
-- in that file's order (service name, agent name, agent id, week). Without a level filter the
-- period's totals per agent read the whole weeks straight from agent_week; the agent-weeks are read
-- (weeks) only for the agents shown.
WITH
-- @include capacity/period_weeks
per_agent AS (
    -- without a level filter the whole weeks are read from agent_week (as whole_weeks does) rather
    -- than through weeks, which the final select reads again for the agents shown
    SELECT
        agent_id,
        sum(hours)                                                             AS period_hours,
        sum(CASE WHEN recorded_hours > 0 THEN capacity_hours ELSE 0.0 END)     AS period_recorded_capacity_hours
    FROM (
        SELECT agent_id, hours, recorded_hours, capacity_hours FROM weeks WHERE $level IS NOT NULL
        UNION ALL
        SELECT agent_id, hours, hours AS recorded_hours, capacity_hours
        FROM agent_week
        WHERE $level IS NULL
          AND week_start BETWEEN $start AND $end AND week_start + 6 <= $end
          AND ($service IS NULL OR service_id = $service)
          AND (hours > 0 OR capacity_hours > 0)
        UNION ALL
        SELECT agent_id, hours, recorded_hours, capacity_hours FROM edge_weeks WHERE $level IS NULL
    )
    GROUP BY agent_id
),

ranked AS (
    -- every agent in scope with its period rank (the service filter already narrowed weeks)
    SELECT
        agent_id,
        period_hours,
        period_recorded_capacity_hours,
        CASE WHEN period_recorded_capacity_hours > 0
             THEN period_hours / period_recorded_capacity_hours END            AS period_load_ratio,
        row_number() OVER (
            -- rounded to 1e-9 so that the order of float additions never decides a tie
            ORDER BY round(CASE WHEN period_recorded_capacity_hours > 0
                                THEN period_hours / period_recorded_capacity_hours END, 9)
                         DESC NULLS LAST,
                     agent_id
        )                                                                      AS period_rank,
        count(*) OVER ()                                                       AS agents_total
    FROM per_agent
),

top AS (
    -- the agents shown, with their names and their place in the heatmap's order
    SELECT r.*, a.agent_name, a.service_id, s.service_name,
           row_number() OVER (ORDER BY s.service_name, a.agent_name, r.agent_id) AS agent_order
    FROM ranked AS r
    JOIN agents AS a ON a.agent_id = r.agent_id
    LEFT JOIN services AS s ON s.service_id = a.service_id
    WHERE r.period_rank <= $limit
)

SELECT
    t.agent_id,
    t.agent_name,
    t.service_id,
    t.service_name,
    w.week_start,
    CAST(least(w.week_start + 6, $end) - greatest(w.week_start, $start) + 1 AS INTEGER)
                                                                          AS days_in_period,
    w.recorded_hours,
    w.hours,
    w.capacity_hours,
    t.period_hours,
    t.period_recorded_capacity_hours,
    t.period_load_ratio,
    t.period_rank,
    t.agents_total
FROM weeks AS w
JOIN top AS t ON t.agent_id = w.agent_id
ORDER BY t.agent_order, w.week_start
