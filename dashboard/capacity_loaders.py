"""Cached loaders of the team capacity page, keyed by (store path, data version, period, filters).

Each calls the analytics functions of :mod:`analytics.capacity` on the process-wide connection, with
the thresholds in force (settings and their environment overrides), and returns what its tab draws —
the pure post-processing included — so that a rerun of the page computes nothing again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from analytics.capacity import agent_card as card_module
from analytics.capacity import forecast as forecast_module
from analytics.capacity import hidden as hidden_module
from analytics.capacity import legal as legal_module
from analytics.capacity import load as load_module
from analytics.capacity import overload as overload_module
from analytics.capacity import work as work_module
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS, indicators
from dashboard.parallel import gather
from dashboard.store import connection

TILES: tuple[str, ...] = ("capacity.load_ratio", "hours.participation_share", "hours.outside_share",
                          "agents.sustained_overload", "legal.days_over_10h")
"""The catalogue indicators shown as tiles above the page's tabs."""


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def load(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> load_module.LoadView:
    """The load tab: service × week load, the most loaded agents' weeks and the period's totals."""
    return load_module.load_view(connection(path), start, end, service, level, load_thresholds())


def agent_weeks_table(
    path: str, start: date, end: date, service: str | None, level: str | None
) -> Callable[[], pd.DataFrame]:
    """A function building the whole agent × week load table (every agent in scope, the download of
    the load tab): not cached, it runs only when the file is asked for."""
    con, thresholds = connection(path), load_thresholds()
    return lambda: load_module.agent_weeks(con, start, end, service, level, thresholds)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def participation(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> pd.DataFrame:
    """Hours and participation hours per agent (the work tab's table, the hidden tab's hours)."""
    return work_module.participation_by_agent(connection(path), start, end, service, level)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def work(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> work_module.WorkView:
    """Hours by period, activity and level; participation per agent and service; costliest
    projects."""
    con = connection(path)
    return work_module.work_view(
        work_module.hours_by_activity_level(con, start, end, service, level),
        participation(path, version, start, end, service, level),
        work_module.top_projects(con, start, end, service, level),
    )


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def hidden(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> hidden_module.HiddenView:
    """Hidden hours per agent, service, project and event kind; evenings per agent and month."""
    con, thresholds = connection(path), load_thresholds()
    return hidden_module.hidden_view(
        hidden_module.outside_entries(con, start, end, service, level, thresholds),
        participation(path, version, start, end, service, level),
        hidden_module.evenings(con, start, end, service, level, thresholds),
    )


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def legal(
    path: str, version: str, start: date, end: date, service: str | None
) -> dict[str, pd.DataFrame]:
    """Legal findings per rule (the level filter never applies)."""
    return legal_module.legal_findings(connection(path), start, end, service, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def overload(
    path: str, version: str, start: date, end: date, service: str | None
) -> pd.DataFrame:
    """Runs of sustained overload (the level filter never applies)."""
    return overload_module.overload_runs(connection(path), start, end, service, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def forecast(
    path: str, version: str, as_of: date, service: str | None, level: str | None
) -> forecast_module.ForecastView:
    """Team × coming week forecast after ``as_of``, the projects spread, the teams by peak load and
    the total of every team."""
    return forecast_module.forecast_view(connection(path), as_of, service, level, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def agents(path: str, version: str, service: str | None) -> pd.DataFrame:
    """The agents one may open a card of, in the service filter, by name."""
    return card_module.agent_list(connection(path), service)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def agent_card(
    path: str, version: str, start: date, end: date, service: str | None, agent_id: str
) -> card_module.AgentCard | None:
    """One agent's card over the period: its legal findings come from the legal tab's (cached)
    findings of the service filter."""
    return card_module.agent_card(connection(path), agent_id, start, end,
                                  legal(path, version, start, end, service), load_thresholds())


def tiles(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> dict[str, float | int | None]:
    """The values of :data:`TILES` (the cached catalogue loader, only those keys), in one
    statement: the page computes them while the open tab's queries run (:func:`prefetch`)."""
    return indicators(path, version, start, end, service, level, TILES, side_by_side=False)


def part_loader(
    part: str, path: str, version: str, start: date, end: date, service: str | None,
    level: str | None,
) -> Callable[[], object]:
    """The loader call that computes ``part`` (one of the page's tabs, or ``"tiles"``), as the page
    calls it."""
    calls: dict[str, Callable[[], object]] = {
        "tiles": lambda: tiles(path, version, start, end, service, level),
        "load": lambda: load(path, version, start, end, service, level),
        "work": lambda: work(path, version, start, end, service, level),
        "hidden": lambda: hidden(path, version, start, end, service, level),
        "legal": lambda: legal(path, version, start, end, service),
        "overload": lambda: overload(path, version, start, end, service),
        "forecast": lambda: forecast(path, version, end, service, level),
    }
    return calls[part]


def prefetch(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    part: str | None,
) -> dict[str, object]:
    """The tiles (key ``"tiles"``) and the open tab ``part`` computed side by side by their cached
    loaders (first visit, filter change); only the tiles when no single tab is open. A part that
    failed is left out: the page calls its loader again where it draws it."""
    scope = (path, version, start, end, service, level)
    loaded = part is not None and part != "agent"  # the agent card waits for an agent to be chosen
    return gather({name: part_loader(name, *scope)
                   for name in ("tiles", *((part,) if loaded else ()))})
