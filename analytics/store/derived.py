"""Derived tables: the fast, materialised layer between the canonical tables and the pages.

:func:`refresh_derived` builds them from the SQL files of ``analytics/sql/derived/`` (one file per
table, ``CREATE OR REPLACE TABLE``). It is called inside the transaction of every import and demo
load, after the canonical tables changed; it works on an empty store and is idempotent (running it
twice gives the same tables). An import refreshes by key (:data:`KEYED`): the rows of the agent-days,
weeks, services and projects its rows touch are deleted and reinserted from the same SQL file, whose
input CTEs filter through ``touched_*`` macros (``true`` in a whole rebuild), so that its cost follows
the file, not the store. Each SQL file's header comment documents its table (grain and columns):

=====================  ===========================================================================
table                  grain
=====================  ===========================================================================
calendar_days          one row per calendar day (weekend, French public holiday, working day)
entry_facts            one row per time entry (service, level, timestamps, outside_hours)
agent_day              one row per (agent, work_date, level): hours, outside_hours, first start,
                       last end
agent_workday          one row per (agent, work_date), all levels: hours, first start, last end,
                       the previous day's last end and the rest in between (rest_hours)
agent_day_capacity     one row per (agent, working day) with capacity: capacity_hours =
                       weekly_hours / 5
agent_week             one row per (agent, ISO week): hours, participation_hours, outside_hours,
                       capacity_hours, load_ratio
agent_week_running     one row per (agent, ISO week) from the agent's first week with hours, dense:
                       hours and cumulative_hours (any window of weeks is a difference of two rows)
service_week           one row per (service, ISO week) with hours or capacity: hours, capacity_hours,
                       recorded_capacity_hours, agents, agents_missing
service_day            one row per (service, work_date, level): entries, hours, outside_hours
service_day_capacity   one row per (service, working day): agents, capacity_hours
project_day            one row per (project, work_date, activity): hours
agent_project_day      one row per (agent, project, work_date): service, level, hours
project_phase_hours    one row per (finished project, tenth of its life, activity): level, hours
finished_hours         one row per finished project with recorded hours: its attributes, days, hours
participant_activity   one row per attended attendance, with the event's date, kind, project level,
                       initiative and service and the participant's quartier
participant_first_all  one row per (participant, service or all, level or all): first_date attended
participation_buckets  one row per (filters, month / quarter / year, first day in it): participants,
                       newcomers (the Engagement page's participants per bucket, for any period end)
participation_cohorts  one row per (filters, cohort year, active year, active the year before, first
                       day in the year): participants
participation_ranks    one row per (filters, year, rank 1 / 2 / 5, day): participants whose rank-th
                       attended event of the year fell that day (frequency classes up to any day)
event_attendance       one row per event: date, kind, initiative, service, level, attendees
=====================  ===========================================================================

``agent_week_running``, ``service_day``, ``service_day_capacity``, ``project_day`` and
``participant_first_all`` exist for speed: the indicator catalogue (and any
page query) reads these small tables instead of one row per time entry or per agent-day, so that a
page stays instant on a city (see docs/benchmarks.md).

``participation_buckets``, ``participation_cohorts`` and ``participation_ranks`` are the Engagement
page's history,
pre-counted for every combination of its filters (a row per filter: NULL service or level = no
filter): distinct participants cannot be added up across services or levels. Rows keyed by a *first day* (the
participant's first attended event in a month, a year…) give the counts up to any period end (the
rows whose first day is on or before it).

Only ``entry_facts.outside_hours`` (and the sums of it) depend on a setting: the workday window of
:func:`analytics.settings.load_thresholds`. It is part of the tables' :func:`signature`: a new window
rebuilds them whole (the app does on opening the store), and the catalogue and the pages always read
the pre-aggregated outside hours (:func:`require_window`). The window is also recorded in
``store_meta`` under ``derived_workday_window``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping
from datetime import date
from functools import cache
from typing import Any, Final

import duckdb
import pandas as pd

from analytics.calendar import calendar_frame
from analytics.schema import LEVELS, NO_LEVEL, TABLES
from analytics.settings import Thresholds, load_thresholds
from analytics.store.db import get_meta, read_sql, set_meta

DERIVED_TABLES: Final[tuple[str, ...]] = (
    "calendar_days",
    "entry_facts",
    "agent_day",
    "agent_workday",
    "agent_day_capacity",
    "agent_week",
    "agent_week_running",
    "service_week",
    "service_day",
    "service_day_capacity",
    "project_day",
    "agent_project_day",
    "project_phase_hours",
    "finished_hours",
    "participant_activity",
    "participant_first_all",
    "participation_buckets",
    "participation_cohorts",
    "participation_ranks",
    "event_attendance",
)
"""The derived tables, in build order (each reads only canonical tables and the ones before it)."""

WORKDAY_WINDOW_META: Final[str] = "derived_workday_window"
"""store_meta key of the workday window the derived tables' outside_hours were computed with."""

