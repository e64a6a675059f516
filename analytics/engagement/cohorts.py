"""Cohorts: do people stay? Retention by year of first participation and the Kaplan–Meier
engagement-survival curve (the period retention, the catalogue's ``engagement.retention``, is a
headline count: :mod:`.headline`).

* A *cohort* is the set of participants whose first attended event in the scope fell in a calendar
  year. Its retention *k* years later is the share of the cohort active (at least one attended
  event) in year cohort + k — not necessarily every year in between.
* *Engagement survival*: a participant's engagement runs from their first to their last attended
  event. They have dropped out when they have not come back for :data:`LAPSE_MONTHS` months before
  the end of the data; people who came within those last months may still be engaged, so their
  duration is *censored* (we only know it is at least that long). ``S(t)`` is the estimated share of
  participants still engaged *t* months after their first event (Kaplan–Meier product-limit
  estimator).
"""

from __future__ import annotations

from typing import Any, Final

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.engagement.scope import (
    DAYS_PER_MONTH,
    LAPSE_MONTHS,
    Scope,
    run_query,
    trailing_windows,
)
from analytics.store.db import read_sql

SURVIVAL_GROUPINGS: Final[tuple[str, ...]] = ("level", "initiative")
"""What the survival curves can be compared by: the level or the initiative of the first event."""
ALL_GROUPS: Final[str] = "all"
"""group_key of the curve over every participant."""


def cohort_activity(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """Columns cohort_year, active_year, participants (raw counts, every year up to the end)."""
    return run_query(con, read_sql("engagement/cohort_activity"), scope.params())


def retention_table(activity: pd.DataFrame, last_year: int, min_group_size: int) -> pd.DataFrame:
    """The retention table: one row per cohort, its size, and the share active k years later.

    Columns: cohort_year, cohort_size, then ``1``, ``2``, … (int column names, k years after): the
    share of the cohort active in year cohort + k, for cohort + k <= ``last_year`` (else missing).
    Cohorts under ``min_group_size`` people are left out; a cell is missing when the cohort's people
    active that year, or those not active (cohort size − active), are 1 to ``min_group_size − 1``.
    """
    if activity.empty:
        return pd.DataFrame(columns=["cohort_year", "cohort_size"])
    cohort = activity["cohort_year"].to_numpy()
    years_after = activity["active_year"].to_numpy() - cohort
    people = activity["participants"].to_numpy()
    first_year = years_after == 0
    order = np.argsort(cohort[first_year], kind="stable")
    cohorts, sizes = cohort[first_year][order], people[first_year][order]
    horizon = int(last_year - cohorts.min()) if len(cohorts) else 0
    counts = np.full((len(cohorts), horizon), np.nan)  # counts[i, k - 1]: cohort i, k years later
    later = (years_after > 0) & (years_after <= horizon)
    counts[np.searchsorted(cohorts, cohort[later]), years_after[later] - 1] = people[later]
    columns: dict[object, object] = {"cohort_year": cohorts, "cohort_size": sizes}
    for k in range(1, horizon + 1):
        observed = cohorts + k <= last_year
        active = np.where(observed & np.isnan(counts[:, k - 1]), 0.0, counts[:, k - 1])
        share = active / sizes.astype(float)
        lapsed = sizes - active  # shown size × shown share would give them back
        small = ((active > 0) & (active < min_group_size)) | (
            (lapsed > 0) & (lapsed < min_group_size))
        columns[k] = np.where(observed & ~small, share, np.nan)
    table = pd.DataFrame(columns)
    return table.loc[table["cohort_size"].to_numpy() >= min_group_size].reset_index(drop=True)


def kaplan_meier(
    durations: npt.ArrayLike,
    observed: npt.ArrayLike,
    weights: npt.ArrayLike | None = None,
) -> pd.DataFrame:
    """Kaplan–Meier product-limit estimate of the survival function.

    ``durations[i]`` is how long subject (or group of ``weights[i]`` identical subjects) ``i`` was
    followed; ``observed[i]`` is True when the event (dropping out) happened at that time, False when
    the subject was censored (still engaged when last seen). At each distinct time t:
    S(t) = Π over event times u ≤ t of (1 − d(u) / n(u)), with n(u) the subjects still at risk (duration
    ≥ u) and d(u) the events at u; subjects censored at t are still at risk at t (standard convention).

    Returns one row per distinct time: time, at_risk, events, censored, survival.
    """
    columns = ["time", "at_risk", "events", "censored", "survival"]
    curve = _product_limit(durations, observed, weights)
    if curve is None:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(dict(zip(columns, curve, strict=True)))


Curve = tuple[
    npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64],
    npt.NDArray[np.float64], npt.NDArray[np.float64],
]
"""(time, at_risk, events, censored, survival) arrays of a Kaplan–Meier curve."""


def _product_limit(
    durations: npt.ArrayLike, observed: npt.ArrayLike, weights: npt.ArrayLike | None = None
) -> Curve | None:
    """The arrays of :func:`kaplan_meier` (None without any subject)."""
    t = np.asarray(durations, dtype=float)
    d = np.asarray(observed, dtype=bool)
    w = np.ones_like(t) if weights is None else np.asarray(weights, dtype=float)
    if t.size == 0 or w.sum() == 0:
        return None
    times, inverse = np.unique(t, return_inverse=True)
    events = np.bincount(inverse, weights=w * d, minlength=len(times))
    censored = np.bincount(inverse, weights=w * ~d, minlength=len(times))
    leaving = events + censored
    at_risk = leaving[::-1].cumsum()[::-1]
    survival = np.cumprod(1.0 - events / at_risk)
    return times, at_risk, events, censored, survival


