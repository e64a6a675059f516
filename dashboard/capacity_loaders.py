"""Cached loaders of the team capacity page, keyed by (store path, data version, scope).

Each calls the analytics functions of :mod:`analytics.capacity` on the process-wide connection, with
the thresholds in force (settings and their environment overrides), and returns what its tab draws —
the pure post-processing included — so that a rerun of the page computes nothing again. The page
calls them through :data:`dashboard.registry.CAPACITY`.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics.capacity import agent_card as card_module
from analytics.capacity import forecast as forecast_module
from analytics.capacity import hidden as hidden_module
from analytics.capacity import legal as legal_module
from analytics.capacity import load as load_module
from analytics.capacity import overload as overload_module
from analytics.capacity import work as work_module
from analytics.scope import Scope
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS, indicators
from dashboard.store import connection

TILES: tuple[str, ...] = ("capacity.load_ratio", "hours.participation_share", "hours.outside_share",
                          "agents.sustained_overload", "legal.days_over_10h")
"""The catalogue indicators shown as tiles above the page's tabs."""


def tiles(path: str, version: str, scope: Scope) -> dict[str, float | int | None]:
    """The values of :data:`TILES` (the cached catalogue loader, only those keys)."""
    return indicators(path, version, scope, TILES)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def load(path: str, version: str, scope: Scope) -> load_module.LoadView:
    """The load tab: service × week load, the most loaded agents' weeks and the period's totals."""
    return load_module.load_view(connection(path), scope, load_thresholds())


def agent_weeks_table(path: str, version: str, scope: Scope) -> Callable[[], pd.DataFrame]:
    """A function building the whole agent × week load table (every agent in scope, the download of
    the load tab): not cached, it runs only when the file is asked for."""
    con, thresholds = connection(path), load_thresholds()
    return lambda: load_module.agent_weeks(con, scope, thresholds)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def participation(path: str, version: str, scope: Scope) -> pd.DataFrame:
    """Hours and participation hours per agent (the work tab's table, the hidden tab's hours)."""
    return work_module.participation_by_agent(connection(path), scope)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def work(path: str, version: str, scope: Scope) -> work_module.WorkView:
    """Hours by period, activity and level; participation per agent and service; costliest
    projects."""
    con = connection(path)
    return work_module.work_view(work_module.hours_by_activity_level(con, scope),
                                 participation(path, version, scope),
                                 work_module.top_projects(con, scope))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def hidden(path: str, version: str, scope: Scope) -> hidden_module.HiddenView:
    """Hidden hours per agent, service, project and event kind; evenings per agent and month."""
    con, thresholds = connection(path), load_thresholds()
    return hidden_module.hidden_view(hidden_module.outside_entries(con, scope, thresholds),
                                     participation(path, version, scope),
                                     hidden_module.evenings(con, scope, thresholds))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def legal(path: str, version: str, scope: Scope) -> dict[str, pd.DataFrame]:
    """Legal findings per rule (the level filter never applies)."""
    return legal_module.legal_findings(connection(path), scope, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def overload(path: str, version: str, scope: Scope) -> pd.DataFrame:
    """Runs of sustained overload (the level filter never applies)."""
    return overload_module.overload_runs(connection(path), scope, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def forecast(path: str, version: str, scope: Scope) -> forecast_module.ForecastView:
    """Team × coming week forecast after the scope's end, the projects spread, the teams by peak
    load and the total of every team."""
    return forecast_module.forecast_view(connection(path), scope, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def agents(path: str, version: str, scope: Scope) -> pd.DataFrame:
    """The agents one may open a card of, in the service filter, by name."""
    return card_module.agent_list(connection(path), scope.service)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def agent_card(
    path: str, version: str, scope: Scope, agent_id: str
) -> card_module.AgentCard | None:
    """One agent's card over the period: its legal findings come from the legal tab's (cached)
    findings of the service filter."""
    return card_module.agent_card(connection(path), agent_id, scope, legal(path, version, scope),
                                  load_thresholds())
