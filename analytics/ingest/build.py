"""From a matched table to canonical rows: parse, validate row by row, resolve people, make ids.

Every builder returns a :class:`Staged` batch: the rows to write per canonical table and the rejected
rows (first problem of each row, with its line and the header of the column at fault). Nothing is
written here; :mod:`analytics.ingest.pipeline` writes a batch in one transaction.

Builders: ``time_entries`` (every time-tracking export and the canonical template), ``events``
(Decidim meetings, canonical events), ``attendances`` (Decidim registrations, canonical attendances),
``shifts`` (volunteer shifts: one event and one anonymous group attendance per shift) and
``canonical`` (the other canonical templates, column by column).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

import duckdb
import numpy as np
import pandas as pd

from analytics.ingest import people
from analytics.ingest.formats import Match
from analytics.ingest.messages import Message, Param, choice, listing, position
from analytics.ingest.model import Refusal, Reject, Table
from analytics.ingest.parse import (
    DAY_FIRST,
    ParseError,
    column_values,
    detect_date_style,
    detect_decimal,
    distinct_sample,
    parse_column,
    parse_date,
    parse_datetime,
    parse_duration,
    parse_number,
    parse_time,
    seconds_to_clock,
)
from analytics.ingest.vocabulary import COLUMN_VOCABULARY, age_band, map_column
from analytics.schema import TABLES
from analytics.store.db import read_sql

DATE_COLUMNS: Final[frozenset[str]] = frozenset({
    "valid_from", "valid_to", "start_date", "end_date", "work_date", "event_date", "received_on",
    "closed_on", "achieved_on",
})
TIME_COLUMNS: Final[frozenset[str]] = frozenset({"start_time", "end_time"})
HOURS_COLUMNS: Final[frozenset[str]] = frozenset({"weekly_hours", "planned_hours", "hours"})
NUMBER_COLUMNS: Final[frozenset[str]] = frozenset({"priority"})
COUNT_COLUMNS: Final[frozenset[str]] = frozenset({"attendees_count", "population"})
UPSERT_TABLES: Final[frozenset[str]] = frozenset({"services", "agents", "projects", "participants"})
"""Tables whose rows a later file may complete (an agent created by a time export gets its service)."""
NEED_ONE: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "agents": (("agent_id", "agent_name", "agent_email"),),
    "contracts": (("agent_id", "agent_name", "agent_email"),),
    "absences": (("agent_id", "agent_name", "agent_email"),),
    "projects": (("project_id", "project_name"),),
}
"""Canonical tables whose every row needs at least one of these cells (an id or a name)."""
MAX_ENTRY_HOURS: Final[float] = 24.0
MAX_COUNT: Final[int] = 2_147_483_647
"""Largest count of people the store's INTEGER columns hold (attendees, population)."""
MAX_WEEKLY_HOURS: Final[float] = 80.0


@dataclass
class Context:
    """What builders need besides the table: the cursor (lookups), the file name, the key."""

    cur: duckdb.DuckDBPyConnection
    file_name: str
    secret: Callable[[], bytes]


@dataclass
class Staged:
    """Canonical rows ready to write, the rejected rows, and what was created on the way."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    rows_read: int = 0
    rows_accepted: int = 0
    created_agents: list[str] = field(default_factory=list)
    created_projects: list[str] = field(default_factory=list)
    created_services: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    remarks: list[Reject] = field(default_factory=list)
    """Rows that landed with a remark (a duration that disagrees with its clock times)."""
    unplaced: list[Unplaced] = field(default_factory=list)
    """Labels of coded columns that landed empty, per column."""
    same_as: list[tuple[str, str]] = field(default_factory=list)
    """(name in the file, existing name) read as the same agent or project."""
    distinct: set[str] = field(default_factory=set)
    """The tables whose frame holds each primary key once already (deduplicated while building:
    the writer need not check again)."""


@dataclass(frozen=True)
class Unplaced:
    """The labels of one coded column that could not be placed among the accepted rows."""

    column: str
    vocabulary: str
    labels: dict[str, int]
    """Label as first written → accepted rows holding it."""
    rows: int
    keys: tuple[str, ...] = ()
    """Ids of the rows' entities (the projects whose level landed empty)."""


@contextmanager
def registered(
    cur: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame
) -> Iterator[None]:
    """``frame`` visible to SQL as ``name`` for the duration of the block."""
    cur.register(name, frame)
    try:
        yield
    finally:
        with suppress(duckdb.Error):  # an aborted transaction refuses even this; keep its error
            cur.unregister(name)


# --- row bookkeeping -----------------------------------------------------------------------------


