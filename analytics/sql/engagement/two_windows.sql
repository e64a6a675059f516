-- Participants active in an earlier window [$earlier_start, $earlier_end] and in a later window
-- [$later_start, $later_end] (attended, scope as the indicator catalogue). One row:
--   earlier_active   distinct participants active in the earlier window
--   later_active     distinct participants active in the later window
--   retained         active in both
--   lapsed           active in the earlier window and not in the later one
-- With the preceding period as earlier window this gives engagement.retention and .lapsed; with two
-- consecutive 12-month windows it gives the lapsed participants of the fatigue section.

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE event_date BETWEEN $earlier_start AND $later_end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

per_person AS (
    SELECT
        participant_id,
        bool_or(event_date BETWEEN $earlier_start AND $earlier_end) AS in_earlier,
        bool_or(event_date BETWEEN $later_start AND $later_end)     AS in_later
    FROM scope
    GROUP BY participant_id
)

SELECT
    count(*) FILTER (WHERE in_earlier)                   AS earlier_active,
    count(*) FILTER (WHERE in_later)                     AS later_active,
    count(*) FILTER (WHERE in_earlier AND in_later)      AS retained,
    count(*) FILTER (WHERE in_earlier AND NOT in_later)  AS lapsed
FROM per_person
