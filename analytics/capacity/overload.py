"""Sustained overload: agents over 110 % of their capacity for 4 or more consecutive weeks.

This is a **risk signal** to open a conversation (workload, priorities, support), never a verdict on
a person. The agents listed are exactly those the catalogue counts in ``agents.sustained_overload``:
ISO weeks with their Monday in the period, all of the agent's hours (whatever the level filter), a
week with no capacity or not over the threshold breaking the run.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.capacity.load import load_ratio
from analytics.schema import NO_LEVEL
from analytics.scope import Scope
from analytics.settings import Thresholds, load_thresholds
from analytics.store.db import query_df, read_sql

RUN_COLUMNS: Final[tuple[str, ...]] = (
    "agent_id", "agent_name", "service_id", "service_name", "run_start", "run_end", "weeks",
    "run_hours", "run_capacity_hours", "max_load_ratio",
)
"""The columns describing a run (repeated on each of its project rows in the SQL result)."""
TOP_RUN_PROJECTS: Final[int] = 3
"""How many projects are named for each run (those with most hours during it)."""


def overload_rows(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    service: str | None = None,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Runs of sustained overload with the hours per project during each (see
    ``sql/capacity/overload_runs.sql``): one row per (run, project)."""
    limits = thresholds or load_thresholds()
    return query_df(
        con,
        read_sql("capacity/overload_runs"),
        {"start": start, "end": end, "service": service,
         "overload_ratio": float(limits.overload_ratio),
         "overload_min_weeks": int(limits.overload_min_weeks)},
    )


def overloaded_agents(rows: pd.DataFrame) -> int:
    """The catalogue's ``agents.sustained_overload``: the distinct agents of the runs ``rows``
    (:func:`overload_rows` or :func:`summarise_runs`)."""
    return int(rows["agent_id"].nunique()) if not rows.empty else 0


def summarise_runs(rows: pd.DataFrame, top: int = TOP_RUN_PROJECTS) -> pd.DataFrame:
    """One row per run, longest first: the run columns, ``load_ratio`` = run_hours /
    run_capacity_hours (the run's mean load), ``participation_share`` (share of the run's hours on
    participatory projects), and ``top_projects``: list of (project_name, hours) of the ``top``
    projects with most hours during the run (ordinary work without project is not named)."""
    keys = ["agent_id", "run_start"]
    runs = rows[list(RUN_COLUMNS)].drop_duplicates(keys).reset_index(drop=True)
    if runs.empty:
        return runs.assign(load_ratio=[], participation_share=[], top_projects=[])
    worked = rows[rows["hours"].notna()]
    participation = (
        worked[worked["level"].notna() & (worked["level"] != NO_LEVEL)]
        .groupby(keys, as_index=False)["hours"].sum()
        .rename(columns={"hours": "participation_hours"})
    )
    named = worked[worked["project_id"].notna()].sort_values(
        [*keys, "hours", "project_id"], ascending=[True, True, False, True]
    )
    named = named.groupby(keys).head(top)
    labels = named["project_name"].fillna(named["project_id"])
    named = named.assign(pair=list(zip(labels, named["hours"], strict=True)))
    tops = named.groupby(keys)["pair"].agg(list).rename("top_projects").reset_index()
    out = runs.merge(participation, on=keys, how="left").merge(tops, on=keys, how="left")
    out["participation_hours"] = out["participation_hours"].fillna(0.0)
    out["participation_share"] = out["participation_hours"] / out["run_hours"]
    out["load_ratio"] = load_ratio(out["run_hours"], out["run_capacity_hours"])
    out["top_projects"] = out["top_projects"].apply(lambda v: v if isinstance(v, list) else [])
    return out.sort_values(
        ["weeks", "load_ratio", "agent_name"], ascending=[False, False, True], ignore_index=True
    )


def overload_runs(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """The runs of sustained overload in the period, summarised (:func:`summarise_runs`)."""
    start, end, service = scope.start, scope.end, scope.service
    return summarise_runs(overload_rows(con, start, end, service, thresholds))