ATTENDED: Final[str] = "attended"
"""attendances.status of a participant who came (the other value, no_show, is never counted)."""

DONE_STATUS: Final[str] = "done"
"""projects.status of a finished project (project_phase_hours; arbitration learns effort from them)."""
LIFE_PHASES: Final[int] = 10
"""A finished project's life is cut into this many equal slices (project_phase_hours.phase)."""
OTHER_ACTIVITY: Final[str] = "other"
"""Activity code given to project hours without an activity (project_phase_hours.activity)."""

CALENDAR_PADDING_YEARS: Final[int] = 1
"""Whole years added before the first and after the last date of the store."""

_CALENDAR_INPUT: Final[str] = "calendar_frame_input"
_PARAMETER: Final[re.Pattern[str]] = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_LINE_COMMENT: Final[re.Pattern[str]] = re.compile(r"--[^\n]*")


def named_params(sql: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The subset of ``values`` whose ``$name`` appears in ``sql`` (outside ``--`` comments).

    DuckDB refuses named parameters a statement does not use, so each SQL file is given exactly the
    ones it names. Raises KeyError when the statement names a parameter missing from ``values``.
    """
    names = set(_PARAMETER.findall(_LINE_COMMENT.sub("", sql)))
    missing = names - set(values)
    if missing:
        raise KeyError(f"SQL parameters without a value: {sorted(missing)}")
    return {name: values[name] for name in names}


def calendar_span(cur: duckdb.DuckDBPyConnection, today: date | None = None) -> tuple[date, date]:
    """First and last day of ``calendar_days``: the store's dates padded by a whole year each side.

    The dates are those of ``sql/derived/store_date_span.sql`` (time entries, absences, events,
    requests, projects, milestones, contract starts). On an empty store: 1 January of last year to
    31 December of next year (relative to ``today``, default the current date).
    """
    first, last = cur.execute(read_sql("derived/store_date_span")).fetchall()[0]
    if first is None or last is None:
        year = (today or date.today()).year
        return date(year - CALENDAR_PADDING_YEARS, 1, 1), date(year + CALENDAR_PADDING_YEARS, 12, 31)
    return (
        date(first.year - CALENDAR_PADDING_YEARS, 1, 1),
        date(last.year + CALENDAR_PADDING_YEARS, 12, 31),
    )


def workday_window(thresholds: Thresholds) -> str:
    """The workday window of ``thresholds`` as recorded in store_meta, e.g. ``'08:00-19:00'``."""
    return f"{thresholds.workday_start:%H:%M}-{thresholds.workday_end:%H:%M}"


def derived_params(thresholds: Thresholds) -> dict[str, Any]:
    """The values bound into the derived SQL files (workday window in hours, level codes)."""
    return {
        "workday_start_hours": thresholds.workday_start_hours,
        "workday_end_hours": thresholds.workday_end_hours,
        "no_level": NO_LEVEL,
        "participation_levels": list(LEVELS),
        "attended_status": ATTENDED,
        "done_status": DONE_STATUS,
        "life_phases": LIFE_PHASES,
        "other_activity": OTHER_ACTIVITY,
    }


SIGNATURE_META: Final[str] = "derived_signature"
"""store_meta key of the :func:`signature` of the code that built the derived tables."""

CALENDAR_SOURCES: Final[tuple[str, ...]] = ("derived/store_date_span", "derived/calendar_days")
"""The SQL files behind ``calendar_days`` (the store's date span, then the table)."""
_WORD: Final[re.Pattern[str]] = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@cache
def reads(table: str) -> frozenset[str]:
    """The canonical and derived tables the SQL of derived ``table`` names (outside comments).

    Read from the SQL files themselves, so it cannot drift from them; a column that happens to share
    a table's name only makes a refresh rebuild more than it needs, never less."""
    files = CALENDAR_SOURCES if table == DERIVED_TABLES[0] else (f"derived/{table}",)
    words = {word for name in files for word in _WORD.findall(_LINE_COMMENT.sub("", read_sql(name)))}
    return frozenset(words & (set(TABLES) | set(DERIVED_TABLES))) - {table}


def affected(changed: Collection[str]) -> tuple[str, ...]:
    """The derived tables (in build order, ``calendar_days`` aside) that read, directly or through
    another derived table, one of the ``changed`` tables: what an import of those must rebuild."""
    stale = set(changed)
    found = []
    for table in DERIVED_TABLES[1:]:
        if reads(table) & stale:
            found.append(table)
            stale.add(table)
    return tuple(found)


def signature(thresholds: Thresholds | None = None) -> str:
    """A hash of what shapes the derived tables: their list, their SQL files, the constants bound
    into them and the workday window of ``thresholds`` (default :func:`load_thresholds`). A store
    whose tables were built by other code (an upgrade added or changed a table) or with another
    workday window is rebuilt whole (:func:`is_current`, :func:`refresh_derived`)."""
    return _code_signature(tuple(sorted(
        (k, repr(v)) for k, v in derived_params(thresholds or load_thresholds()).items())))


@cache
def _code_signature(params: tuple[tuple[str, str], ...]) -> str:
    digest = hashlib.sha256(repr((DERIVED_TABLES, CALENDAR_PADDING_YEARS, KEYED, params)).encode())
    for name in (*CALENDAR_SOURCES, *KEY_SOURCES,
                 *(f"derived/{table}" for table in DERIVED_TABLES[1:])):
        digest.update(read_sql(name).encode())
    return digest.hexdigest()[:16]


def require_window(con: duckdb.DuckDBPyConnection, thresholds: Thresholds) -> None:
    """Raise ValueError when the derived tables' outside hours were computed with another workday
    window than ``thresholds``' (a caller must refresh them first: :func:`refresh_derived`; the app
    does on opening a store, :func:`is_current`)."""
    built = get_meta(con, WORKDAY_WINDOW_META)
    if built is not None and built != workday_window(thresholds):
        raise ValueError(f"the derived tables were built with the workday window {built}, not "
                         f"{workday_window(thresholds)}: refresh them first")


def is_current(con: duckdb.DuckDBPyConnection, thresholds: Thresholds | None = None) -> bool:
    """Whether the store's derived tables were built by this code with the workday window of
    ``thresholds`` (default :func:`load_thresholds`; see :func:`signature`)."""
    return get_meta(con, SIGNATURE_META) == signature(thresholds)


STALE_HELP: Final[str] = (
    "its derived tables were built by another version of the app: open it once with the app "
    "(make run), which rebuilds them, then try again"
)
"""Why a read-only command cannot use a store whose derived tables are not :func:`is_current`."""


def _calendar_is_current(cur: duckdb.DuckDBPyConnection, first: date, last: date) -> bool:
    exists = cur.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [DERIVED_TABLES[0]]
    ).fetchall()[0][0]
    if not exists:
        return False
    return tuple(cur.execute("SELECT min(day), max(day) FROM calendar_days").fetchall()[0]) == (
        first, last)


KEYED: Final[dict[str, str]] = {
    "entry_facts": "touched_day(agent_id, work_date)",
    "agent_day": "touched_day(agent_id, work_date)",
    "agent_workday": "touched_near(agent_id, work_date)",
    "agent_day_capacity": "touched_day(agent_id, day)",
    "agent_week": "touched_week(agent_id, week_start)",
    "agent_week_running": "touched_since(agent_id, week_start)",
    "service_week": "touched_service_week(service_id, week_start)",
    "service_day": "touched_service_day(service_id, work_date)",
    "service_day_capacity": "touched_service_day(service_id, day)",
    "project_day": "touched_project_day(project_id, work_date)",
    "agent_project_day": "touched_day(agent_id, work_date)",
    "project_phase_hours": "touched_project(project_id)",
    "finished_hours": "touched_project(project_id)",
}
"""The derived tables an import refreshes by key: the rows meeting the condition are deleted and
reinserted from the table's own SQL file, whose input CTEs read only what those rows need through
the same ``touched_*`` macros (``true`` in a whole rebuild). The keys are those of the rows the
import wrote (``sql/derived/refresh_keys.sql``): the (agent, day)s of its time entries, of its
absences and contracts from their start on, every day of a written agent, the entries of a written
project; then the (service, day)s and (project, day)s of the derived rows of those agent-days, before
and after (``sql/derived/refresh_derived_keys.sql``: an agent moved to another service changes both).
The other derived tables are small: rebuilt whole when they read a changed table."""

KEY_SOURCES: Final[tuple[str, ...]] = ("derived/refresh_keys", "derived/refresh_derived_keys")
"""The SQL files that compute the keys of a keyed refresh (see :data:`KEYED`)."""

WRITTEN_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "time_entries": ("agent_id", "work_date"), "absences": ("agent_id", "start_date"),
    "contracts": ("agent_id", "valid_from"), "agents": ("agent_id",), "projects": ("project_id",),
}
"""The columns of the rows an import wrote that :data:`KEYED` refreshes follow (``written_<table>``
in ``sql/derived/refresh_keys.sql``); a change to another canonical table rebuilds whole the
derived tables that read it."""

