"""The app's store: one cached DuckDB connection per file, and the demo town on first start."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import streamlit as st

from analytics.demo import load_demo
from analytics.settings import DEMO_SEED, default_db_path
from analytics.store.db import bump_data_version, data_version, open_store, query_value, transaction
from analytics.store.derived import is_current, refresh_derived


def db_path() -> str:
    """The store used by this app process ($PARTICIPATION_DB or data/participation.duckdb)."""
    return str(default_db_path())


@st.cache_resource(show_spinner=False)
def connection(path: str) -> duckdb.DuckDBPyConnection:
    """The process-wide connection to ``path``; queries use their own cursors (see store.db)."""
    return open_store(path)


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds no import at all (not even the demo)."""
    return not query_value(con, "SELECT count(*) FROM imports")


def ensure_data(con: duckdb.DuckDBPyConnection, t_building: str) -> bool:
    """Build the demo town when the store is empty, showing progress; True if it was built now."""
    if not is_empty(con):
        return False
    bar = st.progress(0.0, text=t_building)

    def progress(fraction: float, step: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=f"{t_building} ({step})")

    load_demo(con, scale="town", seed=DEMO_SEED, progress=progress)
    bar.empty()
    return True


_REFRESH_LOCK = threading.Lock()


def ensure_derived(con: duckdb.DuckDBPyConnection, t_updating: str) -> bool:
    """Rebuild the derived tables, with a spinner, when they were built by other code (after an
    upgrade of the app; see :func:`analytics.store.derived.is_current`); True if rebuilt now. One
    session rebuilds while the others wait; the data version is bumped so every cache follows."""
    if is_current(con):
        return False
    with _REFRESH_LOCK, st.spinner(t_updating):
        if is_current(con):  # another session did it while this one waited
            return False
        with transaction(con) as cur:
            refresh_derived(cur)
            bump_data_version(cur)
    return True


def version(con: duckdb.DuckDBPyConnection) -> str:
    """Token that changes when the store changes: part of every loader's cache key."""
    return data_version(con)


def store_exists() -> bool:
    """Whether the store file exists yet."""
    return Path(db_path()).exists()


@dataclass(frozen=True)
class Source:
    """The store a page reads: its file and data version (every loader's cache key begins with
    both; an import bumps the version, so every cached result follows)."""

    path: str
    version: str


def source() -> Source:
    """The store of this app process at its current data version."""
    path = db_path()
    return Source(path, version(connection(path)))
