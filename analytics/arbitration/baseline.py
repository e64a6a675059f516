"""What each team already carries in the coming months (the load a new project comes on top of).

For every working day after the reference day ``as_of`` (the last day with recorded time):

* **capacity**: the agents' contracts valid that day (open contracts continue), weekly_hours / 5,
  nothing on weekends, French public holidays and known absences (``future_capacity.sql``);
* **ordinary work**: the team's recent ordinary share — its hours outside participatory projects
  over the last ``RECENT_WEEKS`` weeks divided by its capacity over those weeks — times that day's
  capacity (fewer agents present, less ordinary work done);
* **committed projects**: every planned or active participatory project's remaining planned hours
  (planned − already recorded) spread evenly over the working days left until its end date. A
  project already past its end date with hours left has them spread over the next
  ``LATE_PROJECT_MONTHS`` month(s); one without planned hours is costed with the typical monthly
  effort of its level (see :func:`committed_windows`).

The three queries are read by :func:`analytics.arbitration.context.load_baseline` (with the other
inputs of the simulator); the functions here are pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import numpy as np
import pandas as pd

from analytics.calendar import french_public_holidays

RECENT_WEEKS: Final[int] = 12
"""Weeks of recent history used for a team's ordinary share of capacity."""
COMMITTED_STATUSES: Final[tuple[str, ...]] = ("planned", "active")
"""Project statuses whose remaining planned hours are already part of the coming load."""
LATE_PROJECT_MONTHS: Final[int] = 1
"""A committed project past its end date has its remaining hours spread over this many months."""
START_SEARCH_MONTHS: Final[int] = 12
"""How far ahead (months after the reference day) a start date may be chosen or searched."""
MAX_PROJECT_MONTHS: Final[int] = 24
"""Longest project the simulator accepts, in months."""
HORIZON_MONTHS: Final[int] = START_SEARCH_MONTHS + MAX_PROJECT_MONTHS + 1
"""Months after the reference day covered by the baseline (any start × any duration fits in it)."""
DAYS_PER_MONTH: Final[float] = 365.25 / 12
"""Average length of a month in days."""


def month_start(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's last day (31 Jan + 1 →
    28/29 Feb)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month0 + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def working_days(first: date, last: date) -> pd.DataFrame:
    """Working days (Monday–Friday, not a French public holiday) in [first, last]: columns ``day``,
    ``week_start`` (ISO Monday) and ``month_start``, as datetime64 values."""
    days = np.arange(np.datetime64(first, "D"), np.datetime64(last, "D") + 1)
    weekday = (days.astype("int64") + 3) % 7  # 0 = Monday (1 January 1970 was a Thursday)
    holidays = np.array(sorted(french_public_holidays(first.year, last.year)), dtype="datetime64[D]")
    days = days[(weekday < 5) & ~np.isin(days, holidays)]
    weekday = (days.astype("int64") + 3) % 7
    return pd.DataFrame({
        "day": days.astype("datetime64[s]"),
        "week_start": (days - weekday.astype("timedelta64[D]")).astype("datetime64[s]"),
        "month_start": days.astype("datetime64[M]").astype("datetime64[us]"),
    })


@dataclass(frozen=True)
class Baseline:
    """Everything the coming load of any team is computed from (all services at once).

    ``working_days``: day, week_start, month_start over [first_day, last_day];
    ``capacity``: service_id, day, capacity_hours; ``ordinary``: service_id, ordinary_hours,
    capacity_hours, ordinary_share (recent window); ``committed``: one row per planned or active
    participatory project (see ``committed_projects.sql``).
    """

    as_of: date
    first_day: date
    last_day: date
    working_days: pd.DataFrame
    capacity: pd.DataFrame
    ordinary: pd.DataFrame
    committed: pd.DataFrame


def horizon(as_of: date, months: int = HORIZON_MONTHS) -> tuple[date, date]:
    """The first and last day of the coming months after ``as_of``: from the next day to the end
    of the ``months``-th month after ``as_of``'s month."""
    return as_of + timedelta(days=1), add_months(month_start(as_of), months + 1) - timedelta(days=1)


