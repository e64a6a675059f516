-- agent_project_day — grain: one row per (agent_id, project_id, work_date) with time recorded on a
-- project (entries without project are left out).
-- Columns: agent_id, service_id (the agent's), project_id, work_date, level (the project's, $no_level
--          when NULL), hours.
-- About 4 % of entry_facts' rows at city scale: who worked how long on which project, day by day (the
-- costliest projects and how many agents they took, what an overloaded agent worked on) without
-- scanning every time entry.

CREATE OR REPLACE TABLE agent_project_day AS
WITH
facts AS (
    SELECT agent_id, service_id, project_id, work_date, level, hours
    FROM entry_facts
    WHERE project_id IS NOT NULL
      AND touched_day(agent_id, work_date)  -- every row, but in a keyed refresh (store/derived.py)
)

SELECT
    agent_id,
    service_id,
    project_id,
    work_date,
    level,
    sum(hours)  AS hours
FROM facts
GROUP BY agent_id, service_id, project_id, work_date, level
ORDER BY work_date, project_id, agent_id
