-- Concentration histograms: how many participants attended how many events, per group.
-- Grain: one row per (dimension, group_key, attendances_per_person).
--   dimension 'period'     group 'all': attended attendances in [$start, $end]
--   dimension 'level'      group = the project's level, in [$start, $end]
--   dimension 'event_kind' group = the event's kind, in [$start, $end]
--   dimension 'year'       group = calendar year of the event, every year up to $end (history)
-- Scope as the indicator catalogue: participant_activity (attended only), events of projects of
-- $service and at $level. A histogram is enough for the top-10 % share, the Gini and the Lorenz curve.
-- Every year is counted from participant_activity, $end's year up to $end.

WITH
in_period AS (
    SELECT participant_id, level, coalesce(event_kind, 'unknown') AS event_kind
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

up_to_end AS (
    SELECT participant_id, year(event_date) AS year
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

per_person AS (
    SELECT 'period' AS dimension, 'all' AS group_key, participant_id, count(*) AS attendances
    FROM in_period
    GROUP BY participant_id
    UNION ALL
    SELECT 'level', level, participant_id, count(*)
    FROM in_period
    GROUP BY level, participant_id
    UNION ALL
    SELECT 'event_kind', event_kind, participant_id, count(*)
    FROM in_period
    GROUP BY event_kind, participant_id
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR), participant_id, count(*)
    FROM up_to_end
    GROUP BY year, participant_id
),

histograms AS (
    SELECT dimension, group_key, attendances, count(*) AS participants
    FROM per_person
    GROUP BY ALL
)

SELECT
    dimension,
    group_key,
    attendances      AS attendances_per_person,
    participants
FROM histograms
ORDER BY dimension, group_key, attendances_per_person
