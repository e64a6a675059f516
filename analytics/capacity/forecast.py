"""The coming weeks: each team's projected load from its recent ordinary work and its projects.

For the :data:`HORIZON_WEEKS` ISO weeks after the end of the period (the first one is the week of the
day after it), a team's projected hours are

* its **ordinary load**: the median, over the :data:`BASELINE_WEEKS` weeks before, of its hours
  outside the projected projects divided by its capacity (weeks without any recorded hours are left
  out, as missing), applied to each coming week's capacity — so a week of holidays or known leave
  carries less ordinary work;
* plus its **projects**: each planned or active project with planned hours spreads what is left of
  them (planned − already recorded, never below 0) evenly over the weeks from its start (or the first
  coming week) to its end. The project's lead service carries it. A project without an end date, or
  whose end is already past, cannot be spread: it is listed as unscheduled.

Capacity is ``agent_day_capacity`` of the team's current agents: contract hours minus public holidays
and known absences. A week is over capacity when the projected hours exceed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import duckdb
import numpy as np
import pandas as pd

from analytics.capacity.load import load_band, load_ratio
from analytics.schema import NO_LEVEL
from analytics.scope import Scope
from analytics.settings import Thresholds, load_thresholds
from analytics.store.db import query_df, read_sql

HORIZON_WEEKS: Final[int] = 12
"""How many coming weeks the forecast covers."""
BASELINE_WEEKS: Final[int] = 8
"""How many past weeks make a team's recent ordinary load (their median)."""
FORECAST_STATUSES: Final[tuple[str, ...]] = ("planned", "active")
"""Project statuses whose remaining planned hours are spread over the coming weeks."""


