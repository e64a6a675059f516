-- project_day — grain: one row per (project_id, work_date, activity) with time recorded on a project
-- (entries without project are left out).
-- Columns: project_id, work_date, week_start, level (the project's, $no_level when NULL), activity
--          (time_entries.activity, NULL when missing), entries (count), agents (distinct),
--          hours.
-- About 5 % of entry_facts' rows at city scale: what a project cost, day by day, without scanning
-- every time entry (effort learned from finished projects, hours spent on planned ones).

CREATE OR REPLACE TABLE project_day AS
WITH
facts AS (
    SELECT project_id, work_date, week_start, level, activity, agent_id, hours
    FROM entry_facts
    WHERE project_id IS NOT NULL
      AND touched_project_day(project_id, work_date)  -- all, but in a keyed refresh (store/derived.py)
)

SELECT
    project_id,
    work_date,
    week_start,
    any_value(level)         AS level,
    activity,
    count(*)                 AS entries,
    count(DISTINCT agent_id) AS agents,
    sum(hours)               AS hours
FROM facts
GROUP BY project_id, work_date, week_start, activity
ORDER BY work_date, project_id