_MACROS: Final[dict[str, tuple[str, str, str, str]]] = {
    "touched_day": ("a, d", "refresh_days", "key_day",
                    "EXISTS (SELECT 1 FROM refresh_days WHERE key_agent = a AND key_day = d)"),
    "touched_near": ("a, d", "refresh_near_days", "key_day",
                     "EXISTS (SELECT 1 FROM refresh_near_days WHERE key_agent = a AND key_day = d)"),
    "touched_around": ("a, d", "refresh_around_days", "key_day",
                       "EXISTS (SELECT 1 FROM refresh_around_days "
                       "WHERE key_agent = a AND key_day = d)"),
    "touched_week": ("a, w", "refresh_weeks", "key_week",
                     "EXISTS (SELECT 1 FROM refresh_weeks WHERE key_agent = a AND key_week = w)"),
    "touched_agent": ("a", "refresh_agents", "", "a IN (SELECT key_agent FROM refresh_agents)"),
    "touched_from": ("a", "refresh_agents", "",
                     "(SELECT key_week FROM refresh_agents WHERE key_agent = a)"),
    "touched_since": ("a, w", "refresh_agents", "key_week",
                      "w >= (SELECT key_week FROM refresh_agents WHERE key_agent = a)"),
    "touched_service_day": ("s, d", "refresh_service_days", "key_day",
                            "EXISTS (SELECT 1 FROM refresh_service_days "
                            "WHERE key_service = coalesce(s, '') AND key_day = d)"),
    "touched_service_week": ("s, w", "refresh_service_weeks", "key_week",
                             "EXISTS (SELECT 1 FROM refresh_service_weeks "
                             "WHERE key_service = coalesce(s, '') AND key_week = w)"),
    "touched_project_day": ("p, d", "refresh_project_days", "key_day",
                            "EXISTS (SELECT 1 FROM refresh_project_days "
                            "WHERE key_project = p AND key_day = d)"),
    "touched_project": ("p", "refresh_projects", "",
                        "p IN (SELECT key_project FROM refresh_projects)"),
}
"""The key macros of :data:`KEYED`: (arguments, key table, its date column, condition) of a keyed
refresh. The key tables' columns are named ``key_*``: an argument (a column of the table filtered) is
substituted inside the subquery, where a column of the same name would capture it. The date argument
is also bounded by the first and last date of the key table, written as constants: the tables
sorted by date then skip the row groups outside (a month's import reads a month of rows)."""
_KEY_TABLES: Final[tuple[str, ...]] = (
    "refresh_days", "refresh_near_days", "refresh_around_days", "refresh_weeks", "refresh_agents",
    "refresh_service_days", "refresh_service_weeks", "refresh_project_days", "refresh_projects")
