-- The first day of participation data in the store: the earliest attended event (participant_activity),
-- whatever the period and filters. Before it nobody is known, so a participant who came earlier is
-- counted as a newcomer at their first recorded event, and the first cohort has no history.
-- One row: first_day (NULL on a store without attendance).
SELECT min(event_date) AS first_day FROM participant_activity
