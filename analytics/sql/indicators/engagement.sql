-- Indicator family: engagement of residents. One row:
--   engagement.participants     distinct participants with an attended attendance in [$start, $end]
--   engagement.newcomer_share   share of them whose first attended event ever (same scope) is in it
--   engagement.top10_share      attendances of the ceil(n/10) most active / all attendances
--   engagement.gini             (2 Σ i·x(i) - (n+1) Σ x) / (n Σ x), x = attendance counts ascending
--   engagement.retention        of those active in the preceding period (same number of days, ending
--                               the day before $start), the share also active in the period
--   engagement.lapsed           active in the preceding period and not in the period
-- Scope: participant_activity (attended only), narrowed to events of projects of $service and of
-- projects at $level ('none' = events without project or with a NULL level). The scope also applies
-- to "first event ever" and to the preceding period.

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

bounds AS (
    SELECT
        $start - CAST($end - $start + 1 AS INTEGER) AS previous_start,
        $start - 1                                  AS previous_end
),

current_counts AS (
    SELECT participant_id, count(*) AS attendances
    FROM scope
    WHERE event_date BETWEEN $start AND $end
    GROUP BY participant_id
),

firsts AS (
    SELECT s.participant_id, min(s.event_date) AS first_date
    FROM scope AS s
    SEMI JOIN current_counts AS c ON c.participant_id = s.participant_id
    GROUP BY s.participant_id
),

previous AS (
    SELECT DISTINCT s.participant_id
    FROM scope AS s, bounds AS b
    WHERE s.event_date BETWEEN b.previous_start AND b.previous_end
),

ranked AS (
    SELECT
        attendances,
        row_number() OVER (ORDER BY attendances ASC)  AS ascending_rank,
        row_number() OVER (ORDER BY attendances DESC) AS descending_rank,
        count(*) OVER ()                              AS participants
    FROM current_counts
),

concentration AS (
    SELECT
        count(*)                                                          AS n,
        CAST(coalesce(sum(attendances), 0) AS DOUBLE)                     AS total,
        CAST(coalesce(sum(attendances) FILTER (WHERE descending_rank <= ceil(participants / 10.0)), 0)
             AS DOUBLE)                                                   AS top,
        CAST(coalesce(sum(ascending_rank * attendances), 0) AS DOUBLE)    AS weighted
    FROM ranked
),

newcomers AS (
    SELECT count(*) AS newcomers FROM firsts WHERE first_date >= $start
),

retention AS (
    SELECT
        count(*)                                              AS previous_active,
        count(*) FILTER (WHERE c.participant_id IS NOT NULL) AS retained
    FROM previous AS p
    LEFT JOIN current_counts AS c ON c.participant_id = p.participant_id
)

SELECT
    k.n                                                            AS "engagement.participants",
    CAST(nc.newcomers AS DOUBLE) / nullif(k.n, 0)                  AS "engagement.newcomer_share",
    k.top / nullif(k.total, 0.0)                                   AS "engagement.top10_share",
    (2.0 * k.weighted - (k.n + 1) * k.total) / nullif(k.n * k.total, 0.0)
                                                                   AS "engagement.gini",
    CAST(r.retained AS DOUBLE) / nullif(r.previous_active, 0)      AS "engagement.retention",
    r.previous_active - r.retained                                 AS "engagement.lapsed"
FROM concentration AS k, newcomers AS nc, retention AS r
