"""The DuckDB boundary: independent queries run side by side, each on its own cursor."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from analytics.store.db import open_store, query_arrays, query_arrays_later, query_dfs


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


ARRAYS_SQL = (
    "SELECT n, CASE WHEN n % 2 = 0 THEN 'even' END AS kind, CASE WHEN n > 1 THEN n / 2 END AS half"
    " FROM numbers WHERE n < $k ORDER BY n"
)


@pytest.mark.parametrize("later", [False, True], ids=["here", "later"])
def test_arrays_keep_values_and_mask_nulls(store: duckdb.DuckDBPyConnection, later: bool) -> None:
    params = {"k": 4}
    columns = (query_arrays_later(store, ARRAYS_SQL, params).result() if later
               else query_arrays(store, ARRAYS_SQL, params))
    assert list(columns) == ["n", "kind", "half"]
    assert columns["n"].tolist() == [0, 1, 2, 3]
    assert np.ma.getmaskarray(columns["kind"]).tolist() == [False, True, False, True]
    assert columns["kind"].compressed().tolist() == ["even", "even"]
    assert columns["half"].compressed().tolist() == [1.0, 1.5]
