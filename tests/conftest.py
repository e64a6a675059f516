"""Shared fixtures: the tiny hand-made town of ``tests/fixtures/tiny/``.

One CSV per canonical table, with canonical column names. The story it tells (every expected value in
tests/test_indicators.py is worked out by hand from it):

* services svc_jeu (Jeunesse) and svc_tech (Services techniques);
* A1 Alice (svc_jeu, 35 h): evening meeting 17:00–21:00 (3.5 h paid), 22:00–01:00 site work, a
  Saturday and a public-holiday (8 May) entry, entries without times, a 10.5 h day, a 10 h day,
  rests of 10 h, 7 h (after midnight) and exactly 11 h;
* A2 Bruno (svc_jeu, 28 h = 80 %): 8 h days, on leave 13–17 May 2024 (logs 3 h anyway), overloaded
  in ISO weeks 17, 18, 19 and 21;
* A3 Chloé (svc_tech): 35 h contract to 2024-12-31 overlapped by a 39 h contract from 2024-05-13;
* A4 David (svc_tech, 35 h): 9.75 h every weekday from ISO week 9 to 18 of 2024 (holidays
  included), week 19 exactly 48 h, week 20 37 h (106 % of capacity), week 21 40 h;
* A5 Emma (svc_tech): a contract 2024-05-15..2024-05-22 only, no entries;
* 12 participants in 4 quartiers (one without quartier), events in Nov 2023, April and May 2024,
  no-shows, one event without project, one event with only a head count;
* 9 requests open / closed around the period; population of 4 quartiers and 5 age bands.

Periods used by the tests: MAY = 2024-04-29..2024-05-26 (ISO weeks 18–21, public holidays 1, 8, 9
and 20 May), APRIL = 2024-04-01..2024-04-28 (the 28 days before MAY).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from analytics.schema import LOAD_ORDER, TABLES
from analytics.settings import Thresholds
from analytics.store.db import open_store, transaction
from analytics.store.derived import refresh_derived

pytest_plugins = [
    "tests.demo_fixtures", "tests.apptest_support", "tests.access_fixtures", "tests.hostile_fixtures",
]

TINY_DIR = Path(__file__).resolve().parent / "fixtures" / "tiny"


def load_tiny(con: duckdb.DuckDBPyConnection) -> None:
    """Load every tiny CSV into its canonical table and refresh the derived tables, in one transaction.

    Values are read as text and cast by the INSERT to the canonical column types (dates, times,
    doubles); empty fields become NULL.
    """
    with transaction(con) as cur:
        for table in LOAD_ORDER:
            columns = ", ".join(f'"{column}"' for column in TABLES[table])
            cur.execute(
                f'INSERT INTO "{table}" ({columns}) SELECT {columns} '
                "FROM read_csv(?, header = true, all_varchar = true)",
                [str(TINY_DIR / f"{table}.csv")],
            )
        refresh_derived(cur, thresholds=Thresholds())


def write_tiny_db(path: Path) -> Path:
    """A store file at ``path`` holding the tiny town and one import (so that the app shows it as
    imported data, not as the demo); returns ``path``."""
    con = open_store(str(path))
    try:
        load_tiny(con)
        con.execute("INSERT INTO imports (file_name, sha256, format, rows_read, rows_accepted,"
                    " rows_rejected, status) VALUES ('tiny', 'x', 'csv', 1, 1, 0, 'imported')")
    finally:
        con.close()
    return path


@contextmanager
def tiny_town() -> Iterator[duckdb.DuckDBPyConnection]:
    """The tiny town in a new in-memory store, derived tables fresh; closed on leaving."""
    con = open_store(":memory:")
    try:
        load_tiny(con)
        yield con
    finally:
        con.close()


@pytest.fixture(scope="session")
def tiny_store() -> Iterator[duckdb.DuckDBPyConnection]:
    """The tiny town in an in-memory store, derived tables fresh. Shared: tests must not write to it."""
    with tiny_town() as con:
        yield con


@pytest.fixture
def fresh_tiny_store() -> Iterator[duckdb.DuckDBPyConnection]:
    """A private copy of the tiny town, for tests that change the store."""
    with tiny_town() as con:
        yield con


@pytest.fixture
def empty_store() -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated in-memory store with no data and fresh (empty) derived tables."""
    con = open_store(":memory:")
    with transaction(con) as cur:
        refresh_derived(cur, thresholds=Thresholds())
    yield con
    con.close()


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private folder for the pseudonymisation keys (PARTICIPATION_SECRET_DIR), empty at first."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", str(folder))
    return folder


@pytest.fixture
def store(keys: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated in-memory store with no data and private keys: what an import writes to."""
    con = open_store(":memory:")
    yield con
    con.close()


@pytest.fixture
def refreshes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The tables each call of ``refresh_derived`` rebuilds during the test, in call order (the
    real refresh runs; the fixture only records what it returns)."""
    from analytics.store import derived

    calls: list[tuple[str, ...]] = []
    real = derived.refresh_derived

    def spy(cur: duckdb.DuckDBPyConnection, **options: object) -> tuple[str, ...]:
        calls.append(real(cur, **options))  # type: ignore[arg-type]
        return calls[-1]

    monkeypatch.setattr(derived, "refresh_derived", spy)
    return calls
