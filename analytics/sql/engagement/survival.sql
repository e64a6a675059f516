-- Engagement durations for the Kaplan–Meier curves, aggregated per (grouping, group, duration,
-- outcome). A participant's engagement runs from their first to their last attended event in the
-- scope (up to $end). They have *lapsed* (the event of the survival analysis) when their last event
-- is before $lapse_start (no attendance in the last months before $end); otherwise they may still be
-- active: censored at their last event. Each participant is counted once per grouping: grouping
-- 'level' (group_key = the level of the project of their first event) and grouping 'initiative'
-- (the initiative of their first event that has one, if up to $end; 'unknown' otherwise).
-- First events come from the derived table first_attendance, last events (up to $end) from
-- participant_activity.
-- Columns: grouping, group_key, months (whole months of engagement, days / $days_per_month rounded
-- down), lapsed (boolean), participants.

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

firsts AS (
    SELECT participant_id, first_date, first_level, first_initiative, first_initiative_date
    FROM first_attendance
    WHERE service_id IS NOT DISTINCT FROM $service
      AND level IS NOT DISTINCT FROM $level
),

lasts AS (
    SELECT participant_id, max(event_date) AS last_date
    FROM scope
    GROUP BY participant_id
),

durations AS (
    SELECT
        f.first_level,
        CASE WHEN f.first_initiative_date <= $end THEN f.first_initiative END          AS first_initiative,
        CAST(floor(date_diff('day', f.first_date, l.last_date) / $days_per_month) AS INTEGER) AS months,
        l.last_date < $lapse_start                                                       AS lapsed
    FROM lasts AS l
    JOIN firsts AS f ON f.participant_id = l.participant_id
),

outcomes AS (
    SELECT first_level, first_initiative, months, lapsed, count(*) AS participants
    FROM durations
    GROUP BY ALL
)

SELECT
    grouping,
    group_key,
    months,
    lapsed,
    CAST(sum(participants) AS BIGINT)   AS participants
FROM (
    SELECT 'level' AS grouping, coalesce(first_level, 'unknown') AS group_key, months, lapsed,
           participants
    FROM outcomes
    UNION ALL
    SELECT 'initiative', coalesce(first_initiative, 'unknown'), months, lapsed, participants
    FROM outcomes
)
GROUP BY ALL
ORDER BY grouping, group_key, months, lapsed
