-- store_date_span: the first and last date the derived calendar must cover (one row: first_day, last_day).
-- Both NULL on an empty store.
--
-- Dates considered: time_entries.work_date, absences.start_date/end_date, events.event_date,
-- requests.received_on/closed_on, projects.start_date/end_date, milestones.achieved_on and
-- contracts.valid_from. A contract's valid_to only counts when it is not after the last of those
-- dates: HR exports often write an open contract as 31/12/2099, which must not make the calendar
-- (and agent_day_capacity) run for a century. derived.py pads the span by a whole year each side.

WITH
dated AS (
    SELECT min(work_date) AS first_day, max(work_date) AS last_day FROM time_entries
    UNION ALL SELECT min(start_date), max(end_date) FROM absences
    UNION ALL SELECT min(event_date), max(event_date) FROM events
    UNION ALL SELECT min(received_on), max(greatest(received_on, closed_on)) FROM requests
    UNION ALL SELECT min(least(start_date, end_date)), max(greatest(start_date, end_date)) FROM projects
    UNION ALL SELECT min(achieved_on), max(achieved_on) FROM milestones
    UNION ALL SELECT min(valid_from), max(valid_from) FROM contracts
),

span AS (
    SELECT min(first_day) AS first_day, max(last_day) AS last_day FROM dated
),

contract_ends AS (
    SELECT max(c.valid_to) AS last_day
    FROM contracts AS c, span AS s
    WHERE c.valid_to <= s.last_day
)

SELECT s.first_day, greatest(s.last_day, e.last_day) AS last_day
FROM span AS s, contract_ends AS e
