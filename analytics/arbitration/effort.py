"""Effort per level, learned from the town's own finished projects.

A *finished project* has status ``done``, a level (information, consultation, coproduction), a start
date and an end date. Its *effort* is the sum of the staff hours recorded on it (all agents, all
activities); its *life* is ``end − start + 1`` days, expressed in months of average length
(365.25 / 12 days); its *monthly effort* is effort / life in months. Finished projects without any
recorded hour are left out (missing timesheets, not free projects).

P50 is the median over projects; P80 the value under which 80 % of them lie (the pessimistic
estimate). Both use linear interpolation between projects (like DuckDB's ``quantile_cont``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import duckdb
import numpy as np
import pandas as pd

from analytics.arbitration.teams import team_column
from analytics.schema import LEVELS
from analytics.store import derived
from analytics.store.db import query_df, read_sql
from analytics.store.derived import named_params

P50: Final[float] = 0.5
"""The typical estimate: the median."""
P80: Final[float] = 0.8
"""The pessimistic estimate: 80 % of comparable projects cost less."""
MIN_COMPARABLE_PROJECTS: Final[int] = 5
"""An estimate needs at least this many comparable finished projects; with fewer, it falls back to a
broader group (dropping the least important criterion first)."""
LIFE_PHASES: Final[int] = derived.LIFE_PHASES
"""A project's life is cut into this many equal slices to show when its effort happens (the
derived table ``project_phase_hours`` is cut so)."""
DAYS_PER_MONTH: Final[float] = 365.25 / 12
"""Average length of a month in days."""
DONE_STATUS: Final[str] = derived.DONE_STATUS
"""projects.status of a finished project."""
OTHER_ACTIVITY: Final[str] = derived.OTHER_ACTIVITY
"""Activity code given to time entries without an activity."""
ESTIMATE_CRITERIA: Final[tuple[str, ...]] = ("level", "perimeter", "team", "initiative", "theme")
"""Criteria of comparability, most important first; a fallback drops them from the end."""
DIMENSIONS: Final[tuple[str, ...]] = ("level", "perimeter", "theme", "initiative", "team")
"""Dimensions by which the effort of finished projects can be broken down."""


def sql_params() -> dict[str, object]:
    """Values bound into the effort SQL files."""
    return {
        "done_status": DONE_STATUS,
        "levels": list(LEVELS),
        "days_per_month": DAYS_PER_MONTH,
        "phases": LIFE_PHASES,
        "other_activity": OTHER_ACTIVITY,
    }


def finished_projects(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Finished participatory projects with their attributes and life in days and months."""
    sql = read_sql("arbitration/finished_projects")
    return query_df(con, sql, named_params(sql, sql_params()))


