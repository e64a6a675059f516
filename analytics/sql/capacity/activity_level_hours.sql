-- Hours per time bucket (week or month), activity and level, for the period and filters.
-- Grain: one row per (period_start, activity, level) with hours.
-- Columns: period_start (Monday of the ISO week or first day of the month, per $grain),
--          activity (time_entries.activity; 'unspecified' when empty), level (project level or 'none'),
--          hours. The sum of hours equals the catalogue's hours.total for the same filters.
-- Reads entry_facts (one row per time entry, sorted by work_date: the period's row groups only).
WITH
days_in AS (
    SELECT work_date, activity, level, hours
    FROM entry_facts
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
)

SELECT
    CAST(date_trunc($grain, work_date) AS DATE)  AS period_start,
    coalesce(activity, 'unspecified')           AS activity,
    level,
    sum(hours)                                  AS hours
FROM days_in
GROUP BY ALL
ORDER BY ALL
