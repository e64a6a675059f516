-- Linear trend of attendance per event over time, by kind of event and by initiative (events up to
-- $end): least-squares fit of attendees = a + b · years, years = days since $origin / 365.25.
-- Grain: one row per (dimension, group_key). Columns: events (n), mean_years (x̄), slope (b, attendees
-- per event per year), intercept (a), sxx, syy, sxy (sums of squared deviations, for the slope's
-- standard error and confidence interval, computed in Python). The same events as
-- attendance_yearly.sql (engagement/attendance_groups.sql).

WITH
-- @include engagement/attendance_groups

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
FROM (
    SELECT
        dimension,
        group_key,
        date_diff('day', CAST($origin AS DATE), event_date) / 365.25    AS years,
        CAST(attendees AS DOUBLE)                                        AS attendees
    FROM by_group
) AS points
GROUP BY ALL
ORDER BY dimension, group_key
