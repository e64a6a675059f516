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
"""The columns describing a run (``sql/capacity/overload_runs.sql``)."""
TOP_RUN_PROJECTS: Final[int] = 3
"""How many projects are named for each run (those with most hours during it)."""


def overload_rows(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    service: str | None = None,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """The runs of sustained overload, one row per run (:data:`RUN_COLUMNS`, longest first; see
    ``sql/capacity/overload_runs.sql``): the list the catalogue's ``agents.sustained_overload``
    counts the agents of."""
    limits = thresholds or load_thresholds()
    return query_df(
        con,
        read_sql("capacity/overload_runs"),
        {"start": start, "end": end, "service": service,
         "overload_ratio": float(limits.overload_ratio),
         "overload_min_weeks": int(limits.overload_min_weeks)},
    )


def run_projects(con: duckdb.DuckDBPyConnection, runs: pd.DataFrame) -> pd.DataFrame:
    """What was worked on during each run of ``runs`` (:func:`overload_rows`): one row per (run,
    project) with agent_id, run_start, project_id, project_name, level and hours (see
    ``sql/capacity/overload_run_projects.sql``); no row for a run without project hours."""
    if runs.empty:
        return pd.DataFrame(columns=["agent_id", "run_start", "project_id", "project_name", "level",
                                     "hours"])
    return query_df(con, read_sql("capacity/overload_run_projects"), {
        "agent_ids": runs["agent_id"].tolist(),
        "run_starts": [day.date() for day in pd.to_datetime(runs["run_start"])],
        "run_ends": [day.date() for day in pd.to_datetime(runs["run_end"])],
    })


def count_sql() -> str:
    """A one-row query giving the catalogue's ``agents.sustained_overload``: the distinct agents of
    the runs :func:`overload_rows` lists (the same SQL file), without fetching the runs."""
    return ('SELECT count(DISTINCT agent_id) AS "agents.sustained_overload"\n'
            f'FROM (\n{read_sql("capacity/overload_runs")}\n)')


def overloaded_agents(rows: pd.DataFrame) -> int:
    """The catalogue's ``agents.sustained_overload`` counted on runs already fetched (``rows``:
    :func:`overload_rows` or :func:`summarise_runs`): their distinct agents, as :func:`count_sql`
    counts them."""
    return int(rows["agent_id"].nunique()) if not rows.empty else 0


def summarise_runs(
    runs: pd.DataFrame, projects: pd.DataFrame, top: int = TOP_RUN_PROJECTS
) -> pd.DataFrame:
    """One row per run of ``runs`` (:func:`overload_rows`), longest first: the run columns,
    ``load_ratio`` = run_hours / run_capacity_hours (the run's mean load), ``participation_share``
    (share of the run's hours on participatory projects), and ``top_projects``: list of
    (project_name, hours) of the ``top`` projects with most hours during the run, from ``projects``
    (:func:`run_projects`; ordinary work without project is not named)."""
    keys = ["agent_id", "run_start"]
    runs = runs[list(RUN_COLUMNS)].reset_index(drop=True)
    if runs.empty:
        return runs.assign(load_ratio=[], participation_share=[], top_projects=[])
    worked = projects.astype({"run_start": runs["run_start"].dtype})
    participation = (
        worked[worked["level"].notna() & (worked["level"] != NO_LEVEL)]
        .groupby(keys, as_index=False)["hours"].sum()
        .rename(columns={"hours": "participation_hours"})
    )
    named = worked.sort_values([*keys, "hours", "project_id"], ascending=[True, True, False, True])
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
    runs = overload_rows(con, scope.start, scope.end, scope.service, thresholds)
    return summarise_runs(runs, run_projects(con, runs))
