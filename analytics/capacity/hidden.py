"""Hidden work: hours outside the workday window (08:00–19:00 by default), at weekends and on public
holidays, per agent and service, traced to the projects and kinds of event that cause them.

``outside_hours`` follows the catalogue's ``hours.outside_share`` exactly: an entry dated on a Saturday,
Sunday or public holiday is wholly outside; otherwise its hours are split in proportion of its clock
span lying outside the window; entries without times count as inside. It splits into
``weekday_outside_hours`` (early mornings and evenings of working days), ``weekend_hours`` and
``holiday_hours`` (public holidays falling on a weekday).

An entry is traced to a *kind of event* when its project held an event on the entry's day (the
latest-starting one if several): the evening public meeting explains the evening hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import duckdb
import pandas as pd

from analytics.scope import Scope
from analytics.settings import Thresholds, load_thresholds
from analytics.store.db import query_df, read_sql
from analytics.store.derived import require_window

HIDDEN_COLUMNS: Final[tuple[str, ...]] = (
    "outside_hours", "weekday_outside_hours", "weekend_hours", "holiday_hours",
)
"""The summable hidden-hour columns of :func:`outside_entries`."""
NO_EVENT: Final[str] = "no_event"
"""Event kind of project hours on a day when the project held no event."""
NO_PROJECT: Final[str] = "no_project"
"""Event kind of hours recorded without a project (ordinary work)."""
TOP_HIDDEN_PROJECTS: Final[int] = 15
"""How many projects the page lists as causes of hidden work."""


def outside_entries(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Hidden hours per (agent, project, event kind), only where there are some (see
    ``sql/capacity/hidden_outside.sql``: from the derived entry_facts, whose workday window must
    be that of ``thresholds``, see :func:`analytics.store.derived.require_window`).

    Columns: agent_id, project_id, project_name, event_kind and :data:`HIDDEN_COLUMNS`.
    """
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    require_window(con, thresholds or load_thresholds())
    return query_df(
        con, read_sql("capacity/hidden_outside"),
        {"start": start, "end": end, "service": service, "level": level},
    )


def _with_share(frame: pd.DataFrame) -> pd.DataFrame:
    frame["outside_share"] = frame["outside_hours"] / frame["hours"].where(frame["hours"] > 0)
    return frame


def hidden_by_agent(outside: pd.DataFrame, agents: pd.DataFrame) -> pd.DataFrame:
    """Hidden hours per agent, most first.

    ``agents`` has one row per agent with agent_id, agent_name, service_id, service_name and hours
    (all the hours in scope, e.g. :func:`analytics.capacity.work.participation_by_agent`).
    Columns: those, :data:`HIDDEN_COLUMNS` (0 for an agent with none) and outside_share =
    outside_hours / hours.
    """
    sums = outside.groupby("agent_id", as_index=False)[list(HIDDEN_COLUMNS)].sum()
    base = agents[["agent_id", "agent_name", "service_id", "service_name", "hours"]]
    merged = base.merge(sums, on="agent_id", how="left")
    merged[list(HIDDEN_COLUMNS)] = merged[list(HIDDEN_COLUMNS)].fillna(0.0)
    return _with_share(merged).sort_values(
        ["outside_hours", "agent_name"], ascending=[False, True], ignore_index=True
    )


def hidden_by_service(by_agent: pd.DataFrame) -> pd.DataFrame:
    """Hidden hours per service from :func:`hidden_by_agent`, most first, with outside_share."""
    grouped = by_agent.groupby(["service_id", "service_name"], dropna=False, as_index=False)[
        ["hours", *HIDDEN_COLUMNS]
    ].sum()
    return _with_share(grouped).sort_values(
        ["outside_hours", "service_name"], ascending=[False, True], ignore_index=True
    )


def hidden_by(outside: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Hidden hours of :func:`outside_entries` summed by ``keys`` (e.g. ['event_kind']), most
    first."""
    grouped = outside.groupby(list(keys), dropna=False, as_index=False)[list(HIDDEN_COLUMNS)].sum()
    return grouped.sort_values(
        ["outside_hours", *keys], ascending=[False, *[True] * len(keys)], ignore_index=True
    )


def hidden_by_project(outside: pd.DataFrame, limit: int = TOP_HIDDEN_PROJECTS) -> pd.DataFrame:
    """The ``limit`` projects with the most hidden hours (work without project left out), with
    ``main_event_kind``: the kind of event carrying most of a project's hidden hours."""
    projects = outside[outside["project_id"].notna()]
    totals = hidden_by(projects, ["project_id", "project_name"]).head(limit)
    main_kind = (
        hidden_by(projects, ["project_id", "event_kind"])
        .drop_duplicates("project_id")[["project_id", "event_kind"]]
        .rename(columns={"event_kind": "main_event_kind"})
    )
    return totals.merge(main_kind, on="project_id", how="left")


def evenings(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Evenings worked per agent and month (see ``sql/capacity/evenings.sql``).

    An evening is a work date whose last recorded end (possibly past midnight) is after the end of
    the workday window. Columns: agent_id, agent_name, service_id, service_name, month, evenings.
    """
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    limits = thresholds or load_thresholds()
    return query_df(
        con,
        read_sql("capacity/evenings"),
        {"start": start, "end": end, "service": service, "level": level,
         "workday_end_hours": limits.workday_end_hours},
    )


def evenings_matrix(frame: pd.DataFrame) -> pd.DataFrame:
    """Agents (rows: 'agent_name', 'service_name') × months (columns), evenings in each cell (0 when
    none), agents with the most evenings first, plus a 'total' column."""
    if frame.empty:
        return pd.DataFrame(columns=["agent_name", "service_name", "total"])
    matrix = frame.pivot_table(
        index=["agent_id", "agent_name", "service_name"], columns="month", values="evenings",
        aggfunc="sum", fill_value=0,
    )
    matrix["total"] = matrix.sum(axis=1)
    matrix = matrix.sort_values("total", ascending=False, kind="stable")
    return matrix.reset_index().drop(columns="agent_id")


@dataclass(frozen=True)
class HiddenView:
    """What the hidden-work tab draws, for one period and filters.

    * ``by_agent``: :func:`hidden_by_agent`; ``by_service``: :func:`hidden_by_service`;
    * ``by_project``: :func:`hidden_by_project`; ``by_kind``: :func:`hidden_by` event kind;
    * ``evenings``: :func:`evenings` (agent × month; :func:`evenings_matrix` pivots it for the
      download).
    """

    by_agent: pd.DataFrame
    by_service: pd.DataFrame
    by_project: pd.DataFrame
    by_kind: pd.DataFrame
    evenings: pd.DataFrame


def hidden_view(outside: pd.DataFrame, agents: pd.DataFrame, evenings: pd.DataFrame) -> HiddenView:
    """The tab's frames from :func:`outside_entries`, the hours per agent (``agents``, see
    :func:`hidden_by_agent`) and :func:`evenings`."""
    by_agent = hidden_by_agent(outside, agents)
    return HiddenView(
        by_agent=by_agent,
        by_service=hidden_by_service(by_agent),
        by_project=hidden_by_project(outside),
        by_kind=hidden_by(outside, ["event_kind"]),
        evenings=evenings,
    )
