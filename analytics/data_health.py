"""Data health and import bookkeeping for the Data page (and scripts): no Streamlit here.

:func:`data_health` says, for each agent and ISO week, whether time was recorded at all, so that a
week without timesheets is not read as free capacity (see ``sql/data/health.sql`` for the rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.store.db import query_df, read_sql

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


def data_health(con: duckdb.DuckDBPyConnection, start: date, end: date) -> pd.DataFrame:
    """One row per (agent, ISO week overlapping [start, end]): agent_id, agent_name, service_id,
    week_start, hours, entries, status (one of :data:`STATUSES`)."""
    return query_df(con, read_sql("data/health"), {"start": start, "end": end})


def summarise(health: pd.DataFrame) -> HealthSummary:
    """Counts over a :func:`data_health` table."""
    expected = health[health["status"].isin(["recorded", "missing"])]
    missing = health[health["status"] == "missing"]
    return HealthSummary(len(expected), len(missing), int(missing["agent_id"].nunique()))


def health_grid(health: pd.DataFrame, only_gaps: bool = True) -> pd.DataFrame:
    """Agents × weeks of status symbols (agents with a missing week first when ``only_gaps``
    keeps only those)."""
    if health.empty:
        return pd.DataFrame()
    frame = health.assign(
        week=pd.to_datetime(health["week_start"]).dt.strftime("%G-S%V"),
        symbol=health["status"].map(SYMBOLS),
        agent=health["agent_name"].astype(str),
    )
    grid = frame.pivot_table(index="agent", columns="week", values="symbol", aggfunc="first")
    gaps = frame[frame["status"] == "missing"].groupby("agent").size()
    grid.insert(0, "gaps", gaps.reindex(grid.index).fillna(0).astype(int))
    grid = grid.sort_values(["gaps"], ascending=False, kind="stable")
    return grid[grid["gaps"] > 0] if only_gaps else grid


def import_history(con: duckdb.DuckDBPyConnection, limit: int = 100) -> pd.DataFrame:
    """The most recent imports (file, format, status, counts, message), newest first."""
    return query_df(con, read_sql("data/history"), {"limit": limit})


def import_rejects(con: duckdb.DuckDBPyConnection, import_id: int) -> pd.DataFrame:
    """The rejected rows kept for one import (line, column_name, reason, raw)."""
    return query_df(con, read_sql("data/rejects"), {"import_id": import_id})
