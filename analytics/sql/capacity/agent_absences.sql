-- One agent's absences overlapping [$start, $end]. Grain: one row per absence. Columns: start_date,
-- end_date, absence_kind, working_days (Monday-to-Friday days that are not public holidays, inside
-- the period: the days of capacity the absence removes when a contract covers them). Sorted by
-- start_date. Parameters: $agent_id, $start, $end.
WITH
absence_list AS (
    SELECT start_date, end_date, absence_kind
    FROM absences
    WHERE agent_id = $agent_id AND start_date <= $end AND end_date >= $start
)

SELECT
    a.start_date,
    a.end_date,
    a.absence_kind,
    (SELECT count(*) FROM calendar_days AS d
     WHERE d.is_working_day
       AND d.day BETWEEN greatest(a.start_date, CAST($start AS DATE))
                     AND least(a.end_date, CAST($end AS DATE)))   AS working_days
FROM absence_list AS a
ORDER BY a.start_date, a.end_date
