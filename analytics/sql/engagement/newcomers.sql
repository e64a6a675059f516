-- Participants active in [$start, $end] and the newcomers among them: those whose first attended
-- event in the scope (ever, i.e. also before $start) falls in the period (engagement.newcomer_share).
-- One row: participants, newcomers. Scope as the indicator catalogue.

WITH
scope AS (
    SELECT participant_id, event_date
    FROM participant_activity
    WHERE event_date <= $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

per_person AS (
    SELECT
        participant_id,
        min(event_date)              AS first_date,
        bool_or(event_date >= $start) AS active
    FROM scope
    GROUP BY participant_id
)

SELECT
    count(*) FILTER (WHERE active)                           AS participants,
    count(*) FILTER (WHERE active AND first_date >= $start)  AS newcomers
FROM per_person
