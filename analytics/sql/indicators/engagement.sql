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
-- to "first event ever" (read from participant_first_all) and to the preceding period. Every read of
-- participant_activity and participant_first_all is bounded by dates (both are sorted by date).

WITH
current_counts AS (
    SELECT participant_id, count(*) AS attendances
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
    GROUP BY participant_id
),

previous AS (
    -- active in the preceding period: the same number of days, ending the day before $start
    SELECT DISTINCT participant_id
    FROM participant_activity
    WHERE event_date BETWEEN $start - CAST($end - $start + 1 AS INTEGER) AND $start - 1
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
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
    -- participants whose first attended event of the scope (participant_first_all: the first date
    -- per service or all, level or all) lies in the period: exactly the period's participants who had
    -- not attended an event of the same scope before it
    SELECT count(*) AS newcomers
    FROM participant_first_all
    WHERE first_date BETWEEN $start AND $end
      AND all_services = ($service IS NULL)
      AND ($service IS NULL OR service_id = $service)
      AND all_levels = ($level IS NULL)
      AND ($level IS NULL OR level = $level)
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
