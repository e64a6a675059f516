-- Hidden work traced to its causes: the hours outside the workday window, at weekends and on public
-- holidays, per agent, project and kind of event, for the period and filters.
-- Grain: one row per (agent, project or none, event kind) with hidden hours in the period.
-- Columns: agent_id, project_id (NULL = no project), project_name, event_kind (the kind of the
--          project's event held on the entry's day — the latest one when it held several; 'no_event'
--          when none, 'no_project' without project), outside_hours (DESIGN's hours.outside_share
--          split), weekday_outside_hours (before or after the window on working days), weekend_hours
--          (Saturday, Sunday), holiday_hours (public holidays on weekdays);
--          outside_hours = weekday_outside_hours + weekend_hours + holiday_hours.
-- Reads the time entries with outside hours from entry_facts (outside_hours computed with the
-- settings' workday window: part of the derived tables' signature, a new window rebuilds them).
WITH
days_in AS (
    SELECT agent_id, project_id, work_date, is_nonworking_day, isodow(work_date) >= 6 AS is_weekend,
           outside_hours
    FROM entry_facts
    WHERE outside_hours > 0
      AND work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

day_events AS (
    SELECT project_id, event_date,
           arg_max(coalesce(event_kind, 'no_event'), coalesce(start_time, TIME '00:00'))
               AS event_kind
    FROM events
    WHERE event_date BETWEEN $start AND $end AND project_id IS NOT NULL
    GROUP BY project_id, event_date
),

traced AS (
    SELECT
        d.*,
        CASE WHEN d.project_id IS NULL THEN 'no_project'
             ELSE coalesce(e.event_kind, 'no_event') END AS event_kind
    FROM days_in AS d
    LEFT JOIN day_events AS e
      ON e.project_id = d.project_id AND e.event_date = d.work_date
),

grouped AS (
    -- on a non-working day all the hours are outside (outside_hours = hours)
    SELECT
        agent_id,
        project_id,
        event_kind,
        sum(outside_hours)                                                            AS outside_hours,
        coalesce(sum(outside_hours) FILTER (WHERE NOT is_nonworking_day), 0.0)        AS weekday_outside_hours,
        coalesce(sum(outside_hours) FILTER (WHERE is_weekend), 0.0)                   AS weekend_hours,
        coalesce(sum(outside_hours) FILTER (WHERE is_nonworking_day AND NOT is_weekend), 0.0)
                                                                                      AS holiday_hours
    FROM traced
    GROUP BY agent_id, project_id, event_kind
)

SELECT g.agent_id, g.project_id, p.project_name, g.event_kind,
       g.outside_hours, g.weekday_outside_hours, g.weekend_hours, g.holiday_hours
FROM grouped AS g
LEFT JOIN projects AS p USING (project_id)
WHERE g.outside_hours > 0
ORDER BY g.agent_id, g.project_id NULLS FIRST, g.event_kind
