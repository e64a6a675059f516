-- The most loaded agents over the period [$start, $end], week by week: the agent heatmap.
-- Grain: one row per (agent, week_start) of the $limit agents with the highest load over the period
-- (all agents when there are no more), for the weeks with capacity or recorded time inside the period.
-- Columns: agent_id, agent_name, service_id, service_name, week_start, days_in_period, recorded_hours,
--          hours, capacity_hours (as agent_week_load.sql), and per agent:
--          period_hours (hours of the period, level filter applied),
--          period_recorded_capacity_hours (capacity of the weeks with recorded time: missing weeks are
--          left out of both), period_load_ratio = period_hours / period_recorded_capacity_hours (NULL
--          when 0), period_rank (1 = the most loaded; ties in the agents' order: service name, name,
--          id), agents_total (agents with capacity or recorded time in the period, shown or not).
-- The agent-week rows are exactly those of agent_week_load.sql (the same included CTEs); the rows are
-- in that file's order (service name, agent name, agent id, week).
WITH
-- @include capacity/period_weeks
agents_in AS (
    SELECT
        a.agent_id, a.agent_name, a.service_id, s.service_name,
        row_number() OVER (ORDER BY s.service_name, a.agent_name, a.agent_id) AS agent_rank
    FROM agents AS a
    LEFT JOIN services AS s ON s.service_id = a.service_id
    WHERE $service IS NULL OR a.service_id = $service
),

agent_weeks AS (
    SELECT w.*, a.agent_rank
    FROM weeks AS w
    JOIN agents_in AS a ON a.agent_id = w.agent_id
),

per_agent AS (
    SELECT
        agent_id,
        sum(hours)                                                             AS period_hours,
        sum(CASE WHEN recorded_hours > 0 THEN capacity_hours ELSE 0.0 END)     AS period_recorded_capacity_hours
    FROM agent_weeks
    GROUP BY agent_id
),

ranked AS (
    SELECT
        agent_id,
        period_hours,
        period_recorded_capacity_hours,
        CASE WHEN period_recorded_capacity_hours > 0
             THEN period_hours / period_recorded_capacity_hours END            AS period_load_ratio,
        row_number() OVER (
            ORDER BY CASE WHEN period_recorded_capacity_hours > 0
                          THEN period_hours / period_recorded_capacity_hours END DESC NULLS LAST,
                     agent_id
        )                                                                      AS period_rank,
        count(*) OVER ()                                                       AS agents_total
    FROM per_agent
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
    w.capacity_hours,
    r.period_hours,
    r.period_recorded_capacity_hours,
    r.period_load_ratio,
    r.period_rank,
    r.agents_total
FROM agent_weeks AS w
JOIN ranked AS r ON r.agent_id = w.agent_id
JOIN agents_in AS a ON a.agent_id = w.agent_id
WHERE r.period_rank <= $limit
ORDER BY w.agent_rank, w.week_start
