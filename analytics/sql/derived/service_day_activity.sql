-- service_day_activity — grain: one row per (service_id, work_date, level, activity) with at least one
-- time entry.
-- Columns: service_id (the agents' service, as entry_facts.service_id; NULL for agents without one),
--          work_date, level (the project's, $no_level without project or with a NULL level), activity
--          (time_entries.activity, NULL when missing), entries (count), hours.
-- About 2 % of entry_facts' rows at city scale: the hours by activity and level over time of the team
-- capacity page (sql/capacity/activity_level_hours.sql) without scanning every time entry.

CREATE OR REPLACE TABLE service_day_activity AS
WITH
facts AS (
    SELECT service_id, work_date, level, activity, hours
    FROM entry_facts
    WHERE touched_service_day(service_id, work_date)  -- all, but in a keyed refresh (store/derived.py)
)

SELECT
    service_id,
    work_date,
    level,
    activity,
    count(*)    AS entries,
    sum(hours)  AS hours
FROM facts
GROUP BY service_id, work_date, level, activity
ORDER BY work_date, service_id, level, activity
