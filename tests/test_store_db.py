"""The DuckDB boundary: each query on its own cursor, its columns as arrays."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from analytics.store.db import open_store, query_arrays


@pytest.fixture
def store() -> duckdb.DuckDBPyConnection:
    con = open_store(":memory:")
    con.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(1000)")
    return con


ARRAYS_SQL = (
    "SELECT n, CASE WHEN n % 2 = 0 THEN 'even' END AS kind, CASE WHEN n > 1 THEN n / 2 END AS half"
    " FROM numbers WHERE n < $k ORDER BY n"
)


def test_arrays_keep_values_and_mask_nulls(store: duckdb.DuckDBPyConnection) -> None:
    columns = query_arrays(store, ARRAYS_SQL, {"k": 4})
    assert list(columns) == ["n", "kind", "half"]
    assert columns["n"].tolist() == [0, 1, 2, 3]
    assert np.ma.getmaskarray(columns["kind"]).tolist() == [False, True, False, True]
    assert columns["kind"].compressed().tolist() == ["even", "even"]
    assert columns["half"].compressed().tolist() == [1.0, 1.5]