def committed_windows(
    committed: pd.DataFrame, first_day: date, monthly_by_level: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Committed projects with the window their remaining hours are spread over.

    Adds ``from_day`` (the later of the start date and ``first_day``), ``to_day`` (the end date; a
    project without end date or already past it gets ``first_day`` + LATE_PROJECT_MONTHS months −
    1 day), ``hours_left`` (remaining_hours; when planned_hours is unknown, the level's monthly
    effort from ``monthly_by_level`` × the window's length in months, 0 if the level has none) and
    ``estimated`` (True when hours_left comes from that estimate).
    """
    frame = committed.copy()
    start = pd.to_datetime(frame["start_date"]).to_numpy()
    end = pd.to_datetime(frame["end_date"]).to_numpy().astype(start.dtype)
    first = np.datetime64(first_day).astype(start.dtype)
    late_end = np.datetime64(add_months(first_day, LATE_PROJECT_MONTHS) - timedelta(days=1))
    from_day = np.where(start > first, start, first)  # a missing start (NaT) is never later
    to_day = np.maximum(from_day, np.where(end >= first, end, late_end.astype(start.dtype)))
    months = ((to_day - from_day) // np.timedelta64(1, "D") + 1) / DAYS_PER_MONTH
    rates = {level: float(rate) for level, rate in (monthly_by_level or {}).items()}
    by_level = np.array([rates.get(level, np.nan) for level in frame["level"]], dtype=float)
    remaining = frame["remaining_hours"].to_numpy(dtype=float)
    frame["from_day"] = from_day
    frame["to_day"] = to_day
    frame["estimated"] = np.isnan(remaining)
    frame["hours_left"] = np.where(
        np.isnan(remaining), np.nan_to_num(by_level * months, nan=0.0), remaining
    )
    return frame


def spread_over_days(
    days: pd.Series, from_day: pd.Series, to_day: pd.Series, hours: pd.Series
) -> np.ndarray:
    """Hours per day of ``days`` when each item's ``hours`` are spread evenly over the days of
    ``days`` lying in its [from_day, to_day] (inclusive). Items without such a day add nothing."""
    day_values = days.to_numpy(dtype="datetime64[D]")
    if len(from_day) == 0 or len(day_values) == 0:
        return np.zeros(len(day_values))
    starts = from_day.to_numpy(dtype="datetime64[D]")[:, None]
    ends = to_day.to_numpy(dtype="datetime64[D]")[:, None]
    inside = (day_values[None, :] >= starts) & (day_values[None, :] <= ends)
    counts = inside.sum(axis=1)
    per_day = np.divide(
        hours.to_numpy(dtype=float), counts, out=np.zeros(len(counts)), where=counts > 0
    )
    return (inside * per_day[:, None]).sum(axis=0)


def teams_capacity(baseline: Baseline, team_of: Mapping[str, str | None]) -> pd.DataFrame:
    """Capacity and ordinary work of every team (services grouped by ``team_of``; services of no
    team left out) on every working day of the horizon: team_id, day, week_start, month_start,
    capacity_hours, ordinary_hours — the first columns of :func:`team_days` for all teams at once
    (the same sums, in the same order), sorted by team_id and day."""
    capacity = baseline.capacity
    shares = dict(zip(baseline.ordinary["service_id"],
                      baseline.ordinary["ordinary_share"].astype(float), strict=True))
    codes, services = pd.factorize(capacity["service_id"])
    share = np.array([*(shares.get(sid, np.nan) for sid in services), np.nan], dtype=float)[codes]
    ordinary = capacity["capacity_hours"].to_numpy(dtype=float) * np.where(np.isnan(share), 0.0, share)
    team = np.array([*(team_of.get(sid) for sid in services), None], dtype=object)[codes]
    by_day = (
        capacity.assign(team_id=team, ordinary_hours=ordinary)
        .dropna(subset=["team_id"])
        .groupby(["team_id", "day"])[["capacity_hours", "ordinary_hours"]].sum()
    )
    teams = sorted({t for t in team_of.values() if t is not None})
    working = baseline.working_days
    # each (team, day) sum goes to its row of the grid teams × working days (0 where none)
    team_at = pd.Index(teams, dtype="object").get_indexer(by_day.index.get_level_values("team_id"))
    day_at = pd.Index(working["day"]).get_indexer(by_day.index.get_level_values("day"))
    kept = (team_at >= 0) & (day_at >= 0)
    rows = team_at[kept] * len(working) + day_at[kept]
    sums = {}
    for column in ("capacity_hours", "ordinary_hours"):
        sums[column] = np.zeros(len(teams) * len(working))
        sums[column][rows] = by_day[column].to_numpy(dtype=float)[kept]
    frame = pd.DataFrame({
        "team_id": pd.Series(np.repeat(np.array(teams, dtype=object), len(working)), dtype="object"),
        **{column: np.tile(working[column].to_numpy(), len(teams)) for column in working.columns},
        **sums,
    })
    # as team_days' merge on the day does: the finer of the two resolutions
    unit = np.promote_types(working["day"].dtype, capacity["day"].dtype)
    return frame.astype({"day": unit})


def with_committed(
    days: pd.DataFrame, baseline: Baseline, services: Sequence[str],
    monthly_by_level: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """``days`` (one team's working days, as :func:`team_days` makes them) with
    ``committed_hours``: the remaining hours of the projects of ``services`` spread over them."""
    team_projects = baseline.committed[baseline.committed["service_id"].isin(list(services))]
    windows = committed_windows(team_projects, baseline.first_day, monthly_by_level)
    days = days.copy()
    days["committed_hours"] = spread_over_days(
        days["day"], windows["from_day"], windows["to_day"], windows["hours_left"]
    )
    return days


def team_days(
    baseline: Baseline,
    services: Sequence[str],
    monthly_by_level: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """One row per working day of the horizon for the team made of ``services``.

    Columns: day, week_start, month_start, capacity_hours (contracts − holidays − absences),
    ordinary_hours (each service's recent ordinary share × its capacity that day), committed_hours
    (remaining hours of the team's planned and active projects, see :func:`committed_windows`).
    """
    days = baseline.working_days.copy()
    capacity = baseline.capacity[baseline.capacity["service_id"].isin(list(services))]
    shares = baseline.ordinary.set_index("service_id")["ordinary_share"].astype(float)
    ordinary = capacity["capacity_hours"] * capacity["service_id"].map(shares).fillna(0.0)
    by_day = (
        capacity.assign(ordinary_hours=ordinary)
        .groupby("day")[["capacity_hours", "ordinary_hours"]].sum()
    )
    days = days.merge(by_day, left_on="day", right_index=True, how="left")
    days[["capacity_hours", "ordinary_hours"]] = days[["capacity_hours", "ordinary_hours"]].fillna(0.0)
    return with_committed(days, baseline, services, monthly_by_level).reset_index(drop=True)
