"""Cached loaders of the team capacity page, keyed by (store path, data version, period, filters).

Each calls the analytics functions of :mod:`analytics.capacity` on the process-wide connection, with
the thresholds in force (settings and their environment overrides).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from analytics.capacity import forecast as forecast_module
from analytics.capacity import hidden as hidden_module
from analytics.capacity import legal as legal_module
from analytics.capacity import load as load_module
from analytics.capacity import overload as overload_module
from analytics.capacity import work as work_module
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def load(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(agent × week, service × week) load with bands."""
    thresholds = load_thresholds()
    agents = load_module.agent_weeks(connection(path), start, end, service, level, thresholds)
    return agents, load_module.service_weeks(agents, thresholds)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def work(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(hours by period, activity and level; participation per agent; costliest projects)."""
    con = connection(path)
    return (
        work_module.hours_by_activity_level(con, start, end, service, level),
        work_module.participation_by_agent(con, start, end, service, level),
        work_module.top_projects(con, start, end, service, level),
    )


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def hidden(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(hidden hours per agent, project and event kind; hours per agent; evenings per agent and
    month)."""
    con, thresholds = connection(path), load_thresholds()
    return (
        hidden_module.outside_entries(con, start, end, service, level, thresholds),
        work_module.participation_by_agent(con, start, end, service, level),
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
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(team × coming week forecast, projects spread) after ``as_of``."""
    return forecast_module.forecast(connection(path), as_of, service, level, load_thresholds())
