-- service_day — grain: one row per (service_id, work_date, level) with at least one time entry.
-- Columns: service_id (the agents' service, as agent_day.service_id; NULL for agents without one),
--          work_date, level, entries (count), hours, outside_hours (entry_facts' split with the
--          settings' workday window: part of the derived tables' signature).
-- The day's totals of a whole service: about a tenth of agent_day's rows at city scale. The
-- catalogue's hours.* read it (indicators/hours.sql) instead of one row per time entry.

CREATE OR REPLACE TABLE service_day AS
WITH
agent_days AS (
    SELECT service_id, work_date, level, entries, hours, outside_hours
    FROM agent_day
    WHERE touched_service_day(service_id, work_date)  -- all, but in a keyed refresh (store/derived.py)
)

SELECT
    service_id,
    work_date,
    level,
    sum(entries)       AS entries,
    sum(hours)         AS hours,
    sum(outside_hours) AS outside_hours
FROM agent_days
GROUP BY service_id, work_date, level
ORDER BY work_date, service_id, level
