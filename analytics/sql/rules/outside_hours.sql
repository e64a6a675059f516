-- Expression (not a query): DESIGN's hours.outside_share split of one time entry, for the workday
-- window $workday_start_hours..$workday_end_hours (e.g. 8.0..19.0): non-working day → all its hours;
-- no times or a zero clock span → 0; otherwise hours × (part of the clock span outside the window) /
-- clock span. Reads the columns hours, is_nonworking_day, start_clock_hours, end_clock_hours.
-- Included on its own line, then "AS outside_hours", by derived/entry_facts.sql: the pages and the
-- catalogue read its pre-aggregated sums (the window is part of the derived tables' signature).
CASE
    WHEN is_nonworking_day THEN hours
    WHEN start_clock_hours IS NULL OR end_clock_hours <= start_clock_hours THEN 0.0
    ELSE hours
         * ((end_clock_hours - start_clock_hours)
            - greatest(0.0, least(end_clock_hours, $workday_end_hours)
                            - greatest(start_clock_hours, $workday_start_hours)))
         / (end_clock_hours - start_clock_hours)
END
