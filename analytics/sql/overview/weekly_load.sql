-- Hours and capacity per ISO week (Monday in [$start, $end]), optionally for one service and level.
-- Hours come from service_day (daily totals per service and level); capacity from
-- service_day_capacity. A level filter narrows the hours, never the capacity. No ratio here: the
-- load ratio's home is the catalogue (capacity.load_ratio, sql/indicators/hours.sql). A week's hours
-- and capacity are summed over the same days: up to $end + 6, but not past the last day with
-- recorded time (the week of the last import, cut on its Monday, compares one day of hours with
-- one day of capacity, not with the whole week's). The date bounds stay DATEs (not timestamps) so
-- that the scans skip the row groups outside the period.
WITH last_day AS (
    SELECT least(CAST($end AS DATE) + 6, max(work_date)) AS day
    FROM service_day
),
weeks AS (
    SELECT DISTINCT week_start
    FROM calendar_days
    WHERE week_start BETWEEN $start AND $end
),
hours_by_week AS (
    SELECT
        CAST(date_trunc('week', work_date) AS DATE)             AS week_start,
        sum(hours)                                              AS hours,
        sum(hours) FILTER (WHERE level <> 'none')               AS participation_hours
    FROM service_day
    WHERE work_date BETWEEN $start AND (SELECT day FROM last_day)
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
    GROUP BY ALL
),
capacity_by_week AS (
    SELECT week_start, sum(capacity_hours) AS capacity_hours
    FROM service_day_capacity
    WHERE day BETWEEN $start AND (SELECT day FROM last_day)
      AND ($service IS NULL OR service_id = $service)
    GROUP BY ALL
)
SELECT
    weeks.week_start,
    coalesce(h.hours, 0)                                AS hours,
    coalesce(h.participation_hours, 0)                  AS participation_hours,
    coalesce(c.capacity_hours, 0)                       AS capacity_hours
FROM weeks
LEFT JOIN hours_by_week AS h USING (week_start)
LEFT JOIN capacity_by_week AS c USING (week_start)
ORDER BY weeks.week_start
