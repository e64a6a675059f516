-- Data health: for each agent and ISO week overlapping [$start, $end], whether time was
-- recorded at all, so that a gap is not mistaken for free capacity.
-- status:
--   recorded      at least one time entry that week;
--   absent        no entry, and absences cover every Monday-to-Friday day of the week;
--   missing       no entry although time was expected: a contract covers the week, or (for an agent
--                 without any contract, e.g. created by a time-tracking import) the week lies between
--                 the agent's first and last recorded weeks;
--   not_expected  no entry and none expected (no contract that week).
WITH weeks AS (
    SELECT CAST(week AS DATE) AS week_start
    FROM generate_series(
        CAST(date_trunc('week', CAST($start AS DATE)) AS TIMESTAMP),
        CAST(CAST($end AS DATE) AS TIMESTAMP),
        INTERVAL 7 DAY
    ) AS g(week)
),
agent_list AS (
    SELECT agent_id, agent_name, service_id FROM agents
),
contract_list AS (
    SELECT agent_id, valid_from, valid_to FROM contracts
),
absence_list AS (
    SELECT agent_id, start_date, end_date FROM absences
),
recorded AS (
    -- agent_week: hours and entries per agent and ISO week, pre-aggregated after each import
    SELECT agent_id, week_start, hours, entries
    FROM agent_week
    WHERE week_start BETWEEN CAST(date_trunc('week', CAST($start AS DATE)) AS DATE) AND CAST($end AS DATE)
      AND entries > 0
),
under_contract AS (
    SELECT DISTINCT c.agent_id, w.week_start
    FROM weeks AS w
    JOIN contract_list AS c
      ON c.valid_from <= w.week_start + 6 AND (c.valid_to IS NULL OR c.valid_to >= w.week_start)
),
agents_with_contract AS (
    SELECT DISTINCT agent_id FROM contract_list
),
recorded_span AS (
    SELECT agent_id, min(week_start) AS first_week, max(week_start) AS last_week
    FROM agent_week
    WHERE entries > 0
    GROUP BY agent_id
),
absent_days AS (
    SELECT a.agent_id, w.week_start, count(DISTINCT d.offset_days) AS days_absent
    FROM weeks AS w
    CROSS JOIN (SELECT unnest(range(5)) AS offset_days) AS d
    JOIN absence_list AS a
      ON w.week_start + CAST(d.offset_days AS INTEGER) BETWEEN a.start_date AND a.end_date
    GROUP BY ALL
),
grid AS (
    SELECT a.agent_id, a.agent_name, a.service_id, w.week_start
    FROM agent_list AS a
    CROSS JOIN weeks AS w
)
SELECT
    g.agent_id,
    coalesce(g.agent_name, g.agent_id)          AS agent_name,
    g.service_id,
    g.week_start,
    coalesce(r.hours, 0)                        AS hours,
    coalesce(r.entries, 0)                      AS entries,
    CASE
        WHEN r.entries > 0 THEN 'recorded'
        WHEN ad.days_absent >= 5 THEN 'absent'
        WHEN uc.agent_id IS NOT NULL THEN 'missing'
        WHEN awc.agent_id IS NULL AND g.week_start BETWEEN s.first_week AND s.last_week
            THEN 'missing'
        ELSE 'not_expected'
    END                                         AS status
FROM grid AS g
LEFT JOIN recorded AS r USING (agent_id, week_start)
LEFT JOIN absent_days AS ad USING (agent_id, week_start)
LEFT JOIN under_contract AS uc USING (agent_id, week_start)
LEFT JOIN agents_with_contract AS awc ON awc.agent_id = g.agent_id
LEFT JOIN recorded_span AS s ON s.agent_id = g.agent_id
ORDER BY agent_name, g.agent_id, g.week_start