class Rows:
    """The first problem of each row of a table (column header and reason, a :class:`Message`)."""

    def __init__(self, table: Table, match: Match) -> None:
        self.table = table
        self.match = match
        size = len(table.frame)
        self.column = np.full(size, None, dtype=object)
        self.reason = np.full(size, None, dtype=object)
        self.remark = np.full(size, None, dtype=object)
        self.remark_column = np.full(size, None, dtype=object)
        self.unplaced: dict[str, tuple[str, np.ndarray]] = {}
        self.notes: list[Message] = []

    def header(self, role: str) -> str:
        """The file's header for a role (what the user sees), or the role name."""
        index = self.match.columns.get(role)
        return self.table.headers[index] if index is not None else role

    def fail(self, errors: np.ndarray, role: str) -> None:
        """Record per-row error messages (None = fine) against a role's column."""
        new = pd.notna(errors) & pd.isna(self.reason)
        self.reason[new] = errors[new]
        self.column[new] = self.header(role)

    def fail_where(self, mask: np.ndarray, role: str, reason: Message) -> None:
        """Record one reason for every row where ``mask`` holds."""
        new = np.asarray(mask, dtype=bool) & pd.isna(self.reason)
        self.reason[new] = reason
        self.column[new] = self.header(role)

    def unplace(self, role: str, vocabulary: str, mask: np.ndarray) -> None:
        """Remember the rows where a coded column's label could not be placed."""
        if mask.any():
            self.unplaced[role] = (vocabulary, mask)

    def remark_where(self, mask: np.ndarray, role: str, reason: Message | np.ndarray) -> None:
        """Record a remark (the row still lands) for every row where ``mask`` holds."""
        new = np.asarray(mask, dtype=bool) & pd.isna(self.remark)
        self.remark[new] = reason[new] if isinstance(reason, np.ndarray) else reason
        self.remark_column[new] = self.header(role)

    @property
    def ok(self) -> np.ndarray:
        """Rows without any problem."""
        return pd.isna(self.reason)

    def unplaced_labels(self, ids: pd.Series | None = None) -> list[Unplaced]:
        """The unplaced labels of the accepted rows, per column (``ids``: the entity of each row)."""
        found = []
        ok = self.ok
        for role, (vocabulary, mask) in self.unplaced.items():
            rows = mask & ok
            if not rows.any():
                continue
            texts = self.table.column(self.match.columns[role]).astype("str").str.strip()[rows]
            labels: dict[str, int] = {}
            for text, count in texts.value_counts().items():
                labels[str(text)] = int(count)
            keys = tuple(sorted({str(v) for v in ids[rows] if isinstance(v, str)})) if (
                ids is not None) else ()
            found.append(Unplaced(self.header(role), vocabulary, labels, int(rows.sum()), keys))
        return found

    def remarks(self) -> list[Reject]:
        """The accepted rows that carry a remark, in file order."""
        return [Reject(int(self.table.lines[row]), self.remark_column[row], self.remark[row],
                       self.table.raw(row))
                for row in np.flatnonzero(self.ok & pd.notna(self.remark))]

    def rejects(self, redact: Callable[[int], str] | None = None) -> list[Reject]:
        """The rejected rows, in file order, with their line and raw text."""
        found = []
        for row in np.flatnonzero(~self.ok):
            raw = redact(row) if redact else self.table.raw(row)
            found.append(Reject(int(self.table.lines[row]), self.column[row], self.reason[row], raw))
        return found


class Cells:
    """Access to the cells of a matched table by role (stripped strings, '' when absent)."""

    def __init__(self, table: Table, match: Match) -> None:
        self.table = table
        self.match = match
        self._cache: dict[str, pd.Series] = {}

    def has(self, role: str) -> bool:
        """Whether the file holds a column for ``role``."""
        return role in self.match.columns

    def get(self, role: str) -> pd.Series | None:
        """The stripped cells of a role, or None when the file lacks it."""
        return self(role) if self.has(role) else None

    def __call__(self, role: str) -> pd.Series:
        """The stripped cells of a role ('' everywhere when the file lacks it)."""
        if role not in self._cache:
            if role in self.match.columns:
                series = self.table.column(self.match.columns[role])
                values = series.astype("str").fillna("").str.strip()
            else:
                values = pd.Series([""] * len(self.table.frame), dtype="str")
            self._cache[role] = values.reset_index(drop=True)
        return self._cache[role]


def _date_style(cells: Cells, role: str, match: Match) -> str:
    default = match.format.options.get("date_style", DAY_FIRST)
    return detect_date_style(distinct_sample(cells(role)), default)


def _decimal(cells: Cells, role: str, table: Table) -> str:
    default = "," if table.separator == ";" else "."
    return detect_decimal(distinct_sample(cells(role)), default)


def parse_dates(cells: Cells, rows: Rows, role: str) -> pd.Series:
    """ISO dates of a role's column (missing when empty); bad cells recorded in ``rows``."""
    style = _date_style(cells, role, rows.match)
    values, errors = column_values(cells(role), lambda text: parse_date(text, style), "str")
    rows.fail(errors, role)
    return values


def parse_times(cells: Cells, rows: Rows, role: str) -> tuple[np.ndarray, pd.Series]:
    """(seconds since midnight, ``HH:MM:SS`` text) of a clock column (NaN when empty)."""
    parsed, codes, errors = parse_column(cells(role), parse_time)
    error_array = np.array([*errors, None], dtype=object)[:-1]
    rows.fail(error_array[codes], role)
    seconds = np.array([np.nan if v is None else v for v in parsed], dtype=float)[codes]
    texts = pd.array([None if v is None else seconds_to_clock(v) for v in parsed], dtype="str")
    return seconds, pd.Series(texts.take(codes) if len(codes) else texts[:0])


def parse_hours(cells: Cells, rows: Rows, role: str, unit: str = "hours") -> np.ndarray:
    """Hours (NaN when empty) of a duration column: H:MM, HH:MM:SS, decimal, 12-hour clock."""
    decimal = _decimal(cells, role, rows.table)
    values, errors = column_values(
        cells(role), lambda text: parse_duration(text, unit, decimal), "float")
    rows.fail(errors, role)
    return values


