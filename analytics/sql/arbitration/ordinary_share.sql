-- Recent ordinary work of each service, as a share of its capacity, over [$recent_start, $as_of].
-- ordinary_hours: hours of the service's agents outside any participatory project (level $no_level
-- in service_day); capacity_hours: their capacity (service_day_capacity) over the same days;
-- ordinary_share = ordinary_hours / capacity_hours (NULL when there is no capacity). The per-service
-- derived tables hold the same sums as agent_day and agent_day_capacity, a row per service and day.
WITH
recent_hours AS (
    SELECT service_id, sum(hours) AS ordinary_hours
    FROM service_day
    WHERE work_date BETWEEN $recent_start AND $as_of
      AND level = $no_level
      AND service_id IS NOT NULL
    GROUP BY service_id
),

recent_capacity AS (
    SELECT service_id, sum(capacity_hours) AS capacity_hours
    FROM service_day_capacity
    WHERE day BETWEEN $recent_start AND $as_of
      AND service_id IS NOT NULL
    GROUP BY service_id
)

SELECT
    coalesce(c.service_id, h.service_id)                                      AS service_id,
    coalesce(h.ordinary_hours, 0.0)                                           AS ordinary_hours,
    coalesce(c.capacity_hours, 0.0)                                           AS capacity_hours,
    coalesce(h.ordinary_hours, 0.0) / nullif(coalesce(c.capacity_hours, 0.0), 0.0)
                                                                              AS ordinary_share
FROM recent_capacity AS c
FULL OUTER JOIN recent_hours AS h ON h.service_id = c.service_id
ORDER BY service_id
