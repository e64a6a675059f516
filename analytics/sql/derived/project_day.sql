-- project_day — grain: one row per (project_id, work_date, activity) with time recorded on a project
-- (entries without project are left out).
-- Columns: project_id, work_date, activity (time_entries.activity, NULL when missing), hours.
-- About 5 % of entry_facts' rows at city scale: what a project cost, day by day, without scanning
-- every time entry (effort learned from finished projects: project_phase_hours; hours spent on
-- planned ones: arbitration/committed_projects.sql, capacity/forecast_projects.sql).

CREATE OR REPLACE TABLE project_day AS
WITH
facts AS (
    SELECT project_id, work_date, activity, hours
    FROM entry_facts
    WHERE project_id IS NOT NULL
      AND touched_project_day(project_id, work_date)  -- all, but in a keyed refresh (store/derived.py)
)

SELECT
    project_id,
    work_date,
    activity,
    sum(hours)  AS hours
FROM facts
GROUP BY project_id, work_date, activity
ORDER BY work_date, project_id
