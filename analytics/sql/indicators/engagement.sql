-- Indicator family: engagement of residents. One row:
--   engagement.participants     distinct participants with an attended attendance in [$start, $end]
--   engagement.newcomer_share   share of them whose first attended event ever (same scope) is in it
--   engagement.top10_share      attendances of the ceil(n/10) most active / all attendances
--   engagement.gini             (2 Σ i·x(i) - (n+1) Σ x) / (n Σ x), x = attendance counts ascending
--   engagement.retention        of those active in the preceding period (same number of days, ending
--                               the day before $start), the share also active in the period
--   engagement.lapsed           active in the preceding period and not in the period
--   representativeness.r_score_quartier
--                               min over quartiers of (the period's participants living there /
--                               population there) divided by the max of the same. Quartiers =
--                               population rows of dimension $quartier_dimension ('quartier') with
--                               population > 0; a quartier without participant has rate 0 (so the
--                               score is 0); NULL when there is no such quartier or the max rate is 0.
--                               A participant's quartier is participants.quartier (where they live),
--                               not the event's.
-- Scope: participant_activity (attended only), narrowed to events of projects of $service and of
-- projects at $level ('none' = events without project or with a NULL level). The scope also applies
-- to "first event ever" (read from participant_first_all) and to the preceding period. Every read of
-- participant_activity and participant_first_all is bounded by dates (both are sorted by date).

WITH
activity AS (
    -- each participant active in the period or in the preceding one (the same number of days, ending
    -- the day before $start), in one pass: attendances in the period, whether active before it
    SELECT
        participant_id,
        any_value(participant_quartier)               AS quartier,
        count(*) FILTER (WHERE event_date >= $start)  AS attendances,
        bool_or(event_date < $start)                  AS active_before
    FROM participant_activity
    WHERE event_date BETWEEN $start - CAST($end - $start + 1 AS INTEGER) AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
    GROUP BY participant_id
),

ranked AS (
    -- the period's participants, fewest attendances first; participants with equal counts are
    -- interchangeable in both sums below, so this one order also gives the most active (the last)
    SELECT
        attendances,
        row_number() OVER (ORDER BY attendances ASC)  AS ascending_rank,
        count(*) OVER ()                              AS participants
    FROM activity
    WHERE attendances > 0
),

concentration AS (
    SELECT
        count(*)                                                          AS n,
        CAST(coalesce(sum(attendances), 0) AS DOUBLE)                     AS total,
        CAST(coalesce(sum(attendances) FILTER (
                 WHERE participants - ascending_rank < ceil(participants / 10.0)), 0)
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
        count(*) FILTER (WHERE active_before)                     AS previous_active,
        count(*) FILTER (WHERE active_before AND attendances > 0) AS retained
    FROM activity
),

quartiers AS (
    SELECT category AS quartier, population
    FROM population
    WHERE dimension = $quartier_dimension AND population > 0
),

rates AS (
    SELECT q.quartier, CAST(count(a.participant_id) AS DOUBLE) / q.population AS rate
    FROM quartiers AS q
    LEFT JOIN activity AS a ON a.quartier = q.quartier AND a.attendances > 0
    GROUP BY q.quartier, q.population
),

representation AS (
    SELECT min(rate) / nullif(max(rate), 0.0) AS r_score_quartier FROM rates
)

SELECT
    k.n                                                            AS "engagement.participants",
    CAST(nc.newcomers AS DOUBLE) / nullif(k.n, 0)                  AS "engagement.newcomer_share",
    k.top / nullif(k.total, 0.0)                                   AS "engagement.top10_share",
    (2.0 * k.weighted - (k.n + 1) * k.total) / nullif(k.n * k.total, 0.0)
                                                                   AS "engagement.gini",
    CAST(r.retained AS DOUBLE) / nullif(r.previous_active, 0)      AS "engagement.retention",
    r.previous_active - r.retained                                 AS "engagement.lapsed",
    q.r_score_quartier                                             AS "representativeness.r_score_quartier"
FROM concentration AS k, newcomers AS nc, retention AS r, representation AS q
