-- Data health: for each agent and ISO week overlapping [$start, $end], whether time was recorded at
-- all, so that a gap is not mistaken for free capacity; aggregated to what the Data page draws.
-- status of an (agent, week):
--   recorded      at least one time entry that week;
--   absent        no entry, and absences cover every Monday-to-Friday day of the week;
--   missing       no entry although time was expected: a contract covers the week, or (for an agent
--                 without any contract, e.g. created by a time-tracking import) the week lies between
--                 the agent's first and last recorded weeks;
--   not_expected  no entry and none expected (no contract that week).
-- Parameters: $start, $end (inclusive dates), $only_gaps (keep only the agents with a missing week in
-- the grid), $symbols (one character per status, in the order recorded, missing, absent,
-- not_expected).
-- Result: the totals on every row (expected_weeks = agent-weeks recorded or missing, missing_weeks,
-- agents_with_gaps = agents with a missing week), then one row per agent name of the grid: agent
-- (agent_name, or agent_id when the name is empty), gaps (missing weeks of the agents of that name),
-- symbols (one status character per week, in week order, from the first agent_id of that name),
-- sorted by gaps (most first), then name. When the grid is empty, one row with agent NULL carries
-- the totals. Only the weeks without entry are classified one by one (most agent-weeks are recorded).
WITH
weeks AS (
    SELECT CAST(week AS DATE) AS week_start
    FROM generate_series(
        CAST(date_trunc('week', CAST($start AS DATE)) AS TIMESTAMP),
        CAST(CAST($end AS DATE) AS TIMESTAMP),
        INTERVAL 7 DAY
    ) AS g(week)
),

bounds AS (
    SELECT min(week_start) AS first_week, max(week_start) AS last_week FROM weeks
),

agent_list AS (
    SELECT agent_id, coalesce(agent_name, agent_id) AS agent FROM agents
),

contract_list AS (
    SELECT agent_id, valid_from, valid_to FROM contracts
),

agents_without_contract AS (
    SELECT agent_id FROM agent_list
    ANTI JOIN contract_list USING (agent_id)
),

recorded_span AS (
    -- first and last week with entries, ever, of the agents without any contract
    SELECT w.agent_id, min(w.week_start) AS first_week, max(w.week_start) AS last_week
    FROM agent_week AS w
    SEMI JOIN agents_without_contract AS n ON n.agent_id = w.agent_id
    WHERE w.entries > 0
    GROUP BY w.agent_id
),

marks AS (
    -- what is known of an (agent, week), one fact per row: time recorded (agent_week, pre-aggregated
    -- after each import), time expected (under a contract, a week twice when contracts overlap; or
    -- within the recorded span of an agent without contract), absent (agent_absent_week)
    SELECT agent_id, week_start, 1 AS recorded, 0 AS expected, 0 AS absent
    FROM agent_week
    WHERE week_start BETWEEN (SELECT first_week FROM bounds) AND CAST($end AS DATE)
      AND entries > 0
    UNION ALL
    SELECT c.agent_id, w.week_start, 0, 1, 0
    FROM weeks AS w
    JOIN contract_list AS c
      ON c.valid_from <= w.week_start + 6 AND (c.valid_to IS NULL OR c.valid_to >= w.week_start)
    UNION ALL
    SELECT s.agent_id, w.week_start, 0, 1, 0
    FROM recorded_span AS s
    JOIN weeks AS w ON w.week_start BETWEEN s.first_week AND s.last_week
    UNION ALL
    SELECT agent_id, week_start, 0, 0, 1
    FROM agent_absent_week
    WHERE week_start BETWEEN (SELECT first_week FROM bounds) AND (SELECT last_week FROM bounds)
),

statuses AS (
    -- one row per (agent, week) with a fact; missing = expected, not recorded, not absent (one
    -- aggregation instead of anti-joins against the period's ~80 k recorded weeks)
    SELECT
        agent_id,
        week_start,
        max(recorded) = 1                                              AS recorded,
        max(absent) = 1                                                AS absent,
        max(expected) = 1 AND max(recorded) = 0 AND max(absent) = 0    AS missing
    FROM marks
    GROUP BY agent_id, week_start
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
    WHERE (NOT $only_gaps OR gaps > 0) AND EXISTS (SELECT 1 FROM weeks)
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
    CROSS JOIN weeks AS w
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
