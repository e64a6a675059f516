-- entry_facts — grain: one row per time entry (without its entry_id: no query reads it, and a
-- million distinct ids cost a quarter of the table's build).
-- Columns:
--   agent_id, service_id (the agent's service), project_id,
--   level             the project's level, or $no_level ('none') without project / with a NULL level,
--   activity, work_date, week_start (ISO Monday of work_date), hours,
--   start_ts, end_ts  TIMESTAMPs on the wall clock; end_ts is on the next day when end_time < start_time;
--                     both NULL when start_time or end_time is missing ("entry without times"),
--   is_nonworking_day work_date is a Saturday, a Sunday or a French public holiday,
--   outside_hours     DESIGN's hours.outside_share split, with the workday window of the settings
--                     ($workday_start_hours..$workday_end_hours, e.g. 8..19):
--                     non-working day → all hours; no times or zero clock span → 0; otherwise
--                     hours × (part of the clock span outside the window of work_date) / clock span.
-- Sorted by work_date so that period filters skip whole row groups (by work_date only: a row group
-- of ~120 k entries spans days, so its agent_id range covers almost every agent and a second sort key
-- skipped nothing; it cost 0.4 s of a million-entry import).

CREATE OR REPLACE TABLE entry_facts AS
WITH
time_entries_in AS (
    SELECT agent_id, project_id, work_date, start_time, end_time, hours, activity
    FROM time_entries
    WHERE touched_day(agent_id, work_date)  -- every entry, but in a keyed refresh (store/derived.py)
),

agents_in AS (
    SELECT agent_id, service_id FROM agents
),

projects_in AS (
    SELECT project_id, level FROM projects
),

calendar_in AS (
    SELECT day, is_public_holiday FROM calendar_days
),

clocked AS (
    SELECT
        e.*,
        CASE WHEN e.start_time IS NOT NULL AND e.end_time IS NOT NULL
             THEN epoch(e.start_time) / 3600.0 END AS start_clock_hours,
        CASE WHEN e.start_time IS NOT NULL AND e.end_time IS NOT NULL
             THEN epoch(e.end_time) / 3600.0
                  + CASE WHEN e.end_time < e.start_time THEN 24.0 ELSE 0.0 END END AS end_clock_hours,
        isodow(e.work_date) >= 6 OR coalesce(c.is_public_holiday, false) AS is_nonworking_day
    FROM time_entries_in AS e
    LEFT JOIN calendar_in AS c ON c.day = e.work_date
),

split AS (
    SELECT
        *,
        -- @include rules/outside_hours
        AS outside_hours
    FROM clocked
)

SELECT
    s.agent_id,
    a.service_id,
    s.project_id,
    coalesce(p.level, $no_level)                                     AS level,
    s.activity,
    s.work_date,
    CAST(date_trunc('week', s.work_date) AS DATE)                    AS week_start,
    s.hours,
    CASE WHEN s.start_clock_hours IS NOT NULL
         THEN s.work_date + s.start_time END                         AS start_ts,
    CASE WHEN s.start_clock_hours IS NOT NULL
         THEN s.work_date + s.end_time
              + CASE WHEN s.end_time < s.start_time THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END
         END                                                         AS end_ts,
    s.is_nonworking_day,
    s.outside_hours
FROM split AS s
LEFT JOIN agents_in AS a ON a.agent_id = s.agent_id
LEFT JOIN projects_in AS p ON p.project_id = s.project_id
ORDER BY s.work_date