def parse_numbers(cells: Cells, rows: Rows, role: str, whole: bool = False) -> np.ndarray:
    """Numbers (NaN when empty) with the column's decimal separator; ``whole`` wants integers ≥ 0
    that fit the store's INTEGER column."""
    decimal = _decimal(cells, role, rows.table)

    def parse(text: str) -> float | None:
        number = parse_number(text, decimal)
        if whole and number is not None and (number < 0 or not float(number).is_integer()):
            raise ParseError("ingest.cell.not_whole", value=text)
        if whole and number is not None and number > MAX_COUNT:
            raise ParseError("ingest.cell.number_too_large", value=text, max=MAX_COUNT)
        return number

    values, errors = column_values(cells(role), parse, "float")
    rows.fail(errors, role)
    return values


def parse_datetimes(cells: Cells, rows: Rows, role: str) -> tuple[pd.Series, np.ndarray]:
    """(ISO dates, seconds since midnight) of a timestamp column, in local time."""
    style = _date_style(cells, role, rows.match)
    values, errors = column_values(cells(role), lambda text: parse_datetime(text, style))
    rows.fail(errors, role)
    dates = pd.Series([v[0] if v else None for v in values], dtype="str")
    seconds = np.array([v[1] if v else np.nan for v in values], dtype=float)
    return dates, seconds


def vocabulary(cells: Cells, rows: Rows, table: str, column: str) -> pd.Series:
    """Stored values of a vocabulary column (:func:`analytics.ingest.vocabulary.read_label`): codes,
    labels kept as written, or empty for a coded column's unplaced label (remembered in ``rows``)."""
    name = COLUMN_VOCABULARY[(table, column)]
    values, errors, unplaced = map_column(cells(column), name, rows.match.values.get(name))
    rows.fail(errors, column)
    rows.unplace(column, name, unplaced)
    return values


def clocks(seconds: np.ndarray) -> pd.Series:
    """``HH:MM:SS`` text (NaN for NaN) of seconds since midnight."""
    codes, uniques = pd.factorize(pd.Series(seconds), use_na_sentinel=True)
    texts = pd.array([seconds_to_clock(v) for v in uniques], dtype="str")
    return pd.Series(texts.take(codes, allow_fill=True))


def _text(cells: Cells, role: str) -> pd.Series:
    """A role's cells with '' read as missing."""
    values = cells(role)
    return values.where(values != "")


def _person_name(cells: Cells) -> pd.Series:
    """Full name from 'agent_name' or 'first_name' + 'last_name'."""
    name = cells("agent_name")
    if cells.has("first_name") or cells.has("last_name"):
        combined = (cells("first_name") + " " + cells("last_name").where(
            cells("last_name") != "", name)).str.strip()
        return combined.where(combined != "", name)
    return name


def _staged(rows: Rows, redact: Callable[[int], str] | None = None,
            ids: pd.Series | None = None) -> Staged:
    """A batch begun from a table's row bookkeeping: rows read, the rejected rows, the remarks and
    the unplaced labels of the accepted rows (``ids``: the entity of each row, for the summary)."""
    return Staged(rows_read=len(rows.table.frame), rejects=rows.rejects(redact),
                  remarks=rows.remarks(), unplaced=rows.unplaced_labels(ids), notes=list(rows.notes))


def _keep(frame: pd.DataFrame, ok: np.ndarray) -> pd.DataFrame:
    return frame.loc[ok].reset_index(drop=True)


def _dedupe(frame: pd.DataFrame, key: list[str], staged: Staged, table: Table,
            raw: Callable[[int], str] | None = None) -> pd.DataFrame:
    """Keep the first row of each key; later ones become rejects naming the first line."""
    if frame.empty:
        return frame
    if len(key) == 1 and len(pd.unique(frame[key[0]])) == len(frame):
        return frame
    duplicated = frame.duplicated(subset=key, keep="first").to_numpy()
    if not duplicated.any():
        return frame
    first_line = frame.groupby(key, dropna=False)["_line"].transform("min").to_numpy()
    show = raw or table.raw
    for row in np.flatnonzero(duplicated):
        values = listing(_key_value(k, frame.iloc[row][k]) for k in key)
        line = int(frame.iloc[row]["_line"])
        reason = Message("ingest.row.duplicate", line=position(first_line[row]), columns=listing(key),
                         values=values)
        staged.rejects.append(Reject(line, key[0], reason,
                                     show(int(np.searchsorted(table.lines, line)))))
    staged.rows_accepted -= int(duplicated.sum())
    return frame.loc[~duplicated].reset_index(drop=True)


