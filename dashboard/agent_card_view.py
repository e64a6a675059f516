"""The capacity page's agent card (direction only): pick an agent, see their contracts, absences,
weekly load against capacity with why each week's capacity is what it is, and legal findings."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from analytics.capacity import figures, tables
from analytics.chart_locale import chart_config
from analytics.i18n import Translator, counted
from analytics.scope import Scope
from analytics.settings import Thresholds
from dashboard.registry import CAPACITY
from dashboard.store import Source

Table = Callable[..., None]
"""The page's table helper: (frame, file name, show=True) → drawn with its downloads."""


def draw(
    t: Translator, src: Source, scope: Scope, th: Thresholds,
    limits: Mapping[str, float], table: Table,
) -> None:
    """The agent picker, then the chosen agent's card over the scope's period."""
    st.caption(t("capacity.card.intro"))
    agents = CAPACITY["agents"](src, scope)
    names = dict(zip(agents["agent_id"], agents["agent_name"], strict=True))
    agent = st.selectbox(t("capacity.card.pick"), list(names), index=None, key="capacity_agent",
                         format_func=names.__getitem__, placeholder=t("capacity.card.placeholder"))
    if not names:
        st.info(t("capacity.card.no_agents"))
    card = CAPACITY["agent_card"](src, scope, agent_id=agent) if agent else None
    if card is None:
        return
    weeks = card.weeks
    hours, capacity = float(weeks["hours"].sum()), float(weeks["capacity_hours"].sum())
    st.markdown(t("capacity.card.head", name=card.agent_name, service=card.service_name or "–")
                + " " + t("capacity.card.summary", hours=t.hours(hours), capacity=t.hours(capacity),
                          load=t.percent(hours / capacity if capacity > 0 else None)))
    st.subheader(t("capacity.card.contracts"))
    if card.contracts.empty:
        st.info(t("capacity.card.no_contract"))
    table(tables.present(card.contracts, tables.CARD_CONTRACTS, t), "contrats_agent",
          show=not card.contracts.empty)
    st.subheader(t("capacity.card.absences"))
    if card.absences.empty:
        st.caption(t("capacity.card.no_absence"))
    table(tables.present(card.absences, tables.CARD_ABSENCES, t), "absences_agent",
          show=not card.absences.empty)
    st.subheader(t("capacity.card.weeks"))
    if weeks.empty:
        st.info(t("capacity.card.no_weeks"))
    else:
        st.plotly_chart(figures.agent_card_figure(weeks, card.agent_name, th.load_bands, t),
                        width="stretch", config=chart_config(t.lang))
        st.caption(t("capacity.card.weeks_note"))
        table(tables.card_weeks_table(card, t), "charge_agent")
    _findings(t, card.findings, th, limits, table)


def _findings(
    t: Translator, findings: Mapping[str, pd.DataFrame], th: Thresholds,
    limits: Mapping[str, float], table: Table,
) -> None:
    """The agent's legal findings, rule by rule (a success message when there is none)."""
    st.subheader(t("capacity.card.findings"))
    found = {rule: frame for rule, frame in findings.items() if not frame.empty}
    if not found:
        st.success(t("capacity.card.no_findings"))
    for rule, frame in found.items():
        st.markdown(counted(t, "capacity.legal.count", len(frame)) + " — "
                    + t(f"capacity.legal.{rule}.title", limit=t.hours(limits[rule]),
                        weeks=th.avg_window_weeks))
        table(tables.legal_table(rule, frame, t), f"limites_agent_{rule}")
