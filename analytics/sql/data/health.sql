-- Data health: for each agent and ISO week overlapping [$start, $end], whether time was recorded at
-- all, so that a gap is not mistaken for free capacity; aggregated to what the Data page draws.
-- status of an (agent, week), judged on the days of that week inside the period — the same agent-weeks
-- as the load tab (capacity/period_weeks, included below), so that both count the same missing weeks:
--   recorded      time recorded in those days;
--   missing       no time recorded although the agent had capacity there (a contract, on a working
--                 day that is neither a public holiday nor covered by an absence): no timesheet;
--   absent        no time, no capacity, and absences cover every Monday-to-Friday day of the week;
--   not_expected  nothing recorded and nothing expected (no contract, or no working day of it: a
--                 contract starting on a Sunday expects nothing that week). An agent without any
--                 contract never has a missing week (no capacity to compare with, as on the load tab).
-- Parameters: $start, $end (inclusive dates), $only_gaps (keep only the agents with a missing week in
-- the grid), $symbols (one character per status, in the order recorded, missing, absent,
-- not_expected); $service and $level are NULL (the period_weeks CTEs read them).
-- Result: the totals on every row (expected_weeks = agent-weeks recorded or missing, missing_weeks,
-- agents_with_gaps = agents with a missing week), then one row per agent name of the grid: agent
-- (agent_name, or agent_id when the name is empty), gaps (missing weeks of the agents of that name),
-- symbols (one status character per week, in week order, from the first agent_id of that name),
-- sorted by gaps (most first), then name. When the grid is empty, one row with agent NULL carries
-- the totals.
WITH
-- @include capacity/period_weeks
grid_weeks AS (
    SELECT CAST(week AS DATE) AS week_start
    FROM generate_series(
        CAST(date_trunc('week', CAST($start AS DATE)) AS TIMESTAMP),
        CAST(CAST($end AS DATE) AS TIMESTAMP),
        INTERVAL 7 DAY
    ) AS g(week)
),

agent_list AS (
    SELECT agent_id, coalesce(agent_name, agent_id) AS agent FROM agents
),

grid_days AS (
    -- the Monday of the first week of the grid and the Friday of its last
    SELECT min(week_start) AS first_day, max(week_start) + 4 AS last_day FROM grid_weeks
),

absent_days AS (
    -- the Monday-to-Friday days of the grid covered by an absence (one or several, overlapping or not)
    SELECT DISTINCT agent_id, day
    FROM (
        SELECT b.agent_id,
               CAST(unnest(generate_series(CAST(greatest(b.start_date, g.first_day) AS TIMESTAMP),
                                           CAST(least(b.end_date, g.last_day) AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS DATE) AS day
        FROM absences AS b, grid_days AS g
        WHERE b.end_date >= b.start_date
          AND b.end_date >= g.first_day AND b.start_date <= g.last_day
    )
    WHERE isodow(day) <= 5
),

absent_weeks AS (
    -- the weeks of the grid whose five Monday-to-Friday days are all covered by absences
    SELECT agent_id, CAST(date_trunc('week', day) AS DATE) AS week_start
    FROM absent_days
    GROUP BY ALL
    HAVING count(*) >= 5
),

statuses AS (
    -- one row per (agent, week) with capacity, recorded time or a whole week of absence
    SELECT
        coalesce(w.agent_id, a.agent_id)                               AS agent_id,
        coalesce(w.week_start, a.week_start)                           AS week_start,
        coalesce(w.recorded_hours > 0, false)                          AS recorded,
        a.agent_id IS NOT NULL                                         AS absent,
        coalesce(w.capacity_hours > 0 AND w.recorded_hours <= 0, false) AS missing
    FROM weeks AS w
    FULL OUTER JOIN absent_weeks AS a ON a.agent_id = w.agent_id AND a.week_start = w.week_start
),

per_agent AS (
    SELECT
        agent_id,
        count(*) FILTER (WHERE recorded)                               AS recorded_weeks,
        count(*) FILTER (WHERE missing)                                AS missing_weeks
    FROM statuses
    GROUP BY agent_id
),

by_name AS (
    SELECT
        a.agent,
        sum(coalesce(p.missing_weeks, 0))                              AS gaps,
        sum(coalesce(p.recorded_weeks, 0) + coalesce(p.missing_weeks, 0)) AS expected_weeks,
        count(*) FILTER (WHERE p.missing_weeks > 0)                    AS agents_with_gaps,
        min(a.agent_id)                                                AS first_agent_id
    FROM agent_list AS a
    LEFT JOIN per_agent AS p USING (agent_id)
    GROUP BY a.agent
),

totals AS (
    SELECT
        CAST(coalesce(sum(expected_weeks), 0) AS BIGINT)           AS expected_weeks,
        CAST(coalesce(sum(gaps), 0) AS BIGINT)                     AS missing_weeks,
        CAST(coalesce(sum(agents_with_gaps), 0) AS BIGINT)         AS agents_with_gaps
    FROM by_name
),

shown AS (
    SELECT agent, CAST(gaps AS BIGINT) AS gaps, first_agent_id
    FROM by_name
    WHERE (NOT $only_gaps OR gaps > 0) AND EXISTS (SELECT 1 FROM grid_weeks)
),

cells AS (
    -- the symbols of the first agent_id of each name shown
    SELECT
        s.agent,
        s.gaps,
        w.week_start,
        CASE
            WHEN st.recorded THEN $symbols[1]
            WHEN st.absent THEN $symbols[3]
            WHEN st.missing THEN $symbols[2]
            ELSE $symbols[4]
        END                                                        AS symbol
    FROM shown AS s
    CROSS JOIN grid_weeks AS w
    LEFT JOIN statuses AS st ON st.agent_id = s.first_agent_id AND st.week_start = w.week_start
),

grid_rows AS (
    SELECT agent, gaps, string_agg(symbol, '' ORDER BY week_start) AS symbols
    FROM cells
    GROUP BY agent, gaps
)

SELECT t.expected_weeks, t.missing_weeks, t.agents_with_gaps, r.agent, r.gaps, r.symbols
FROM totals AS t
LEFT JOIN grid_rows AS r ON true
ORDER BY r.gaps DESC, r.agent
