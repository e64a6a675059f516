-- One agent's weeks in [$start, $end], with what makes their capacity: the load tab's numbers
-- (hours, capacity_hours: the same rules as agent_day_capacity, weeks cut by the period counting only
-- their days inside it) and their causes, day by day.
-- Grain: one row per ISO week (week_start, its Monday) in which the agent has a contract day or
-- recorded time inside the period.
-- Columns: week_start, days_in_period, hours (recorded, all levels),
--          contract_hours (weekly hours of the contract valid on the week's last contract day inside
--          the period), contract_low_hours (the lowest weekly hours valid that week: differs from
--          contract_hours when a contract changes inside the week),
--          contract_days (working days under a contract), holiday_days (weekday public holidays under
--          a contract), absence_days (working days under a contract covered by an absence),
--          capacity_hours = Σ weekly_hours / 5 over the contract's working days without absence.
-- Parameters: $agent_id, $start, $end.
WITH
days AS (
    SELECT day, week_start, is_working_day, is_public_holiday AND NOT is_weekend AS weekday_holiday
    FROM calendar_days
    WHERE day BETWEEN $start AND $end
),

contract_of_day AS (
    -- the contract valid that day; when two overlap, the one with the latest valid_from
    SELECT d.day, c.weekly_hours
    FROM days AS d
    JOIN contracts AS c
      ON c.agent_id = $agent_id
     AND d.day >= c.valid_from AND d.day <= coalesce(c.valid_to, DATE '9999-12-31')
    QUALIFY row_number() OVER (PARTITION BY d.day ORDER BY c.valid_from DESC) = 1
),

absent_days AS (
    SELECT DISTINCT d.day
    FROM days AS d
    JOIN absences AS a
      ON a.agent_id = $agent_id AND d.day BETWEEN a.start_date AND a.end_date
),

hours_of_day AS (
    SELECT work_date AS day, sum(hours) AS hours
    FROM agent_day
    WHERE agent_id = $agent_id AND work_date BETWEEN $start AND $end
    GROUP BY work_date
),

per_day AS (
    SELECT
        d.day,
        d.week_start,
        d.is_working_day,
        d.weekday_holiday,
        c.weekly_hours,
        a.day IS NOT NULL               AS absent,
        coalesce(h.hours, 0.0)          AS hours
    FROM days AS d
    LEFT JOIN contract_of_day AS c ON c.day = d.day
    LEFT JOIN absent_days AS a ON a.day = d.day
    LEFT JOIN hours_of_day AS h ON h.day = d.day
)

SELECT
    week_start,
    count(*)                                                                   AS days_in_period,
    sum(hours)                                                                 AS hours,
    arg_max(weekly_hours, day) FILTER (WHERE weekly_hours IS NOT NULL)         AS contract_hours,
    min(weekly_hours)                                                          AS contract_low_hours,
    count(*) FILTER (WHERE is_working_day AND weekly_hours > 0)                AS contract_days,
    count(*) FILTER (WHERE weekday_holiday AND weekly_hours > 0)               AS holiday_days,
    count(*) FILTER (WHERE is_working_day AND weekly_hours > 0 AND absent)     AS absence_days,
    coalesce(sum(weekly_hours / 5.0)
             FILTER (WHERE is_working_day AND weekly_hours > 0 AND NOT absent), 0.0)
                                                                               AS capacity_hours
FROM per_day
GROUP BY week_start
HAVING max(weekly_hours) > 0 OR sum(hours) > 0
ORDER BY week_start