_WHOLE: Final[dict[str, str]] = {"touched_from": "DATE '0001-01-01'"}
"""The value of a macro in a whole rebuild, when not ``true`` (touched_from: the first touched week
of an agent, whose agent_week_running rows a keyed refresh replaces)."""
_OPEN_ENDED: Final[frozenset[str]] = frozenset({"touched_since"})
"""Macros whose date argument is bounded below only (every week from the first touched one)."""
_MACRO_CALL: Final[re.Pattern[str]] = re.compile(r"\b(touched_\w+)\(")
_FROM_DERIVED: Final[re.Pattern[str]] = re.compile(r"touched_(service|project)")
_HEADER: Final[re.Pattern[str]] = re.compile(r"CREATE OR REPLACE TABLE (\w+) AS\s")


def _define_macros(cur: duckdb.DuckDBPyConnection, keyed: bool) -> frozenset[str]:
    """Define the ``touched_*`` macros (:data:`_MACROS`): their conditions in a keyed refresh,
    bounded by the dates of their key tables as they are now; ``true`` otherwise (a whole rebuild).
    Returns the macros whose key table is empty (nothing touched: ``false``)."""
    bounds: dict[str, tuple[int, date | None, date | None]] = {}
    spans = sorted({(table, column) for _, table, column, _ in _MACROS.values() if table})
    if keyed:
        rows = cur.execute(" UNION ALL ".join(
            f"SELECT '{table}', count(*), " + (f"min({column}), max({column})" if column else
                                                "NULL::DATE, NULL::DATE") + f" FROM {table}"
            for table, column in spans)).fetchall()
        for table, count, first, last in rows:
            known = bounds.get(table)
            bounds[table] = (count, first, last) if known is None or first is not None else known
    statements: list[str] = []
    empty: set[str] = set()
    for name, (arguments, table, column, condition) in _MACROS.items():
        if not keyed:
            condition = _WHOLE.get(name, "true")
        elif bounds[table][0] == 0:
            condition = "NULL" if name in _WHOLE else "false"
            empty.add(name)
        elif column:
            _, first, last = bounds[table]
            day = arguments.split(", ")[1]
            if name in _OPEN_ENDED:
                condition = f"{day} >= DATE '{first:%Y-%m-%d}' AND {condition}"
            else:
                condition = (f"{day} BETWEEN DATE '{first:%Y-%m-%d}' AND DATE '{last:%Y-%m-%d}' "
                             f"AND {condition}")
        statements.append(f"CREATE OR REPLACE TEMP MACRO {name}({arguments}) AS ({condition});")
    cur.execute("\n".join(statements))
    return frozenset(empty)


