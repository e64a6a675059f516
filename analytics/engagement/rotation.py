"""Rotation: does participation reach new people? Distinct participants per quarter and per year,
newcomers against returning participants, and how often people come within a year.

* a *newcomer* of a bucket (month, quarter, year) is a participant whose first attended event in the
  scope falls in that bucket; the others active in the bucket are *returning*;
* per year, a participant is *one-time* (1 attended event that year), *occasional*
  (:data:`OCCASIONAL_MIN` to :data:`FREQUENT_MIN` − 1) or *frequent* (:data:`FREQUENT_MIN` or more).

The 90-9-1 pattern of online communities (90 % onlookers, 9 % occasional contributors, 1 % heavy
contributors) is drawn as a *reference line only*: it is a rule of thumb, not a target.
"""

from __future__ import annotations

from typing import Final

import duckdb
import numpy as np
import pandas as pd

from analytics.disclosure import mask_partition
from analytics.engagement.scope import Scope, run_query
from analytics.store.db import read_sql

OCCASIONAL_MIN: Final[int] = 2
"""Attended events in a year from which a participant is *occasional* (not one-time)."""
FREQUENT_MIN: Final[int] = 5
"""Attended events in a year from which a participant is *frequent*."""
FREQUENCY_CLASSES: Final[tuple[str, ...]] = ("one_time", "occasional", "frequent")
REFERENCE_90_9_1: Final[dict[str, float]] = {"one_time": 0.90, "occasional": 0.09, "frequent": 0.01}
"""The 90-9-1 rule of thumb, mapped onto the three classes (reference line only)."""
GRAINS: Final[tuple[str, ...]] = ("month", "quarter", "year")


def buckets(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """Distinct participants per month, quarter and year up to the period's end (all history).

    Columns: grain, bucket_start, participants, newcomers, returning (raw counts, not suppressed).
    """
    return run_query(con, read_sql("engagement/buckets"), scope.params())


def rotation_table(all_buckets: pd.DataFrame, grain: str, min_group_size: int) -> pd.DataFrame:
    """Participants of one grain with the newcomers' share, small groups suppressed.

    Columns: bucket_start, participants, newcomers, returning, newcomer_share (newcomers /
    participants). A count of 1 to ``min_group_size − 1`` people is missing, and so is the share
    computed from it.
    """
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}; expected one of {GRAINS}")
    rows = all_buckets.loc[all_buckets["grain"].to_numpy() == grain].drop(columns="grain")
    participants = rows["participants"].to_numpy(dtype=float)
    table = rows.reset_index(drop=True).assign(
        newcomer_share=rows["newcomers"].to_numpy(dtype=float)
        / np.where(participants > 0, participants, np.nan)
    )
    return mask_partition(
        table, min_group_size, "participants", ["newcomers", "returning"],
        {"participants": ["newcomer_share"], "newcomers": ["newcomer_share"]},
    )


def frequency_classes(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """Participants per year (up to the period's end) by frequency class (raw counts).

    Columns: year, participants, one_time, occasional, frequent.
    """
    values = scope.params(occasional_min=OCCASIONAL_MIN, frequent_min=FREQUENT_MIN)
    return run_query(con, read_sql("engagement/frequency_classes"), values)


def frequency_shares(classes: pd.DataFrame, min_group_size: int) -> pd.DataFrame:
    """The frequency classes with each class's share of the year's participants, small groups
    suppressed. Adds columns ``<class>_share`` for one_time, occasional and frequent."""
    participants = classes["participants"].to_numpy(dtype=float)
    total = np.where(participants > 0, participants, np.nan)
    shares = classes.assign(**{
        f"{name}_share": classes[name].to_numpy(dtype=float) / total for name in FREQUENCY_CLASSES
    })
    derived = {name: [f"{name}_share"] for name in FREQUENCY_CLASSES}
    return mask_partition(shares, min_group_size, "participants", FREQUENCY_CLASSES, derived)


def protect_year_newcomers(quarters: pd.DataFrame, years: pd.DataFrame) -> pd.DataFrame:
    """The year table (:func:`rotation_table`) with newcomers, returning and newcomer_share hidden
    in every year where exactly one quarter's newcomers are hidden: a year's newcomers are the sum of
    its quarters' (each person is new once), so they would give that quarter back by subtraction
    (and the year's returning would give its newcomers back). Two hidden quarters protect each
    other, as in :func:`analytics.disclosure.mask_partition`."""
    quarter_years = pd.to_datetime(quarters["bucket_start"]).dt.year.to_numpy()
    hidden = quarters["newcomers"].isna().to_numpy()
    years_with_one = {
        int(year) for year in np.unique(quarter_years) if hidden[quarter_years == year].sum() == 1
    }
    exposed = pd.to_datetime(years["bucket_start"]).dt.year.isin(years_with_one).to_numpy()
    return years.assign(**{
        column: np.where(exposed, np.nan, years[column].to_numpy(dtype=float))
        for column in ("newcomers", "returning", "newcomer_share")
    })
