-- Indicator family: hours and capacity. One row, one column per catalogue key:
--   hours.total, hours.participation, hours.participation_share, capacity.hours,
--   capacity.load_ratio, hours.outside_share.
-- Parameters: $start, $end (inclusive dates), $service (agent's service or NULL), $level (level code
-- or NULL), $participation_levels (information, consultation, coproduction).
-- Filters: $service keeps the hours and the capacity of that service's agents; $level keeps the
-- hours of projects at that level but never narrows capacity (the denominator of the load ratio
-- stays all of the agents' capacity).
-- Reads the daily totals per service (service_day, service_day_capacity): the outside hours are those
-- of the settings' workday window (part of the derived tables' signature: a new window rebuilds them).

WITH
days AS (
    SELECT level, hours, outside_hours
    FROM service_day
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

capacity_days AS (
    SELECT capacity_hours
    FROM service_day_capacity
    WHERE day BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
),

hours_totals AS (
    SELECT
        coalesce(sum(hours), 0.0)                                                    AS hours,
        coalesce(sum(hours) FILTER (WHERE list_contains($participation_levels, level)), 0.0)
                                                                                     AS participation_hours,
        coalesce(sum(outside_hours), 0.0)                                            AS outside_hours
    FROM days
),

capacity_totals AS (
    SELECT coalesce(sum(capacity_hours), 0.0) AS capacity_hours FROM capacity_days
)

SELECT
    h.hours                                             AS "hours.total",
    h.participation_hours                               AS "hours.participation",
    h.participation_hours / nullif(h.hours, 0.0)        AS "hours.participation_share",
    c.capacity_hours                                    AS "capacity.hours",
    h.hours / nullif(c.capacity_hours, 0.0)             AS "capacity.load_ratio",
    h.outside_hours / nullif(h.hours, 0.0)              AS "hours.outside_share"
FROM hours_totals AS h, capacity_totals AS c
