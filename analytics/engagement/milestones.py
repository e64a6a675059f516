"""Milestones (cailloux blancs): the small visible achievements, on a timeline beside participation,
so that small wins are seen next to the numbers of people who made them.

The timeline covers the period, widened to at least :data:`TIMELINE_MIN_MONTHS` months ending at the
period's end (a three-month period would otherwise show too few milestones to read a story).
"""

from __future__ import annotations

from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.engagement.scope import Scope, Window, months_before, run_query
from analytics.schema import NO_LEVEL
from analytics.store.db import read_sql

TIMELINE_MIN_MONTHS: Final[int] = 24
"""Shortest span of the milestone timeline, in months ending at the period's end."""


def timeline_window(scope: Scope, min_months: int = TIMELINE_MIN_MONTHS) -> Window:
    """The period, or the ``min_months`` months ending at its end when that is longer."""
    widest: date = months_before(scope.end, min_months)
    return Window(min(scope.start, widest), scope.end)


def milestones(con: duckdb.DuckDBPyConnection, scope: Scope, window: Window) -> pd.DataFrame:
    """Milestones achieved in ``window`` in the scope (projects of the service / level filters).

    Columns: achieved_on, title, project_name, level, initiative.
    """
    params = {
        "start": window.start, "end": window.end, "service": scope.service, "level": scope.level,
        "no_level": NO_LEVEL,
    }
    return run_query(con, read_sql("engagement/milestones"), params)


def monthly_participants(all_buckets: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Distinct participants per month within ``window`` (months with nobody are 0).

    Columns: month_start, participants. ``all_buckets`` is :func:`rotation.buckets`' frame.
    """
    first = pd.Timestamp(window.start).to_period("M").to_timestamp()
    months = pd.date_range(first, pd.Timestamp(window.end), freq="MS")
    rows = all_buckets.loc[all_buckets["grain"] == "month", ["bucket_start", "participants"]]
    counts = rows.assign(month_start=pd.to_datetime(rows["bucket_start"])).set_index("month_start")
    series = counts["participants"].reindex(months, fill_value=0)
    return pd.DataFrame({"month_start": months, "participants": series.to_numpy()})
