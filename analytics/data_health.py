"""Data health and import bookkeeping for the Data page (and scripts): no Streamlit here.

:func:`data_health` says, for each agent and ISO week, whether time was recorded at all, so that a
week without timesheets is not read as free capacity — with the load tab's definition of a missing
week (capacity in the week's days inside the period, nothing recorded there; see
``sql/data/health.sql``); it is aggregated in DuckDB to what the Data page draws (the summary and
the agent × week grid).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import duckdb
import pandas as pd

from analytics.audit import DISPLAY_TIMEZONE
from analytics.i18n import Translator, iso_week
from analytics.scope import Scope
from analytics.store.db import query_df, query_rows, read_sql

STATUSES: Final[tuple[str, ...]] = ("recorded", "missing", "absent", "not_expected")
"""Status of an agent-week, from 'time recorded' to 'nothing expected'."""
SYMBOLS: Final[dict[str, str]] = {
    "recorded": "✔", "missing": "✖", "absent": "○", "not_expected": "·",
}
"""One character per status for the agent × week grid."""


@dataclass(frozen=True)
class HealthSummary:
    """How many agent-weeks expected time, and how many of those have none."""

    expected: int
    missing: int
    agents_with_gaps: int

    @property
    def missing_share(self) -> float | None:
        """Share of expected agent-weeks without any recorded time (None when none expected)."""
        return self.missing / self.expected if self.expected else None


FRENCH: Final[Translator] = Translator("fr")


def week_labels(start: date, end: date, t: Translator = FRENCH) -> list[str]:
    """The ISO weeks overlapping [start, end] as the grid's column labels in ``t``'s language
    (« 2026-S05 », « 2026-W05 »), in order."""
    first = start - timedelta(days=start.weekday())
    weeks = (end - first).days // 7 + 1 if end >= first else 0
    return [iso_week(t, first + timedelta(days=7 * week)) for week in range(weeks)]


def data_health(
    con: duckdb.DuckDBPyConnection, scope: Scope, only_gaps: bool = True,
    t: Translator = FRENCH,
) -> tuple[HealthSummary, pd.DataFrame]:
    """Data health of the ISO weeks overlapping [start, end] (see ``sql/data/health.sql`` for the
    statuses): the :class:`HealthSummary` over every agent-week, and the agent × week grid of
    status symbols (:data:`SYMBOLS`), one row per agent name (index ``agent``), a first column
    ``gaps`` (missing weeks), agents with most gaps first, then by name. ``only_gaps`` keeps the
    agents with a missing week; the grid is empty when no row is kept. Weeks are labelled in
    ``t``'s language (:func:`week_labels`)."""
    start, end = scope.start, scope.end
    rows = query_rows(con, read_sql("data/health"), {
        "start": start, "end": end, "only_gaps": only_gaps, "service": None, "level": None,
        "symbols": [SYMBOLS[status] for status in STATUSES],
    })
    expected, missing, agents_with_gaps = rows[0][:3] if rows else (0, 0, 0)
    summary = HealthSummary(int(expected), int(missing), int(agents_with_gaps))
    shown = [row for row in rows if row[3] is not None]
    if not shown:
        return summary, pd.DataFrame()
    weeks = week_labels(start, end, t)
    grid = pd.DataFrame([list(row[5]) for row in shown],
                        index=pd.Index([row[3] for row in shown], name="agent"),
                        columns=pd.Index(weeks, name="week"))
    grid.insert(0, "gaps", pd.array([row[4] for row in shown], dtype="int64"))
    return summary, grid


def import_history(con: duckdb.DuckDBPyConnection, limit: int = 100) -> pd.DataFrame:
    """The most recent imports (file, format, status, counts, message), newest first; the moment
    of each import (``imported_at``) in the town's time, as the access log shows it."""
    return query_df(con, read_sql("data/history"), {"limit": limit, "tz": DISPLAY_TIMEZONE})

