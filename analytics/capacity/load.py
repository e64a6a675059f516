"""Load: hours against capacity per agent and per service, week by week, in four bands.

The load ratio of a week is hours / capacity (1.0 = exactly the contracted hours of that week, after
public holidays and absences). Weeks at the edges of the period count only their days inside it, so
that the heatmap adds up to the catalogue's ``hours.total`` and ``capacity.hours``.

A week in which an agent recorded no time at all is **missing** (no timesheet), never a week of zero
load: gaps in timesheets must not look like free capacity. For the same reason a service's ratio
divides its hours by the capacity of the agents who did record time that week.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.scope import Scope
from analytics.settings import Thresholds
from analytics.store.db import query_arrays, query_df, read_sql

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
    return pd.Series(
        _bands(hours.to_numpy(float), capacity.to_numpy(float), recorded.to_numpy(float), limits),
        index=hours.index, dtype="object",
    )


_BAND_LABELS: Final[np.ndarray] = np.array([MISSING_BAND, "over", "under", "near", "full"],
                                           dtype=object)


def _bands(
    hours: np.ndarray, capacity: np.ndarray, recorded: np.ndarray, limits: tuple[float, float, float]
) -> np.ndarray:
    """:func:`load_band` on plain arrays (the loaders' hot path: no Series built per condition)."""
    low, middle, high = limits
    no_capacity = capacity <= 0
    ratio = load_ratio(hours, capacity)
    codes = np.select(
        [
            recorded <= 0,
            no_capacity & (hours > 0),
            no_capacity | (ratio < low),
            ratio <= middle,
            ratio <= high,
        ],
        [0, 1, 2, 3, 4],
        default=1,
    )
    return _BAND_LABELS[codes]


def load_ratio(hours: npt.ArrayLike, capacity: npt.ArrayLike) -> np.ndarray:
    """The load ratio of the pages' rows (the one Python home of the formula; the catalogue's
    ``capacity.load_ratio`` is the same over the period): hours / capacity (1.0 = exactly at
    capacity), NaN where the capacity is not positive."""
    hours, capacity = np.asarray(hours, dtype=float), np.asarray(capacity, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(capacity > 0, hours / capacity, np.nan)


def _most_loaded_first(totals: Mapping[str, np.ndarray], keys: list[str]) -> pd.DataFrame:
    """The rows of ``totals`` (columns as arrays: ``keys``, hours and recorded_capacity_hours) with
    their load_ratio, highest first, ties in the order of ``keys``, missing ratios and keys last."""
    ratio = load_ratio(totals["hours"], totals["recorded_capacity_hours"])
    # np.lexsort sorts by its last key first, stably: the ratio (highest first, NaN last), then keys
    order = np.lexsort([*(_ascending_codes(totals[key]) for key in reversed(keys)),
                        np.where(np.isnan(ratio), np.inf, -ratio)])
    return pd.DataFrame({**{name: values[order] for name, values in totals.items()},
                         "load_ratio": ratio[order]})


def _ascending_codes(values: np.ndarray) -> np.ndarray:
    """Integers in the ascending order of ``values``, missing values last (for np.lexsort)."""
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes)


def _classified(
    hours: np.ndarray, capacity: np.ndarray, recorded: np.ndarray, thresholds: Thresholds
) -> dict[str, np.ndarray | pd.Series]:
    """``load_ratio`` (hours / capacity; NaN without recorded time or capacity) and ``band`` (object
    labels) of rows with these hours, capacity and recorded hours (all levels)."""
    ratio = np.where(recorded > 0, load_ratio(hours, capacity), np.nan)
    band = _bands(hours, capacity, recorded, thresholds.load_bands)
    return {"load_ratio": ratio, "band": pd.Series(band, dtype="object", copy=False)}


def classify_agent_weeks(weeks: pd.DataFrame, thresholds: Thresholds) -> pd.DataFrame:
    """A copy of agent-week rows with ``load_ratio`` and ``band`` added.

    ``weeks`` has at least hours, recorded_hours and capacity_hours. ``load_ratio`` = hours /
    capacity_hours, NaN when nothing was recorded (missing week) or when the capacity is 0.
    """
    found = _classified(weeks["hours"].to_numpy(float), weeks["capacity_hours"].to_numpy(float),
                        weeks["recorded_hours"].to_numpy(float), thresholds)
    return weeks.assign(load_ratio=found["load_ratio"], band=found["band"].set_axis(weeks.index))


def agent_weeks(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Agent × week load for the period and filters (see ``sql/capacity/agent_week_load.sql``).

    Columns: agent_id, agent_name, service_id, service_name, week_start, days_in_period,
    recorded_hours, hours, capacity_hours, load_ratio, band. Only agents present (with capacity) or
    with recorded time appear, only in the weeks they are.
    """
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    frame = query_df(
        con,
        read_sql("capacity/agent_week_load"),
        {"start": start, "end": end, "service": service, "level": level},
    )
    return classify_agent_weeks(frame, thresholds or Thresholds())


def period_load(weeks: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Load over the whole period per ``keys`` from rows carrying hours and recorded_capacity_hours
    (capacity of the weeks with recorded time): their sums and load_ratio = hours ÷
    recorded_capacity_hours (NaN when 0), highest first (ties in the order of ``keys``, missing
    keys last)."""
    grouped = (
        weeks.groupby(keys, dropna=False, sort=False)[["hours", "recorded_capacity_hours"]]
        .sum()
        .reset_index()
    )
    return _most_loaded_first({name: grouped[name].to_numpy() for name in grouped.columns}, keys)


def load_over_period(agent_weeks: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Load over the whole period per ``keys`` (e.g. ['agent_id', 'agent_name'] or
    ['service_id', 'service_name']) from :func:`agent_weeks`' rows: hours ÷ capacity of the weeks
    with recorded time (missing weeks left out of both), highest first (see :func:`period_load`).
    Columns: keys, hours, recorded_capacity_hours, load_ratio."""
    recorded = agent_weeks["recorded_hours"] > 0
    frame = agent_weeks.assign(
        recorded_capacity_hours=agent_weeks["capacity_hours"].where(recorded, 0.0),
    )
    return period_load(frame, keys)


HEATMAP_MAX_AGENTS: Final[int] = 80
"""Above this many agents, the agent heatmap shows only the most loaded ones (a city has thousands;
the downloadable table of :func:`agent_weeks` keeps everyone)."""

_PERIOD_COLUMNS: Final[dict[str, str]] = {
    "period_hours": "hours",
    "period_recorded_capacity_hours": "recorded_capacity_hours",
    "period_load_ratio": "load_ratio",
}


@dataclass(frozen=True)
class LoadView:
    """What the load tab draws, for one period and filters (small: a city's 2,000 agents × 52 weeks
    are summed in DuckDB, only the most loaded agents' weeks come out).

    * ``service_weeks``: service × week load, by service name, week: service_id, service_name,
      week_start, hours, capacity_hours (every agent present), recorded_capacity_hours (capacity of
      the agents who recorded time that week), agents, agents_missing (agents with capacity and no
      recorded time), load_ratio = hours / recorded_capacity_hours (NaN when no agent recorded
      anything), band;
    * ``services``: load over the period per service (service_id, service_name, hours,
      recorded_capacity_hours, load_ratio), most loaded first (:func:`period_load`);
    * ``agents``: the same per agent (agent_id, agent_name, service_id, service_name, …) for the
      agents shown, at most ``limit`` of them, most loaded first (ties by agent_id);
    * ``agent_weeks``: the agent × week rows of those agents (:func:`classify_agent_weeks`' columns),
      by service name, agent name, week — what the agent heatmap draws;
    * ``agents_total``: agents with capacity or recorded time in the period (shown or not);
    * ``missing_weeks``: agent-weeks with capacity and no recorded time at all (no timesheet);
    * ``recorded_hours``: all the hours recorded in scope, every level (0: nothing to show).
    """

    service_weeks: pd.DataFrame
    services: pd.DataFrame
    agents: pd.DataFrame
    agent_weeks: pd.DataFrame
    agents_total: int
    missing_weeks: int
    recorded_hours: float


def _plain(column: np.ndarray) -> np.ndarray:
    """A query column (:func:`~analytics.store.db.query_arrays`, or part of its rows) without its
    mask: NULLs as NaN (numbers, integers becoming floats) or None (strings); a column without any
    NULL as it came."""
    if not np.ma.isMaskedArray(column):
        return column
    missing = np.ma.getmaskarray(column)
    if not missing.any():
        return column.data
    if column.dtype.kind in "iuf":
        return np.where(missing, np.nan, column.data.astype(float))
    return np.where(missing, None, column.data)  # (filled() would write its own "?" fill value)


def _starts(keys: np.ndarray) -> np.ndarray:
    """For rows in which equal keys follow each other: the first row of each run of equal keys
    (NULL keys make one run)."""
    codes = pd.factorize(keys, use_na_sentinel=False)[0]
    return np.flatnonzero(np.diff(codes, prepend=-1) != 0)


def _frame(columns: Mapping[str, np.ndarray], thresholds: Thresholds, hours: np.ndarray,
           capacity: np.ndarray, recorded: np.ndarray) -> pd.DataFrame:
    """Week rows as a DataFrame: ``columns`` as they came (NULLs as NaN or None), then their
    ``load_ratio`` and ``band`` (:func:`_classified`)."""
    return pd.DataFrame({**columns, **_classified(hours, capacity, recorded, thresholds)})


_SERVICE_COLUMNS: Final[tuple[str, ...]] = (
    "service_id", "service_name", "week_start", "hours", "capacity_hours", "recorded_capacity_hours",
    "agents", "agents_missing",
)
"""The columns of :attr:`LoadView.service_weeks` read from ``load_weeks.sql``'s service rows (before
load_ratio and band)."""
_AGENT_COLUMNS: Final[tuple[str, ...]] = ("agent_id", "agent_name", "service_id", "service_name")
_AGENT_WEEK_COLUMNS: Final[tuple[str, ...]] = (
    *_AGENT_COLUMNS, "week_start", "days_in_period", "recorded_hours", "hours", "capacity_hours",
)
"""The columns of :attr:`LoadView.agent_weeks` read from its agent rows (before load_ratio and band)."""


def _service_part(
    rows: dict[str, np.ndarray], thresholds: Thresholds
) -> tuple[pd.DataFrame, pd.DataFrame, int, float]:
    """From ``load_weeks.sql``'s service rows (a service's rows follow each other): the classified
    service weeks, the period's load per service most loaded first (each run of rows summed in
    place), the missing agent-weeks and the recorded hours."""
    hours, recorded, recorded_capacity = (
        rows[name].astype(float) for name in ("hours", "recorded_hours", "recorded_capacity_hours"))
    weeks = _frame({name: rows[name] for name in _SERVICE_COLUMNS},
                   thresholds, hours, recorded_capacity, recorded)
    starts = _starts(rows["service_id"])
    totals = _most_loaded_first({
        "service_id": rows["service_id"][starts],
        "service_name": rows["service_name"][starts],
        **{name: np.add.reduceat(values, starts) if len(starts) else np.empty(0)
           for name, values in (("hours", hours), ("recorded_capacity_hours", recorded_capacity))},
    }, ["service_id", "service_name"])
    return weeks, totals, int(rows["agents_missing"].sum()), float(recorded.sum())


def _agent_part(
    rows: dict[str, np.ndarray], thresholds: Thresholds
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """From ``load_weeks.sql``'s agent rows (agent by agent): the agents shown, most loaded first,
    with their period's load; their classified weeks; the number of agents in scope."""
    ranks = rows["period_rank"]
    starts = _starts(ranks)  # an agent's rows follow each other, with its period rank
    firsts = starts[np.argsort(ranks[starts], kind="stable")]  # an agent's first row, by rank
    agents = pd.DataFrame({
        **{name: rows[name][firsts] for name in _AGENT_COLUMNS},
        **{name: rows[column][firsts] for column, name in _PERIOD_COLUMNS.items()},
    })
    weeks = _frame(
        {name: rows[name] for name in _AGENT_WEEK_COLUMNS},
        thresholds, *(rows[name].astype(float) for name in ("hours", "capacity_hours", "recorded_hours")))
    return agents, weeks, int(rows["agents_total"][0]) if len(ranks) else 0


def load_view(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
    limit: int = HEATMAP_MAX_AGENTS,
) -> LoadView:
    """The load tab for the period and filters, from one query over the same agent-weeks as
    :func:`agent_weeks` (``sql/capacity/load_weeks.sql``): its service rows and its agent rows come
    as arrays; each name is converted once, not once per week."""
    limits = thresholds or Thresholds()
    found = query_arrays(con, read_sql("capacity/load_weeks"), {
        "start": scope.start, "end": scope.end, "service": scope.service, "level": scope.level,
        "limit": limit})
    services = _plain(found.pop("part")) == "service"
    service_weeks, services_load, missing_weeks, recorded_hours = _service_part(
        {name: _plain(column[services]) for name, column in found.items()}, limits)
    agents, agent_weeks, agents_total = _agent_part(
        {name: _plain(column[~services]) for name, column in found.items()}, limits)
    return LoadView(
        service_weeks=service_weeks,
        services=services_load,
        agents=agents,
        agent_weeks=agent_weeks,
        agents_total=agents_total,
        missing_weeks=missing_weeks,
        recorded_hours=recorded_hours,
    )
