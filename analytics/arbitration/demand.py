"""The demand participation generates: requests received, backlog, time to close, and the "echo".

For a period [start, end] (inclusive) and optionally one team:

* requests **received** per month, and how many were **born from projects** (linked by project_id);
* the **backlog** at each month end: received by then and not closed by then;
* **time to close** (days from received_on to closed_on) of the requests closed in the period:
  median (P50) and 80th percentile (P80);
* each of these overall and by channel, quartier and team (small services merged, see :mod:`.teams`);
* the **echo** of each started participatory project (active or done, started by ``end``): the
  requests linked to it, received up to ``end`` — over the project's whole life, not only the period
  — and, per level, how many requests a project typically brings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.schema import LEVELS
from analytics.scope import Scope
from analytics.store.db import query_df, read_sql
from analytics.store.derived import named_params

ECHO_STATUSES: Final[tuple[str, ...]] = ("active", "done")
"""Projects whose echo is counted: started ones."""
DIMENSIONS: Final[tuple[str, ...]] = ("channel", "quartier", "team")
"""Breakdowns of the demand."""


@dataclass(frozen=True)
class Demand:
    """The demand frames of one period (see the SQL files for their columns)."""

    start: date
    end: date
    monthly: pd.DataFrame
    close_time: pd.DataFrame
    echo: pd.DataFrame


def load_demand(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    mapping: pd.DataFrame,
    team: str | None = None,
) -> Demand:
    """Run the three demand queries. ``mapping`` is :func:`.teams.team_map`'s frame (service_id →
    team_id); ``team`` keeps one team; the scope's level narrows the echo to projects of that level."""
    start, end, level = scope.start, scope.end, scope.level
    values = {
        "start": start, "end": end, "team": team, "level": level,
        "map_services": [str(s) for s in mapping["service_id"]],
        "map_teams": [None if pd.isna(t) else str(t) for t in mapping["team_id"]],
        "levels": list(LEVELS), "statuses": list(ECHO_STATUSES),
    }

    def run(sql: str) -> pd.DataFrame:
        return query_df(con, sql, named_params(sql, values))

    return Demand(start, end, run(read_sql("arbitration/requests_monthly")),
                  run(read_sql("arbitration/requests_close_time")),
                  run(read_sql("arbitration/requests_echo")))


def period_months(start: date, end: date) -> list[date]:
    """First days of the months overlapping [start, end]."""
    months = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="M")
    return [period.to_timestamp().date() for period in months]


def monthly_totals(demand: Demand) -> pd.DataFrame:
    """One row per month of the period: month_start, received, born_from_projects,
    open_at_month_end, born_share (born_from_projects / received; None without requests)."""
    months = pd.DataFrame({"month_start": period_months(demand.start, demand.end)})
    overall = demand.monthly[demand.monthly["dimension"] == "all"].copy()
    overall["month_start"] = pd.to_datetime(overall["month_start"]).dt.date
    table = months.merge(
        overall[["month_start", "received", "born_from_projects", "open_at_month_end"]],
        on="month_start", how="left",
    )
    counts = ["received", "born_from_projects", "open_at_month_end"]
    table[counts] = table[counts].fillna(0).astype(int)
    table["born_share"] = (table["born_from_projects"] / table["received"]).where(
        table["received"] > 0
    )
    return table


