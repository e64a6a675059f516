"""Session fixtures over the demo town (built once per test run, at a fixed 'today')."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

DEMO_AS_OF = date(2026, 11, 30)
"""The demo's 'today' in tests, so that every figure is reproducible."""
DEMO_SEED = 2026


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a store holding the town-scale demo (seed 2026, as of 30 Nov 2026)."""
    from analytics.demo import load_demo
    from analytics.store.db import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    con = open_store(path)
    try:
        load_demo(con, scale="town", seed=DEMO_SEED, as_of=DEMO_AS_OF)
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def demo_con(demo_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the demo store (share it read-only: do not write in tests)."""
    from analytics.store.db import open_store

    con = open_store(demo_db)
    yield con
    con.close()
