-- agent_outside_day — grain: one row per (agent_id, project_id or none, work_date) with hours
-- outside the workday window (entry_facts.outside_hours > 0, with the settings' workday window: part
-- of the derived tables' signature, a new window rebuilds them).
-- Columns: agent_id, service_id (the agent's), project_id (NULL = no project), work_date, level (the
--          project's, $no_level without project or with a NULL level), is_nonworking_day (Saturday,
--          Sunday or French public holiday: all the day's hours are outside), is_weekend (Saturday or
--          Sunday), outside_hours (sum of entry_facts.outside_hours).
-- About 8 % of entry_facts' rows at city scale: the hidden work of the team capacity page
-- (sql/capacity/hidden_outside.sql) without scanning every time entry.

CREATE OR REPLACE TABLE agent_outside_day AS
WITH
facts AS (
    SELECT agent_id, service_id, project_id, work_date, level, is_nonworking_day, outside_hours
    FROM entry_facts
    WHERE outside_hours > 0
      AND touched_day(agent_id, work_date)  -- every row, but in a keyed refresh (store/derived.py)
)

SELECT
    agent_id,
    service_id,
    project_id,
    work_date,
    level,
    is_nonworking_day,
    isodow(work_date) >= 6  AS is_weekend,
    sum(outside_hours)      AS outside_hours
FROM facts
GROUP BY agent_id, service_id, project_id, work_date, level, is_nonworking_day
ORDER BY work_date, agent_id, project_id