def _key_value(column: str, value: object) -> Param:
    """A key cell for a duplicate's message: a date as a date (written the reader's way), a
    missing cell as None, anything else as text."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return None
    if column in DATE_COLUMNS and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return str(value)


CONTENT_FIELDS: Final[int] = 7
"""Number of content fields hashed into a deterministic id (``sql/data/content_ids.sql``)."""


def _content_ids(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame, prefix: str,
                 source: str, fields: list[str]) -> np.ndarray:
    """Deterministic ids from each row's content: the same row gets the same id in every import
    of the same format; identical rows of one file are told apart by their rank."""
    if frame.empty:
        return np.empty(0, dtype=object)
    content = pd.DataFrame({"_row": np.arange(len(frame))})
    for index in range(CONTENT_FIELDS):
        if index < len(fields):
            content[f"f{index}"] = frame[fields[index]].reset_index(drop=True)
        else:
            content[f"f{index}"] = ""
    with registered(cur, "incoming_content", content):
        ids = cur.execute(read_sql("data/content_ids"), {"source": source, "prefix": prefix})
        result = ids.fetchnumpy()["content_id"]
    return np.asarray(result, dtype=object)


def _fill_ids(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame, column: str, prefix: str,
              source: str, fields: list[str]) -> None:
    """Give the rows without an id in ``column`` their deterministic content id (in place)."""
    missing = frame[column].isna().to_numpy()
    if not missing.any():
        return
    generated = _content_ids(cur, frame.loc[missing], prefix, source, fields)
    values = frame[column].astype(object).to_numpy(copy=True)
    values[missing] = generated
    frame[column] = pd.Series(values, dtype="str", index=frame.index)


def _record_created(staged: Staged, kind: str, created: people.Created) -> None:
    staged.same_as.extend(created.same_as)
    if not created.ids:
        return
    frame = {
        "agents": lambda: pd.DataFrame({"agent_id": created.ids, "agent_name": created.names}),
        "projects": lambda: pd.DataFrame({"project_id": created.ids,
                                          "project_name": created.names}),
        "services": lambda: pd.DataFrame({"service_id": created.ids,
                                          "service_name": [n or i for i, n in zip(
                                              created.ids, created.names, strict=True)]}),
    }[kind]()
    existing = staged.frames.get(kind)
    staged.frames[kind] = frame if existing is None else pd.concat([existing, frame])
    getattr(staged, f"created_{kind}").extend(created.labels())


# --- time entries --------------------------------------------------------------------------------


@dataclass
class Clock:
    """Date and clock columns of time entries or events, parsed."""

    day: pd.Series
    start: np.ndarray
    end: np.ndarray
    start_text: pd.Series
    end_text: pd.Series
    days: np.ndarray
    """Whole days from the start date to the end date (0 when no end date is given)."""


def _no_clock(size: int) -> tuple[np.ndarray, pd.Series]:
    return np.full(size, np.nan), pd.Series(pd.array([None] * size, dtype="str"))


def _clock_pair(cells: Cells, rows: Rows, role: str) -> tuple[np.ndarray, pd.Series]:
    """Seconds and text of a clock role: a time column, a timestamp column, or nothing."""
    if cells.has(role):
        return parse_times(cells, rows, role)
    stamp = role.replace("_time", "_datetime")
    if cells.has(stamp):
        _, seconds = parse_datetimes(cells, rows, stamp)
        return seconds, clocks(seconds)
    return _no_clock(len(rows.table.frame))


def parse_clock(cells: Cells, rows: Rows, date_role: str) -> Clock:
    """The date (from ``date_role`` or the start timestamp), start and end clock of each row."""
    size = len(rows.table.frame)
    days = np.zeros(size)
    if cells.has(date_role):
        day = parse_dates(cells, rows, date_role)
    else:
        day, _ = parse_datetimes(cells, rows, "start_datetime")
    start, start_text = _clock_pair(cells, rows, "start_time")
    end, end_text = _clock_pair(cells, rows, "end_time")
    if cells.has("end_date"):
        days = _day_difference(day, parse_dates(cells, rows, "end_date"))
    elif cells.has("end_datetime") and cells.has("start_datetime"):
        start_day, _ = parse_datetimes(cells, rows, "start_datetime")
        end_day, _ = parse_datetimes(cells, rows, "end_datetime")
        days = _day_difference(start_day, end_day)
    return Clock(day, start, end, start_text, end_text, days)


def _day_difference(first: pd.Series, second: pd.Series) -> np.ndarray:
    """Whole days from ``first`` to ``second`` (ISO texts; NaN when either is missing)."""
    start = pd.to_datetime(pd.Series(first, dtype=object), errors="coerce")
    end = pd.to_datetime(pd.Series(second, dtype=object), errors="coerce")
    return (end - start).dt.days.to_numpy(dtype=float)


DURATION_TOLERANCE_HOURS: Final[float] = 1 / 60
"""A given duration and its clock span agree within a minute (tools round to the minute)."""
UNITS: Final[dict[str, float]] = {"hours": 1.0, "minutes": 60.0, "seconds": 3600.0}
UNIT_KEYS: Final[dict[str, str]] = {"hours": "ingest.unit.hours", "minutes": "ingest.unit.minutes",
                                    "seconds": "ingest.unit.seconds"}
_BARE_NUMBER: Final[re.Pattern[str]] = re.compile(r"^\d+(?:[.,]\d+)?$")


def _clock_span(start: np.ndarray, end: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Hours from the start to the end clock (past midnight when the end is earlier; whole days
    from an end date added); NaN without both clocks."""
    span = end - start
    with np.errstate(invalid="ignore"):
        same_day = np.where(span < 0, span + 86_400, span)
        by_days = span + np.nan_to_num(days) * 86_400
        return np.where(np.isnan(days) | (days == 0), same_day, by_days) / 3600


