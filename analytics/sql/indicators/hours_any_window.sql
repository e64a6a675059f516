-- Indicator family: hours and capacity, for a workday window other than the one the derived tables
-- were refreshed with (indicators.py picks hours.sql otherwise: same numbers, read from the daily
-- totals of service_day). One row per call, one column per catalogue key:
--   hours.total, hours.participation, hours.participation_share, capacity.hours,
--   capacity.load_ratio, hours.outside_share.
-- Parameters: $start, $end (inclusive dates), $service (agent's service or NULL), $level (level code
-- or NULL), $participation_levels (information, consultation, coproduction), $workday_start_hours,
-- $workday_end_hours (the workday window, e.g. 8.0 and 19.0).
-- Filters: $service keeps the entries and the capacity of that service's agents; $level keeps the
-- entries of projects at that level but never narrows capacity (the denominator of the load ratio
-- stays all of the agents' capacity).
-- The outside split is recomputed from entry_facts' clock columns with the bound window (the same
-- rule as entry_facts.outside_hours), so a thresholds override is honoured exactly.

WITH
facts AS (
    SELECT hours, level, is_nonworking_day, start_clock_hours, end_clock_hours
    FROM entry_facts
    WHERE work_date BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
      AND ($level IS NULL OR level = $level)
),

capacity_days AS (
    SELECT capacity_hours
    FROM agent_day_capacity
    WHERE day BETWEEN $start AND $end
      AND ($service IS NULL OR service_id = $service)
),

split AS (
    SELECT
        hours,
        level,
        -- @include rules/outside_hours
        AS outside_hours
    FROM facts
),

hours_totals AS (
    SELECT
        coalesce(sum(hours), 0.0)                                                    AS hours,
        coalesce(sum(hours) FILTER (WHERE list_contains($participation_levels, level)), 0.0)
                                                                                     AS participation_hours,
        coalesce(sum(outside_hours), 0.0)                                            AS outside_hours
    FROM split
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
