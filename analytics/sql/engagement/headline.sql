-- The counts behind the engagement family of the indicator catalogue and the Engagement page's
-- headline figures, in one pass over [$window_start, $end] (participant_activity, attended only,
-- narrowed to events of projects of $service and at $level, 'none' = without project or level; the
-- same scope for "first event ever" and the preceding period). The formulas applied to these counts
-- live in analytics/engagement/headline.py (catalogue_values).
-- One row:
--   participants          distinct participants active in the period [$start, $end]
--                         (engagement.participants)
--   newcomers             those whose first attended event in the scope, ever, falls in the period
--                         (engagement.newcomer_share = newcomers / participants; read from the
--                         derived table participant_first_all: the first date per service or all,
--                         level or all)
--   previous_active       active in the preceding window [$previous_start, $previous_end]
--   retained              active in the preceding window and in the period (engagement.retention)
--   lapse_earlier_active  active in the earlier 12 months [$lapse_earlier_start, $lapse_earlier_end]
--   lapsed                of those, not active in the last 12 months [$lapse_recent_start, $end]
--   histogram_attendances, histogram_participants   the period's attendance-count histogram as two
--                         lists (ascending counts; participants with that many attended events), for
--                         the top-10 % share and the Gini.
--   representation        the rows of the population table ('quartier', 'age_band', population > 0)
--                         as one list (ordered by dimension, category) of (dimension, population,
--                         participants of the period living in / of that category): the headline's
--                         representativeness scores, the rows of sql/engagement/representation.sql
--                         with in_population (both count through engagement/population_counts.sql).

WITH
activity AS (
    SELECT participant_id, event_date, participant_quartier, participant_age_band
    FROM participant_activity
    WHERE event_date BETWEEN $window_start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

newcomers AS (
    SELECT count(*) AS newcomers
    FROM participant_first_all
    WHERE first_date BETWEEN $start AND $end
      AND all_services = ($service IS NULL)
      AND ($service IS NULL OR service_id = $service)
      AND all_levels = ($level IS NULL)
      AND ($level IS NULL OR level = $level)
),

per_person AS (
    SELECT
        participant_id,
        count(*) FILTER (WHERE event_date >= $start)                              AS attendances,
        bool_or(event_date BETWEEN $previous_start AND $previous_end)             AS in_previous,
        bool_or(event_date BETWEEN $lapse_earlier_start AND $lapse_earlier_end)   AS in_lapse_earlier,
        bool_or(event_date >= $lapse_recent_start)                                AS in_lapse_recent,
        any_value(participant_quartier)                                           AS quartier,
        any_value(participant_age_band)                                           AS age_band
    FROM activity
    GROUP BY participant_id
),

histogram AS (
    SELECT attendances, count(*) AS participants
    FROM per_person
    WHERE attendances > 0
    GROUP BY attendances
),

counts AS (
    SELECT
        count(*) FILTER (WHERE attendances > 0)                              AS participants,
        count(*) FILTER (WHERE in_previous)                                  AS previous_active,
        count(*) FILTER (WHERE in_previous AND attendances > 0)              AS retained,
        count(*) FILTER (WHERE in_lapse_earlier)                             AS lapse_earlier_active,
        count(*) FILTER (WHERE in_lapse_earlier AND NOT in_lapse_recent)     AS lapsed
    FROM per_person
),

active_people AS (
    SELECT quartier, age_band FROM per_person WHERE attendances > 0
),

-- @include engagement/population_counts

SELECT
    c.participants,
    (SELECT newcomers FROM newcomers)                                          AS newcomers,
    c.previous_active,
    c.retained,
    c.lapse_earlier_active,
    c.lapsed,
    (SELECT coalesce(list(attendances ORDER BY attendances), []) FROM histogram)
                                                                              AS histogram_attendances,
    (SELECT coalesce(list(participants ORDER BY attendances), []) FROM histogram)
                                                                              AS histogram_participants,
    (SELECT coalesce(list((r.dimension, r.population, coalesce(k.participants, 0))
                          ORDER BY r.dimension, r.category), [])
     FROM reference AS r
     LEFT JOIN category_counts AS k ON k.dimension = r.dimension AND k.category = r.category)
                                                                              AS representation
FROM counts AS c
