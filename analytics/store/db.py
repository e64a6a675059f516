"""The one place that talks to DuckDB.

Rules kept here so that no page or analytics function has to remember them:

* one connection per process and file (opened by :func:`open_store`, cached by the app with
  ``st.cache_resource``); every query runs on its own ``cursor()``, so sessions (threads) never
  share one; queries run one after the other in the calling thread (no pool of this module's own);
* values are always bound (``?`` or ``$name``), never formatted into SQL text;
* results are fetched fully (a DataFrame or a list of tuples), never streamed out of this module;
* no extension is ever installed or loaded from the network (``autoinstall_known_extensions`` off).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import duckdb
import numpy as np
import pandas as pd

from analytics.schema import TABLES

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

Params = Sequence[Any] | Mapping[str, Any] | None


StoreProblem = Literal[
    "locked", "not_duckdb", "directory", "permission", "missing", "not_store", "outdated", "other"
]
"""Why a store could not be opened (the page says it in the user's language: ``error.store.<kind>``)."""

_PROBLEM_TEXT: Final[dict[str, str]] = {
    "locked": "{path} is in use by another program (only one process may open a store for "
              "writing); close it or wait for it to finish, then try again",
    "not_duckdb": "{path} is not a DuckDB database file (or it is damaged)",
    "directory": "{path} is a directory, not a store file",
    "permission": "{path} cannot be opened: permission denied",
    "missing": "no store at {path}",
    "not_store": "{path} is a DuckDB database but not a store of this app (create one with the "
                 "demo or import command)",
    "outdated": "{path} was written by an older version of the app: open it once for writing "
                "(the app, or an import) to upgrade it",
    "other": "cannot open the store {path}: {reason}",
}

_PROBLEM_SIGNS: Final[tuple[tuple[str, StoreProblem], ...]] = (
    ("could not set lock", "locked"),
    ("conflicting lock", "locked"),
    ("is a directory", "directory"),
    ("permission denied", "permission"),
    ("operation not permitted", "permission"),
    ("read-only file system", "permission"),
    ("not a valid duckdb database file", "not_duckdb"),
    ("could not read enough bytes", "not_duckdb"),
    ("database does not exist", "missing"),
    ("no such file or directory", "missing"),
)
"""Fragments of DuckDB's (English) open errors, in the order they are tried."""


class StoreError(Exception):
    """A store that cannot be opened or used, with a message meant for a person; ``kind`` says why
    (see :data:`StoreProblem`)."""

    def __init__(self, message: str, kind: StoreProblem = "other") -> None:
        super().__init__(message)
        self.kind: StoreProblem = kind


def store_problem(message: str) -> StoreProblem:
    """The kind of a DuckDB error raised when opening a store, read from its message."""
    text = message.casefold()
    for sign, kind in _PROBLEM_SIGNS:
        if sign in text:
            return kind
    return "other"


def _store_error(target: str, kind: StoreProblem, reason: str = "") -> StoreError:
    return StoreError(_PROBLEM_TEXT[kind].format(path=target, reason=reason), kind)


def open_store(
    path: str | Path, *, read_only: bool = False, create: bool = True
) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file at ``path`` and apply pending migrations; a missing file is created
    (with its folder) unless ``create`` is false.

    ``":memory:"`` gives a private in-memory store (tests). Raises :class:`StoreError` saying why the
    store cannot be opened: locked by another process, not a DuckDB file, a directory, no
    permission, missing (``create`` false or ``read_only``), or DuckDB's own reason otherwise.
    """
    target = str(path)
    if target != ":memory:":
        file = Path(target)
        if file.is_dir():
            raise _store_error(target, "directory")
        if not file.exists() and (read_only or not create):
            raise _store_error(target, "missing")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except PermissionError as exc:
            raise _store_error(target, "permission") from exc
        except OSError as exc:
            raise _store_error(target, "other", exc.strerror or str(exc)) from exc
    config = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
    try:
        con = duckdb.connect(target, read_only=read_only, config=config)
    except duckdb.Error as exc:
        raise _store_error(target, store_problem(str(exc)), str(exc)) from exc
    if read_only:
        _check_read_only(con, target)
    else:
        migrate(con)
    return con


def _check_read_only(con: duckdb.DuckDBPyConnection, target: str) -> None:
    """Raise StoreError (connection closed) when a store opened read-only, which cannot be migrated,
    is not a store of this app or lacks some of its migrations."""
    seen = query_value(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'")
    problem: StoreProblem | None = "not_store" if not seen else None
    if seen:
        done = {row[0] for row in query_rows(con, "SELECT version FROM schema_migrations")}
        problem = "outdated" if any(v not in done for v, _, _ in migrations()) else None
    if problem:
        con.close()
        raise _store_error(target, problem)


def migrations() -> list[tuple[int, str, str]]:
    """The versioned migrations shipped with the code: (version, name, sql), in order."""
    found = []
    for file in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _MIGRATION_NAME.match(file.name)
        if match:
            found.append((int(match.group(1)), file.stem, file.read_text(encoding="utf-8")))
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations the store has not seen yet, each in its own transaction.

    Returns the versions applied (empty when the store is up to date).
    """
    cur = con.cursor()
    cur.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in cur.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        cur.execute("BEGIN TRANSACTION")
        try:
            cur.execute(sql)
            cur.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name]
            )
            cur.execute("COMMIT")
        except duckdb.Error:
            cur.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


