"""Cohorts: do people stay? Retention by year of first participation, period retention (the
catalogue's ``engagement.retention``) and the Kaplan–Meier engagement-survival curve.

* A *cohort* is the set of participants whose first attended event in the scope fell in a calendar
  year. Its retention *k* years later is the share of the cohort active (at least one attended
  event) in year cohort + k — not necessarily every year in between.
* *Period retention*: of the participants active in the preceding period (the same number of days,
  ending the day before the period starts), the share also active in the period; the others have
  *lapsed* (catalogue keys ``engagement.retention`` and ``engagement.lapsed``).
* *Engagement survival*: a participant's engagement runs from their first to their last attended
  event. They have dropped out when they have not come back for :data:`LAPSE_MONTHS` months before
  the end of the data; people who came within those last months may still be engaged, so their
  duration is *censored* (we only know it is at least that long). ``S(t)`` is the estimated share of
  participants still engaged *t* months after their first event (Kaplan–Meier product-limit
  estimator).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.engagement.scope import (
    DAYS_PER_MONTH,
    LAPSE_MONTHS,
    Scope,
    preceding_window,
    run_query,
    run_query_row,
    trailing_windows,
)

SURVIVAL_GROUPINGS: Final[tuple[str, ...]] = ("level", "initiative")
"""What the survival curves can be compared by: the level or the initiative of the first event."""
ALL_GROUPS: Final[str] = "all"
"""group_key of the curve over every participant."""


@dataclass(frozen=True)
class Retention:
    """Participants active in an earlier window who came back in a later one.

    ``retention`` = retained / earlier_active (None when nobody was active earlier);
    ``lapsed`` = earlier_active − retained.
    """

    earlier_active: int
    later_active: int
    retained: int
    lapsed: int

    @property
    def retention(self) -> float | None:
        return self.retained / self.earlier_active if self.earlier_active else None

    @property
    def lapsed_share(self) -> float | None:
        return self.lapsed / self.earlier_active if self.earlier_active else None


def two_windows(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    earlier: tuple[object, object],
    later: tuple[object, object],
) -> Retention:
    """Who was active in the ``earlier`` window and again in the ``later`` one (inclusive dates)."""
    params = {
        "earlier_start": earlier[0], "earlier_end": earlier[1],
        "later_start": later[0], "later_end": later[1],
        "service": scope.service, "level": scope.level,
    }
    earlier_active, later_active, retained, lapsed = run_query_row(con, "two_windows", params)
    return Retention(int(earlier_active), int(later_active), int(retained), int(lapsed))


def period_retention(con: duckdb.DuckDBPyConnection, scope: Scope) -> Retention:
    """Retention from the preceding period of equal length to the period (``engagement.retention``)."""
    before = preceding_window(scope.start, scope.end)
    return two_windows(con, scope, (before.start, before.end), (scope.start, scope.end))


def cohort_activity(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """Columns cohort_year, active_year, participants (raw counts, every year up to the end)."""
    return run_query(con, "cohort_activity", scope.params())


def retention_table(activity: pd.DataFrame, last_year: int, min_group_size: int) -> pd.DataFrame:
    """The retention table: one row per cohort, its size, and the share active k years later.

    Columns: cohort_year, cohort_size, then ``1``, ``2``, … (int column names, k years after): the
    share of the cohort active in year cohort + k, for cohort + k <= ``last_year`` (else missing).
    Cohorts under ``min_group_size`` people are left out; a cell of 1 to ``min_group_size − 1`` people
    is missing.
    """
    if activity.empty:
        return pd.DataFrame(columns=["cohort_year", "cohort_size"])
    frame = activity.assign(years_after=activity["active_year"] - activity["cohort_year"])
    sizes = frame.loc[frame["years_after"] == 0].set_index("cohort_year")["participants"]
    later = frame.loc[frame["years_after"] > 0]
    counts = later.pivot_table(
        index="cohort_year", columns="years_after", values="participants", aggfunc="sum"
    )
    cohorts = sizes.index.sort_values()
    horizon = int(last_year - cohorts.min()) if len(cohorts) else 0
    counts = counts.reindex(index=cohorts, columns=range(1, horizon + 1))
    table = pd.DataFrame({"cohort_year": cohorts, "cohort_size": sizes.reindex(cohorts).to_numpy()})
    for k in range(1, horizon + 1):
        observed = cohorts + k <= last_year
        people = counts[k].to_numpy(dtype=float)
        people = np.where(observed & np.isnan(people), 0.0, people)
        share = people / table["cohort_size"].to_numpy(dtype=float)
        small = (people > 0) & (people < min_group_size)
        table[k] = np.where(observed & ~small, share, np.nan)
    return table.loc[table["cohort_size"] >= min_group_size].reset_index(drop=True)


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
    t = np.asarray(durations, dtype=float)
    d = np.asarray(observed, dtype=bool)
    w = np.ones_like(t) if weights is None else np.asarray(weights, dtype=float)
    columns = ["time", "at_risk", "events", "censored", "survival"]
    if t.size == 0 or w.sum() == 0:
        return pd.DataFrame(columns=columns)
    times, inverse = np.unique(t, return_inverse=True)
    events = np.bincount(inverse, weights=w * d, minlength=len(times))
    censored = np.bincount(inverse, weights=w * ~d, minlength=len(times))
    leaving = events + censored
    at_risk = leaving[::-1].cumsum()[::-1]
    survival = np.cumprod(1.0 - events / at_risk)
    return pd.DataFrame({
        "time": times, "at_risk": at_risk, "events": events, "censored": censored,
        "survival": survival,
    })


def survival_data(
    con: duckdb.DuckDBPyConnection, scope: Scope, by: str, lapse_months: int = LAPSE_MONTHS
) -> pd.DataFrame:
    """Engagement durations up to the period's end, aggregated (sql/engagement/survival.sql).

    Columns: group_key (level or initiative of the first event), months, lapsed, participants.
    """
    if by not in SURVIVAL_GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; expected one of {SURVIVAL_GROUPINGS}")
    _, recent = trailing_windows(scope.end, lapse_months)
    params = scope.params(by=by, lapse_start=recent.start, days_per_month=DAYS_PER_MONTH)
    return run_query(con, "survival", params)


def survival_curves(data: pd.DataFrame, min_group_size: int) -> pd.DataFrame:
    """Kaplan–Meier curves for every participant (group ``all``) and for each group.

    Columns: group_key, participants (the group's size), time (months), at_risk, events, censored,
    survival. Groups under ``min_group_size`` people are left out, and so is every point of a curve
    where fewer than ``min_group_size`` people are still at risk (its tail is too few people to show).
    """
    parts = [(ALL_GROUPS, data), *data.groupby("group_key", sort=True)]
    curves = []
    for group_key, part in parts:
        size = int(part["participants"].sum())
        if size < min_group_size:
            continue
        curve = kaplan_meier(part["months"], part["lapsed"], part["participants"])
        curve = curve.loc[curve["at_risk"] >= min_group_size]
        curves.append(curve.assign(group_key=group_key, participants=size))
    columns = ["group_key", "participants", "time", "at_risk", "events", "censored", "survival"]
    if not curves:
        return pd.DataFrame(columns=columns)
    return pd.concat(curves, ignore_index=True)[columns]


def median_survival(curve: pd.DataFrame) -> float | None:
    """The first time at which the survival falls to 0.5 or below (None if it never does)."""
    below = curve.loc[curve["survival"] <= 0.5, "time"]
    return float(below.iloc[0]) if len(below) else None



SURVIVAL_HORIZONS: Final[tuple[int, ...]] = (12, 24, 36)
"""Months after the first event at which the survival table reads the curves."""


def survival_at(curve: pd.DataFrame, months: float) -> float | None:
    """S(months): the curve's value at the last time ≤ ``months`` (1.0 before the first time), or
    None when the curve stops before ``months`` (too few people still followed), unless it has
    already reached 0."""
    if curve.empty:
        return None
    if curve["time"].max() < months:
        return 0.0 if curve["survival"].iloc[-1] == 0 else None
    before = curve.loc[curve["time"] <= months, "survival"]
    return float(before.iloc[-1]) if len(before) else 1.0


def survival_summary(curves: pd.DataFrame) -> pd.DataFrame:
    """One row per curve: group_key, participants, median_months (first time S ≤ 50 %) and the
    survival at each of :data:`SURVIVAL_HORIZONS` (columns ``s12``, ``s24``, ``s36``)."""
    rows = []
    for group_key, curve in curves.groupby("group_key", sort=False):
        row: dict[str, object] = {
            "group_key": group_key,
            "participants": int(curve["participants"].iloc[0]),
            "median_months": median_survival(curve),
        }
        for horizon in SURVIVAL_HORIZONS:
            row[f"s{horizon}"] = survival_at(curve, horizon)
        rows.append(row)
    columns = ["group_key", "participants", "median_months", *(f"s{h}" for h in SURVIVAL_HORIZONS)]
    return pd.DataFrame(rows, columns=columns)
