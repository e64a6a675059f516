-- Indicator family: representativeness of the public. One row:
--   representativeness.r_score_quartier = min over quartiers of (participants living there / population
--   there) divided by the max of the same. Quartiers = population rows of dimension $quartier_dimension
--   ('quartier') with population > 0; a quartier without participant has rate 0 (so the score is 0);
--   NULL when there is no such quartier or the max rate is 0.
-- Participants: those active in [$start, $end] (attended), in the same scope as engagement.*
-- ($service: events of that service's projects; $level: events of projects at that level). A
-- participant's quartier is participants.quartier (where they live), not the event's.

WITH
active AS (
    SELECT DISTINCT participant_id, participant_quartier
    FROM participant_activity
    WHERE event_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

quartiers AS (
    SELECT category AS quartier, population
    FROM population
    WHERE dimension = $quartier_dimension AND population > 0
),

rates AS (
    SELECT q.quartier, CAST(count(a.participant_id) AS DOUBLE) / q.population AS rate
    FROM quartiers AS q
    LEFT JOIN active AS a ON a.participant_quartier = q.quartier
    GROUP BY q.quartier, q.population
)

SELECT min(rate) / nullif(max(rate), 0.0) AS "representativeness.r_score_quartier"
FROM rates
