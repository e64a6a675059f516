"""The period and filters of every engagement computation, and the time windows derived from them.

"Active" (DESIGN.md) means at least one attendance with status ``attended`` at an event dated in the
window. The service and level filters keep the events of projects of that service / level (the
same selection as the indicator catalogue: ``participant_activity.service_id`` and ``.level``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

import duckdb
import pandas as pd

from analytics.scope import Scope as Scope  # re-exported: the one scope type (analytics/scope.py)
from analytics.store.db import query_df, query_rows, read_sql
from analytics.store.derived import named_params

DAYS_PER_MONTH: Final[float] = 365.25 / 12
"""Mean length of a month in days, used to express engagement durations in months."""
LAPSE_MONTHS: Final[int] = 12
"""A participant has *lapsed* (dropped out) after this many months without any attended event:
lapsed participants were active in the 12 months before the last 12 months and not in the last 12;
the survival curve counts a drop-out when the last event is more than 12 months before the end."""


def months_before(day: date, months: int) -> date:
    """The first day of the ``months``-month window ending on ``day`` (inclusive).

    ``months_before(date(2026, 11, 30), 12)`` is 1 Dec 2025: the window [1 Dec 2025, 30 Nov 2026]
    is exactly twelve months long. Month ends are clamped (31 March − 1 month → 28/29 Feb + 1 day).
    """
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate) + timedelta(days=1)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Window:
    """An inclusive date window [start, end]."""

    start: date
    end: date


def trailing_windows(end: date, months: int) -> tuple[Window, Window]:
    """The last ``months`` months ending on ``end`` and the ``months`` months just before them.

    Used for lapsed participants: active in the earlier window, not in the later one.
    """
    recent_start = months_before(end, months)
    earlier_end = recent_start - timedelta(days=1)
    return Window(months_before(earlier_end, months), earlier_end), Window(recent_start, end)


def preceding_window(start: date, end: date) -> Window:
    """The window of the same number of days as [start, end], ending the day before ``start``."""
    length = (end - start).days + 1
    return Window(start - timedelta(days=length), start - timedelta(days=1))


HISTORY_MONTHS: Final[int] = 12
"""A period starting less than this many months after the data start has too little history for its
newcomers (anyone may look new) to be read as such."""


def data_start(con: duckdb.DuckDBPyConnection) -> date | None:
    """The first day of participation data (the earliest attended event in the store, every filter
    aside; ``sql/engagement/data_start.sql``), None without attendance."""
    first = run_query_row(con, read_sql("engagement/data_start"), {})[0]
    return first if first is None else pd.Timestamp(first).date()


def starts_with_the_data(start: date, first_day: date | None, months: int = HISTORY_MONTHS) -> bool:
    """Whether a period starting on ``start`` has less than ``months`` months of data before it
    (its newcomer share is then inflated by people who came before the data start)."""
    return first_day is not None and months_before(start - timedelta(days=1), months) < first_day


def run_query(
    con: duckdb.DuckDBPyConnection, sql: str, values: Mapping[str, Any]
) -> pd.DataFrame:
    """Run ``sql`` (``read_sql("engagement/<name>")``, named by its path at the call so that
    grepping the path finds its reader) with the values of ``values`` it names (all bound)."""
    return query_df(con, sql, named_params(sql, values))


def run_query_row(
    con: duckdb.DuckDBPyConnection, sql: str, values: Mapping[str, Any]
) -> tuple[Any, ...]:
    """The single row of a one-row engagement query (see :func:`run_query`)."""
    return query_rows(con, sql, named_params(sql, values))[0]
