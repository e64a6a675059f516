"""Load: hours against capacity per agent and per service, week by week, in four bands.

The load ratio of a week is hours / capacity (1.0 = exactly the contracted hours of that week, after
public holidays and absences). Weeks at the edges of the period count only their days inside it, so
that the heatmap adds up to the catalogue's ``hours.total`` and ``capacity.hours``.

A week in which an agent recorded no time at all is **missing** (no timesheet), never a week of zero
load: gaps in timesheets must not look like free capacity. For the same reason a service's ratio
divides its hours by the capacity of the agents who did record time that week.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import duckdb
import numpy as np
import pandas as pd

from analytics.settings import Thresholds
from analytics.store.db import query_df, read_sql

BANDS: Final[tuple[str, ...]] = ("under", "near", "full", "over")
"""Load bands, from the lightest: under the first limit (85 %), up to 100 %, up to 110 %, above."""
MISSING_BAND: Final[str] = "missing"
"""Band of a week with capacity but no recorded time at all (no timesheet)."""


def load_band(
    hours: pd.Series, capacity: pd.Series, recorded: pd.Series, limits: tuple[float, float, float]
) -> pd.Series:
    """The band of each week: ``missing`` when nothing was recorded, else by hours / capacity.

    With ``limits = (0.85, 1.00, 1.10)``: ratio < 0.85 → ``under``; ≤ 1.00 → ``near``; ≤ 1.10 →
    ``full``; above 1.10 → ``over`` (110 % is not yet overload: the catalogue says "exceed").
    Hours worked in a week without capacity (leave, holiday week) are ``over``.
    """
    ratio = hours / capacity.where(capacity > 0)
    low, middle, high = limits
    band = np.select(
        [
            recorded <= 0,
            (capacity <= 0) & (hours > 0),
            (capacity <= 0) | (ratio < low),
            ratio <= middle,
            ratio <= high,
        ],
        [MISSING_BAND, "over", "under", "near", "full"],
        default="over",
    )
    return pd.Series(band, index=hours.index, dtype="object")


def classify_agent_weeks(weeks: pd.DataFrame, thresholds: Thresholds) -> pd.DataFrame:
    """A copy of agent-week rows with ``load_ratio`` and ``band`` added.

    ``weeks`` has at least hours, recorded_hours and capacity_hours. ``load_ratio`` = hours /
    capacity_hours, NaN when nothing was recorded (missing week) or when the capacity is 0.
    """
    out = weeks.copy()
    recorded = out["recorded_hours"] > 0
    capacity = out["capacity_hours"].where(out["capacity_hours"] > 0)
    out["load_ratio"] = (out["hours"] / capacity).where(recorded)
    out["band"] = load_band(
        out["hours"], out["capacity_hours"], out["recorded_hours"], thresholds.load_bands
    )
    return out


def service_weeks(agent_weeks: pd.DataFrame, thresholds: Thresholds) -> pd.DataFrame:
    """Load per service and week from classified agent-weeks.

    Columns: service_id, service_name, week_start, hours, capacity_hours (every agent present),
    recorded_capacity_hours (capacity of the agents who recorded time that week), agents,
    agents_missing (agents with capacity and no recorded time), load_ratio = hours /
    recorded_capacity_hours (NaN when no agent recorded anything), band.
    """
    frame = agent_weeks.assign(
        recorded_capacity_hours=agent_weeks["capacity_hours"].where(
            agent_weeks["recorded_hours"] > 0, 0.0
        ),
        is_missing=(agent_weeks["recorded_hours"] <= 0).astype(int),
    )
    grouped = (
        frame.groupby(["service_id", "week_start"], dropna=False, sort=True)
        .agg(
            hours=("hours", "sum"),
            recorded_hours=("recorded_hours", "sum"),
            capacity_hours=("capacity_hours", "sum"),
            recorded_capacity_hours=("recorded_capacity_hours", "sum"),
            agents=("hours", "size"),  # one row per agent and week
            agents_missing=("is_missing", "sum"),
        )
        .reset_index()
    )
    names = agent_weeks.drop_duplicates("service_id").set_index("service_id")["service_name"]
    grouped.insert(1, "service_name", grouped["service_id"].map(names))
    grouped = grouped.sort_values(["service_name", "week_start"], ignore_index=True)
    recorded = grouped["recorded_hours"] > 0
    capacity = grouped["recorded_capacity_hours"].where(grouped["recorded_capacity_hours"] > 0)
    grouped["load_ratio"] = (grouped["hours"] / capacity).where(recorded)
    grouped["band"] = load_band(
        grouped["hours"], grouped["recorded_capacity_hours"], grouped["recorded_hours"],
        thresholds.load_bands,
    )
    return grouped.drop(columns="recorded_hours")


def agent_weeks(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    service: str | None = None,
    level: str | None = None,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Agent × week load for the period and filters (see ``sql/capacity/agent_week_load.sql``).

    Columns: agent_id, agent_name, service_id, service_name, week_start, days_in_period,
    recorded_hours, hours, capacity_hours, load_ratio, band. Only agents present (with capacity) or
    with recorded time appear, only in the weeks they are.
    """
    frame = query_df(
        con,
        read_sql("capacity/agent_week_load"),
        {"start": start, "end": end, "service": service, "level": level},
    )
    return classify_agent_weeks(frame, thresholds or Thresholds())


def load_over_period(agent_weeks: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Load over the whole period per ``keys`` (e.g. ['agent_id', 'agent_name'] or
    ['service_id', 'service_name']): hours ÷ capacity of the weeks with recorded time (missing weeks
    left out of both), highest first. Columns: keys, hours, recorded_capacity_hours, load_ratio."""
    recorded = agent_weeks["recorded_hours"] > 0
    frame = agent_weeks.assign(
        recorded_capacity_hours=agent_weeks["capacity_hours"].where(recorded, 0.0),
    )
    grouped = frame.groupby(keys, dropna=False, as_index=False)[
        ["hours", "recorded_capacity_hours"]
    ].sum()
    grouped["load_ratio"] = grouped["hours"] / grouped["recorded_capacity_hours"].where(
        grouped["recorded_capacity_hours"] > 0
    )
    return grouped.sort_values("load_ratio", ascending=False, na_position="last",
                               ignore_index=True)


HEATMAP_MAX_AGENTS: Final[int] = 80
"""Above this many agents, the agent heatmap shows only the most loaded ones (a city has thousands;
the downloadable table keeps everyone)."""


def most_loaded_agents(agent_weeks: pd.DataFrame, limit: int = HEATMAP_MAX_AGENTS) -> pd.DataFrame:
    """The rows of the ``limit`` agents with the highest load over the period (see
    :func:`load_over_period`), in their original order; all rows when there are fewer agents."""
    if agent_weeks["agent_id"].nunique() <= limit:
        return agent_weeks
    top = load_over_period(agent_weeks, ["agent_id"]).head(limit)["agent_id"]
    return agent_weeks[agent_weeks["agent_id"].isin(top)]
