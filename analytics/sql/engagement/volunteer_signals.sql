-- Volunteers' risk signals at $end (signals to start a conversation, never a diagnosis).
-- Volunteers: participants who attended at least one event as role $volunteer_role in
-- [$volunteer_start, $end], in the scope ($service, $level on the event's project).
-- Grain: one row per volunteer. Columns:
--   coproduction_projects  distinct projects at level $coproduction attended in [$commitment_start, $end]
--   volunteer_hours        attendances.hours of attended events in [$commitment_start, $end]
--   run_months             length in months of the unbroken run of months with an attended event
--                          that ends in the month of $end or the month before (0 if none)
--   registrations_recent / no_shows_recent    attendances (any status) and no-shows in
--                          [$noshow_recent_start, $end]
--   registrations_earlier / no_shows_earlier  the same in [$noshow_earlier_start, $noshow_recent_start)
-- Registrations (with no-shows) come from the canonical attendances; attended months from
-- participant_activity.

WITH
events_in AS (
    SELECT e.event_id, e.event_date, e.project_id, coalesce(p.level, $no_level) AS level
    FROM events AS e
    LEFT JOIN projects AS p ON p.project_id = e.project_id
    WHERE e.event_date BETWEEN $window_start AND $end
      AND ($service IS NULL OR p.service_id = $service)
      AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
),

registrations AS (
    SELECT a.participant_id, a.role, a.status, a.hours, e.event_date, e.project_id, e.level
    FROM attendances AS a
    JOIN events_in AS e ON e.event_id = a.event_id
),

volunteers AS (
    SELECT DISTINCT participant_id
    FROM registrations
    WHERE role = $volunteer_role AND status = $attended_status AND event_date >= $volunteer_start
),

signals AS (
    SELECT
        r.participant_id,
        count(DISTINCT r.project_id) FILTER (
            WHERE r.level = $coproduction AND r.status = $attended_status
              AND r.event_date >= $commitment_start)                              AS coproduction_projects,
        coalesce(sum(r.hours) FILTER (
            WHERE r.status = $attended_status AND r.event_date >= $commitment_start), 0.0)
                                                                                  AS volunteer_hours,
        count(*) FILTER (WHERE r.event_date >= $noshow_recent_start)              AS registrations_recent,
        count(*) FILTER (WHERE r.event_date >= $noshow_recent_start
                           AND r.status <> $attended_status)                      AS no_shows_recent,
        count(*) FILTER (WHERE r.event_date >= $noshow_earlier_start
                           AND r.event_date < $noshow_recent_start)               AS registrations_earlier,
        count(*) FILTER (WHERE r.event_date >= $noshow_earlier_start
                           AND r.event_date < $noshow_recent_start
                           AND r.status <> $attended_status)                      AS no_shows_earlier
    FROM registrations AS r
    SEMI JOIN volunteers AS v ON v.participant_id = r.participant_id
    GROUP BY r.participant_id
),

active_months AS (
    SELECT DISTINCT
        a.participant_id,
        year(a.event_date) * 12 + month(a.event_date) - 1 AS month_index
    FROM participant_activity AS a
    SEMI JOIN volunteers AS v ON v.participant_id = a.participant_id
    WHERE a.event_date <= $end
      AND ($service IS NULL OR a.service_id = $service)
      AND ($level IS NULL OR a.level = $level)
),

islands AS (
    SELECT
        participant_id,
        month_index,
        month_index - row_number() OVER (PARTITION BY participant_id ORDER BY month_index) AS island
    FROM active_months
),

runs AS (
    SELECT participant_id, count(*) AS run_months, max(month_index) AS run_end
    FROM islands
    GROUP BY participant_id, island
),

current_runs AS (
    SELECT participant_id, max(run_months) AS run_months
    FROM runs
    WHERE run_end >= year(CAST($end AS DATE)) * 12 + month(CAST($end AS DATE)) - 2
    GROUP BY participant_id
)

SELECT
    s.participant_id,
    s.coproduction_projects,
    s.volunteer_hours,
    coalesce(c.run_months, 0) AS run_months,
    s.registrations_recent,
    s.no_shows_recent,
    s.registrations_earlier,
    s.no_shows_earlier
FROM signals AS s
LEFT JOIN current_runs AS c ON c.participant_id = s.participant_id
ORDER BY s.participant_id