def monthly_by(demand: Demand, dimension: str, measure: str = "received") -> pd.DataFrame:
    """``measure`` (received, born_from_projects or open_at_month_end) per month and category of
    ``dimension`` (channel, quartier, team), long: month_start, category, value; every month of
    the period appears for every category (0 when none)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {DIMENSIONS}")
    rows = demand.monthly[demand.monthly["dimension"] == dimension].copy()
    rows["month_start"] = pd.to_datetime(rows["month_start"]).dt.date
    rows["category"] = rows["category"].astype("object")
    categories = sorted({c for c in rows["category"] if c is not None and not pd.isna(c)})
    if rows["category"].isna().any():
        categories.append(None)
    grid = pd.MultiIndex.from_product(
        [period_months(demand.start, demand.end), categories], names=["month_start", "category"]
    ).to_frame(index=False)
    rows["category"] = rows["category"].where(rows["category"].notna(), None)
    table = grid.merge(rows[["month_start", "category", measure]], how="left",
                       on=["month_start", "category"])
    return table.rename(columns={measure: "value"}).fillna({"value": 0}).astype({"value": int})


def close_time_by(demand: Demand, dimension: str) -> pd.DataFrame:
    """Time to close by category of ``dimension`` ('all' for the overall row): category, closed,
    days_p50, days_p80, most closed first."""
    rows = demand.close_time[demand.close_time["dimension"] == dimension]
    return rows[["category", "closed", "days_p50", "days_p80"]].reset_index(drop=True)


def echo_by_level(echo: pd.DataFrame) -> pd.DataFrame:
    """Per level: projects (started), with_requests (projects with at least one request born),
    requests_born, per_project (requests_born / projects), median_per_project, open_born."""
    grouped = echo.groupby("level")
    table = pd.DataFrame({
        "projects": grouped.size(),
        "with_requests": grouped["requests_born"].apply(lambda s: int((s > 0).sum())),
        "requests_born": grouped["requests_born"].sum(),
        "median_per_project": grouped["requests_born"].median(),
        "open_born": grouped["open_born"].sum(),
    }).reset_index()
    table["per_project"] = table["requests_born"] / table["projects"]
    order = {level: rank for rank, level in enumerate(LEVELS)}
    return table.sort_values("level", key=lambda s: s.map(order)).reset_index(drop=True)


@dataclass(frozen=True)
class Headline:
    """The demand's headline numbers for the period: requests ``received``, the share of them
    ``born_share`` born from a project (None without requests), ``open_at_end`` (backlog on the
    period's last day) and the time to close of requests closed in the period, ``days_p50`` and
    ``days_p80`` (None when none was closed)."""

    received: int
    born_share: float | None
    open_at_end: int
    days_p50: float | None
    days_p80: float | None


def headline(demand: Demand, totals: pd.DataFrame | None = None) -> Headline:
    """The headline numbers of :class:`Headline` (``totals``: :func:`monthly_totals` of
    ``demand`` when already made)."""
    totals = monthly_totals(demand) if totals is None else totals
    received = int(totals["received"].sum())
    overall = close_time_by(demand, "all")
    closed = overall.iloc[0] if len(overall) else None
    return Headline(
        received=received,
        born_share=float(totals["born_from_projects"].sum()) / received if received else None,
        open_at_end=int(totals["open_at_month_end"].iloc[-1]) if len(totals) else 0,
        days_p50=None if closed is None else float(closed["days_p50"]),
        days_p80=None if closed is None else float(closed["days_p80"]),
    )


@dataclass(frozen=True)
class DemandView:
    """What the page draws of one period's demand: the ``demand`` frames, ``totals``
    (:func:`monthly_totals`), the ``headline`` numbers and ``echo_levels`` (:func:`echo_by_level`)."""

    demand: Demand
    totals: pd.DataFrame
    headline: Headline
    echo_levels: pd.DataFrame


def demand_view(demand: Demand) -> DemandView:
    """The :class:`DemandView` of ``demand``."""
    totals = monthly_totals(demand)
    return DemandView(demand=demand, totals=totals, headline=headline(demand, totals),
                      echo_levels=echo_by_level(demand.echo))


@dataclass(frozen=True)
class DemandBreakdown:
    """The demand by one ``dimension``: requests received per month and category (``monthly``,
    :func:`monthly_by`) and time to close per category (``close_time``, :func:`close_time_by`)."""

    dimension: str
    monthly: pd.DataFrame
    close_time: pd.DataFrame


def demand_breakdown(demand: Demand, dimension: str) -> DemandBreakdown:
    """The :class:`DemandBreakdown` of ``demand`` by ``dimension`` (channel, quartier, team)."""
    return DemandBreakdown(dimension=dimension, monthly=monthly_by(demand, dimension),
                           close_time=close_time_by(demand, dimension))