def monday(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def first_forecast_week(as_of: date) -> date:
    """The first coming week: the ISO week of the day after ``as_of`` (its Monday)."""
    return monday(as_of + timedelta(days=1))


def forecast_weeks(as_of: date, weeks: int = HORIZON_WEEKS) -> list[date]:
    """The Mondays of the ``weeks`` coming weeks after ``as_of``."""
    first = first_forecast_week(as_of)
    return [first + timedelta(weeks=i) for i in range(weeks)]


def schedule_projects(projects: pd.DataFrame, first_week: date) -> pd.DataFrame:
    """A copy of projects with their spreading schedule.

    Added columns: from_week (Monday of the later of start_date and ``first_week``), to_week (Monday
    of end_date), weeks_left (weeks from from_week to to_week, both included), weekly_hours
    (remaining_hours / weeks_left) and scheduled (False without end date or when it is before
    ``first_week``: those hours are not spread).
    """
    out = projects.copy()
    first = pd.Timestamp(first_week)
    start = pd.to_datetime(out["start_date"])
    end = pd.to_datetime(out["end_date"])
    start_monday = start - pd.to_timedelta(start.dt.day_of_week, unit="D")
    out["from_week"] = start_monday.where(start_monday > first, first).fillna(first)
    out["to_week"] = end - pd.to_timedelta(end.dt.day_of_week, unit="D")
    out["scheduled"] = out["to_week"].notna() & (out["to_week"] >= first)
    span = (out["to_week"] - out["from_week"]).dt.days // 7 + 1
    out["weeks_left"] = span.where(out["scheduled"] & (span > 0))
    out["weekly_hours"] = out["remaining_hours"] / out["weeks_left"]
    out["scheduled"] = out["weeks_left"].notna()
    return out


def spread_projects(scheduled: pd.DataFrame, weeks: list[date]) -> pd.DataFrame:
    """Projected project hours per (project, service, week) inside ``weeks``.

    ``scheduled`` comes from :func:`schedule_projects`. Columns: project_id, service_id, week_start,
    hours (the project's weekly_hours in each of its weeks inside the horizon).
    """
    columns = ["project_id", "service_id", "week_start", "hours"]
    rows = scheduled[scheduled["scheduled"] & (scheduled["weekly_hours"] > 0)]
    if rows.empty or not weeks:
        return pd.DataFrame(columns=columns)
    horizon = pd.DataFrame({"week_start": pd.to_datetime(pd.Series(weeks))})
    pairs = rows.merge(horizon, how="cross")
    inside = (pairs["week_start"] >= pairs["from_week"]) & (pairs["week_start"] <= pairs["to_week"])
    spread = pairs.loc[inside, ["project_id", "service_id", "week_start", "weekly_hours"]]
    return spread.rename(columns={"weekly_hours": "hours"}).reset_index(drop=True)


def baseline_ratios(history: pd.DataFrame) -> pd.DataFrame:
    """Each team's recent ordinary load: median of ordinary_hours / capacity_hours over its history
    weeks with capacity and some recorded hours. Columns: service_id, baseline_ratio."""
    usable = history[(history["capacity_hours"] > 0) & (history["ordinary_hours"].fillna(0) > 0)]
    ratios = (usable["ordinary_hours"] / usable["capacity_hours"]).rename("baseline_ratio")
    return ratios.groupby(usable["service_id"]).median().reset_index()


def project_team_weeks(
    team_weeks: pd.DataFrame,
    spread: pd.DataFrame,
    weeks: list[date],
    thresholds: Thresholds,
) -> pd.DataFrame:
    """The forecast per team and coming week.

    ``team_weeks`` holds service_id, service_name, week_start, capacity_hours, ordinary_hours over
    the history and the horizon; ``spread`` comes from :func:`spread_projects`. Columns: service_id,
    service_name, week_start, capacity_hours, baseline_ratio, baseline_hours (= baseline_ratio ×
    capacity_hours), project_hours, projected_hours (baseline + projects), load_ratio (projected /
    capacity; NaN without capacity), over_capacity (projected hours above capacity), band.
    """
    frame = team_weeks.assign(week_start=pd.to_datetime(team_weeks["week_start"]))
    horizon = pd.to_datetime(pd.Series(weeks))
    history = frame[frame["week_start"] < horizon.min()] if weeks else frame
    services = frame[["service_id", "service_name"]].drop_duplicates()
    grid = services.merge(pd.DataFrame({"week_start": horizon}), how="cross")
    future = grid.merge(
        frame[["service_id", "week_start", "capacity_hours"]], on=["service_id", "week_start"],
        how="left",
    ).fillna({"capacity_hours": 0.0})
    future = future.merge(baseline_ratios(history), on="service_id", how="left")
    future["baseline_ratio"] = future["baseline_ratio"].fillna(0.0)
    future["baseline_hours"] = future["baseline_ratio"] * future["capacity_hours"]
    per_week = (
        spread.assign(week_start=pd.to_datetime(spread["week_start"]))
        .groupby(["service_id", "week_start"], as_index=False)["hours"].sum()
        .rename(columns={"hours": "project_hours"})
    )
    future = future.merge(per_week, on=["service_id", "week_start"], how="left")
    future["project_hours"] = future["project_hours"].astype(float).fillna(0.0)
    future["projected_hours"] = future["baseline_hours"] + future["project_hours"]
    future["load_ratio"] = load_ratio(future["projected_hours"], future["capacity_hours"])
    future["over_capacity"] = future["projected_hours"] > future["capacity_hours"]
    future["band"] = load_band(
        future["projected_hours"], future["capacity_hours"],
        pd.Series(np.ones(len(future)), index=future.index), thresholds.load_bands,
    )
    return future.sort_values(["service_name", "week_start"], ignore_index=True)


def forecast(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    service: str | None = None,
    level: str | None = None,
    thresholds: Thresholds | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The coming weeks after ``as_of`` (the end of the period): (team_weeks, projects).

    ``team_weeks`` is :func:`project_team_weeks`' frame; ``projects`` the planned and active projects
    with planned_hours, spent_hours, remaining_hours and their schedule (:func:`schedule_projects`).
    """
    limits = thresholds or load_thresholds()
    weeks = forecast_weeks(as_of)
    first = weeks[0]
    statuses = list(FORECAST_STATUSES)
    projects = query_df(
        con,
        read_sql("capacity/forecast_projects"),
        {"as_of": as_of, "service": service, "level": level, "no_level": NO_LEVEL,
         "statuses": statuses},
    )
    scheduled = schedule_projects(projects, first)
    team_weeks = query_df(
        con,
        read_sql("capacity/forecast_team_weeks"),
        {"service": service, "level": level, "statuses": statuses,
         "history_start": first - timedelta(weeks=BASELINE_WEEKS),
         "history_end": first - timedelta(weeks=1),
         "horizon_end": weeks[-1]},
    )
    spread = spread_projects(scheduled, weeks)
    return project_team_weeks(team_weeks, spread, weeks, limits), scheduled


def total_weeks(team_weeks: pd.DataFrame) -> pd.DataFrame:
    """The forecast of several teams added up, week by week (same columns as
    :func:`project_team_weeks` except the service and the band; baseline_ratio is the combined one)."""
    summed = team_weeks.groupby("week_start", as_index=False)[
        ["capacity_hours", "baseline_hours", "project_hours", "projected_hours"]
    ].sum()
    summed["baseline_ratio"] = load_ratio(summed["baseline_hours"], summed["capacity_hours"])
    summed["load_ratio"] = load_ratio(summed["projected_hours"], summed["capacity_hours"])
    summed["over_capacity"] = summed["projected_hours"] > summed["capacity_hours"]
    return summed


def teams_by_peak_load(team_weeks: pd.DataFrame) -> pd.DataFrame:
    """Teams ordered by their number of weeks over capacity, then their highest projected weekly
    load. Columns: service_id, service_name, peak_load_ratio (over the weeks with capacity),
    weeks_over, weeks_without_capacity (weeks with projected hours but no capacity at all, e.g. the
    whole team on leave: over capacity too)."""
    frame = team_weeks.assign(
        no_capacity=(team_weeks["capacity_hours"] <= 0) & (team_weeks["projected_hours"] > 0)
    )
    groups = frame.groupby(["service_id", "service_name"], dropna=False)
    teams = pd.DataFrame({
        "peak_load_ratio": groups["load_ratio"].max(), "weeks_over": groups["over_capacity"].sum(),
        "weeks_without_capacity": groups["no_capacity"].sum(),
    }).reset_index()
    return teams.sort_values(
        ["weeks_over", "peak_load_ratio"], ascending=False, na_position="last", ignore_index=True
    )


USUAL_CAPACITY_SHARE: Final[float] = 0.9
"""A peak week's capacity under this share of the team's usual one is said to be reduced."""


@dataclass(frozen=True)
class PeakWhy:
    """Why a team's busiest coming week is over capacity: its ``capacity_hours`` against the
    ``usual_capacity_hours`` of its coming weeks (median: leave and holidays take the rest), the
    ordinary work expected (``baseline_hours``, its recent ``baseline_ratio`` of capacity), and the
    ``project_hours`` spread on it, with each project's share (``projects``: name, hours; most
    first)."""

    service_id: str
    service_name: str
    week_start: date
    load_ratio: float
    capacity_hours: float
    usual_capacity_hours: float
    baseline_ratio: float
    baseline_hours: float
    project_hours: float
    projects: tuple[tuple[str, float], ...]

    @property
    def capacity_reduced(self) -> bool:
        """Whether the week holds clearly less capacity than the team's usual one."""
        return self.capacity_hours < USUAL_CAPACITY_SHARE * self.usual_capacity_hours


def peak_reasons(team_weeks: pd.DataFrame, projects: pd.DataFrame) -> list[PeakWhy]:
    """For each team over capacity in some coming week (:func:`project_team_weeks`' frame), its
    busiest week with capacity and what makes it (:class:`PeakWhy`); ``projects`` is
    :func:`schedule_projects`' frame. Teams in :func:`teams_by_peak_load`'s order."""
    found = []
    for row in teams_by_peak_load(team_weeks).itertuples():
        team = team_weeks[team_weeks["service_id"] == row.service_id]
        usable = team[team["capacity_hours"] > 0]
        if row.weeks_over == 0 or usable.empty or not usable["over_capacity"].any():
            continue
        peak = usable.loc[usable["load_ratio"].idxmax()]
        week = pd.Timestamp(peak["week_start"])
        carried = projects[
            (projects["service_id"] == row.service_id) & projects["scheduled"].astype(bool)
            & (projects["weekly_hours"] > 0)
            & (pd.to_datetime(projects["from_week"]) <= week)
            & (pd.to_datetime(projects["to_week"]) >= week)
        ].sort_values(["weekly_hours", "project_name"], ascending=[False, True])
        found.append(PeakWhy(
            service_id=str(row.service_id), service_name=str(row.service_name),
            week_start=week.date(), load_ratio=float(peak["load_ratio"]),
            capacity_hours=float(peak["capacity_hours"]),
            usual_capacity_hours=float(team["capacity_hours"].median()),
            baseline_ratio=float(peak["baseline_ratio"]),
            baseline_hours=float(peak["baseline_hours"]), project_hours=float(peak["project_hours"]),
            projects=tuple((str(name), float(hours)) for name, hours in zip(
                carried["project_name"], carried["weekly_hours"], strict=True)),
        ))
    return found


@dataclass(frozen=True)
class ForecastView:
    """What the coming-weeks tab draws, after one period end and filters.

    * ``team_weeks`` and ``projects``: :func:`forecast`'s two frames;
    * ``teams``: :func:`teams_by_peak_load` of ``team_weeks`` (the warning, the team selector);
    * ``total``: :func:`total_weeks` of every team (the chart's default: all teams, or the only one).
    """

    team_weeks: pd.DataFrame
    projects: pd.DataFrame
    teams: pd.DataFrame
    total: pd.DataFrame


def forecast_view(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
) -> ForecastView:
    """:func:`forecast` with the summaries the tab draws (see :class:`ForecastView`)."""
    as_of, service, level = scope.end, scope.service, scope.level
    team_weeks, projects = forecast(con, as_of, service, level, thresholds)
    return ForecastView(team_weeks=team_weeks, projects=projects,
                        teams=teams_by_peak_load(team_weeks), total=total_weeks(team_weeks))
