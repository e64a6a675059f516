-- The load tab's weeks over the period [$start, $end], clipped to it: the service heatmap and the agent
-- heatmap in one result (one plan: the weeks cut by the period's edges are summed once for both).
-- Grain: one row per (part, service or agent, week_start):
--   part 'service': one row per (service_id, week_start) in which an agent of the service (agents.
--          service_id; NULL = agents without a service) has capacity or recorded time inside the period;
--   part 'agent': one row per (agent_id, week_start) of the $limit agents with the highest load over the
--          period (all agents when there are no more), for the weeks with capacity or recorded time
--          inside the period.
-- Columns: part, service_id, service_name, week_start (ISO Monday), hours (the level filter applied),
--          recorded_hours (all levels: tells a week with no timesheet from a quiet one), capacity_hours
--          (the level filter never narrows it), and
--          on service rows (NULL on agent rows): recorded_capacity_hours (capacity of the agents who
--          recorded time that week, any level), agents (agents with capacity or recorded time that
--          week), agents_missing (of those, agents without any recorded time: no timesheet);
--          on agent rows (NULL on service rows): agent_id, agent_name, days_in_period (days of that
--          week inside the period), period_hours (hours of the period, level filter applied),
--          period_recorded_capacity_hours (capacity of the weeks with recorded time: missing weeks
--          are left out of both), period_load_ratio = period_hours / period_recorded_capacity_hours
--          (NULL when 0), period_rank (1 = the most loaded; ratios equal to 1e-9 are tied and ranked
--          by agent id), agents_total (agents with capacity or recorded time in the period, shown or
--          not).
-- Order: the service rows first, a service's rows following each other (by service name, then
-- service_id, then week), then the agent rows, an agent's rows following each other (by service name,
-- agent name, agent id, week).
-- The agent-weeks are those of agent_week_load.sql (the same included CTEs): whole weeks from
-- agent_week, the (at most two) weeks cut by the period's edges from agent_day and agent_day_capacity,
-- the level filter narrowing hours only. Without a level filter the whole weeks are read summed per
-- service from service_week, and the period's totals per agent straight from agent_week. Sums of
-- hours and capacity_hours over the service rows equal the catalogue's hours.total and capacity.hours.
WITH
-- @include capacity/period_weeks
-- @include capacity/agents_in

-- the service heatmap ------------------------------------------------------------------------------

agent_service_weeks AS (
    -- the agent-weeks summed here: every week with a level filter, else only the (at most two)
    -- weeks cut by the period's edges (whole weeks come summed per service from service_week)
    SELECT a.service_id, w.*
    FROM weeks AS w
    JOIN agents_in AS a ON a.agent_id = w.agent_id
    WHERE $level IS NOT NULL
    UNION ALL
    SELECT a.service_id, w.*
    FROM edge_weeks AS w
    JOIN agents_in AS a ON a.agent_id = w.agent_id
    WHERE $level IS NULL
),

service_weeks AS (
    SELECT
        service_id,
        week_start,
        sum(hours)                                                         AS hours,
        sum(recorded_hours)                                                AS recorded_hours,
        sum(capacity_hours)                                                AS capacity_hours,
        sum(CASE WHEN recorded_hours > 0 THEN capacity_hours ELSE 0.0 END) AS recorded_capacity_hours,
        count(*)                                                           AS agents,
        count(*) FILTER (WHERE recorded_hours <= 0)                        AS agents_missing
    FROM agent_service_weeks
    GROUP BY service_id, week_start
    UNION ALL
    -- whole weeks without a level filter: service_week (agent_week summed per agents.service_id)
    SELECT service_id, week_start, hours, hours AS recorded_hours, capacity_hours,
           recorded_capacity_hours, agents, agents_missing
    FROM service_week
    WHERE $level IS NULL
      AND week_start BETWEEN $start AND $end AND week_start + 6 <= $end
      AND ($service IS NULL OR service_id = $service)
),

-- the agent heatmap --------------------------------------------------------------------------------

per_agent AS (
    -- without a level filter the whole weeks are read from agent_week (as whole_weeks does) rather
    -- than through weeks, which the agent rows read again for the agents shown
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
    -- the agents shown, with their names
    SELECT r.*, a.agent_name, a.service_id, a.service_name
    FROM ranked AS r
    JOIN agents_in AS a ON a.agent_id = r.agent_id
    WHERE r.period_rank <= $limit
)

SELECT
    'service'                  AS part,
    w.service_id,
    s.service_name,
    w.week_start,
    w.hours,
    w.recorded_hours,
    w.capacity_hours,
    w.recorded_capacity_hours,
    w.agents,
    w.agents_missing,
    NULL                       AS agent_id,
    NULL                       AS agent_name,
    NULL                       AS days_in_period,
    NULL                       AS period_hours,
    NULL                       AS period_recorded_capacity_hours,
    NULL                       AS period_load_ratio,
    NULL                       AS period_rank,
    NULL                       AS agents_total
FROM service_weeks AS w
LEFT JOIN services AS s ON s.service_id = w.service_id
UNION ALL
SELECT
    'agent',
    t.service_id,
    t.service_name,
    w.week_start,
    w.hours,
    w.recorded_hours,
    w.capacity_hours,
    NULL,
    NULL,
    NULL,
    t.agent_id,
    t.agent_name,
    CAST(least(w.week_start + 6, $end) - greatest(w.week_start, $start) + 1 AS INTEGER),
    t.period_hours,
    t.period_recorded_capacity_hours,
    t.period_load_ratio,
    t.period_rank,
    t.agents_total
FROM weeks AS w
JOIN top AS t ON t.agent_id = w.agent_id
ORDER BY part DESC, service_name NULLS LAST, CASE WHEN part = 'service' THEN service_id END NULLS LAST,
         agent_name, agent_id, week_start
