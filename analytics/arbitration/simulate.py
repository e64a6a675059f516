"""What-if: can a team take on a new project, at which level, starting when?

A project is described by its level, perimeter, team, start date and duration in months. Its effort
is the comparable finished projects' staff hours per project (P50 typical, P80 pessimistic, see
:mod:`.effort` — the same figures as the cost per level), spread evenly over the working days of
[start, start + duration): a longer duration spreads the same work thinner.

**The fit rule.** The team's *load* on a day is its ordinary work + committed projects + the
tentative projects switched on + the new project. A project *fits* when, in every calendar month
it touches, the team's load over that month stays within ``target_utilisation`` × its capacity
over that month (85 % by default: the rest absorbs the unexpected). Months are the unit because
officials plan by month; the weekly chart shows the peaks inside them.

**The verdict** (for each estimate, P50 and P80), in this order:

* ``fits`` — the project fits as described;
* ``fits_at_level`` — it does not, but a lighter level fits from the same start (the highest one);
* ``fits_from`` — the chosen level does not fit at that start, nor any lighter one, but it fits at
  another start (the earliest one);
* ``fits_lighter_from`` — the chosen level fits at no start, but a lighter level fits at some start
  (the highest such level, at its earliest start);
* ``does_not_fit`` — no level up to the chosen one fits at any start searched.

Starts are searched from the earliest possible day (the first day of the forecast, the day after
the reference day) then on the first of each month up to ``latest_start`` (START_SEARCH_MONTHS
after the reference day), plus the start typed: the earliest start is never "the day typed" when
an earlier day fits.

**Why** (:attr:`Verdict.cause`): when the project does not fit as described, either the team is
already over the target in a month of the project *without it* (``already_over``: no new project
fits that month, however light), or it is under and the project *tips it over* (``tips_over``),
or the team has no capacity at all in a month (``no_capacity``). The month shown is the one with
the highest load without the project (already over) or with it (tips over); when the project
fits, the busiest month with it (``fits``).

**Another team** (:attr:`Simulation.other_teams`): when the chosen team cannot take the project as
described, the other visible teams that can — same level, same start, same duration, each costed
with its own learned effort and carrying its own tentative projects — with their load / capacity
in their busiest month of the project, without and with it; the most room first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Final

import numpy as np
import pandas as pd

from analytics.arbitration.baseline import add_months, month_start
from analytics.schema import LEVELS

QUANTILES: Final[tuple[str, ...]] = ("p50", "p80")
"""The two estimates every projection is computed for: typical and pessimistic."""
FITS: Final[str] = "fits"
FITS_AT_LEVEL: Final[str] = "fits_at_level"
FITS_FROM: Final[str] = "fits_from"
FITS_LIGHTER_FROM: Final[str] = "fits_lighter_from"
DOES_NOT_FIT: Final[str] = "does_not_fit"
VERDICTS: Final[tuple[str, ...]] = (FITS, FITS_AT_LEVEL, FITS_FROM, FITS_LIGHTER_FROM, DOES_NOT_FIT)
# Why a project fits or not at its start (Verdict.cause).
CAUSE_FITS: Final[str] = "fits"
ALREADY_OVER: Final[str] = "already_over"
TIPS_OVER: Final[str] = "tips_over"
NO_CAPACITY: Final[str] = "no_capacity"
DEFAULT_LEVEL: Final[str] = "consultation"
"""The level the simulator opens on."""
DEFAULT_PROJECT_MONTHS: Final[int] = 6
"""The duration the simulator opens on, in months."""
PROJECTION_MONTHS: Final[int] = 12
"""The weekly chart shows at least this many months after the reference day."""
_TOLERANCE: Final[float] = 1e-9


@dataclass(frozen=True)
class ProjectSpec:
    """A project described for the simulator (``months`` ≥ 1; ``start`` any day)."""

    level: str
    perimeter: str
    team: str
    start: date
    months: int
    name: str = ""

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"unknown level {self.level!r}; expected one of {LEVELS}")
        if self.months < 1:
            raise ValueError(f"a project lasts at least one month (got {self.months})")

    @property
    def end(self) -> date:
        """The first day after the project (start + months)."""
        return add_months(self.start, self.months)


def project_window(days: pd.DataFrame, start: date, months: int) -> np.ndarray:
    """True for the working days of ``days`` in [start, start + months)."""
    values = days["day"].to_numpy(dtype="datetime64[D]")
    return (values >= np.datetime64(start)) & (values < np.datetime64(add_months(start, months)))


def project_load(days: pd.DataFrame, start: date, months: int, hours: float) -> np.ndarray:
    """Hours per working day of ``days``: the project's ``hours`` spread evenly over the working
    days of [start, start + months) (0 elsewhere)."""
    window = project_window(days, start, months)
    count = int(window.sum())
    if count == 0:
        return np.zeros(len(days))
    return np.where(window, hours / count, 0.0)


def base_load(days: pd.DataFrame) -> np.ndarray:
    """What the team already carries each day: ordinary work + committed projects."""
    return (days["ordinary_hours"] + days["committed_hours"]).to_numpy(dtype=float)


def with_capacity_change(days: pd.DataFrame, weekly_hours: float, from_day: date) -> pd.DataFrame:
    """A copy of ``days`` whose capacity gains ``weekly_hours`` per week (negative: loses) from
    ``from_day`` on — a reinforcement or a departure: weekly_hours / 5 on each working day, never
    below 0. Ordinary work is unchanged (the same work, more or fewer hands)."""
    changed = days.copy()
    after = changed["day"] >= pd.Timestamp(from_day)
    changed.loc[after, "capacity_hours"] = (
        changed.loc[after, "capacity_hours"] + weekly_hours / 5
    ).clip(lower=0.0)
    return changed


def _month_codes(days: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The distinct months of ``days`` (sorted) and, for each day, the index of its month."""
    return np.unique(days["month_start"].to_numpy(dtype="datetime64[D]"), return_inverse=True)


