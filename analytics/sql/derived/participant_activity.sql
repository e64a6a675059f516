-- participant_activity — grain: one row per attended attendance (participant_id, event_id) whose
-- event exists; no-shows are left out.
-- Columns: participant_id, event_id, event_date, event_month (first day of the month), event_kind,
--          event_quartier, project_id, level (the project's, or $no_level = 'none' for an event
--          without project or a project with NULL level), initiative and service_id (the project's;
--          NULL without project), participant_quartier, participant_age_band (where the participant
--          lives / their age band), role, volunteer_hours (attendances.hours).
-- Engagement and representativeness indicators filter this table by event_date, service_id, level.

CREATE OR REPLACE TABLE participant_activity AS
WITH
attendances_in AS (
    SELECT event_id, participant_id, role, status, hours FROM attendances
),

events_in AS (
    SELECT event_id, project_id, event_date, event_kind, quartier FROM events
),

projects_in AS (
    SELECT project_id, level, initiative, service_id FROM projects
),

participants_in AS (
    SELECT participant_id, quartier, age_band FROM participants
),

attended AS (
    SELECT event_id, participant_id, role, hours
    FROM attendances_in
    WHERE status = $attended_status
)

SELECT
    a.participant_id,
    a.event_id,
    e.event_date,
    CAST(date_trunc('month', e.event_date) AS DATE)  AS event_month,
    e.event_kind,
    e.quartier                                       AS event_quartier,
    e.project_id,
    coalesce(p.level, $no_level)                     AS level,
    p.initiative,
    p.service_id,
    pt.quartier                                      AS participant_quartier,
    pt.age_band                                      AS participant_age_band,
    a.role,
    a.hours                                          AS volunteer_hours
FROM attended AS a
JOIN events_in AS e ON e.event_id = a.event_id
LEFT JOIN projects_in AS p ON p.project_id = e.project_id
LEFT JOIN participants_in AS pt ON pt.participant_id = a.participant_id
ORDER BY e.event_date, a.participant_id
