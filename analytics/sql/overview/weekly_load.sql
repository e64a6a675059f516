-- Hours and capacity per ISO week (Monday in [$start, $end]), optionally for one service and level.
-- Hours come from agent_day (already aggregated per agent, day and level); capacity from
-- agent_day_capacity. A level filter narrows the hours, never the capacity.
WITH weeks AS (
    SELECT DISTINCT week_start
    FROM calendar_days
    WHERE week_start BETWEEN $start AND $end
),
agents_in_scope AS (
    SELECT agent_id FROM agents WHERE $service IS NULL OR service_id = $service
),
hours_by_week AS (
    SELECT
        date_trunc('week', d.work_date)::DATE                       AS week_start,
        sum(d.hours)                                                AS hours,
        sum(d.hours) FILTER (WHERE d.level <> 'none')               AS participation_hours
    FROM agent_day AS d
    JOIN agents_in_scope USING (agent_id)
    WHERE d.work_date BETWEEN $start AND $end + INTERVAL 6 DAY
      AND ($level IS NULL OR d.level = $level)
    GROUP BY ALL
),
capacity_by_week AS (
    SELECT date_trunc('week', c.day)::DATE AS week_start, sum(c.capacity_hours) AS capacity_hours
    FROM agent_day_capacity AS c
    JOIN agents_in_scope USING (agent_id)
    WHERE c.day BETWEEN $start AND $end + INTERVAL 6 DAY
    GROUP BY ALL
)
SELECT
    weeks.week_start,
    coalesce(h.hours, 0)                                AS hours,
    coalesce(h.participation_hours, 0)                  AS participation_hours,
    coalesce(c.capacity_hours, 0)                       AS capacity_hours,
    coalesce(h.hours, 0) / nullif(c.capacity_hours, 0)  AS load_ratio
FROM weeks
LEFT JOIN hours_by_week AS h USING (week_start)
LEFT JOIN capacity_by_week AS c USING (week_start)
ORDER BY weeks.week_start
