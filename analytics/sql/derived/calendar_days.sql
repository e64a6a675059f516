-- calendar_days — grain: one row per calendar day.
-- Columns: day, iso_year, iso_week, week_start (the ISO Monday), is_weekend, is_public_holiday,
--          holiday_name (French), is_working_day (Monday–Friday and not a public holiday).
-- Source: analytics.calendar.calendar_frame (holidays.France, metropolitan), registered by
-- analytics/store/derived.py as `calendar_frame_input`, covering the store's dates padded by a whole
-- year each side (current year ± 1 on an empty store). Read by every other derived table.

CREATE OR REPLACE TABLE calendar_days AS
WITH
frame AS (
    SELECT * FROM calendar_frame_input
)

SELECT
    CAST(day AS DATE)                 AS day,
    CAST(iso_year AS INTEGER)         AS iso_year,
    CAST(iso_week AS INTEGER)         AS iso_week,
    CAST(week_start AS DATE)          AS week_start,
    CAST(is_weekend AS BOOLEAN)       AS is_weekend,
    CAST(is_public_holiday AS BOOLEAN) AS is_public_holiday,
    CAST(holiday_name AS VARCHAR)     AS holiday_name,
    CAST(is_working_day AS BOOLEAN)   AS is_working_day
FROM frame
ORDER BY day