def _monthly(
    days: pd.DataFrame, load: np.ndarray, window: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The months ``window`` touches, with the load and the capacity of each (see
    :func:`monthly_usage`)."""
    months, codes = _month_codes(days)
    touched = np.unique(codes[window])
    load_hours = np.bincount(codes, weights=load, minlength=len(months))[touched]
    capacity = np.bincount(
        codes, weights=days["capacity_hours"].to_numpy(dtype=float), minlength=len(months)
    )[touched]
    return months[touched], load_hours, capacity


def monthly_usage(days: pd.DataFrame, load: np.ndarray, window: np.ndarray) -> pd.DataFrame:
    """For each month that ``window`` touches: month_start, load_hours, capacity_hours, ratio
    (load / capacity; infinite when capacity is 0 and there is load, 0 when both are 0)."""
    months, load_hours, capacity = _monthly(days, load, window)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(capacity > 0, load_hours / capacity, np.where(load_hours > 0, np.inf, 0.0))
    return pd.DataFrame({
        "month_start": months, "load_hours": load_hours, "capacity_hours": capacity,
        "ratio": ratio,
    })


def fits(
    days: pd.DataFrame, base: np.ndarray, start: date, months: int, hours: float,
    target: float,
) -> bool:
    """Whether a project fits the fit rule: in each month it touches, base + project ≤ target ×
    capacity. A window without any working day in ``days`` never fits (nothing to judge)."""
    window = project_window(days, start, months)
    if not window.any():
        return False
    load = base + project_load(days, start, months, hours)
    _, load_hours, capacity = _monthly(days, load, window)
    return bool((capacity > 0).all() and (load_hours <= target * capacity + _TOLERANCE).all())


@dataclass(frozen=True)
class Verdict:
    """The simulator's answer for one estimate (``quantile`` 'p50' or 'p80').

    ``kind``: one of VERDICTS. ``level``: the highest level, up to the chosen one, that fits at
    the chosen start (None if none does). ``earliest_start``: the earliest start searched (from
    ``search_from``) at which the chosen level fits (None if none up to ``search_to``).
    ``peak_month`` and ``peak_ratio``: the busiest month of the project as described and its
    load / capacity with the project.

    The why: ``cause`` (CAUSE_FITS, ALREADY_OVER, TIPS_OVER or NO_CAPACITY), about ``month``,
    where the team's load / capacity is ``without_ratio`` without the project and ``with_ratio``
    with it, against the limit ``target``. ``alternative``: the (level, start) the verdict
    proposes instead (None for ``fits`` and ``does_not_fit``).
    """

    quantile: str
    kind: str
    level: str | None
    earliest_start: date | None
    peak_month: date | None
    peak_ratio: float
    cause: str | None = None
    month: date | None = None
    without_ratio: float = float("nan")
    with_ratio: float = float("nan")
    target: float = float("nan")
    alternative: tuple[str, date] | None = None
    search_from: date | None = None
    search_to: date | None = None


def candidate_starts(start: date, latest_start: date, first_start: date | None = None
                     ) -> list[date]:
    """The starts searched, in order: ``first_start`` (default ``start``), then the first day of
    each following month up to ``latest_start``, with ``start`` itself among them."""
    first = start if first_start is None else min(first_start, start)
    starts = {first, start}
    following = add_months(month_start(first), 1)
    while following <= latest_start:
        starts.add(following)
        following = add_months(following, 1)
    return sorted(starts)


def _ratio(load: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(capacity > 0, load / capacity, np.where(load > 0, np.inf, 0.0))


def _first_max(values: np.ndarray) -> int:
    """The first index whose value is the largest (equal within rounding: the earliest month)."""
    finite = np.where(np.isnan(values), -np.inf, values)
    top = finite.max()
    close = finite >= top - 1e-9 * max(1.0, abs(top)) if np.isfinite(top) else finite == top
    return int(np.argmax(close))


def explain(
    days: pd.DataFrame, base: np.ndarray, start: date, months: int, hours: float, target: float
) -> tuple[str, date | None, float, float]:
    """Why a project of ``hours`` from ``start`` fits or not: (cause, month, load / capacity
    without it, with it) — see the module docstring."""
    window = project_window(days, start, months)
    if not window.any():
        return NO_CAPACITY, None, float("nan"), float("nan")
    project = project_load(days, start, months, hours)
    found, without, capacity = _monthly(days, base, window)
    _, with_load, _ = _monthly(days, base + project, window)
    before, after = _ratio(without, capacity), _ratio(with_load, capacity)
    limit = target * capacity + _TOLERANCE
    if (capacity <= 0).any():
        cause, index = NO_CAPACITY, int(np.argmax(capacity <= 0))
    elif (without > limit).any():
        cause, index = ALREADY_OVER, _first_max(before)
    elif (with_load > limit).any():
        cause, index = TIPS_OVER, _first_max(after)
    else:
        cause, index = CAUSE_FITS, _first_max(after)
    month = pd.Timestamp(found[index]).date()
    return cause, month, float(before[index]), float(after[index])


def assess(
    days: pd.DataFrame,
    base: np.ndarray,
    spec: ProjectSpec,
    hours_by_level: Mapping[str, float],
    target: float,
    latest_start: date,
    quantile: str = "p50",
    first_start: date | None = None,
) -> Verdict:
    """The verdict for ``spec`` on a team whose existing daily load is ``base``.

    ``hours_by_level`` gives the staff hours of each level for this estimate (a level absent from
    it is never proposed). Starts are searched from ``first_start`` (default: the first day of
    ``days``, the start of the forecast) to ``latest_start``. See the module docstring for the
    rule and the verdict order.
    """
    def fits_at(level: str, start: date) -> bool:
        return level in hours_by_level and fits(
            days, base, start, spec.months, hours_by_level[level], target
        )

    search_from = first_start or (
        pd.Timestamp(days["day"].iloc[0]).date() if len(days) else spec.start
    )
    starts = candidate_starts(spec.start, latest_start, search_from)
    up_to_chosen = LEVELS[: LEVELS.index(spec.level) + 1]
    highest = next(
        (level for level in reversed(up_to_chosen) if fits_at(level, spec.start)), None
    )
    earliest = next((start for start in starts if fits_at(spec.level, start)), None)
    alternative: tuple[str, date] | None = None
    if fits_at(spec.level, spec.start):
        kind = FITS
    elif highest is not None:
        kind, alternative = FITS_AT_LEVEL, (highest, spec.start)
    elif earliest is not None:
        kind, alternative = FITS_FROM, (spec.level, earliest)
    else:
        alternative = next(
            ((level, start) for level in reversed(up_to_chosen[:-1]) for start in starts
             if fits_at(level, start)),
            None,
        )
        kind = DOES_NOT_FIT if alternative is None else FITS_LIGHTER_FROM
    hours = hours_by_level.get(spec.level, 0.0)
    window = project_window(days, spec.start, spec.months)
    usage = monthly_usage(days, base + project_load(days, spec.start, spec.months, hours), window)
    peak = usage.loc[usage["ratio"].idxmax()] if len(usage) else None
    cause, month, without_ratio, with_ratio = explain(
        days, base, spec.start, spec.months, hours, target
    )
    return Verdict(
        quantile=quantile,
        kind=kind,
        level=highest,
        earliest_start=earliest,
        peak_month=None if peak is None else pd.Timestamp(peak["month_start"]).date(),
        peak_ratio=float("nan") if peak is None else float(peak["ratio"]),
        cause=cause,
        month=month,
        without_ratio=without_ratio,
        with_ratio=with_ratio,
        target=target,
        alternative=alternative,
        search_from=search_from,
        search_to=latest_start,
    )


@dataclass(frozen=True)
class Tentative:
    """A project stacked as tentative: its description, its staff hours for P50 and P80, and
    whether it is switched on."""

    spec: ProjectSpec
    hours_p50: float
    hours_p80: float
    enabled: bool = True

    def hours(self, quantile: str) -> float:
        return {"p50": self.hours_p50, "p80": self.hours_p80}[quantile]

    def toggled(self) -> Tentative:
        return replace(self, enabled=not self.enabled)


def tentative_load(
    days: pd.DataFrame, tentatives: Iterable[Tentative], team: str, quantile: str
) -> np.ndarray:
    """Hours per day of the tentative projects of ``team`` that are switched on."""
    total = np.zeros(len(days))
    for item in tentatives:
        if item.enabled and item.spec.team == team:
            total += project_load(days, item.spec.start, item.spec.months, item.hours(quantile))
    return total


def weekly_projection(
    days: pd.DataFrame,
    tentative: Mapping[str, np.ndarray],
    project: Mapping[str, np.ndarray],
    target: float,
    until: date,
) -> pd.DataFrame:
    """The team's load per ISO week up to ``until``, without and with the project, for P50 and P80.

    ``tentative`` and ``project`` map 'p50'/'p80' to hours per day. Columns: week_start,
    capacity_hours, target_hours (= target × capacity), ordinary_hours, committed_hours,
    tentative_p50_hours, tentative_p80_hours, project_p50_hours, project_p80_hours,
    without_p50_hours / without_p80_hours (ordinary + committed + tentative),
    with_p50_hours / with_p80_hours (the same + the project), and the ratios to capacity
    with_p50_ratio / with_p80_ratio.
    """
    frame = days[["week_start", "capacity_hours", "ordinary_hours", "committed_hours"]].copy()
    for quantile in QUANTILES:
        frame[f"tentative_{quantile}_hours"] = tentative[quantile]
        frame[f"project_{quantile}_hours"] = project[quantile]
    frame = frame[frame["week_start"] <= pd.Timestamp(until)]
    weeks = frame.groupby("week_start", as_index=False).sum()
    weeks["target_hours"] = target * weeks["capacity_hours"]
    base = weeks["ordinary_hours"] + weeks["committed_hours"]
    for quantile in QUANTILES:
        weeks[f"without_{quantile}_hours"] = base + weeks[f"tentative_{quantile}_hours"]
        weeks[f"with_{quantile}_hours"] = (
            weeks[f"without_{quantile}_hours"] + weeks[f"project_{quantile}_hours"]
        )
        weeks[f"with_{quantile}_ratio"] = weeks[f"with_{quantile}_hours"] / weeks[
            "capacity_hours"
        ].where(weeks["capacity_hours"] > 0)
    return weeks


@dataclass(frozen=True)
class TeamFit:
    """Another team that can take a project as described: in ``month``, its busiest month of the
    project, its load / capacity is ``without_ratio`` without the project and ``with_ratio`` with
    it (at most the target)."""

    team: str
    month: date
    without_ratio: float
    with_ratio: float


def teams_that_fit(
    spec: ProjectSpec, others: Mapping[str, tuple[pd.DataFrame, np.ndarray, float]], target: float
) -> tuple[TeamFit, ...]:
    """The teams of ``others`` (team → its working days, its daily load before the project, the
    project's staff hours on it) that can take ``spec`` at its level and start, the one with the
    most room first (lowest load with the project); ``spec.team`` itself is never among them."""
    found = []
    for team, (days, base, hours) in others.items():
        if team == spec.team or not fits(days, base, spec.start, spec.months, hours, target):
            continue
        _, month, without, with_it = explain(days, base, spec.start, spec.months, hours, target)
        if month is not None:
            found.append(TeamFit(team, month, without, with_it))
    return tuple(sorted(found, key=lambda fit: (fit.with_ratio, fit.team)))


def other_teams_of(
    spec: ProjectSpec,
    verdicts: Mapping[str, Verdict],
    others: Mapping[str, tuple[pd.DataFrame, Mapping[str, Mapping[str, float]]]],
    tentatives: Sequence[Tentative],
    target: float,
) -> dict[str, tuple[TeamFit, ...]]:
    """For each estimate whose verdict is not ``fits``, :func:`teams_that_fit` among ``others``
    (team → its days and its rates), each carrying its own tentative projects switched on."""
    return {
        q: () if verdicts[q].kind == FITS else teams_that_fit(spec, {
            team: (days, base_load(days) + tentative_load(days, tentatives, team, q),
                   rates[q][spec.level])
            for team, (days, rates) in others.items() if spec.level in rates[q]
        }, target)
        for q in QUANTILES
    }


@dataclass(frozen=True)
class Simulation:
    """Everything the simulator shows for one project on one team; ``other_teams[quantile]``: the
    other teams that can take it when the chosen one cannot (:func:`teams_that_fit`)."""

    spec: ProjectSpec
    hours: Mapping[str, float]
    verdicts: Mapping[str, Verdict]
    weeks: pd.DataFrame
    other_teams: Mapping[str, tuple[TeamFit, ...]] = field(default_factory=dict)


def simulate(
    days: pd.DataFrame,
    spec: ProjectSpec,
    rates: Mapping[str, Mapping[str, float]],
    target: float,
    latest_start: date,
    tentatives: Sequence[Tentative] = (),
    chart_until: date | None = None,
    first_start: date | None = None,
    others: Mapping[str, tuple[pd.DataFrame, Mapping[str, Mapping[str, float]]]] | None = None,
) -> Simulation:
    """Verdicts (P50 and P80) and weekly projection of ``spec`` on the team whose days are ``days``.

    ``rates[quantile][level]`` is the staff hours of each level for that estimate. Tentative
    projects of the same team that are switched on count as already there. The chart runs to
    ``chart_until`` (default: the later of the project's end and PROJECTION_MONTHS after the
    first day). Starts are searched from ``first_start`` (default: the first day of ``days``).
    ``others`` (team → its days and its rates, like ``days`` and ``rates``): the teams looked at
    when the chosen one cannot take the project as described.
    """
    first_day = pd.Timestamp(days["day"].iloc[0]).date() if len(days) else spec.start
    until = chart_until or max(
        spec.end - timedelta(days=1), add_months(first_day, PROJECTION_MONTHS)
    )
    tentative = {q: tentative_load(days, tentatives, spec.team, q) for q in QUANTILES}
    project = {
        q: project_load(days, spec.start, spec.months, rates[q].get(spec.level, 0.0))
        for q in QUANTILES
    }
    verdicts = {
        q: assess(days, base_load(days) + tentative[q], spec, rates[q], target, latest_start, q,
                  first_start)
        for q in QUANTILES
    }
    other_teams = other_teams_of(spec, verdicts, others or {}, tentatives, target)
    return Simulation(
        spec=spec,
        hours={q: rates[q].get(spec.level, 0.0) for q in QUANTILES},
        verdicts=verdicts,
        weeks=weekly_projection(days, tentative, project, target, until),
        other_teams=other_teams,
    )