def _register_written(cur: duckdb.DuckDBPyConnection,
                      written: Mapping[str, pd.DataFrame]) -> list[str]:
    """Register the written rows as ``written_<table>`` (empty frames for the tables not written)."""
    names = []
    for table, columns in WRITTEN_COLUMNS.items():
        frame = written.get(table)
        frame = (pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
                 if frame is None else frame[list(columns)])
        cur.register(f"written_{table}", frame)
        names.append(f"written_{table}")
    return names


def _events_of(cur: duckdb.DuckDBPyConnection, written: Mapping[str, pd.DataFrame]) -> bool:
    """Whether an event refers to one of the written projects."""
    projects = written.get("projects")
    if projects is None or projects.empty:
        return False
    return bool(cur.execute("SELECT count(*) FROM events WHERE list_contains(?, project_id)",
                            [projects["project_id"].astype(str).tolist()]).fetchall()[0][0])


def _stale(cur: duckdb.DuckDBPyConnection, changed: Collection[str],
           written: Mapping[str, pd.DataFrame] | None) -> tuple[str, ...]:
    """The derived tables to refresh after ``changed``: :func:`affected`, less the participation
    tables when the only change they would follow is projects that no event refers to (the
    projects a time export creates)."""
    found = affected(changed)
    if written is None or "projects" not in changed or _events_of(cur, written):
        return found
    event_side = set(affected({"events"})) - set(affected(set(changed) - {"projects"}))
    return tuple(table for table in found if table not in event_side)


