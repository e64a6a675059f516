"""Loaders of the overview's "À traiter": the lists computed by the other pages' cached loaders (the
capacity page's legal findings, overload runs, load and forecast; the engagement page's headline and
its fatigue tab's counts and trends), then :func:`analytics.overview.attention_items`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import overview
from analytics.access import Role
from analytics.capacity.forecast import HORIZON_WEEKS
from analytics.engagement import fatigue
from analytics.scope import Scope
from analytics.settings import load_thresholds
from dashboard import capacity_loaders, engagement_loaders, loaders
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def participation_outside(path: str, version: str, scope: Scope) -> pd.DataFrame:
    """Participation hours outside ordinary hours per agent, project and kind of event."""
    return overview.participation_outside(connection(path), scope, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def engagement_signals(path: str, version: str, scope: Scope) -> tuple[dict[str, int | None],
                                                                       pd.DataFrame]:
    """The two numbers of the Engagement page's fatigue tab that "À traiter" shows, through the
    functions the tab's part calls (:func:`analytics.engagement.page.fatigue_part`): the counts of
    volunteers at risk, small ones hidden, and the attendance trends — not the tab's tables."""
    con = connection(path)
    flagged = fatigue.flagged_volunteers(con, scope)
    return (fatigue.shown_signal_counts(flagged, load_thresholds().min_group_size),
            fatigue.attendance_trends(con, scope))


def attention_inputs(path: str, version: str, scope: Scope) -> overview.AttentionInputs:
    """Every list "À traiter" reads, from the other pages' cached loaders (the capacity page's
    legal findings, overload runs, load and forecast; the engagement page's headline) and the
    fatigue tab's counts and trends (:func:`engagement_signals`), one after the other."""
    signal_counts, trends = engagement_signals(path, version, scope)
    head = engagement_loaders.overview(path, version, scope)
    return overview.AttentionInputs(
        legal=capacity_loaders.legal(path, version, scope),
        runs=capacity_loaders.overload(path, version, scope),
        service_load=capacity_loaders.load(path, version, scope).services,
        services=loaders.services(path, version),
        outside=participation_outside(path, version, scope),
        teams=capacity_loaders.forecast(path, version, scope).teams,
        signal_counts=signal_counts, trends=trends,
        lapsed=head.headline.lapsed_12m, lapsed_share=head.headline.lapsed_12m_share,
    )


def attention(
    inputs: overview.AttentionInputs, role: Role | None
) -> list[overview.AttentionItem]:
    """The "À traiter" lines for ``role`` (agents by name for the direction only)."""
    th = load_thresholds()
    return overview.attention_items(inputs, role, th.min_group_size, th.overload_ratio,
                                    th.overload_min_weeks, HORIZON_WEEKS)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def todo(path: str, version: str, scope: Scope, role: Role | None) -> overview.Todo:
    """What "À traiter" shows ``role``: its lines and the tiles' counts of its lists, from
    :func:`attention_inputs` (cached, so that a rerun of the page reads this small result again, not
    the lists of the seven loaders behind it)."""
    inputs = attention_inputs(path, version, scope)
    return overview.Todo(attention(inputs, role), overview.tile_counts(inputs.legal, inputs.runs))
