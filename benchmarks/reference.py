"""Two reference points measured on the same store and period as the pages.

* :data:`BARE_SCAN_SQL` — the floor: one DuckDB scan of the raw time entries of the period (a sum and
  a count). No page can be much faster than reading its data once.
* :func:`pandas_indicators` — what a typical dashboard does: load the raw tables it needs with one
  query each into pandas (the period's time entries, plus the 6 days after it for whole weeks; the
  small tables whole), then filter, merge and group in pandas on every rerun. It computes the same
  definitions as the indicator catalogue for ``hours.total``, ``hours.participation_share``,
  ``capacity.hours``, ``capacity.load_ratio``, ``legal.days_over_10h``, ``legal.weeks_over_48h``,
  ``engagement.participants``, ``engagement.top10_share`` and ``engagement.gini``;
  :func:`agreement` checks its numbers against :func:`analytics.indicators.compute_indicators`, so
  the comparison is between two correct implementations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import duckdb
import holidays
import numpy as np
import pandas as pd

from analytics.schema import LEVELS
from analytics.settings import Thresholds
from analytics.store.db import query_df, query_rows

BARE_SCAN_SQL: Final[str] = (
    "SELECT sum(hours) AS hours, count(*) AS entries FROM time_entries "
    "WHERE work_date BETWEEN $start AND $end"
)
"""The floor: the period's raw time entries read once."""

WEEK_DAYS_AFTER: Final[int] = 6
"""Days loaded after the period so that a week starting on its last day is whole (Monday–Sunday)."""

ATTENDED: Final[str] = "attended"

RAW_QUERIES: Final[dict[str, str]] = {
    "entries": "SELECT agent_id, project_id, work_date, hours FROM time_entries "
               "WHERE work_date BETWEEN $start AND $until",
    "projects": "SELECT project_id, level, service_id FROM projects",
    "agents": "SELECT agent_id, service_id FROM agents",
    "contracts": "SELECT agent_id, valid_from, valid_to, weekly_hours FROM contracts",
    "absences": "SELECT agent_id, start_date, end_date FROM absences",
    "attendances": "SELECT event_id, participant_id, status FROM attendances",
    "events": "SELECT event_id, project_id, event_date FROM events",
}
"""One query per raw table, as a typical dashboard loads them."""

COMPARED_KEYS: Final[tuple[str, ...]] = (
    "hours.total", "hours.participation_share", "capacity.hours", "capacity.load_ratio",
    "legal.days_over_10h", "legal.weeks_over_48h", "engagement.participants",
    "engagement.top10_share", "engagement.gini",
)


def bare_scan(con: duckdb.DuckDBPyConnection, start: date, end: date) -> tuple[float, int]:
    """(hours, entries) of the period, straight from time_entries."""
    hours, entries = query_rows(con, BARE_SCAN_SQL, {"start": start, "end": end})[0]
    return float(hours or 0.0), int(entries)


@dataclass(frozen=True)
class RawTables:
    """The raw tables a typical dashboard loads into pandas."""

    entries: pd.DataFrame
    projects: pd.DataFrame
    agents: pd.DataFrame
    contracts: pd.DataFrame
    absences: pd.DataFrame
    attendances: pd.DataFrame
    events: pd.DataFrame


def load_raw(con: duckdb.DuckDBPyConnection, start: date, end: date) -> RawTables:
    """One query per table (time entries of the period and the 6 days after, the rest whole)."""
    frames = {}
    for name, sql in RAW_QUERIES.items():
        params = {"start": start, "until": end + timedelta(days=WEEK_DAYS_AFTER)} if "$" in sql else None
        frames[name] = query_df(con, sql, params)
    return RawTables(**frames)


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day)


def _working_days(start: date, end: date) -> pd.Series:
    """Monday–Friday days of [start, end] that are not French public holidays."""
    days = pd.Series(pd.date_range(start, end, freq="D"), name="day")
    public = {pd.Timestamp(d) for d in holidays.France(years=range(start.year, end.year + 1))}
    return days[(days.dt.day_of_week < 5) & ~days.isin(public)]


