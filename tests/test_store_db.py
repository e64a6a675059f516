"""The DuckDB boundary: independent queries run side by side, each on its own cursor."""

from __future__ import annotations

import duckdb
import pytest

from analytics.store.db import open_store, query_dfs


@pytest.fixture
def store() -> duckdb.DuckDBPyConnection:
    con = open_store(":memory:")
    con.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(1000)")
    return con


@pytest.mark.parametrize(
    ("queries", "firsts"),
    [
        pytest.param([("SELECT sum(n) AS x FROM numbers WHERE n < $k", {"k": 10})], [45], id="one"),
        pytest.param([("SELECT count(*) AS x FROM numbers WHERE n >= ?", [990]),
                      ("SELECT max(n) AS x FROM numbers", None),
                      ("SELECT min(n) AS x FROM numbers WHERE n > $k", {"k": 500}),
                      ("SELECT count(*) AS x FROM numbers", None),
                      ("SELECT sum(n) AS x FROM numbers WHERE n <= 3", None)],
                     [10, 999, 501, 1000, 6], id="more-than-the-threads"),
    ],
)
def test_results_come_back_in_the_order_asked(
    store: duckdb.DuckDBPyConnection, queries: list, firsts: list[int]
) -> None:
    frames = query_dfs(store, queries)
    assert [int(frame["x"].iloc[0]) for frame in frames] == firsts


def test_a_failing_query_raises_its_error(store: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.CatalogException, match="missing"):
        query_dfs(store, [("SELECT 1 AS x", None), ("SELECT * FROM missing", None)])
    assert query_dfs(store, [("SELECT 2 AS x", None)])[0]["x"].iloc[0] == 2  # still usable
