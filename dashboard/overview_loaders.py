"""Loaders of the overview's "À traiter": the lists computed by the other pages' cached loaders (the
capacity page's legal findings, overload runs, load and forecast; the engagement page's fatigue
part and headline), gathered side by side, then :func:`analytics.overview.attention_items`."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from analytics import overview
from analytics.access import Role
from analytics.capacity.forecast import HORIZON_WEEKS
from analytics.engagement.page import FatiguePart, Overview
from analytics.settings import load_thresholds
from dashboard import capacity_loaders, engagement_loaders, loaders
from dashboard.loaders import TTL_SECONDS
from dashboard.parallel import gather
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def participation_outside(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> pd.DataFrame:
    """Participation hours outside ordinary hours per agent, project and kind of event."""
    return overview.participation_outside(connection(path), start, end, service, level,
                                          load_thresholds())


def attention_inputs(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> overview.AttentionInputs:
    """Every list "À traiter" reads, from the cached loaders (computed side by side the first time;
    a part that failed is asked again here, so that its error reaches the page's section)."""
    calls = {
        "legal": lambda: capacity_loaders.legal(path, version, start, end, service),
        "runs": lambda: capacity_loaders.overload(path, version, start, end, service),
        "load": lambda: capacity_loaders.load(path, version, start, end, service, level),
        "forecast": lambda: capacity_loaders.forecast(path, version, end, service, level),
        "outside": lambda: participation_outside(path, version, start, end, service, level),
        "fatigue": lambda: engagement_loaders.part(path, version, start, end, service, level,
                                                   "fatigue", False),
        "headline": lambda: engagement_loaders.overview(path, version, start, end, service, level),
    }
    got = gather(calls)
    got.update({name: call() for name, call in calls.items() if name not in got})
    fatigue: FatiguePart = got["fatigue"]
    head: Overview = got["headline"]
    return overview.AttentionInputs(
        legal=got["legal"], runs=got["runs"], service_load=got["load"].services,
        services=loaders.services(path, version), outside=got["outside"],
        teams=got["forecast"].teams, signal_counts=fatigue.signal_counts,
        trends=fatigue.attendance_trends, lapsed=head.headline.lapsed_12m,
        lapsed_share=head.headline.lapsed_12m_share,
    )


def attention(
    inputs: overview.AttentionInputs, role: Role | None
) -> list[overview.AttentionItem]:
    """The "À traiter" lines for ``role`` (agents by name for the direction only)."""
    th = load_thresholds()
    return overview.attention_items(inputs, role, th.min_group_size, th.overload_ratio,
                                    th.overload_min_weeks, HORIZON_WEEKS)