def _duration_unit(cells: Cells, rows: Rows, role: str, span: np.ndarray) -> str:
    """What a duration column's bare numbers count: hours, unless minutes or seconds agree with the
    rows' clock times (Kimai 1.x writes seconds beside From/To), or, without clocks, unless nearly
    every value is a whole number too large for hours. A unit other than hours is noted."""
    texts = cells(role)
    bare = texts.str.fullmatch(_BARE_NUMBER.pattern).to_numpy(dtype=bool)
    if bare.sum() == 0 or bare.sum() < 0.9 * (texts != "").sum():
        return "hours"
    numbers = pd.to_numeric(texts.where(bare).str.replace(",", ".", regex=False),
                            errors="coerce").to_numpy(dtype=float)
    timed = bare & ~np.isnan(span) & (span > 0)
    if timed.sum() > 0:
        agree = {unit: float(np.mean(np.abs(numbers[timed] / factor - span[timed])
                                     <= DURATION_TOLERANCE_HOURS))
                 for unit, factor in UNITS.items()}
        unit = max(agree, key=lambda u: (agree[u], u == "hours"))
        if unit != "hours" and agree[unit] >= 0.5 and agree[unit] > agree["hours"]:
            rows.notes.append(Message("ingest.import.duration_unit", column=rows.header(role),
                                      unit=Message(UNIT_KEYS[unit]),
                                      reason=Message("ingest.unit.by_clock")))
            return unit
        return "hours"
    values = numbers[bare]
    whole = bool(np.all(values == np.round(values)))
    if whole and np.mean(values > MAX_ENTRY_HOURS) >= 0.9:
        unit = "minutes" if values.max() <= MAX_ENTRY_HOURS * 60 else "seconds"
        rows.notes.append(Message("ingest.import.duration_unit", column=rows.header(role),
                                  unit=Message(UNIT_KEYS[unit]),
                                  reason=Message("ingest.unit.by_size", max=float(values.max()))))
        return unit
    return "hours"


