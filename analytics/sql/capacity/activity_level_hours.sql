-- Hours per time bucket (week or month), activity and level, for the period and filters.
-- Grain: one row per (period_start, activity, level) with hours.
-- Columns: period_start (Monday of the ISO week or first day of the month, per $grain),
--          activity (time_entries.activity; 'unspecified' when empty), level (project level or 'none'),
--          hours. The sum of hours equals the catalogue's hours.total for the same filters.
WITH
agents_in AS (
    SELECT agent_id FROM agents WHERE $service IS NULL OR service_id = $service
),

facts AS (
    SELECT agent_id, work_date, activity, level, hours
    FROM entry_facts
    WHERE work_date BETWEEN $start AND $end
      AND ($level IS NULL OR level = $level)
)

SELECT
    CAST(date_trunc($grain, f.work_date) AS DATE)  AS period_start,
    coalesce(f.activity, 'unspecified')           AS activity,
    f.level,
    sum(f.hours)                                  AS hours
FROM facts AS f
JOIN agents_in USING (agent_id)
GROUP BY ALL
ORDER BY ALL