def _keyed(cur: duckdb.DuckDBPyConnection, table: str, values: Mapping[str, Any]) -> None:
    """Delete the rows of ``table`` whose keys were touched and reinsert them from its SQL."""
    sql = read_sql(f"derived/{table}")
    query, count = _HEADER.subn("", sql, count=1)
    if not count:
        raise ValueError(f"derived/{table}.sql does not start with CREATE OR REPLACE TABLE")
    condition = KEYED[table]
    cur.execute(f"DELETE FROM {table} WHERE {condition}")
    cur.execute(f"INSERT INTO {table} SELECT * FROM (\n{query}\n) WHERE {condition}",
                named_params(query, values))


def refresh_derived(
    cur: duckdb.DuckDBPyConnection, *, thresholds: Thresholds | None = None,
    changed: Collection[str] | None = None, written: Mapping[str, pd.DataFrame] | None = None,
) -> tuple[str, ...]:
    """Rebuild the derived tables from the canonical tables, on ``cur`` (inside its transaction);
    return the tables refreshed, in build order.

    ``changed``: the canonical tables written since the last refresh (an import knows them); only
    the derived tables that depend on them are refreshed (:func:`affected`). ``written``: the rows
    the import wrote, per canonical table (at least the columns of :data:`WRITTEN_COLUMNS`); with
    it, the tables of :data:`KEYED` are refreshed only for the keys those rows touch, the others
    rebuilt whole. ``None`` (the default for both) rebuilds everything, as does a store whose
    date span moved (``calendar_days``), or whose derived tables were built by other code or with
    another workday window (:func:`is_current`).
    ``thresholds`` defaults to :func:`load_thresholds` (only the workday window is used, for
    ``entry_facts.outside_hours``). Idempotent; works on an empty store (tables are created empty).
    """
    limits = thresholds or load_thresholds()
    first, last = calendar_span(cur)
    if changed is not None and (not is_current(cur, limits) or (
            reads(DERIVED_TABLES[0]) & set(changed) and not _calendar_is_current(cur, first, last))):
        changed = None
    values = derived_params(limits)
    if changed is None:
        _define_macros(cur, keyed=False)
        cur.register(_CALENDAR_INPUT, calendar_frame(first, last))
        try:
            cur.execute(read_sql("derived/calendar_days"))
        finally:
            cur.unregister(_CALENDAR_INPUT)
        for table in DERIVED_TABLES[1:]:
            sql = read_sql(f"derived/{table}")
            cur.execute(sql, named_params(sql, values))
        _finish(cur, limits)
        return DERIVED_TABLES
    stale = _stale(cur, changed, written)
    keyed = written is not None and any(table in KEYED for table in stale)
    empty: frozenset[str] = frozenset()
    names = _register_written(cur, written) if keyed and written is not None else []
    try:
        if keyed:
            cur.execute(read_sql("derived/refresh_keys"))
            empty = _define_macros(cur, keyed=True)
            cur.execute(read_sql("derived/refresh_derived_keys"))  # the rows about to go
        else:
            _define_macros(cur, keyed=False)
        after = False
        for table in stale:
            if not (keyed and table in KEYED):
                sql = read_sql(f"derived/{table}")
                cur.execute(sql, named_params(sql, values))
                continue
            if not after and _FROM_DERIVED.search(KEYED[table]):
                cur.execute(read_sql("derived/refresh_derived_keys"))  # the rows now there
                empty = _define_macros(cur, keyed=True)  # with the service and project keys' dates
                after = True
            if set(_MACRO_CALL.findall(KEYED[table])) <= empty:
                continue  # no key of this table was touched
            _keyed(cur, table, values)
    finally:
        for name in names:
            cur.unregister(name)
        if keyed:
            _define_macros(cur, keyed=False)
            for name in _KEY_TABLES:
                cur.execute(f"DROP TABLE IF EXISTS {name}")
    _finish(cur, limits)
    return tuple(stale)


def _finish(cur: duckdb.DuckDBPyConnection, limits: Thresholds) -> None:
    set_meta(cur, WORKDAY_WINDOW_META, workday_window(limits))
    set_meta(cur, SIGNATURE_META, signature(limits))
