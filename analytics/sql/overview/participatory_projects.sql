-- The projects at a participation level, with that level's position in $participation_levels
-- (1 = information, 2 = consultation, 3 = coproduction): "À traiter" keeps the hidden work of these
-- projects only, level by level. A project's level is the one the derived tables read
-- (agent_outside_day.level: projects.level, 'none' when NULL, never a participation level).
-- Grain: one row per project. Columns: project_id, level_rank.
SELECT project_id, list_position($participation_levels, level) AS level_rank
FROM projects
WHERE list_contains($participation_levels, level)
