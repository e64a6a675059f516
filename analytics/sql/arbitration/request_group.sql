-- Shared select-list columns (not a query on its own), for a query grouped by GROUPING SETS over
-- (channel), (quartier), (team_id) and the whole: dimension names the set a row sums ('channel',
-- 'quartier', 'team' or 'all'), category its value (NULL for 'all' or a missing value).
-- Included at the head of the final SELECT (the text ends with a comma) by
-- arbitration/requests_monthly.sql and arbitration/requests_close_time.sql.
    CASE WHEN grouping(channel) = 0 THEN 'channel'
         WHEN grouping(quartier) = 0 THEN 'quartier'
         WHEN grouping(team_id) = 0 THEN 'team'
         ELSE 'all' END                               AS dimension,
    coalesce(channel, quartier, team_id)              AS category,