INCLUDE: Final[re.Pattern[str]] = re.compile(r"^[ \t]*-- @include ([\w/]+)[ \t]*$", re.MULTILINE)
"""A line ``-- @include <name>`` of a SQL file (indented or not) is replaced by the text of
``<name>.sql``: CTEs or a rule that several queries share live in one file (e.g.
``capacity/period_weeks.sql``, ``rules/outside_hours.sql``)."""


@cache
def read_sql(name: str) -> str:
    """The text of ``analytics/sql/<name>.sql`` (``name`` may contain a sub-folder), with its
    ``-- @include <other>`` lines replaced by the text of those files (see :data:`INCLUDE`)."""
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return INCLUDE.sub(lambda match: read_sql(match.group(1)), text)


def query_df(con: duckdb.DuckDBPyConnection, sql: str, params: Params = None) -> pd.DataFrame:
    """Run one bound query on its own cursor and return the whole result as a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(sql, params).df()
    finally:
        cur.close()


Arrays = dict[str, np.ndarray]
"""A query's columns by name as numpy arrays (:func:`query_arrays`)."""


def query_arrays(con: duckdb.DuckDBPyConnection, sql: str, params: Params = None) -> Arrays:
    """Run one bound query on its own cursor and return its columns as numpy arrays: strings as
    Python ``str`` objects, dates as ``datetime64``, a column holding NULLs as a masked array.

    Cheaper than :func:`query_df` when the caller builds its own frames (a DataFrame converts every
    string of every row to its ``str`` dtype; the caller may convert a few and repeat them)."""
    cur = con.cursor()
    try:
        return cur.execute(sql, params).fetchnumpy()
    finally:
        cur.close()


def query_rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: Params = None
) -> list[tuple[Any, ...]]:
    """Run one bound query on its own cursor and return all rows."""
    cur = con.cursor()
    try:
        return cur.execute(sql, params).fetchall()
    finally:
        cur.close()


def query_value(con: duckdb.DuckDBPyConnection, sql: str, params: Params = None) -> Any:
    """The first column of the first row of a bound query (None when there is no row)."""
    rows = query_rows(con, sql, params)
    return rows[0][0] if rows else None


def execute(con: duckdb.DuckDBPyConnection, sql: str, params: Params = None) -> None:
    """Run one bound statement that returns nothing useful (DDL, INSERT, UPDATE)."""
    cur = con.cursor()
    try:
        cur.execute(sql, params)
    finally:
        cur.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor inside one transaction: committed on success, rolled back on any exception."""
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    except BaseException:
        cur.execute("ROLLBACK")
        cur.close()
        raise
    cur.execute("COMMIT")
    cur.close()


def insert_frame(
    cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, *, ignore_duplicates: bool = True
) -> int:
    """Insert a DataFrame into a canonical table by column name; return the rows actually added.

    Columns missing from ``frame`` are left NULL; rows whose key is already present are skipped
    when ``ignore_duplicates`` (so re-importing the same data adds nothing).
    """
    if table not in TABLES:
        raise ValueError(f"unknown canonical table {table!r}")
    columns = [c for c in TABLES[table] if c in frame.columns]
    if frame.empty:
        return 0
    before = cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    cur.register("_incoming", frame[columns])
    try:
        column_list = ", ".join(f'"{c}"' for c in columns)
        conflict = " ON CONFLICT DO NOTHING" if ignore_duplicates else ""
        cur.execute(
            f'INSERT INTO "{table}" ({column_list}) SELECT {column_list} FROM _incoming{conflict}'
        )
    finally:
        cur.unregister("_incoming")
    after = cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    return int(after - before)


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """A short token that changes whenever the store's content changes (cache key for loaders)."""
    rows = query_rows(con, "SELECT value FROM store_meta WHERE key = 'data_version'")
    return rows[0][0] if rows else "0"


def bump_data_version(cur: duckdb.DuckDBPyConnection) -> None:
    """Record that the content changed (call inside the transaction that changed it)."""
    cur.execute(
        "INSERT INTO store_meta VALUES ('data_version', '1') ON CONFLICT (key) DO UPDATE "
        "SET value = CAST(CAST(store_meta.value AS BIGINT) + 1 AS VARCHAR)"
    )


def set_meta(cur: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set one store_meta fact."""
    cur.execute(
        "INSERT INTO store_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """One store_meta fact, or None."""
    return query_value(con, "SELECT value FROM store_meta WHERE key = ?", [key])


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of each canonical table."""
    return {
        table: int(query_value(con, f'SELECT count(*) FROM "{table}"')) for table in TABLES
    }
