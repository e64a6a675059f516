"""The overview's first visit runs each query once, and "À traiter" runs only the queries of what it
shows (DuckDB's own query log, on the tiny town, through the registry the page calls)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st

from analytics.capacity.hidden import outside_entries
from analytics.overview import participation_outside
from analytics.schema import LEVELS, NO_LEVEL
from analytics.scope import Scope
from analytics.store.db import SQL_DIR, open_store, read_sql
from dashboard.registry import OVERVIEW
from dashboard.store import Source, connection, version
from tests.conftest import load_tiny

MAY = Scope(date(2024, 4, 29), date(2024, 5, 26))


@pytest.fixture(scope="module")
def tiny_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("queries") / "tiny.duckdb"
    con = open_store(str(path))
    load_tiny(con)
    con.close()
    yield str(path)


def _file_of(statement: str, files: dict[str, str]) -> str:
    """The SQL file a statement was read from (the indicator families run as one statement)."""
    found = [name for name, text in files.items() if text.strip() and text.strip() in statement]
    if any(name.startswith("indicators/") for name in found):
        return "indicators (" + ", ".join(sorted(found)) + ")"
    return max(found, key=lambda name: len(files[name]), default="(inline)")


def first_visit(path: str, scope: Scope = MAY) -> Counter[str]:
    """How many times each SQL file ran during one cold first visit of the overview."""
    files = {str(p.relative_to(SQL_DIR).with_suffix("")): read_sql(
        str(p.relative_to(SQL_DIR).with_suffix(""))) for p in SQL_DIR.rglob("*.sql")
        if "derived" not in p.parts}
    st.cache_data.clear()
    con = connection(path)
    src = Source(path, version(con))
    con.execute("CALL enable_logging('QueryLog')")
    try:
        con.execute("CALL truncate_duckdb_logs()")
        results: dict[str, object] = {}
        for use in OVERVIEW:
            results[use.name] = use(src, scope, **use.defaults(results, scope))
        logged = con.execute(
            "SELECT message FROM duckdb_logs WHERE type = 'QueryLog'").fetchall()
    finally:
        con.execute("CALL disable_logging()")
    return Counter(_file_of(message, files) for (message,) in logged
                   if not message.lstrip().upper().startswith(("CALL", "SELECT VALUE FROM STORE_META")))


def test_each_sql_file_runs_once_per_first_visit(tiny_path: str) -> None:
    """Except the engagement counts: once for the catalogue's engagement tiles
    (:func:`analytics.indicators.compute_indicators`, the one path to a catalogue number) and once
    for the Engagement page's headline (its cached loader, shared with that page, which "À traiter"
    reads for the lapsed participants and the tiles a protected role sees)."""
    ran = first_visit(tiny_path)
    assert {name: count for name, count in ran.items() if count > 1 and name != "(inline)"} == {
        "engagement/headline": 2}


@pytest.mark.parametrize("unused", [
    "engagement/year_transitions",    # the fatigue tab's year-on-year table: not in "À traiter"
    "engagement/attendance_yearly",   # the fatigue tab's attendance per year: not in "À traiter"
])
def test_a_first_visit_runs_no_query_the_page_does_not_show(tiny_path: str, unused: str) -> None:
    assert unused not in first_visit(tiny_path)


def test_the_sql_files_are_found(tiny_path: str) -> None:
    ran = first_visit(tiny_path)
    assert {"overview/freshness", "overview/weekly_load", "capacity/hidden_outside",
            "engagement/volunteer_signals", "engagement/attendance_trend"} <= set(ran)
    assert Path(SQL_DIR).is_dir()


@pytest.mark.parametrize("level", [None, *LEVELS, NO_LEVEL])
@pytest.mark.parametrize("period", [(date(2024, 4, 29), date(2024, 5, 26)),
                                    (date(2024, 4, 1), date(2024, 6, 3))])
def test_participation_outside_is_every_participation_level_s_rows_in_one_query(
    tiny_store: duckdb.DuckDBPyConnection, period: tuple[date, date], level: str | None
) -> None:
    """The rows of each participation level's hidden work, level after level (as the capacity
    page's hidden tab lists them with that level filter), read in one query."""
    scope = Scope(*period, level=level)
    by_level = [outside_entries(tiny_store, replace(scope, level=lvl)) for lvl in LEVELS
                if level in (None, lvl)]
    expected = (pd.concat(by_level, ignore_index=True) if by_level
                else outside_entries(tiny_store, scope).iloc[0:0])
    found = participation_outside(tiny_store, scope)
    pd.testing.assert_frame_equal(found, expected)
    assert level not in (None, "consultation") or len(found) > 0


@pytest.mark.parametrize("period", [(date(2024, 4, 29), date(2024, 5, 26)),
                                    (date(2023, 6, 1), date(2024, 6, 3))])
def test_the_engagement_lines_read_the_fatigue_tab_s_numbers(
    tiny_path: str, period: tuple[date, date]
) -> None:
    from dashboard import engagement_loaders, overview_loaders

    con = connection(tiny_path)
    scope = Scope(*period)
    counts, trends = overview_loaders.engagement_signals(tiny_path, version(con), scope)
    tab = engagement_loaders.part(tiny_path, version(con), scope, "fatigue")
    assert counts == tab.signal_counts  # type: ignore[union-attr]
    pd.testing.assert_frame_equal(trends, tab.attendance_trends)  # type: ignore[union-attr]
