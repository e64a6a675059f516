"""Cached loaders of the arbitration page, keyed by (store path, data version, small arguments).

:func:`history` reads the store's past once per data version (teams, finished projects' effort);
:func:`context` adds the coming months (baseline of every team, candidates) only when the
simulator or the portfolio needs them. The other loaders return what the page draws, computed
from these (cached per set of arguments so that going back to an earlier choice is instant and a
rerun computes nothing). The page calls them through :data:`dashboard.registry.ARBITRATION`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.arbitration import context as context_mod
from analytics.arbitration import effort as effort_mod
from analytics.arbitration import portfolio as portfolio_mod
from analytics.arbitration.demand import (
    DemandBreakdown,
    DemandView,
    demand_breakdown,
    demand_view,
    load_demand,
)
from analytics.arbitration.effort import Estimate, LifeProfile
from analytics.arbitration.portfolio import Portfolio
from analytics.arbitration.simulate import ProjectSpec, Simulation, Tentative
from analytics.scope import Scope
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def history(path: str, version: str) -> context_mod.History | None:
    """Teams and finished projects' effort (None when the store has no recorded time)."""
    return context_mod.load_history(connection(path), load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def context(path: str, version: str) -> context_mod.Context | None:
    """Everything the simulator and the portfolio compute from (None without recorded time)."""
    found = history(path, version)
    return None if found is None else context_mod.with_coming_months(connection(path), found)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def effort_by(path: str, version: str, dimension: str) -> pd.DataFrame:
    """Effort of finished projects by ``dimension`` (see :func:`.effort.effort_by`)."""
    found = history(path, version)
    assert found is not None
    return effort_mod.effort_by(found.effort, dimension)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def life_profile(path: str, version: str) -> LifeProfile:
    """How finished projects' effort spreads over their life, by level and activity."""
    return effort_mod.load_life_profile(connection(path))


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
    found = history(path, version)
    assert found is not None
    return dict(context_mod.estimate_table(found, perimeter, team))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def tentative(path: str, version: str, spec: ProjectSpec, enabled: bool) -> Tentative:
    """A tentative project with its learned P50/P80 staff hours."""
    found = history(path, version)
    assert found is not None
    return context_mod.tentative(found, spec, enabled)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def committed(path: str, version: str, team: str) -> tuple[pd.DataFrame, float | None]:
    """The team's planned and active projects with the hours they still need, and its recent
    ordinary share of capacity."""
    found = context(path, version)
    assert found is not None
    return (context_mod.committed_of_team(found, team),
            context_mod.ordinary_share_of_team(found, team))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def candidates(path: str, version: str) -> pd.DataFrame:
    """The proposed projects the portfolio chooses among."""
    return portfolio_mod.load_candidates(connection(path))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def open_requests(path: str, version: str) -> pd.DataFrame:
    """Residents' requests open on the reference day, not yet carried by a project."""
    found = history(path, version)
    assert found is not None
    return portfolio_mod.load_open_requests(connection(path), found.as_of)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def portfolio(
    path: str, version: str, target: float, quantile: str,
    forced_in: tuple[str, ...], forced_out: tuple[str, ...],
    request_level: str | None = None, request_priority: float = portfolio_mod.REQUEST_PRIORITY,
    request_levels: tuple[tuple[str, str], ...] = (),
) -> Portfolio:
    """The best set of proposed projects and levels, with forced choices; with a
    ``request_level``, among the open requests too (each at that level, or the one of
    ``request_levels`` (request_id, level), and at ``request_priority``)."""
    found = context(path, version)
    assert found is not None
    requests = None
    if request_level is not None:
        requests = portfolio_mod.request_candidates(
            open_requests(path, version), request_level, request_priority, dict(request_levels))
    return context_mod.run_portfolio(found, target, quantile, forced_in, forced_out, requests)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def demand(path: str, version: str, scope: Scope, team: str | None = None) -> DemandView:
    """Requests, backlog, time to close and echo for the scope's period and level and ``team`` (the
    team of the service filter, officials never see a service alone), with the monthly totals,
    headline numbers and echo per level the page draws."""
    found = history(path, version)
    assert found is not None
    return demand_view(load_demand(connection(path), scope, found.mapping, team))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def demand_by(
    path: str, version: str, scope: Scope, team: str | None = None, dimension: str = "level"
) -> DemandBreakdown:
    """The period's requests per month and time to close by ``dimension``."""
    return demand_breakdown(demand(path, version, scope, team).demand, dimension)
