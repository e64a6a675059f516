"""Cached loaders of the Engagement page, keyed by small arguments (store path, data version,
period, filters, language).

:func:`engagement` computes every number of the page once per scope; :func:`section` builds one
section's figures and tables (plotly figures are kept as plain JSON dicts, cheap to cache and to
draw); :func:`report_html` writes the downloadable report, only when it is asked for.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import streamlit as st

from analytics.engagement.page import EngagementData, compute_engagement
from analytics.engagement.report import build_report
from analytics.engagement.scope import Scope
from analytics.engagement.sections import Section
from analytics.engagement.sections import section as build_section
from analytics.i18n import Translator
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def engagement(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    individuals: bool = True,
) -> EngagementData:
    """Every number of the Engagement page for the period and filters (privacy already applied);
    without ``individuals`` (elected officials), no row about one resident (volunteers at risk)."""
    data = compute_engagement(connection(path), Scope(start, end, service, level), load_thresholds())
    return data if individuals else replace(data, volunteers=data.volunteers.iloc[0:0])


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def section(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    lang: str, key: str, individuals: bool = True,
) -> Section:
    """One section of the page, its figures as plotly JSON dicts."""
    data = engagement(path, version, start, end, service, level, individuals)
    built = build_section(key, data, Translator(lang))
    return replace(built, figures=[figure.to_plotly_json() for figure in built.figures])


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=4)
def report_html(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    lang: str, service_label: str, level_label: str, origin_note: str | None,
    individuals: bool = True,
) -> bytes:
    """The self-contained HTML report (UTF-8 bytes) of the page for this period and filters."""
    data = engagement(path, version, start, end, service, level, individuals)
    html = build_report(
        data, Translator(lang), service_label=service_label, level_label=level_label,
        generated_at=datetime.now(), origin_note=origin_note,
    )
    return html.encode("utf-8")