def finished_phase_hours(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Hours of finished projects per (project_id, phase, activity) (see the SQL file)."""
    sql = read_sql("arbitration/finished_phase_hours")
    return query_df(con, sql, named_params(sql, sql_params()))


def finished_effort(
    con: duckdb.DuckDBPyConnection, team_of: Mapping[str, str | None]
) -> pd.DataFrame:
    """What :func:`project_effort` makes of :func:`finished_projects` and
    :func:`finished_phase_hours`, in one query of the derived table ``project_phase_hours``: one
    row per finished project with recorded hours, its attributes, ``hours``, ``team`` and
    ``monthly_hours``."""
    sql = read_sql("arbitration/finished_effort")
    effort = query_df(con, sql, named_params(sql, sql_params()))
    effort.insert(effort.columns.get_loc("monthly_hours"), "team",
                  team_column(effort["service_id"], team_of))
    return effort


HISTORY_COLUMNS: Final[tuple[str, ...]] = (
    "project_id", "theme", "service_id", "level", "initiative", "perimeter", "months", "hours",
    "team", "monthly_hours",
)
"""The columns of :func:`finished_effort` the arbitration page and simulator use (criteria,
breakdown dimensions and figures): :func:`analytics.arbitration.context.history_effort` reads only
these."""


def level_phase_hours(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Hours of finished projects per (level, phase, activity): :func:`finished_phase_hours`
    summed over each level's projects (from the derived project_phase_hours)."""
    sql = read_sql("arbitration/level_phase_hours")
    return query_df(con, sql, named_params(sql, sql_params()))


def project_effort(
    projects: pd.DataFrame, phase_hours: pd.DataFrame, team_of: Mapping[str, str | None]
) -> pd.DataFrame:
    """One row per finished project with recorded hours: its attributes plus
    ``team`` (the team officials see, via ``team_of``; None when hidden), ``hours`` (total staff
    hours) and ``monthly_hours`` (hours / months of life).
    """
    totals = phase_hours.groupby("project_id", as_index=False)["hours"].sum()
    effort = projects.merge(totals, on="project_id", how="inner")
    effort["team"] = pd.Series(
        [team_of.get(sid) for sid in effort["service_id"]], index=effort.index, dtype="object"
    )
    effort["monthly_hours"] = effort["hours"] / effort["months"]
    return effort.reset_index(drop=True)


def effort_by(effort: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Effort of finished projects grouped by ``dimension`` (level, perimeter, theme, initiative, team).

    One row per value of the dimension: ``projects``; ``hours_p50`` / ``hours_p80`` (total staff
    hours per project); ``monthly_hours_p50`` / ``monthly_hours_p80`` (staff hours per month of
    life); ``months_p50`` (median life in months); ``hours_total`` (all their hours). Levels come in
    their natural order, other dimensions by decreasing number of projects. Rows without a value of
    the dimension (e.g. hidden team) are left out.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {DIMENSIONS}")
    data = effort[effort[dimension].notna()]
    grouped = data.groupby(dimension)
    table = pd.DataFrame({
        "projects": grouped.size(),
        "hours_p50": grouped["hours"].quantile(P50),
        "hours_p80": grouped["hours"].quantile(P80),
        "monthly_hours_p50": grouped["monthly_hours"].quantile(P50),
        "monthly_hours_p80": grouped["monthly_hours"].quantile(P80),
        "months_p50": grouped["months"].quantile(P50),
        "hours_total": grouped["hours"].sum(),
    }).reset_index()
    if dimension == "level":
        order = {level: rank for rank, level in enumerate(LEVELS)}
        return table.sort_values("level", key=lambda s: s.map(order)).reset_index(drop=True)
    return table.sort_values(["projects", dimension], ascending=[False, True]).reset_index(drop=True)


@dataclass(frozen=True)
class Estimate:
    """Typical (P50) and pessimistic (P80) effort of a new project, from comparable finished ones.

    ``requested`` are the criteria asked for, ``criteria`` those of the group actually used (the
    same, or fewer after a fallback), ``projects`` how many finished projects that group holds.
    ``monthly_p50`` / ``monthly_p80`` are staff hours per month of life; ``total_p50`` /
    ``total_p80`` staff hours per project; ``months_p50`` the group's median life in months.
    """

    requested: tuple[tuple[str, str], ...]
    criteria: tuple[tuple[str, str], ...]
    projects: int
    monthly_p50: float
    monthly_p80: float
    total_p50: float
    total_p80: float
    months_p50: float

    @property
    def fell_back(self) -> bool:
        """True when fewer criteria than requested were used."""
        return self.criteria != self.requested

    def monthly(self, quantile: str) -> float:
        """Monthly staff hours for ``'p50'`` or ``'p80'``."""
        return {"p50": self.monthly_p50, "p80": self.monthly_p80}[quantile]

    def total(self, quantile: str) -> float:
        """Staff hours per project for ``'p50'`` or ``'p80'``."""
        return {"p50": self.total_p50, "p80": self.total_p80}[quantile]


@dataclass(frozen=True)
class Comparables:
    """Finished projects (rows of :func:`project_effort`) as arrays, converted once so that many
    estimates can be made from them: ``codes[key]`` numbers each project's value of a criterion
    (−1 when missing) and ``labels[key]`` maps a value to its number; ``hours``,
    ``monthly_hours`` and ``months`` are the projects' figures."""

    codes: Mapping[str, np.ndarray]
    labels: Mapping[str, Mapping[str, int]]
    hours: np.ndarray
    monthly_hours: np.ndarray
    months: np.ndarray

    @classmethod
    def of(cls, effort: pd.DataFrame, keys: Sequence[str] = ESTIMATE_CRITERIA) -> Comparables:
        """The arrays of ``effort`` for the criteria ``keys``."""
        codes, labels = {}, {}
        for key in keys:
            numbers, values = pd.factorize(effort[key].to_numpy(dtype=object))
            codes[key] = numbers
            labels[key] = {value: number for number, value in enumerate(values)}
        return cls(
            codes=codes,
            labels=labels,
            hours=effort["hours"].to_numpy(dtype=float),
            monthly_hours=effort["monthly_hours"].to_numpy(dtype=float),
            months=effort["months"].to_numpy(dtype=float),
        )

    def matching(self, key: str, value: str) -> np.ndarray:
        """True for the projects whose ``key`` equals ``value``."""
        return self.codes[key] == self.labels[key].get(value, -2)


def estimate(
    effort: pd.DataFrame,
    criteria: Mapping[str, str | None],
    min_projects: int = MIN_COMPARABLE_PROJECTS,
) -> Estimate | None:
    """The effort estimate for a project described by ``criteria`` (keys of ESTIMATE_CRITERIA).

    Comparable projects share every given criterion. When fewer than ``min_projects`` are
    comparable, the least important criterion is dropped (order of ESTIMATE_CRITERIA: level, then
    perimeter, team, initiative, theme) until the group is large enough, down to all finished
    projects. If no group reaches ``min_projects``, the broadest non-empty one is used. None when
    there is no finished project at all.
    """
    _check_criteria(criteria)
    keys = [key for key in ESTIMATE_CRITERIA if criteria.get(key) is not None]
    return estimate_from(Comparables.of(effort, keys), criteria, min_projects)


def _check_criteria(criteria: Mapping[str, str | None]) -> None:
    unknown = set(criteria) - set(ESTIMATE_CRITERIA)
    if unknown:
        raise ValueError(f"unknown criteria {sorted(unknown)}; expected {ESTIMATE_CRITERIA}")


def estimate_from(
    comparables: Comparables,
    criteria: Mapping[str, str | None],
    min_projects: int = MIN_COMPARABLE_PROJECTS,
) -> Estimate | None:
    """:func:`estimate` on finished projects already converted (``comparables`` must hold every
    criterion given a value in ``criteria``)."""
    _check_criteria(criteria)
    requested = tuple(
        (key, criteria[key]) for key in ESTIMATE_CRITERIA if criteria.get(key) is not None
    )
    count = len(comparables.hours)
    if count == 0:
        return None
    chosen: tuple[tuple[str, str], ...] = ()
    mask = np.ones(count, dtype=bool)
    for size in range(len(requested), -1, -1):
        candidate = requested[:size]
        mask = np.ones(count, dtype=bool)
        for key, value in candidate:
            mask &= comparables.matching(key, value)
        if mask.sum() >= min_projects or size == 0:
            chosen = candidate
            break
    quantiles = [P50, P80]
    monthly = np.quantile(comparables.monthly_hours[mask], quantiles)
    total = np.quantile(comparables.hours[mask], quantiles)
    months = np.quantile(comparables.months[mask], P50)
    return Estimate(
        requested=requested,
        criteria=chosen,
        projects=int(mask.sum()),
        monthly_p50=float(monthly[0]),
        monthly_p80=float(monthly[1]),
        total_p50=float(total[0]),
        total_p80=float(total[1]),
        months_p50=float(months),
    )


LEVEL_CRITERIA: Final[tuple[str, ...]] = ("level", "perimeter", "team")
"""The criteria of :func:`level_estimates` (a new project is described by these)."""


def level_estimates(
    effort: pd.DataFrame, perimeter: str | None, team: str | None,
    min_projects: int = MIN_COMPARABLE_PROJECTS,
) -> dict[str, Estimate]:
    """The estimate of each level for a project on ``perimeter`` carried by ``team`` (levels
    without any estimate — no finished project at all — are absent)."""
    return level_estimates_from(Comparables.of(effort, LEVEL_CRITERIA), perimeter, team, min_projects)


def level_estimates_from(
    comparables: Comparables, perimeter: str | None, team: str | None,
    min_projects: int = MIN_COMPARABLE_PROJECTS,
) -> dict[str, Estimate]:
    """:func:`level_estimates` on finished projects already converted (with LEVEL_CRITERIA)."""
    found = {
        level: estimate_from(
            comparables, {"level": level, "perimeter": perimeter, "team": team}, min_projects
        )
        for level in LEVELS
    }
    return {level: value for level, value in found.items() if value is not None}


def life_profile(phase_hours: pd.DataFrame, effort: pd.DataFrame) -> pd.DataFrame:
    """How effort is spread over a project's life, by level and activity.

    One row per (level, phase, activity): ``hours`` summed over the level's finished projects and
    ``share`` = those hours / all hours of the level's projects (so the shares of one level add up
    to 1). ``phase`` 0 is the first tenth of the life, 9 the last. Only projects of ``effort``.
    """
    levels = effort[["project_id", "level"]]
    data = phase_hours.merge(levels, on="project_id", how="inner")
    return profile_shares(data.groupby(["level", "phase", "activity"], as_index=False)["hours"].sum())


def profile_shares(level_hours: pd.DataFrame) -> pd.DataFrame:
    """:func:`life_profile` from hours already summed per (level, phase, activity) (e.g.
    :func:`level_phase_hours`): adds ``share`` (of the level's hours), levels in their natural
    order, then phase and activity."""
    table = level_hours[["level", "phase", "activity", "hours"]].copy()
    table["share"] = table["hours"] / table.groupby("level")["hours"].transform("sum")
    order = {level: rank for rank, level in enumerate(LEVELS)}
    return table.sort_values(
        ["level", "phase", "activity"], key=lambda s: s.map(order) if s.name == "level" else s
    ).reset_index(drop=True)


@dataclass(frozen=True)
class LifeProfile:
    """How finished projects' effort spreads over their life: ``profile`` (:func:`life_profile`,
    one row per level, phase and activity) and ``activities`` (:func:`activity_shares` of it)."""

    profile: pd.DataFrame
    activities: pd.DataFrame


def load_life_profile(con: duckdb.DuckDBPyConnection) -> LifeProfile:
    """:class:`LifeProfile` of every finished project with recorded hours (the projects of
    :func:`finished_effort`), from the derived project_phase_hours."""
    profile = profile_shares(level_phase_hours(con))
    return LifeProfile(profile=profile, activities=activity_shares(profile))


def activity_shares(profile: pd.DataFrame) -> pd.DataFrame:
    """Share of each activity in each level's effort (over the whole life): level, activity, share."""
    table = profile.groupby(["level", "activity"], as_index=False)[["hours", "share"]].sum()
    return table.reset_index(drop=True)