def survival_data(
    con: duckdb.DuckDBPyConnection, scope: Scope, lapse_months: int = LAPSE_MONTHS
) -> pd.DataFrame:
    """Engagement durations up to the period's end, aggregated (sql/engagement/survival.sql).

    Columns: grouping (one of :data:`SURVIVAL_GROUPINGS`: every participant is counted once per
    grouping), group_key (level or initiative of the first event), months, lapsed, participants.
    """
    _, recent = trailing_windows(scope.end, lapse_months)
    params = scope.params(lapse_start=recent.start, days_per_month=DAYS_PER_MONTH)
    return run_query(con, read_sql("engagement/survival"), params)


def grouping_data(data: pd.DataFrame, by: str) -> pd.DataFrame:
    """The rows of :func:`survival_data` for one grouping ('level' or 'initiative'), without the
    grouping column."""
    if by not in SURVIVAL_GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; expected one of {SURVIVAL_GROUPINGS}")
    return data.loc[data["grouping"] == by].drop(columns="grouping").reset_index(drop=True)


def survival_curves(data: pd.DataFrame, min_group_size: int) -> pd.DataFrame:
    """Kaplan–Meier curves for every participant (group ``all``) and for each group.

    Columns: group_key, participants (the group's size), time (months), at_risk, events, censored,
    survival. Groups under ``min_group_size`` people are left out, and so is every point of a curve
    where fewer than ``min_group_size`` people are still at risk (its tail is too few people to show).
    """
    keys = data["group_key"].to_numpy()
    months = data["months"].to_numpy()
    lapsed = data["lapsed"].to_numpy()
    people = data["participants"].to_numpy()
    groups = [(ALL_GROUPS, np.ones(len(data), dtype=bool))]
    groups += [(key, keys == key) for key in np.unique(keys)]
    columns = ["group_key", "participants", "time", "at_risk", "events", "censored", "survival"]
    pieces: dict[str, list[Any]] = {column: [] for column in columns}
    for group_key, rows in groups:
        size = int(people[rows].sum())
        if size < min_group_size:
            continue
        curve = _product_limit(months[rows], lapsed[rows], people[rows])
        if curve is None:
            continue
        shown = curve[1] >= min_group_size
        for column, values in zip(columns[2:], curve, strict=True):
            pieces[column].append(values[shown])
        pieces["group_key"].append(np.full(int(shown.sum()), group_key, dtype=object))
        pieces["participants"].append(np.full(int(shown.sum()), size))
    if not pieces["time"]:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame({column: np.concatenate(values) for column, values in pieces.items()})


def median_survival(curve: pd.DataFrame) -> float | None:
    """The first time at which the survival falls to 0.5 or below (None if it never does)."""
    return _median_time(curve["time"].to_numpy(), curve["survival"].to_numpy())


def _median_time(times: npt.NDArray[Any], survival: npt.NDArray[Any]) -> float | None:
    below = times[survival <= 0.5]
    return float(below[0]) if len(below) else None


SURVIVAL_HORIZONS: Final[tuple[int, ...]] = (12, 24, 36)
"""Months after the first event at which the survival table reads the curves."""


def survival_at(curve: pd.DataFrame, months: float) -> float | None:
    """S(months): the curve's value at the last time ≤ ``months`` (1.0 before the first time), or
    None when the curve stops before ``months`` (too few people still followed), unless it has
    already reached 0."""
    return _survival_at(curve["time"].to_numpy(), curve["survival"].to_numpy(), months)


def _survival_at(
    times: npt.NDArray[Any], survival: npt.NDArray[Any], months: float
) -> float | None:
    if len(times) == 0:
        return None
    if times.max() < months:
        return 0.0 if survival[-1] == 0 else None
    before = survival[times <= months]
    return float(before[-1]) if len(before) else 1.0


def survival_summary(curves: pd.DataFrame) -> pd.DataFrame:
    """One row per curve: group_key, participants, median_months (first time S ≤ 50 %) and the
    survival at each of :data:`SURVIVAL_HORIZONS` (columns ``s12``, ``s24``, ``s36``)."""
    keys = curves["group_key"].to_numpy()
    times = curves["time"].to_numpy()
    survival = curves["survival"].to_numpy()
    people = curves["participants"].to_numpy()
    rows = []
    for group_key in pd.unique(keys):  # in order of appearance
        mine = keys == group_key
        row: dict[str, object] = {
            "group_key": group_key,
            "participants": int(people[mine][0]),
            "median_months": _median_time(times[mine], survival[mine]),
        }
        for horizon in SURVIVAL_HORIZONS:
            row[f"s{horizon}"] = _survival_at(times[mine], survival[mine], horizon)
        rows.append(row)
    columns = ["group_key", "participants", "median_months", *(f"s{h}" for h in SURVIVAL_HORIZONS)]
    return pd.DataFrame(rows, columns=columns)
