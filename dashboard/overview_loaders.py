"""Loaders of the overview's "À traiter": the lists computed by the other pages' cached loaders (the
capacity page's legal findings, overload runs, load and forecast; the engagement page's fatigue
part and headline), then :func:`analytics.overview.attention_items`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import overview
from analytics.access import Role
from analytics.capacity.forecast import HORIZON_WEEKS
from analytics.engagement.page import FatiguePart
from analytics.scope import Scope
from analytics.settings import load_thresholds
from dashboard import capacity_loaders, engagement_loaders, loaders
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def participation_outside(path: str, version: str, scope: Scope) -> pd.DataFrame:
    """Participation hours outside ordinary hours per agent, project and kind of event."""
    return overview.participation_outside(connection(path), scope, load_thresholds())


def attention_inputs(path: str, version: str, scope: Scope) -> overview.AttentionInputs:
    """Every list "À traiter" reads, from the other pages' cached loaders (the capacity page's
    legal findings, overload runs, load and forecast; the engagement page's fatigue part, without
    rows about one resident, and headline), one after the other."""
    fatigue = engagement_loaders.part(path, version, scope.without_individuals(), "fatigue")
    head = engagement_loaders.overview(path, version, scope)
    assert isinstance(fatigue, FatiguePart)
    return overview.AttentionInputs(
        legal=capacity_loaders.legal(path, version, scope),
        runs=capacity_loaders.overload(path, version, scope),
        service_load=capacity_loaders.load(path, version, scope).services,
        services=loaders.services(path, version),
        outside=participation_outside(path, version, scope),
        teams=capacity_loaders.forecast(path, version, scope).teams,
        signal_counts=fatigue.signal_counts, trends=fatigue.attendance_trends,
        lapsed=head.headline.lapsed_12m, lapsed_share=head.headline.lapsed_12m_share,
    )


def attention(
    inputs: overview.AttentionInputs, role: Role | None
) -> list[overview.AttentionItem]:
    """The "À traiter" lines for ``role`` (agents by name for the direction only)."""
    th = load_thresholds()
    return overview.attention_items(inputs, role, th.min_group_size, th.overload_ratio,
                                    th.overload_min_weeks, HORIZON_WEEKS)
