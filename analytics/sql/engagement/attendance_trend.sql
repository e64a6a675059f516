-- Linear trend of attendance per event over time, by kind of event and by initiative (events up to
-- $end): least-squares fit of attendees = a + b · years, years = days since $origin / 365.25.
-- Grain: one row per (dimension, group_key). Columns: events (n), mean_years (x̄), slope (b, attendees
-- per event per year), intercept (a), sxx, syy, sxy (sums of squared deviations, for the slope's
-- standard error and confidence interval, computed in Python). Same per-event attendance and scope
-- as attendance_yearly.sql.

WITH
events_in AS (
    SELECT
        e.event_id,
        e.event_date,
        coalesce(e.event_kind, 'unknown')    AS event_kind,
        coalesce(p.initiative, 'unknown')    AS initiative,
        e.attendees_count
    FROM events AS e
    LEFT JOIN projects AS p ON p.project_id = e.project_id
    WHERE e.event_date <= $end
      AND ($service IS NULL OR p.service_id = $service)
      AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
),

registered AS (
    SELECT
        event_id,
        count(*) FILTER (WHERE status = $attended_status) AS attended
    FROM attendances
    GROUP BY event_id
),

per_event AS (
    SELECT
        date_diff('day', CAST($origin AS DATE), e.event_date) / 365.25               AS years,
        e.event_kind,
        e.initiative,
        CAST(CASE WHEN r.event_id IS NOT NULL THEN r.attended ELSE e.attendees_count END AS DOUBLE)
                                                                                       AS attendees
    FROM events_in AS e
    LEFT JOIN registered AS r ON r.event_id = e.event_id
),

by_group AS (
    SELECT 'event_kind' AS dimension, event_kind AS group_key, years, attendees
    FROM per_event
    WHERE attendees IS NOT NULL
    UNION ALL
    SELECT 'initiative', initiative, years, attendees
    FROM per_event
    WHERE attendees IS NOT NULL
)

SELECT
    dimension,
    group_key,
    regr_count(attendees, years)      AS events,
    regr_avgx(attendees, years)       AS mean_years,
    regr_slope(attendees, years)      AS slope,
    regr_intercept(attendees, years)  AS intercept,
    regr_sxx(attendees, years)        AS sxx,
    regr_syy(attendees, years)        AS syy,
    regr_sxy(attendees, years)        AS sxy
FROM by_group
GROUP BY ALL
ORDER BY dimension, group_key
