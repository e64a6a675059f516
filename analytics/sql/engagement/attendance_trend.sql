-- Linear trend of attendance per event over time, by kind of event and by initiative (events up to
-- $end): least-squares fit of attendees = a + b · years, years = days since $origin / 365.25.
-- Grain: one row per (dimension, group_key). Columns: events (n), mean_years (x̄), slope (b, attendees
-- per event per year), intercept (a), sxx, syy, sxy (sums of squared deviations, for the slope's
-- standard error and confidence interval, computed in Python). Same per-event attendance (derived
-- table event_attendance) and scope as attendance_yearly.sql.

WITH
per_event AS (
    SELECT
        date_diff('day', CAST($origin AS DATE), event_date) / 365.25    AS years,
        event_kind,
        initiative,
        CAST(attendees AS DOUBLE)                                        AS attendees
    FROM event_attendance
    WHERE event_date <= $end
      AND attendees IS NOT NULL
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

by_group AS (
    SELECT 'event_kind' AS dimension, event_kind AS group_key, years, attendees
    FROM per_event
    UNION ALL
    SELECT 'initiative', initiative, years, attendees
    FROM per_event
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
