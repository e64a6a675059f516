-- Engagement durations for the Kaplan–Meier curves, aggregated per (grouping, group, duration,
-- outcome). A participant's engagement runs from their first to their last attended event in the
-- scope (up to $end). They have *lapsed* (the event of the survival analysis) when their last event
-- is before $lapse_start (no attendance in the last months before $end); otherwise they may still be
-- active: censored at their last event. Each participant is counted once per grouping: grouping
-- 'level' (group_key = the level of the project of their first event) and grouping 'initiative'
-- (the initiative of their first event that has one, if up to $end; 'unknown' otherwise).
-- First events (over the whole history of the scope: the first event ties broken by event_id) and
-- last events (up to $end) come from participant_activity.
-- Columns: grouping, group_key, months (whole months of engagement, days / $days_per_month rounded
-- down), lapsed (boolean), participants.

WITH
history AS (
    SELECT participant_id, event_date, event_id, level, initiative
    FROM participant_activity
    WHERE ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

first_events AS (
    -- each participant's first attended event, and first event with an initiative
    SELECT
        participant_id,
        min((event_date, event_id, level))                                       AS first_event,
        min((event_date, event_id, initiative)) FILTER (WHERE initiative IS NOT NULL)
                                                                                  AS first_with_initiative
    FROM history
    GROUP BY participant_id
),

firsts AS (
    SELECT
        participant_id,
        first_event[1]             AS first_date,
        first_event[3]             AS first_level,
        first_with_initiative[3]   AS first_initiative,
        first_with_initiative[1]   AS first_initiative_date
    FROM first_events
),

lasts AS (
    SELECT participant_id, max(event_date) AS last_date
    FROM history
    WHERE event_date <= $end
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
