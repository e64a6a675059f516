"""Cached loaders of the arbitration page, keyed by (store path, data version, small arguments).

:func:`context` reads the store once per data version (effort history, baseline of every team,
candidates); the other loaders are pure computations on it, cached per set of arguments so that
going back to an earlier choice is instant.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from analytics.arbitration import context as context_mod
from analytics.arbitration.demand import Demand, load_demand
from analytics.arbitration.effort import Estimate
from analytics.arbitration.portfolio import Portfolio
from analytics.arbitration.simulate import ProjectSpec, Simulation, Tentative
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def context(path: str, version: str) -> context_mod.Context | None:
    """Everything arbitration computes from (None when the store has no recorded time)."""
    return context_mod.load_context(connection(path), load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def simulation(
    path: str, version: str, spec: ProjectSpec, tentatives: tuple[Tentative, ...],
    target: float, capacity_change: float,
) -> Simulation:
    """Verdicts and weekly projection of one project (raises ValueError on a bad description)."""
    found = context(path, version)
    assert found is not None
    return context_mod.run_simulation(found, spec, target, tentatives, capacity_change)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def estimates(path: str, version: str, perimeter: str, team: str) -> dict[str, Estimate]:
    """The effort estimate of each level for a project on ``perimeter`` carried by ``team``."""
    found = context(path, version)
    assert found is not None
    return dict(context_mod.estimate_table(found, perimeter, team))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def tentative(path: str, version: str, spec: ProjectSpec, enabled: bool) -> Tentative:
    """A tentative project with its learned P50/P80 staff hours."""
    found = context(path, version)
    assert found is not None
    return context_mod.tentative(found, spec, enabled)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def committed(path: str, version: str, team: str) -> pd.DataFrame:
    """The team's planned and active projects with the hours they still need."""
    found = context(path, version)
    assert found is not None
    return context_mod.committed_of_team(found, team)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def portfolio(
    path: str, version: str, target: float, quantile: str,
    forced_in: tuple[str, ...], forced_out: tuple[str, ...],
) -> Portfolio:
    """The best set of proposed projects and levels, with forced choices."""
    found = context(path, version)
    assert found is not None
    return context_mod.run_portfolio(found, target, quantile, forced_in, forced_out)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def demand(
    path: str, version: str, start: date, end: date, team: str | None, level: str | None
) -> Demand:
    """Requests, backlog, time to close and echo for the period (and team, level)."""
    found = context(path, version)
    assert found is not None
    return load_demand(connection(path), start, end, found.mapping, team, level)
