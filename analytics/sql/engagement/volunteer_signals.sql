-- Volunteers' risk signals at $end (signals to start a conversation, never a diagnosis).
-- Volunteers: participants who attended at least one event as role $volunteer_role in
-- [$volunteer_start, $end], in the scope ($service, $level on the event's project).
-- Grain: one row per volunteer. Columns:
--   coproduction_projects  distinct projects at level $coproduction attended in [$commitment_start, $end]
--   volunteer_hours        attendances.hours of attended events in [$commitment_start, $end]
--   run_months             length in months of the unbroken run of months with an attended event
--                          that ends in the month of $end or the month before (0 if none: no
--                          attended event since $run_start, the first day of the month before):
--                          from the last month with an attended event back to the latest month
--                          whose previous month had none
--   registrations_recent / no_shows_recent    attendances (any status) and no-shows in
--                          [$noshow_recent_start, $end]
--   registrations_earlier / no_shows_earlier  the same in [$noshow_earlier_start, $noshow_recent_start)
-- Attended events come from participant_activity, no-shows (registrations of any other status)
-- from the canonical attendances.

WITH
attended AS (
    SELECT participant_id, role, volunteer_hours, event_date, project_id, level
    FROM participant_activity
    WHERE event_date BETWEEN $window_start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

events_in AS (
    SELECT e.event_id, e.event_date
    FROM events AS e
    LEFT JOIN projects AS p ON p.project_id = e.project_id
    WHERE e.event_date BETWEEN $window_start AND $end
      AND ($service IS NULL OR p.service_id = $service)
      AND ($level IS NULL OR coalesce(p.level, $no_level) = $level)
),

missed AS (
    SELECT a.participant_id, e.event_date
    FROM attendances AS a
    JOIN events_in AS e ON e.event_id = a.event_id
    WHERE a.status <> $attended_status
),

registrations AS (
    SELECT participant_id, event_date, volunteer_hours, TRUE AS came FROM attended
    UNION ALL
    SELECT participant_id, event_date, NULL, FALSE FROM missed
),

volunteers AS (
    SELECT DISTINCT participant_id
    FROM attended
    WHERE role = $volunteer_role AND event_date >= $volunteer_start
),

commitments AS (
    SELECT participant_id, count(DISTINCT project_id) AS coproduction_projects
    FROM attended
    WHERE level = $coproduction AND event_date >= $commitment_start
    GROUP BY participant_id
),

signals AS (
    SELECT
        r.participant_id,
        coalesce(sum(r.volunteer_hours) FILTER (WHERE r.came AND r.event_date >= $commitment_start),
                 0.0)                                                             AS volunteer_hours,
        count(*) FILTER (WHERE r.event_date >= $noshow_recent_start)              AS registrations_recent,
        count(*) FILTER (WHERE r.event_date >= $noshow_recent_start AND NOT r.came)
                                                                                  AS no_shows_recent,
        count(*) FILTER (WHERE r.event_date >= $noshow_earlier_start
                           AND r.event_date < $noshow_recent_start)               AS registrations_earlier,
        count(*) FILTER (WHERE r.event_date >= $noshow_earlier_start
                           AND r.event_date < $noshow_recent_start AND NOT r.came)
                                                                                  AS no_shows_earlier
    FROM registrations AS r
    SEMI JOIN volunteers AS v ON v.participant_id = r.participant_id
    GROUP BY r.participant_id
),

recent AS (
    SELECT DISTINCT a.participant_id
    FROM participant_activity AS a
    SEMI JOIN volunteers AS v ON v.participant_id = a.participant_id
    WHERE a.event_date BETWEEN $run_start AND $end
      AND ($service IS NULL OR a.service_id = $service)
      AND ($level IS NULL OR a.level = $level)
),

active_months AS (
    SELECT DISTINCT
        a.participant_id,
        year(a.event_date) * 12 + month(a.event_date) - 1 AS month_index
    FROM participant_activity AS a
    SEMI JOIN recent AS r ON r.participant_id = a.participant_id
    WHERE a.event_date <= $end
      AND ($service IS NULL OR a.service_id = $service)
      AND ($level IS NULL OR a.level = $level)
),

run_starts AS (
    SELECT m.participant_id, m.month_index
    FROM active_months AS m
    ANTI JOIN active_months AS p
        ON p.participant_id = m.participant_id AND p.month_index = m.month_index - 1
),

current_runs AS (
    SELECT participant_id, max(month_index) AS run_start
    FROM run_starts
    GROUP BY participant_id
),

last_months AS (
    SELECT participant_id, max(month_index) AS last_month
    FROM active_months
    GROUP BY participant_id
)

SELECT
    s.participant_id,
    coalesce(p.coproduction_projects, 0)        AS coproduction_projects,
    s.volunteer_hours,
    coalesce(l.last_month - c.run_start + 1, 0) AS run_months,
    s.registrations_recent,
    s.no_shows_recent,
    s.registrations_earlier,
    s.no_shows_earlier
FROM signals AS s
LEFT JOIN commitments AS p ON p.participant_id = s.participant_id
LEFT JOIN current_runs AS c ON c.participant_id = s.participant_id
LEFT JOIN last_months AS l ON l.participant_id = s.participant_id
ORDER BY s.participant_id
