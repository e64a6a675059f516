"""Everything the arbitration page and the ``simulate`` command compute from, and the simulator's
verdict over it.

The store is read here and only here, each query by its path: :func:`load_history` reads the
store's past (``arbitration/reference_day``, ``arbitration/service_headcount``,
``arbitration/history_effort``); :func:`with_coming_months` adds the coming months
(:func:`load_baseline`: ``arbitration/future_capacity``, ``arbitration/ordinary_share``,
``arbitration/committed_projects``; the candidate projects). The other functions are pure and
cheap, so that the simulator can answer each click without touching the store again:
:func:`run_simulation` is the verdict (the fit rule is :func:`.simulate.assess`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics.arbitration import effort as effort_mod
from analytics.arbitration import portfolio as portfolio_mod
from analytics.arbitration import simulate as simulate_mod
from analytics.arbitration import teams as teams_mod
from analytics.arbitration.baseline import (
    COMMITTED_STATUSES,
    HORIZON_MONTHS,
    MAX_PROJECT_MONTHS,
    RECENT_WEEKS,
    START_SEARCH_MONTHS,
    Baseline,
    add_months,
    committed_windows,
    month_start,
    teams_capacity,
    with_committed,
    working_days,
)
from analytics.arbitration.baseline import horizon as baseline_horizon
from analytics.calendar import french_public_holidays
from analytics.schema import LEVELS, NO_LEVEL
from analytics.settings import Thresholds
from analytics.store.db import query_df, query_value, read_sql
from analytics.store.derived import named_params


@dataclass(frozen=True)
class History:
    """What the store's past says for arbitration, as of the reference day ``as_of``.

    ``mapping``: each service's team (:func:`.teams.team_map`); ``teams``: the visible teams;
    ``effort``: finished projects with their hours (:func:`history_effort`: the
    columns of :func:`.effort.finished_effort` the page and the simulator use).
    """

    as_of: date
    min_group_size: int
    mapping: pd.DataFrame
    teams: pd.DataFrame
    effort: pd.DataFrame

    @property
    def first_start(self) -> date:
        """The earliest start the simulator accepts: the day after the reference day (the
        baseline's first day)."""
        return baseline_horizon(self.as_of)[0]

    @property
    def default_start(self) -> date:
        """The default start of a new project: the first day of the next month."""
        return add_months(month_start(self.as_of), 1)

    @property
    def latest_start(self) -> date:
        """The latest start the simulator accepts or searches: START_SEARCH_MONTHS ahead."""
        return add_months(self.as_of, START_SEARCH_MONTHS)

    def services_of(self, team: str) -> list[str]:
        """The service ids of a visible team (raises KeyError for an unknown or hidden team)."""
        row = self.teams.loc[self.teams["team_id"] == team]
        if row.empty:
            raise KeyError(team)
        return list(row.iloc[0]["services"])


@dataclass(frozen=True)
class Context(History):
    """The store's facts for arbitration: the :class:`History`, plus ``baseline`` (what every
    service carries in the coming months), ``team_capacity`` (its capacity and ordinary work
    per visible team and working day, :func:`.baseline.teams_capacity`) and ``candidates``
    (proposed projects)."""

    baseline: Baseline
    team_capacity: pd.DataFrame
    candidates: pd.DataFrame


def default_team(context: History) -> str | None:
    """The team the simulator opens on: the visible team that carried the most finished
    participatory projects (the one whose history says most), else the first one."""
    teams = list(context.teams["team_id"])
    counts = context.effort["team"].value_counts()
    return next((team for team in counts.index if team in teams), teams[0] if teams else None)


def reference_day(con: duckdb.DuckDBPyConnection) -> date | None:
    """The last day with recorded time (None without any time entry)."""
    return query_value(con, read_sql("arbitration/reference_day"))


def service_headcount(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """Services with their headcount on ``as_of``: service_id, service_name, agents.

    ``agents`` counts the agents with a contract of more than 0 hours valid that day.
    """
    return query_df(con, read_sql("arbitration/service_headcount"), {"as_of": as_of})


def history_effort(
    con: duckdb.DuckDBPyConnection, team_of: Mapping[str, str | None]
) -> pd.DataFrame:
    """:func:`.effort.finished_effort` restricted to :data:`.effort.HISTORY_COLUMNS` (same rows,
    same values): what the page draws and the estimates learn from, without the names and dates
    it never shows."""
    sql = read_sql("arbitration/history_effort")
    effort = query_df(con, sql, named_params(sql, effort_mod.sql_params()))
    effort.insert(effort.columns.get_loc("monthly_hours"), "team",
                  teams_mod.team_column(effort["service_id"], team_of))
    return effort


def load_history(
    con: duckdb.DuckDBPyConnection, thresholds: Thresholds, as_of: date | None = None
) -> History | None:
    """Read the teams and the finished projects' effort; None when the store has no time entry
    (nothing to learn)."""
    day = as_of or reference_day(con)
    if day is None:
        return None
    mapping = teams_mod.team_map(service_headcount(con, day), thresholds.min_group_size)
    return History(
        as_of=day,
        min_group_size=thresholds.min_group_size,
        mapping=mapping,
        teams=teams_mod.visible_teams(mapping),
        effort=history_effort(con, teams_mod.team_of(mapping)),
    )


def load_baseline(
    con: duckdb.DuckDBPyConnection, as_of: date, months: int = HORIZON_MONTHS
) -> Baseline:
    """What every service carries in the coming months (the :mod:`.baseline` rules): capacity,
    recent ordinary share and committed projects, in three queries."""
    first, last = baseline_horizon(as_of, months)
    holidays = sorted(french_public_holidays(first.year, last.year))
    values = {
        "first_day": first, "last_day": last, "holidays": holidays, "as_of": as_of,
        "recent_start": as_of - timedelta(weeks=RECENT_WEEKS) + timedelta(days=1),
        "no_level": NO_LEVEL, "statuses": list(COMMITTED_STATUSES), "levels": list(LEVELS),
    }

    def run(sql: str) -> pd.DataFrame:
        return query_df(con, sql, named_params(sql, values))

    capacity = run(read_sql("arbitration/future_capacity"))
    capacity["day"] = pd.to_datetime(capacity["day"])
    return Baseline(
        as_of=as_of, first_day=first, last_day=last, working_days=working_days(first, last),
        capacity=capacity, ordinary=run(read_sql("arbitration/ordinary_share")),
        committed=run(read_sql("arbitration/committed_projects")),
    )


def with_coming_months(con: duckdb.DuckDBPyConnection, history: History) -> Context:
    """``history`` with the baseline of its reference day (and each visible team's capacity from
    it) and the candidate projects read."""
    baseline = load_baseline(con, history.as_of)
    return Context(
        **{field.name: getattr(history, field.name) for field in fields(History)},
        baseline=baseline,
        team_capacity=teams_capacity(baseline, teams_mod.team_of(history.mapping)),
        candidates=portfolio_mod.load_candidates(con),
    )


def load_context(
    con: duckdb.DuckDBPyConnection, thresholds: Thresholds, as_of: date | None = None
) -> Context | None:
    """Read everything the page needs; None when the store has no time entry (nothing to learn)."""
    history = load_history(con, thresholds, as_of)
    return None if history is None else with_coming_months(con, history)


def comparables(context: History) -> effort_mod.Comparables:
    """The finished projects of ``context`` ready for estimates by level, perimeter and team."""
    return effort_mod.Comparables.of(context.effort, effort_mod.LEVEL_CRITERIA)


def level_rates(
    context: History, perimeter: str | None, team: str | None,
    projects: effort_mod.Comparables | None = None,
) -> tuple[dict[str, effort_mod.Estimate], dict[str, dict[str, float]]]:
    """The estimate of each level for a project on ``perimeter`` carried by ``team``, and the
    staff hours per project for each quantile and level (``rates['p50']['consultation']``).
    ``projects``: :func:`comparables` of ``context`` when already made."""
    estimates = effort_mod.level_estimates_from(projects or comparables(context), perimeter, team)
    rates = {
        q: {level: estimate.total(q) for level, estimate in estimates.items()}
        for q in simulate_mod.QUANTILES
    }
    return estimates, rates


def monthly_rates(
    context: History, team: str, projects: effort_mod.Comparables | None = None
) -> dict[str, float]:
    """Typical (P50) staff hours per month of each level for ``team``: what a committed project
    without planned hours is costed at (see :func:`.baseline.committed_windows`)."""
    estimates = effort_mod.level_estimates_from(projects or comparables(context), None, team)
    return {level: estimate.monthly_p50 for level, estimate in estimates.items()}


def days_of_team(
    context: Context, team: str, projects: effort_mod.Comparables | None = None
) -> pd.DataFrame:
    """The team's working days with capacity, ordinary and committed hours (what
    :func:`.baseline.team_days` gives for its services)."""
    services = context.services_of(team)
    ids = context.team_capacity["team_id"].to_numpy()  # sorted: a team's days are one block
    rows = slice(np.searchsorted(ids, team, "left"), np.searchsorted(ids, team, "right"))
    days = context.team_capacity.iloc[rows].drop(columns="team_id").reset_index(drop=True)
    return with_committed(days, context.baseline, services, monthly_rates(context, team, projects))


def committed_of_team(context: Context, team: str) -> pd.DataFrame:
    """The team's planned and active participatory projects, with the window and hours left that
    the baseline spreads (see :func:`.baseline.committed_windows`), latest end last."""
    services = context.services_of(team)
    projects = context.baseline.committed[context.baseline.committed["service_id"].isin(services)]
    windows = committed_windows(projects, context.baseline.first_day, monthly_rates(context, team))
    return windows.sort_values(["to_day", "project_id"]).reset_index(drop=True)


def ordinary_share_of_team(context: Context, team: str) -> float | None:
    """The team's ordinary hours / capacity over the last RECENT_WEEKS weeks (None without
    capacity)."""
    ordinary = context.baseline.ordinary
    rows = ordinary[ordinary["service_id"].isin(context.services_of(team))]
    capacity = float(rows["capacity_hours"].sum())
    return float(rows["ordinary_hours"].sum()) / capacity if capacity > 0 else None


def check_spec(context: Context, spec: simulate_mod.ProjectSpec) -> None:
    """Raise ValueError with a readable message when ``spec`` is outside what can be simulated."""
    if spec.team not in set(context.teams["team_id"]):
        raise ValueError(f"unknown team {spec.team!r}")
    if not context.first_start <= spec.start <= context.latest_start:
        raise ValueError(
            f"the start must be between {context.first_start} and {context.latest_start}"
        )
    if spec.months > MAX_PROJECT_MONTHS:
        raise ValueError(f"a project lasts at most {MAX_PROJECT_MONTHS} months")


def run_simulation(
    context: Context,
    spec: simulate_mod.ProjectSpec,
    target: float,
    tentatives: Sequence[simulate_mod.Tentative] = (),
    capacity_change_weekly_hours: float = 0.0,
) -> simulate_mod.Simulation:
    """Simulate ``spec`` on its team (with the tentative projects switched on, and an optional
    change of the team's capacity from the project's start) and, when it does not fit as
    described, on the other visible teams as they are. Raises ValueError on a bad spec."""
    check_spec(context, spec)
    projects = comparables(context)
    _, rates = level_rates(context, spec.perimeter, spec.team, projects)
    if spec.level not in rates["p50"]:
        raise ValueError("no finished project to learn the effort from")
    days = days_of_team(context, spec.team, projects)
    if capacity_change_weekly_hours:
        days = simulate_mod.with_capacity_change(days, capacity_change_weekly_hours, spec.start)
    found = simulate_mod.simulate(days, spec, rates, target, context.latest_start, tentatives,
                                  first_start=context.first_start)
    if all(verdict.kind == simulate_mod.FITS for verdict in found.verdicts.values()):
        return found
    others = {
        team: (days_of_team(context, team, projects),
               level_rates(context, spec.perimeter, team, projects)[1])
        for team in teams_mod.other_teams(context.teams, spec.team)
    }
    return replace(found, other_teams=simulate_mod.other_teams_of(
        spec, found.verdicts, others, tentatives, target))


def tentative(context: History, spec: simulate_mod.ProjectSpec, enabled: bool = True
              ) -> simulate_mod.Tentative:
    """A tentative project with its P50/P80 staff hours learned from comparable projects."""
    _, rates = level_rates(context, spec.perimeter, spec.team)
    return simulate_mod.Tentative(
        spec, rates["p50"].get(spec.level, 0.0), rates["p80"].get(spec.level, 0.0), enabled
    )


def run_portfolio(
    context: Context,
    target: float,
    quantile: str = "p50",
    forced_in: Collection[str] = (),
    forced_out: Collection[str] = (),
    requests: pd.DataFrame | None = None,
) -> portfolio_mod.Portfolio:
    """The best set of proposed projects and levels over the next PORTFOLIO_MONTHS months;
    with ``requests`` (:func:`.portfolio.request_candidates`), among those open requests too, each
    costed like a project of its level, perimeter and team."""
    horizon = portfolio_mod.horizon_months(context.first_start)
    candidates = portfolio_mod.with_requests(
        context.candidates, requests if requests is not None else pd.DataFrame()
    )
    team_of = teams_mod.team_of(context.mapping)
    candidates["team"] = pd.Series(
        [team_of.get(sid) for sid in candidates["service_id"]], index=candidates.index,
        dtype="object",
    )
    projects = comparables(context)
    by_group: dict[tuple[str, str | None], dict[str, effort_mod.Estimate]] = {}
    estimates: dict[tuple[str, str], effort_mod.Estimate] = {}
    for pid, perimeter, team in zip(
        candidates["project_id"], candidates["perimeter"], candidates["team"], strict=True
    ):
        group = (repr(perimeter), team)  # candidates alike share their estimates (NaN ≠ None)
        if group not in by_group:
            by_group[group] = effort_mod.level_estimates_from(projects, perimeter, team)
        for level, found in by_group[group].items():
            estimates[(pid, level)] = found
    proposed = dict(zip(candidates["project_id"], candidates["level"], strict=True))
    default_months = {
        pid: found.months_p50 for (pid, level), found in estimates.items()
        if level == proposed[pid]
    }
    windows = portfolio_mod.candidate_windows(candidates, horizon[0], default_months)
    hours = {key: found.total(quantile) for key, found in estimates.items()}
    days = {
        team: days_of_team(context, team, projects)
        for team in sorted(set(windows["team"].dropna()))
    }
    return portfolio_mod.choose(windows, days, hours, target, horizon, forced_in, forced_out)


def estimate_table(context: History, perimeter: str | None, team: str | None
                   ) -> Mapping[str, effort_mod.Estimate]:
    """The estimate of each level (for the page's estimate cards)."""
    return level_rates(context, perimeter, team)[0]
