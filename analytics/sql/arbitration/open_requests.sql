-- Residents' requests still open on the reference day $as_of, not yet carried by a project: received
-- on or before $as_of, not closed by then (closed_on NULL or later), not declined. One row per
-- request; the portfolio may turn each into a candidate (see portfolio.request_candidates).
SELECT request_id, received_on, topic, quartier, service_id
FROM requests
WHERE received_on <= $as_of
  AND (closed_on IS NULL OR closed_on > $as_of)
  AND status <> $declined
  AND project_id IS NULL
ORDER BY received_on, request_id
