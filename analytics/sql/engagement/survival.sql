-- Engagement durations for the Kaplan–Meier curve, aggregated per (group, duration, outcome).
-- A participant's engagement runs from their first to their last attended event in the scope (up to
-- $end). They have *lapsed* (the event of the survival analysis) when their last event is before
-- $lapse_start (no attendance in the last months before $end); otherwise they may still be active:
-- censored at their last event. group_key = the level ($by = 'level') or the initiative
-- ($by = 'initiative') of the project of their first event ('unknown' when it has none).
-- Columns: group_key, months (whole months of engagement, days / $days_per_month rounded down),
-- lapsed (boolean), participants.

WITH
scope AS (
    SELECT
        participant_id,
        event_date,
        event_id,
        CASE WHEN $by = 'level' THEN level ELSE initiative END AS group_value
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

persons AS (
    SELECT
        participant_id,
        min(event_date)                                  AS first_date,
        max(event_date)                                  AS last_date,
        arg_min(group_value, (event_date, event_id))     AS group_value
    FROM scope
    GROUP BY participant_id
)

SELECT
    coalesce(group_value, 'unknown')                                              AS group_key,
    CAST(floor(date_diff('day', first_date, last_date) / $days_per_month) AS INTEGER) AS months,
    last_date < $lapse_start                                                      AS lapsed,
    count(*)                                                                      AS participants
FROM persons
GROUP BY ALL
ORDER BY group_key, months, lapsed
