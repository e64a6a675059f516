"""Concentration: is it always the same people? Top-10 % share, Gini and Lorenz curve.

Everything here works on a *histogram* of attendance counts: ``values[j]`` attended events per person
and ``people[j]`` persons with that count (the SQL aggregates to it, so nothing grows with the number of
participants). The definitions are those of the indicator catalogue (DESIGN.md):

* ``top10_share`` = attendances of the ⌈n/10⌉ most active participants / all attendances;
* ``gini`` = (2 Σ i·x(i) − (n+1) Σ x) / (n Σ x), x sorted ascending, i = 1..n — 0 when everybody came
  equally often, close to 1 when a few people account for nearly all attendances;
* the Lorenz curve joins (share of participants, least active first; share of their attendances).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.disclosure import mask_small_counts, top_group_shown
from analytics.engagement.scope import Scope, run_query
from analytics.store.db import read_sql

TOP_GROUP_DIVISOR: Final[int] = 10
"""The "most active tenth": the top group holds ⌈n / 10⌉ participants (catalogue definition)."""



@dataclass(frozen=True)
class Concentration:
    """Concentration of attendances among ``participants`` people (None when undefined)."""

    participants: int
    attendances: int
    top10_share: float | None
    gini: float | None


def _ascending(
    values: npt.ArrayLike, people: npt.ArrayLike
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """The histogram sorted by ascending value, without empty bins, equal values merged."""
    v = np.asarray(values, dtype=float)
    m = np.asarray(people, dtype=np.int64)
    keep = m > 0
    unique, inverse = np.unique(v[keep], return_inverse=True)
    merged = np.bincount(inverse, weights=m[keep], minlength=len(unique)).astype(np.int64)
    return unique, merged


def top_share(values: npt.ArrayLike, people: npt.ArrayLike) -> float | None:
    """Share of all attendances made by the ⌈n/10⌉ most active people (None without attendance)."""
    v, m = _ascending(values, people)
    n = int(m.sum())
    total = float((v * m).sum())
    if n == 0 or total == 0:
        return None
    k = -(-n // TOP_GROUP_DIVISOR)
    v_desc, m_desc = v[::-1], m[::-1]
    before = np.concatenate(([0], np.cumsum(m_desc)[:-1]))
    taken = np.clip(k - before, 0, m_desc)
    return float((v_desc * taken).sum()) / total


def gini(values: npt.ArrayLike, people: npt.ArrayLike) -> float | None:
    """Gini of the attendance counts (catalogue formula); None without people or attendance."""
    v, m = _ascending(values, people)
    n = int(m.sum())
    total = float((v * m).sum())
    if n == 0 or total == 0:
        return None
    start = np.cumsum(m) - m  # people before each block of equal values
    rank_sum = m * start + m * (m + 1) / 2  # Σ i over the block's positions start+1 … start+m
    weighted = float((v * rank_sum).sum())
    return (2 * weighted - (n + 1) * total) / (n * total)


def concentration(values: npt.ArrayLike, people: npt.ArrayLike) -> Concentration:
    """All concentration figures of one histogram."""
    v, m = _ascending(values, people)
    return Concentration(
        participants=int(m.sum()),
        attendances=round(float((v * m).sum())),
        top10_share=top_share(v, m),
        gini=gini(v, m),
    )


def lorenz_curve(
    values: npt.ArrayLike, people: npt.ArrayLike, min_group_size: int = 1
) -> pd.DataFrame:
    """Points of the Lorenz curve, from (0, 0) to (1, 1).

    Columns: ``people_share`` (cumulative share of participants, least active first) and
    ``attendance_share`` (their cumulative share of attendances). One point per distinct count (the
    curve is straight between them), except that no segment holds fewer than ``min_group_size``
    people: the step of the few most active people would give their attendances away. Such steps
    are joined with their neighbours, and a point may then lie inside a step (on the curve itself,
    which is straight there). Empty when there is no attendance.
    """
    v, m = _ascending(values, people)
    n, total = int(m.sum()), float((v * m).sum())
    if n == 0 or total == 0:
        return pd.DataFrame({"people_share": [], "attendance_share": []})
    people_at = np.concatenate(([0], np.cumsum(m)))
    attendances_at = np.concatenate(([0.0], np.cumsum(v * m)))
    inside = [min_group_size, n - min_group_size] if min_group_size > 1 else []
    kept = [0]
    for count in np.unique(np.concatenate((people_at[1:-1], inside))):
        if count - kept[-1] >= min_group_size and n - count >= min_group_size:
            kept.append(int(count))
    kept.append(n)
    counts = np.array(kept, dtype=float)
    return pd.DataFrame({
        "people_share": counts / n,
        "attendance_share": np.interp(counts, people_at, attendances_at) / total,
    })


def histograms(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """Attendance-count histograms (sql/engagement/histograms.sql).

    Columns: dimension ('period', 'level', 'event_kind' within the period; 'year' for every year up to
    the period's end), group_key, attendances_per_person, participants.
    """
    return run_query(con, read_sql("engagement/histograms"), scope.params())


def concentration_table(hist: pd.DataFrame, min_group_size: int) -> pd.DataFrame:
    """One row per (dimension, group_key): participants, attendances, top10_share, gini.

    Groups of fewer than ``min_group_size`` participants keep their row but lose every number; the
    top-10 % share is also missing where the top tenth is fewer than ``min_group_size`` people.
    """
    rows = []
    for (dimension, group_key), part in hist.groupby(["dimension", "group_key"], sort=False):
        figures = concentration(part["attendances_per_person"], part["participants"])
        rows.append({
            "dimension": dimension,
            "group_key": group_key,
            "participants": figures.participants,
            "attendances": figures.attendances,
            "top10_share": figures.top10_share,
            "gini": figures.gini,
        })
    table = pd.DataFrame(
        rows,
        columns=["dimension", "group_key", "participants", "attendances", "top10_share", "gini"],
    )
    top_group = np.array([top_group_shown(n, min_group_size) for n in table["participants"]],
                         dtype=bool)
    table["top10_share"] = table["top10_share"].astype(float).where(top_group)
    return mask_small_counts(
        table, min_group_size, {"participants": ["attendances", "top10_share", "gini"]}
    )


def period_histogram(hist: pd.DataFrame) -> pd.DataFrame:
    """The histogram of the whole period (dimension 'period')."""
    return hist.loc[hist["dimension"] == "period"].reset_index(drop=True)
