"""Cached loaders of the frame, the overview and the data page: keyed by the store path, its data
version and the :class:`~analytics.scope.Scope` (period, filters, role's disclosure).

Each loader fetches its connection from the cached resource and calls one analytics function; the
``version`` argument makes every cache entry obsolete as soon as an import changes the store. Pages
call them through :mod:`dashboard.registry`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import data_health, overview
from analytics.i18n import Translator
from analytics.indicators import INDICATOR_KEYS, compute_indicators
from analytics.ingest import completion
from analytics.scope import Scope
from dashboard.store import connection

TTL_SECONDS = 600

OVERVIEW_TILES: dict[str, tuple[str, ...]] = {
    "dgs": ("capacity.load_ratio", "hours.participation_share", "hours.outside_share",
            "agents.sustained_overload"),
    "legal": ("legal.days_over_10h", "legal.weeks_over_48h", "legal.avg12_over_44h",
              "legal.rest_under_11h"),
    "officials": ("hours.participation", "requests.received", "requests.open_at_end",
                  "requests.median_days_to_close"),
    "evaluators": ("engagement.participants", "engagement.newcomer_share",
                   "engagement.top10_share", "engagement.retention",
                   "representativeness.r_score_quartier"),
}
"""The catalogue indicators shown as tiles on the overview, by the user they speak to."""
OVERVIEW_LISTED: tuple[str, ...] = (
    "agents.sustained_overload", "legal.days_over_10h", "legal.weeks_over_48h",
    "legal.avg12_over_44h", "legal.rest_under_11h",
)
"""Tiles counted from the lists of "À traiter" (:func:`analytics.overview.tile_counts`), so that a
tile and the lines naming what it counts never disagree."""
OVERVIEW_COMPUTED: tuple[str, ...] = tuple(
    key for keys in OVERVIEW_TILES.values() for key in keys if key not in OVERVIEW_LISTED)
"""The other tiles of :data:`OVERVIEW_TILES`, asked of the catalogue (which knows the queries that
compute them: :func:`analytics.indicators.families_of`)."""


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def indicators(
    path: str, version: str, scope: Scope, keys: tuple[str, ...] = INDICATOR_KEYS
) -> dict[str, float | int | None]:
    """The catalogue indicators ``keys`` (default all) for the scope's period and filters (see
    :func:`~analytics.indicators.compute_indicators`, the one path to a catalogue number)."""
    return compute_indicators(connection(path), scope, keys=keys)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def freshness(path: str, version: str) -> overview.Freshness:
    """Freshness facts of the store."""
    return overview.freshness(connection(path))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def services(path: str, version: str) -> pd.DataFrame:
    """Services for the sidebar filter."""
    return overview.services(connection(path))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def weekly_load(path: str, version: str, scope: Scope) -> pd.DataFrame:
    """Hours and capacity per week for the overview chart."""
    return overview.weekly_load(connection(path), scope)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def health(
    path: str, version: str, scope: Scope, only_gaps: bool = True, lang: str = "fr"
) -> tuple[data_health.HealthSummary, pd.DataFrame]:
    """Data health for the scope's period: the summary and the agent × week grid (gaps only by
    default), weeks labelled in ``lang``."""
    return data_health.data_health(connection(path), scope, only_gaps, Translator(lang))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def to_complete(path: str, version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The agents and the projects an import created that a person still has to complete (read
    again only when the store changes, not on every rerun of the Data page)."""
    con = connection(path)
    return completion.incomplete_agents(con), completion.incomplete_projects(con)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def import_history(path: str, version: str) -> pd.DataFrame:
    """The most recent imports, newest first (every import bumps the data version)."""
    return data_health.import_history(connection(path))