def _absent_days(absences: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """(agent_id, day) of every absence day inside [start, end]."""
    first = absences["start_date"].clip(lower=_ts(start))
    last = absences["end_date"].clip(upper=_ts(end))
    keep = first <= last
    first, last, agents = first[keep], last[keep], absences["agent_id"][keep]
    lengths = ((last - first).dt.days + 1).to_numpy()
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return pd.DataFrame({
        "agent_id": np.repeat(agents.to_numpy(), lengths),
        "day": np.repeat(first.to_numpy(), lengths) + pd.to_timedelta(offsets, unit="D"),
    }).drop_duplicates()


def _capacity_hours(raw: RawTables, agents: pd.Series, start: date, end: date) -> float:
    """Sum of weekly_hours / 5 over agents' working days not inside an absence (latest contract)."""
    contracts = raw.contracts[raw.contracts["agent_id"].isin(agents)]
    days = _working_days(start, end).to_frame()
    grid = contracts.merge(days, how="cross")
    grid = grid[(grid["day"] >= grid["valid_from"])
                & (grid["valid_to"].isna() | (grid["day"] <= grid["valid_to"]))]
    grid = grid.sort_values("valid_from").drop_duplicates(["agent_id", "day"], keep="last")
    absent = _absent_days(raw.absences[raw.absences["agent_id"].isin(agents)], start, end)
    grid = grid.merge(absent, on=["agent_id", "day"], how="left", indicator=True)
    grid = grid[(grid["_merge"] == "left_only") & (grid["weekly_hours"] > 0)]
    return float((grid["weekly_hours"] / 5.0).sum())


def pandas_indicators(
    raw: RawTables, start: date, end: date, thresholds: Thresholds, service: str | None = None
) -> dict[str, float | int | None]:
    """The :data:`COMPARED_KEYS` indicators computed in pandas from the raw tables (see module)."""
    agents = raw.agents["agent_id"] if service is None else \
        raw.agents.loc[raw.agents["service_id"] == service, "agent_id"]
    entries = raw.entries[raw.entries["agent_id"].isin(agents)] if service else raw.entries
    first, last = _ts(start), _ts(end)
    period = entries[(entries["work_date"] >= first) & (entries["work_date"] <= last)]
    total = float(period["hours"].sum())
    with_level = period.merge(raw.projects[["project_id", "level"]], on="project_id", how="left")
    participation = float(with_level.loc[with_level["level"].isin(LEVELS), "hours"].sum())
    capacity = _capacity_hours(raw, agents, start, end)

    daily = period.groupby(["agent_id", "work_date"])["hours"].sum()
    week_start = entries["work_date"] - pd.to_timedelta(entries["work_date"].dt.day_of_week, unit="D")
    weeks = entries.assign(week_start=week_start)
    weeks = weeks[(weeks["week_start"] >= first) & (weeks["week_start"] <= last)]
    weekly = weeks.groupby(["agent_id", "week_start"])["hours"].sum()

    events = raw.events
    if service is not None:
        own = raw.projects.loc[raw.projects["service_id"] == service, "project_id"]
        events = events[events["project_id"].isin(own)]
    attended = raw.attendances[raw.attendances["status"] == ATTENDED].merge(events, on="event_id")
    attended = attended[(attended["event_date"] >= first) & (attended["event_date"] <= last)]
    counts = np.sort(attended.groupby("participant_id").size().to_numpy())
    n, attendances = len(counts), float(counts.sum())
    top = float(counts[::-1][: math.ceil(n / 10)].sum()) if n else 0.0
    weighted = float((np.arange(1, n + 1) * counts).sum())
    return {
        "hours.total": total,
        "hours.participation_share": participation / total if total else None,
        "capacity.hours": capacity,
        "capacity.load_ratio": total / capacity if capacity else None,
        "legal.days_over_10h": int((daily > thresholds.max_daily_hours).sum()),
        "legal.weeks_over_48h": int((weekly > thresholds.max_weekly_hours).sum()),
        "engagement.participants": n,
        "engagement.top10_share": top / attendances if attendances else None,
        "engagement.gini": (2 * weighted - (n + 1) * attendances) / (n * attendances)
        if attendances else None,
    }


def agreement(
    pandas_values: dict[str, float | int | None], catalogue: dict[str, float | int | None]
) -> list[str]:
    """The keys on which the pandas reference and the catalogue disagree (empty: they agree)."""
    differ = []
    for key in COMPARED_KEYS:
        mine, theirs = pandas_values.get(key), catalogue.get(key)
        if mine is None or theirs is None:
            if mine is not theirs:
                differ.append(key)
        elif not math.isclose(float(mine), float(theirs), rel_tol=1e-9, abs_tol=1e-9):
            differ.append(f"{key} ({mine} vs {theirs})")
    return differ
