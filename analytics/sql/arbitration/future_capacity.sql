-- Capacity of each service on each working day of [$first_day, $last_day] (the coming months).
-- Same rules as the derived agent_day_capacity (DESIGN's capacity.hours), extended past the end of
-- calendar_days: a working day is Monday–Friday and not in $holidays (French public holidays, from
-- analytics.calendar); the contract valid that day counts (valid_to NULL = open, so open contracts
-- continue), the latest valid_from winning when two overlap; no capacity inside a known absence.
-- One row per (service_id, day) with capacity_hours = sum over its agents of weekly_hours / 5.
--
-- Computed without expanding agents × days: each agent's contracts are cut into pieces on which
-- one contract wins, the pieces become +rate / −rate steps per service, and a running sum over the
-- days gives each service's daily capacity; only absent (agent, working day) pairs are expanded,
-- and their rate subtracted.
WITH
contracts_in AS (
    SELECT agent_id, valid_from, coalesce(valid_to, DATE '9999-12-31') AS valid_to, weekly_hours
    FROM contracts
    WHERE valid_from <= $last_day AND coalesce(valid_to, DATE '9999-12-31') >= $first_day
),

absences_in AS (
    SELECT agent_id, start_date, end_date
    FROM absences
    WHERE start_date <= $last_day AND end_date >= $first_day
),

agents_in AS (
    SELECT agent_id, service_id FROM agents WHERE service_id IS NOT NULL
),

days AS (
    SELECT CAST(range AS DATE) AS day
    FROM range(CAST($first_day AS TIMESTAMP), CAST($last_day AS TIMESTAMP) + INTERVAL 1 DAY,
               INTERVAL 1 DAY)
),

working_days AS (
    SELECT day
    FROM days
    WHERE isodow(day) <= 5 AND NOT list_contains(CAST($holidays AS DATE[]), day)
),

-- Where the contract in force can change: each start, each day after an end, the horizon start.
boundaries AS (
    SELECT agent_id, greatest(valid_from, CAST($first_day AS DATE)) AS piece_start FROM contracts_in
    UNION
    SELECT agent_id, valid_to + 1 FROM contracts_in WHERE valid_to < $last_day
),

pieces AS (
    SELECT agent_id, piece_start,
           coalesce(lead(piece_start) OVER (PARTITION BY agent_id ORDER BY piece_start) - 1,
                    CAST($last_day AS DATE)) AS piece_end
    FROM boundaries
    WHERE piece_start <= $last_day
),

-- On each piece, the contract with the latest valid_from among those covering it wins.
rated_pieces AS (
    SELECT p.agent_id, p.piece_start, p.piece_end,
           arg_max(c.weekly_hours, c.valid_from) / 5.0 AS daily_hours
    FROM pieces AS p
    JOIN contracts_in AS c
      ON c.agent_id = p.agent_id AND c.valid_from <= p.piece_start AND c.valid_to >= p.piece_start
    GROUP BY p.agent_id, p.piece_start, p.piece_end
),

steps AS (
    SELECT a.service_id, r.piece_start AS day, r.daily_hours AS delta
    FROM rated_pieces AS r JOIN agents_in AS a ON a.agent_id = r.agent_id
    UNION ALL
    SELECT a.service_id, r.piece_end + 1, -r.daily_hours
    FROM rated_pieces AS r JOIN agents_in AS a ON a.agent_id = r.agent_id
),

service_days AS (
    SELECT s.service_id, d.day
    FROM (SELECT DISTINCT service_id FROM steps) AS s
    CROSS JOIN days AS d
),

contracted AS (
    SELECT sd.service_id, sd.day,
           sum(coalesce(st.delta, 0.0)) OVER (PARTITION BY sd.service_id ORDER BY sd.day)
               AS contracted_hours
    FROM service_days AS sd
    LEFT JOIN (SELECT service_id, day, sum(delta) AS delta FROM steps GROUP BY ALL) AS st
      ON st.service_id = sd.service_id AND st.day = sd.day
),

absent_days AS (
    SELECT DISTINCT a.agent_id, w.day
    FROM absences_in AS a
    JOIN working_days AS w ON w.day BETWEEN a.start_date AND a.end_date
),

absent_hours AS (
    SELECT g.service_id, ad.day, sum(r.daily_hours) AS absent_hours
    FROM absent_days AS ad
    JOIN rated_pieces AS r
      ON r.agent_id = ad.agent_id AND ad.day BETWEEN r.piece_start AND r.piece_end
    JOIN agents_in AS g ON g.agent_id = ad.agent_id
    GROUP BY g.service_id, ad.day
)

SELECT c.service_id, c.day, c.contracted_hours - coalesce(h.absent_hours, 0.0) AS capacity_hours
FROM contracted AS c
JOIN working_days AS w ON w.day = c.day
LEFT JOIN absent_hours AS h ON h.service_id = c.service_id AND h.day = c.day
WHERE c.contracted_hours - coalesce(h.absent_hours, 0.0) > 1e-9
ORDER BY c.service_id, c.day