def _clock_text(hours: float) -> str:
    """``2:45`` for 2.75 hours."""
    minutes = round(hours * 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _entry_hours(cells: Cells, rows: Rows, start: np.ndarray, end: np.ndarray,
                 days: np.ndarray) -> np.ndarray:
    """Hours given win (the first duration column present); else end − start, past midnight. Where
    a row gives both, they check each other: the given duration is kept and a disagreement of more
    than a minute is remarked on the row."""
    size = len(rows.table.frame)
    span = _clock_span(start, end, days)
    given = np.full(size, np.nan)
    given_role = None
    for role in ("hours", "hours_decimal", "hours_seconds"):
        if cells.has(role):
            unit = "seconds" if role == "hours_seconds" else _duration_unit(cells, rows, role, span)
            values = parse_hours(cells, rows, role, unit)
            given_role = given_role or role
            given = np.where(np.isnan(given), values, given)
    with np.errstate(invalid="ignore"):
        disagree = np.abs(given - span) > DURATION_TOLERANCE_HOURS
    if given_role and disagree.any():
        reasons = np.full(size, None, dtype=object)
        for row in np.flatnonzero(disagree):
            reasons[row] = Message("ingest.row.duration_disagrees", given=_clock_text(given[row]),
                                   span=_clock_text(span[row]))
        rows.remark_where(disagree, given_role, reasons)
    return np.where(np.isnan(given), span, given)


def build_time_entries(table: Table, match: Match, ctx: Context) -> Staged:
    """Time entries from any time-tracking export or the canonical template."""
    cells, rows = Cells(table, match), Rows(table, match)
    options = match.format.options
    clock = parse_clock(cells, rows, "work_date")
    work_date = clock.day
    hours = _entry_hours(cells, rows, clock.start, clock.end, clock.days)
    date_role = "start_datetime" if cells.has("start_datetime") else "work_date"
    rows.fail_where(pd.isna(work_date), date_role, Message("ingest.row.no_date"))
    hours_role = next((r for r in ("hours", "hours_decimal") if cells.has(r)), "start_time")
    rows.fail_where(np.isnan(hours), hours_role, Message("ingest.row.no_duration"))
    with np.errstate(invalid="ignore"):
        rows.fail_where(hours > MAX_ENTRY_HOURS, hours_role,
                        Message("ingest.row.too_long", max=MAX_ENTRY_HOURS))
        rows.fail_where(hours < 0, hours_role, Message("ingest.row.negative_duration"))
    activity = vocabulary(cells, rows, "time_entries", "activity") if cells.has(
        "activity") else np.full(len(table.frame), None, dtype=object)
    names = _person_name(cells)
    nobody = (cells("agent_id") == "") & (cells("agent_email") == "") & (names == "")
    if not options.get("anonymous_agent"):
        agent_role = next((r for r in ("agent_id", "agent_email", "agent_name", "last_name")
                           if cells.has(r)), "agent_name")
        rows.fail_where(nobody.to_numpy(), agent_role, Message("ingest.row.no_agent"))
    ok = rows.ok
    frame = pd.DataFrame({
        "_line": table.lines, "entry_id": _text(cells, "entry_id"),
        "work_date": work_date, "start_time": clock.start_text, "end_time": clock.end_text,
        "hours": hours, "activity": activity,
        "description": cells("description"),
    })
    staged = _staged(rows)
    frame = _keep(frame, ok)
    named = names if any(cells.has(r) for r in ("agent_name", "first_name", "last_name")) else None
    keys = {name: None if series is None else series[ok].reset_index(drop=True)
            for name, series in (
                ("id", cells.get("agent_id")), ("email", cells.get("agent_email")),
                ("name", named), ("project_id", cells.get("project_id")),
                ("project_name", cells.get("project_name")))}
    agents, created = people.resolve_agents(ctx.cur, keys["id"], keys["email"], keys["name"],
                                            len(frame), bool(options.get("anonymous_agent")))
    _record_created(staged, "agents", created)
    projects, created = people.resolve_projects(ctx.cur, keys["project_id"],
                                                keys["project_name"], len(frame))
    _record_created(staged, "projects", created)
    frame["agent_id"], frame["project_id"] = agents, projects
    staged.rows_accepted = len(frame)
    _fill_ids(ctx.cur, frame, "entry_id", "te-", match.name, [
        "agent_id", "project_id", "work_date", "start_time", "end_time", "description", "hours"])
    frame = _dedupe(frame, ["entry_id"], staged, table)
    staged.frames["time_entries"] = frame[["_line", *TABLES["time_entries"]]]
    staged.distinct.add("time_entries")
    return staged


# --- events --------------------------------------------------------------------------------------


def build_events(table: Table, match: Match, ctx: Context) -> Staged:
    """Events from Decidim meetings (open data) or the canonical events template."""
    cells, rows = Cells(table, match), Rows(table, match)
    options = match.format.options
    size = len(table.frame)
    clock = parse_clock(cells, rows, "event_date")
    event_date = clock.day
    date_role = "event_date" if cells.has("event_date") else "start_datetime"
    rows.fail_where(pd.isna(event_date), date_role, Message("ingest.row.no_date"))
    count = parse_numbers(cells, rows, "attendees_count", whole=True) if cells.has(
        "attendees_count") else np.full(size, np.nan)
    if cells.has("event_kind"):
        kind = vocabulary(cells, rows, "events", "event_kind")
    else:
        kind = np.full(size, options.get("event_kind"), dtype=object)
    prefix = options.get("id_prefix", "")
    given = _text(cells, "event_id")
    if prefix:
        rows.fail_where(pd.isna(given).to_numpy(), "event_id", Message("ingest.row.no_meeting_id"))
        given = prefix + given
    ok = rows.ok
    frame = pd.DataFrame({
        "_line": table.lines, "event_id": given, "event_date": event_date,
        "start_time": clock.start_text, "end_time": clock.end_text, "event_kind": kind,
        "quartier": _text(cells, "quartier"),
        "attendees_count": pd.array(np.where(np.isnan(count), np.nan, count), dtype="Int64"),
        "title": cells("title"),
    })
    staged = _staged(rows)
    frame = _keep(frame, ok)
    ids = _keep(pd.DataFrame({"v": cells("project_id")}), ok)["v"]
    names = _keep(pd.DataFrame({"v": cells("project_name")}), ok)["v"]
    frame["project_id"], created = people.resolve_projects(ctx.cur, ids, names, len(frame))
    _record_created(staged, "projects", created)
    staged.rows_accepted = len(frame)
    _fill_ids(ctx.cur, frame, "event_id", "ev-", match.name, [
        "event_date", "start_time", "event_kind", "quartier", "project_id", "title"])
    frame = _dedupe(frame, ["event_id"], staged, table)
    staged.frames["events"] = frame[["_line", *TABLES["events"]]]
    return staged


# --- attendances ---------------------------------------------------------------------------------


def _registration_event(file_name: str, prefix: str) -> str:
    """The meeting of a Decidim registrations export, from its file name (digits), else the name."""
    stem = Path(file_name).stem
    digits = re.findall(r"\d+", stem)
    return f"{prefix}{digits[-1]}" if digits else f"{prefix}registrations-{people.slug(stem)}"


def build_attendances(table: Table, match: Match, ctx: Context) -> Staged:
    """Attendances (and their participants, pseudonymised) from registrations or the template."""
    cells, rows = Cells(table, match), Rows(table, match)
    options = match.format.options
    size = len(table.frame)
    prefix = options.get("id_prefix", "")
    event = _text(cells, "event_id")
    if prefix:
        event = (prefix + event).fillna(_registration_event(ctx.file_name, prefix))
    rows.fail_where(pd.isna(event).to_numpy(), "event_id", Message("ingest.row.no_event_id"))
    participant = people.participant_ids(
        ctx.secret, cells("participant_id"), cells("participant_email"), cells("participant_name"),
        size)
    identity_role = next((r for r in ("participant_email", "participant_id", "participant_name")
                          if cells.has(r)), "participant_id")
    rows.fail_where(pd.isna(participant), identity_role, Message("ingest.row.no_participant"))
    role = vocabulary(cells, rows, "attendances", "role") if cells.has("role") else np.full(
        size, options.get("role"), dtype=object)
    status = vocabulary(cells, rows, "attendances", "status").mask(
        cells("status") == "", "attended") if cells.has("status") else np.full(
        size, "attended", dtype=object)
    hours = parse_hours(cells, rows, "hours") if cells.has("hours") else np.full(size, np.nan)
    ok = rows.ok
    frame = pd.DataFrame({"_line": table.lines, "event_id": event, "participant_id": participant,
                          "role": role, "status": status, "hours": hours})
    redact = _redactor(table, match, participant)
    staged = _staged(rows, redact)
    frame = _keep(frame, ok)
    staged.rows_accepted = len(frame)
    frame = _dedupe(frame, ["event_id", "participant_id"], staged, table, redact)
    staged.frames["participants"] = pd.DataFrame(
        {"participant_id": frame["participant_id"].drop_duplicates()})
    staged.frames["attendances"] = frame[["_line", *TABLES["attendances"]]]
    return staged


def _redactor(table: Table, match: Match, pseudonyms: np.ndarray) -> Callable[[int], str]:
    """Raw text of a row with residents' names and e-mails replaced by the pseudonym."""
    hidden = {match.columns[r] for r in ("participant_name", "participant_email", "participant_id")
              if r in match.columns}

    def redact(row: int) -> str:
        cells = table.frame.iloc[row].tolist()
        shown = [str(pseudonyms[row] or "[masqué]") if i in hidden else str(v)
                 for i, v in enumerate(cells)]
        return (table.separator or ";").join(shown)

    return redact


# --- volunteer shifts ----------------------------------------------------------------------------


def build_shifts(table: Table, match: Match, ctx: Context) -> Staged:
    """Volunteer shifts: one event per shift (attendees = volunteers who came) and one attendance
    of an anonymous group holding the shift's volunteer hours (volunteers are counted, not named)."""
    cells, rows = Cells(table, match), Rows(table, match)
    options = match.format.options
    event_date = parse_dates(cells, rows, "event_date")
    rows.fail_where(pd.isna(event_date), "event_date", Message("ingest.row.no_date"))
    hours = parse_hours(cells, rows, "hours")
    rows.fail_where(np.isnan(hours), "hours", Message("ingest.row.no_volunteer_hours"))
    count = parse_numbers(cells, rows, "attendees_count", whole=True) if cells.has(
        "attendees_count") else np.full(len(table.frame), np.nan)
    shift = _text(cells, "shift_id")
    rows.fail_where(pd.isna(shift).to_numpy(), "shift_id", Message("ingest.row.no_shift_id"))
    ok = rows.ok
    event_id = options.get("id_prefix", "shift-") + shift
    frame = pd.DataFrame({
        "_line": table.lines, "event_id": event_id, "event_date": event_date,
        "quartier": _text(cells, "quartier"), "event_kind": None,
        "attendees_count": pd.array(np.where(np.isnan(count), np.nan, count), dtype="Int64"),
        "hours": hours,
    })
    staged = _staged(rows)
    frame = _keep(frame, ok)
    names = _keep(pd.DataFrame({"v": cells("project_name")}), ok)["v"]
    frame["project_id"], created = people.resolve_projects(ctx.cur, None, names, len(frame))
    _record_created(staged, "projects", created)
    staged.rows_accepted = len(frame)
    frame = _dedupe(frame, ["event_id"], staged, table)
    frame["start_time"] = frame["end_time"] = None
    staged.frames["events"] = frame[["_line", *TABLES["events"]]]
    staged.frames["participants"] = pd.DataFrame({"participant_id": [people.ANONYMOUS_PARTICIPANT]})
    staged.frames["attendances"] = pd.DataFrame({
        "_line": frame["_line"], "event_id": frame["event_id"],
        "participant_id": people.ANONYMOUS_PARTICIPANT, "role": "volunteer",
        "status": "attended", "hours": frame["hours"],
    })
    return staged


# --- the other canonical templates ---------------------------------------------------------------


def _canonical_column(cells: Cells, rows: Rows, table_name: str, column: str) -> Any:
    """Parse one canonical column by its type (dates, clock, hours, numbers, codes, text)."""
    if column in DATE_COLUMNS:
        return parse_dates(cells, rows, column)
    if column in TIME_COLUMNS:
        return parse_times(cells, rows, column)[1]
    if column in HOURS_COLUMNS:
        return parse_hours(cells, rows, column)
    if column in NUMBER_COLUMNS:
        return parse_numbers(cells, rows, column)
    if column in COUNT_COLUMNS:
        values = parse_numbers(cells, rows, column, whole=True)
        return pd.array(np.where(np.isnan(values), np.nan, values), dtype="Int64")
    if (table_name, column) in COLUMN_VOCABULARY:
        return vocabulary(cells, rows, table_name, column)
    return _text(cells, column)


def _canonical_checks(frame: pd.DataFrame, rows: Rows, table_name: str) -> None:
    """Rules of the data contract beyond types (required cells, ordered dates, bounds)."""
    required = {
        "services": ["service_name"], "contracts": ["valid_from", "weekly_hours"],
        "absences": ["start_date", "absence_kind"], "requests": ["received_on"],
        "population": ["dimension", "category", "population"], "milestones": ["achieved_on"],
    }.get(table_name, [])
    for column in required:
        rows.fail_where(frame[column].isna().to_numpy(), column,
                        Message("ingest.row.required", column=column))
    if table_name == "contracts":
        with np.errstate(invalid="ignore"):
            hours = frame["weekly_hours"].to_numpy(dtype=float)
            rows.fail_where(hours > MAX_WEEKLY_HOURS, "weekly_hours",
                            Message("ingest.row.weekly_too_many", max=MAX_WEEKLY_HOURS))
        rows.fail_where((frame["valid_to"].notna() & (frame["valid_to"] < frame["valid_from"]))
                        .to_numpy(), "valid_to", Message("ingest.row.ends_before_start"))
    if table_name == "population":
        bands = frame["dimension"] == "age_band"
        frame.loc[bands, "category"] = frame.loc[bands, "category"].map(
            lambda text: age_band(text) if isinstance(text, str) else text)
    if table_name == "absences":
        frame["end_date"] = frame["end_date"].where(frame["end_date"].notna(), frame["start_date"])
        rows.fail_where((frame["end_date"] < frame["start_date"]).to_numpy(), "end_date",
                        Message("ingest.row.ends_before_start"))


def build_canonical(table: Table, match: Match, ctx: Context) -> Staged:
    """Rows of one canonical table (services, agents, contracts, absences, projects,
    participants, requests, population, milestones) read column by column."""
    target = match.format.target
    cells, rows = Cells(table, match), Rows(table, match)
    frame = pd.DataFrame({"_line": table.lines})
    for column in TABLES[target]:
        frame[column] = _canonical_column(cells, rows, target, column)
    for roles in NEED_ONE.get(target, ()):
        nothing = np.logical_and.reduce([(cells(role) == "").to_numpy() for role in roles])
        rows.fail_where(nothing, next((r for r in roles if cells.has(r)), roles[0]),
                        Message("ingest.row.need_one", columns=choice(roles)))
    _canonical_checks(frame, rows, target)
    redact = None
    if target == "participants":
        frame["participant_id"] = people.participant_ids(
            ctx.secret, cells("participant_id"), cells("participant_email"),
            cells("participant_name"), len(table.frame))
        rows.fail_where(frame["participant_id"].isna().to_numpy(), "participant_id",
                        Message("ingest.row.no_participant"))
        redact = _redactor(table, match, frame["participant_id"].to_numpy())
    ok = rows.ok
    ids = frame[TABLES[target][0]] if target == "projects" else None
    staged = _staged(rows, redact, ids)
    frame = _keep(frame, ok)
    keep = lambda role: _keep(pd.DataFrame({"v": cells(role)}), ok)["v"]  # noqa: E731
    _resolve_references(frame, target, keep, ctx, staged, match)
    staged.rows_accepted = len(frame)
    key = _primary_key(target)
    if target in ("requests", "milestones"):
        id_column = key[0]
        _fill_ids(ctx.cur, frame, id_column, id_column[:3] + "-", match.name,
                  [c for c in TABLES[target] if c != id_column])
    frame = _dedupe(frame, key, staged, table, redact)
    existing = staged.frames.get(target)
    rows_out = frame[["_line", *TABLES[target]]]
    staged.frames[target] = rows_out if existing is None else pd.concat([existing, rows_out])
    return staged


def _primary_key(table_name: str) -> list[str]:
    return {"contracts": ["agent_id", "valid_from"],
            "absences": ["agent_id", "start_date", "absence_kind"],
            "population": ["dimension", "category"]}.get(table_name, [TABLES[table_name][0]])


def _resolve_references(frame: pd.DataFrame, target: str, keep: Callable[[str], pd.Series],
                        ctx: Context, staged: Staged, match: Match) -> None:
    """Fill ids from names (agents, projects, services), creating unknown ones."""
    if target == "services":
        missing = frame["service_id"].isna()
        frame.loc[missing, "service_id"] = frame.loc[missing, "service_name"].map(people.slug)
    if target == "agents":
        missing = frame["agent_id"].isna()
        emails = keep("agent_email")
        frame.loc[missing, "agent_id"] = [
            (e.lower() if e else people.slug(n or "")) for e, n in
            zip(emails[missing], frame.loc[missing, "agent_name"], strict=True)]
    if target in ("contracts", "absences"):
        frame["agent_id"], created = people.resolve_agents(
            ctx.cur, keep("agent_id"), keep("agent_email"), keep("agent_name"), len(frame))
        _record_created(staged, "agents", created)
    if target == "projects":
        missing = frame["project_id"].isna()
        frame.loc[missing, "project_id"] = frame.loc[missing, "project_name"].map(people.slug)
    if target in ("agents", "projects", "requests") and "service_id" in frame:
        ids = frame["service_id"].fillna("").astype(object)
        names = keep("service_name") if "service_name" in match.columns else ids
        frame["service_id"], created = people.resolve_services(ctx.cur, ids, names, len(frame))
        _record_created(staged, "services", created)
    if target in ("requests", "milestones"):
        frame["project_id"], created = people.resolve_projects(
            ctx.cur, keep("project_id"), keep("project_name"), len(frame))
        _record_created(staged, "projects", created)


BUILDERS: Final[dict[str, Callable[[Table, Match, Context], Staged]]] = {
    "time_entries": build_time_entries,
    "events": build_events,
    "attendances": build_attendances,
    "shifts": build_shifts,
    "canonical": build_canonical,
}


def build(table: Table, match: Match, ctx: Context) -> Staged:
    """Run the builder of the matched format."""
    builder = BUILDERS.get(match.format.builder)
    if builder is None:  # pragma: no cover - registry and builders are defined together
        raise Refusal("ingest.format.no_builder", format=match.format.name)
    return builder(table, match, ctx)
