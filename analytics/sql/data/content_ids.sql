-- Deterministic ids of incoming rows, from their content: the same row of the same source format
-- gets the same id in every import (so an overlapping export adds nothing), and identical rows of
-- one file are told apart by their rank in the file.
-- Input: incoming_content(_row, f0 .. f6) registered by analytics/ingest/build.py.
-- Parameters: $source (format name), $prefix (id prefix, e.g. 'te-').
WITH incoming AS (
    SELECT _row, f0, f1, f2, f3, f4, f5, f6
    FROM incoming_content
),
digests AS (
    SELECT
        _row,
        md5(concat_ws(chr(31), $source,
            coalesce(CAST(f0 AS VARCHAR), ''), coalesce(CAST(f1 AS VARCHAR), ''),
            coalesce(CAST(f2 AS VARCHAR), ''), coalesce(CAST(f3 AS VARCHAR), ''),
            coalesce(CAST(f4 AS VARCHAR), ''), coalesce(CAST(f5 AS VARCHAR), ''),
            coalesce(CAST(f6 AS VARCHAR), ''))) AS digest
    FROM incoming
),
ranked AS (
    SELECT _row, digest, row_number() OVER (PARTITION BY digest ORDER BY _row) AS occurrence
    FROM digests
)
SELECT $prefix || substr(md5(digest || ':' || CAST(occurrence AS VARCHAR)), 1, 20) AS content_id
FROM ranked
ORDER BY _row
