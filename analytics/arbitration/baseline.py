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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import duckdb
import numpy as np
import pandas as pd

from analytics.calendar import calendar_frame, french_public_holidays
from analytics.schema import LEVELS, NO_LEVEL
from analytics.store.db import query_df, read_sql
from analytics.store.derived import named_params

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
    calendar = calendar_frame(first, last)
    days = calendar.loc[calendar["is_working_day"].astype(bool), ["day", "week_start"]]
    frame = pd.DataFrame({
        "day": pd.to_datetime(days["day"]),
        "week_start": pd.to_datetime(days["week_start"]),
    }).reset_index(drop=True)
    frame["month_start"] = frame["day"].dt.to_period("M").dt.to_timestamp()
    return frame


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


def load_baseline(
    con: duckdb.DuckDBPyConnection, as_of: date, months: int = HORIZON_MONTHS
) -> Baseline:
    """Read capacity, recent ordinary share and committed projects for every service (3 queries)."""
    first, last = horizon(as_of, months)
    holidays = sorted(french_public_holidays(first.year, last.year))
    values = {
        "first_day": first, "last_day": last, "holidays": holidays, "as_of": as_of,
        "recent_start": as_of - timedelta(weeks=RECENT_WEEKS) + timedelta(days=1),
        "no_level": NO_LEVEL, "statuses": list(COMMITTED_STATUSES), "levels": list(LEVELS),
    }
    frames = {}
    for name in ("future_capacity", "ordinary_share", "committed_projects"):
        sql = read_sql(f"arbitration/{name}")
        frames[name] = query_df(con, sql, named_params(sql, values))
    capacity = frames["future_capacity"]
    capacity["day"] = pd.to_datetime(capacity["day"])
    return Baseline(
        as_of=as_of, first_day=first, last_day=last, working_days=working_days(first, last),
        capacity=capacity, ordinary=frames["ordinary_share"],
        committed=frames["committed_projects"],
    )


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
    first = pd.Timestamp(first_day)
    late_end = pd.Timestamp(add_months(first_day, LATE_PROJECT_MONTHS) - timedelta(days=1))
    start = pd.to_datetime(frame["start_date"])
    end = pd.to_datetime(frame["end_date"])
    frame["from_day"] = start.where(start > first, first).fillna(first)
    frame["to_day"] = end.where(end >= first, late_end).fillna(late_end)
    frame["to_day"] = frame[["from_day", "to_day"]].max(axis=1)
    months = ((frame["to_day"] - frame["from_day"]).dt.days + 1) / DAYS_PER_MONTH
    rates = frame["level"].map(dict(monthly_by_level or {})).astype(float).fillna(0.0)
    frame["estimated"] = frame["remaining_hours"].isna()
    frame["hours_left"] = frame["remaining_hours"].astype(float).fillna(rates * months)
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
    team_projects = baseline.committed[baseline.committed["service_id"].isin(list(services))]
    windows = committed_windows(team_projects, baseline.first_day, monthly_by_level)
    days["committed_hours"] = spread_over_days(
        days["day"], windows["from_day"], windows["to_day"], windows["hours_left"]
    )
    return days.reset_index(drop=True)
