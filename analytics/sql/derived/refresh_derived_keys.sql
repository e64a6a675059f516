-- refresh_derived_keys: the service and project keys of a keyed refresh (analytics/store/derived.py,
-- KEYED), from the derived rows of the touched agent-days (refresh_keys.sql, macro touched_day).
-- Run twice: before the refresh (the rows about to be replaced: an agent's former service, a project
-- an entry no longer counts for) and once the agent-level tables are refreshed (the rows now there).
--   refresh_service_days (key_service, key_day)   key_service = coalesce(service_id, ''): agents
--                                                  without a service are a service of their own;
--   refresh_service_weeks (key_service, key_week), refresh_project_days (key_project, key_day),
--   refresh_projects (key_project): the projects of those days, with the written ones.

INSERT INTO refresh_service_days
SELECT DISTINCT coalesce(service_id, ''), work_date FROM agent_day WHERE touched_day(agent_id, work_date)
UNION
SELECT DISTINCT coalesce(service_id, ''), day FROM agent_day_capacity WHERE touched_day(agent_id, day);

INSERT INTO refresh_service_weeks
SELECT DISTINCT key_service, CAST(date_trunc('week', key_day) AS DATE) FROM refresh_service_days;

INSERT INTO refresh_project_days
SELECT DISTINCT project_id, work_date
FROM entry_facts
WHERE project_id IS NOT NULL AND touched_day(agent_id, work_date);

INSERT INTO refresh_projects SELECT DISTINCT key_project FROM refresh_project_days;
