"""Where participation work lands: activity and level over time, participation share, costly projects.

Every hour here is a recorded hour (``time_entries.hours``) of the agents in scope; the sums match the
catalogue's ``hours.total`` and ``hours.participation`` for the same period and filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.schema import NO_LEVEL
from analytics.scope import Scope
from analytics.store.db import query_df, read_sql

WEEKLY_MAX_DAYS: Final[int] = 190
"""Periods up to about six months are shown week by week; longer ones month by month."""
TOP_PROJECTS: Final[int] = 15
"""How many of the costliest projects the page lists."""
UNSPECIFIED_ACTIVITY: Final[str] = "unspecified"
"""Activity code of time entries recorded without an activity."""


def time_grain(start: date, end: date) -> str:
    """``'week'`` for periods of up to :data:`WEEKLY_MAX_DAYS` days, else ``'month'``."""
    return "week" if (end - start).days + 1 <= WEEKLY_MAX_DAYS else "month"


def hours_by_activity_level(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
) -> pd.DataFrame:
    """Hours per week or month (see :func:`time_grain`), activity and level.

    Columns: period_start, activity, level, hours (long format: one row per non-empty combination).
    """
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    return query_df(
        con,
        read_sql("capacity/activity_level_hours"),
        {"start": start, "end": end, "service": service, "level": level,
         "grain": time_grain(start, end)},
    )


def hours_over_time(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Hours per period_start and ``by`` ('activity' or 'level'), summed over the other dimension."""
    return frame.groupby(["period_start", by], as_index=False, sort=True)["hours"].sum()


def with_shares(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with ``participation_share`` = participation_hours / all_hours (NaN when no hours)."""
    out = frame.copy()
    out["participation_share"] = out["participation_hours"] / out["all_hours"].where(
        out["all_hours"] > 0
    )
    return out


def participation_by_agent(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
) -> pd.DataFrame:
    """Per agent: all_hours (every level), hours (level filter), participation_hours, and
    participation_share = participation_hours / all_hours: the part of the agent's recorded time
    spent on participatory projects (on projects at the chosen level, when a level is chosen).
    Sorted by service, then by participation_share, highest first."""
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    frame = query_df(
        con,
        read_sql("capacity/participation_by_agent"),
        {"start": start, "end": end, "service": service, "level": level, "no_level": NO_LEVEL},
    )
    return with_shares(frame).sort_values(
        ["service_name", "participation_share", "agent_name"], ascending=[True, False, True],
        na_position="last", ignore_index=True,
    )


def participation_by_service(agents: pd.DataFrame) -> pd.DataFrame:
    """Per service, from :func:`participation_by_agent`'s rows: agents, all_hours, hours,
    participation_hours and participation_share (of the service's whole recorded time), highest
    share first."""
    groups = agents.groupby(["service_id", "service_name"], dropna=False)
    grouped = groups[["all_hours", "hours", "participation_hours"]].sum()
    grouped.insert(0, "agents", groups["agent_id"].nunique())
    return with_shares(grouped.reset_index()).sort_values(
        ["participation_share", "service_name"], ascending=[False, True], ignore_index=True
    )


def top_projects(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    limit: int = TOP_PROJECTS,
) -> pd.DataFrame:
    """The ``limit`` participatory projects with the most staff hours in the period.

    Columns: project_id, project_name, level, status, service_id, service_name, hours, agents,
    participants_reached, hours_per_participant (staff hours per distinct participant reached in the
    period; NaN when the project reached nobody in it).
    """
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    return query_df(
        con,
        read_sql("capacity/top_projects"),
        {"start": start, "end": end, "service": service, "level": level, "no_level": NO_LEVEL,
         "limit": limit},
    )


@dataclass(frozen=True)
class WorkView:
    """What the « where participation work lands » tab draws, for one period and filters.

    * ``by_period``: :func:`hours_by_activity_level` (the downloadable long table);
    * ``by_activity`` and ``by_level``: :func:`hours_over_time` of it by activity and by level;
    * ``agents``: :func:`participation_by_agent`; ``services``: :func:`participation_by_service`;
    * ``projects``: :func:`top_projects`.
    """

    by_period: pd.DataFrame
    by_activity: pd.DataFrame
    by_level: pd.DataFrame
    agents: pd.DataFrame
    services: pd.DataFrame
    projects: pd.DataFrame


def work_view(by_period: pd.DataFrame, agents: pd.DataFrame, projects: pd.DataFrame) -> WorkView:
    """The tab's frames from the three queries' results (see :class:`WorkView`)."""
    return WorkView(
        by_period=by_period,
        by_activity=hours_over_time(by_period, "activity"),
        by_level=hours_over_time(by_period, "level"),
        agents=agents,
        services=participation_by_service(agents),
        projects=projects,
    )
