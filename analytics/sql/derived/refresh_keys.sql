-- refresh_keys: the keys of a keyed refresh of the derived tables (analytics/store/derived.py, KEYED),
-- from the rows an import wrote, registered as written_time_entries (agent_id, work_date),
-- written_absences (agent_id, start_date), written_contracts (agent_id, valid_from), written_agents
-- (agent_id) and written_projects (project_id). Temporary tables, dropped after the refresh (columns
-- named key_*: see derived.py's macros):
--   refresh_days (key_agent, key_day)  the agent-days whose derived rows may change: the days of the
--                                  time entries; the days of an absence or a contract from its start
--                                  to the end of calendar_days (a later end, a contract that wins
--                                  from its valid_from); every day of a written agent (its service);
--                                  the days of the entries of a written project (its level);
--   refresh_near_days (key_agent, key_day)  those days and the day after each (agent_workday: its
--                                  rest_hours reads the day before), refresh_around_days
--                                  (key_agent, key_day) with the day before each: what it reads;
--   refresh_weeks (key_agent, key_week) of those days, refresh_agents (key_agent, key_week) with
--                                  the first of those weeks;
--   refresh_service_days, refresh_service_weeks, refresh_project_days, refresh_projects: filled by
--   refresh_derived_keys.sql from the derived rows of those agent-days (and the written projects).

CREATE OR REPLACE TEMP TABLE refresh_days AS
WITH
entry_days AS (
    SELECT CAST(agent_id AS VARCHAR) AS agent_id, CAST(work_date AS DATE) AS day
    FROM written_time_entries
),

from_days AS (
    SELECT CAST(agent_id AS VARCHAR) AS agent_id, CAST(start_date AS DATE) AS from_day
    FROM written_absences
    UNION ALL
    SELECT CAST(agent_id AS VARCHAR), CAST(valid_from AS DATE) FROM written_contracts
    UNION ALL
    SELECT CAST(agent_id AS VARCHAR), DATE '0001-01-01' FROM written_agents
),

project_days AS (
    SELECT t.agent_id, t.work_date AS day
    FROM time_entries AS t
    SEMI JOIN written_projects AS p ON CAST(p.project_id AS VARCHAR) = t.project_id
)

SELECT DISTINCT agent_id AS key_agent, day AS key_day
FROM (
    SELECT agent_id, day FROM entry_days
    UNION ALL
    SELECT f.agent_id, c.day FROM from_days AS f JOIN calendar_days AS c ON c.day >= f.from_day
    UNION ALL
    SELECT agent_id, day FROM project_days
)
WHERE agent_id IS NOT NULL AND day IS NOT NULL;

CREATE OR REPLACE TEMP TABLE refresh_near_days AS  -- the touched days and the day after each
SELECT key_agent, key_day FROM refresh_days
UNION
SELECT key_agent, key_day + 1 FROM refresh_days;

CREATE OR REPLACE TEMP TABLE refresh_around_days AS  -- and the day before those
SELECT key_agent, key_day FROM refresh_near_days
UNION
SELECT key_agent, key_day - 1 FROM refresh_near_days;

CREATE OR REPLACE TEMP TABLE refresh_weeks AS
SELECT DISTINCT key_agent, CAST(date_trunc('week', key_day) AS DATE) AS key_week FROM refresh_days;

CREATE OR REPLACE TEMP TABLE refresh_agents AS  -- with the first touched week
SELECT key_agent, min(key_week) AS key_week FROM refresh_weeks GROUP BY key_agent;

CREATE OR REPLACE TEMP TABLE refresh_service_days (key_service VARCHAR, key_day DATE);

CREATE OR REPLACE TEMP TABLE refresh_service_weeks (key_service VARCHAR, key_week DATE);

CREATE OR REPLACE TEMP TABLE refresh_project_days (key_project VARCHAR, key_day DATE);

CREATE OR REPLACE TEMP TABLE refresh_projects AS
SELECT DISTINCT CAST(project_id AS VARCHAR) AS key_project FROM written_projects;
