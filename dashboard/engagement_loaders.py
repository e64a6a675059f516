"""Cached loaders of the Engagement page, keyed by (store path, data version, scope) and small
arguments (section, language).

:func:`overview` computes the headline figures the page shows above its tabs; :func:`part` one
section's numbers, only when its tab is open; :func:`section` builds that section's text, tiles,
figures (plotly JSON dicts, cheap to cache and to draw) and tables; :func:`report_html` writes the
downloadable report, only when it is asked for. The page calls them through
:data:`dashboard.registry.ENGAGEMENT`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pandas as pd
import streamlit as st

from analytics.engagement import tables as engagement_tables
from analytics.engagement.headline import Overview, compute_overview
from analytics.engagement.page import EngagementData, FatiguePart, MilestonesPart, Part
from analytics.engagement.page import compute_part as compute_section_part
from analytics.engagement.report import build_report
from analytics.engagement.sections import SECTION_KEYS, Section
from analytics.engagement.sections import section as build_section
from analytics.i18n import Translator
from analytics.scope import Scope
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def overview(path: str, version: str, scope: Scope) -> Overview:
    """The headline figures of the period and filters (privacy already applied)."""
    return compute_overview(connection(path), scope, load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def part(path: str, version: str, scope: Scope, key: str) -> Part:
    """The numbers of one section (privacy already applied); without ``scope.individuals``
    (elected officials), no row about one resident (volunteers at risk)."""
    found = compute_section_part(connection(path), scope, load_thresholds(), key)
    if not scope.individuals and isinstance(found, FatiguePart):
        return replace(found, volunteers=found.volunteers.iloc[0:0])
    return found


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def section(path: str, version: str, scope: Scope, key: str, lang: str = "fr") -> Section:
    """One section of the page, its figures as plotly JSON dicts."""
    head = overview(path, version, scope.for_every_role())  # the page's own entry
    if head.headline.small_scope:  # too few people in the scope: the section says so, nothing else
        return build_section(key, head, None, Translator(lang))
    return build_section(key, head, part(path, version, scope, key), Translator(lang))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=4)
def report_html(
    path: str, version: str, scope: Scope, lang: str = "fr", town: str = "", service_label: str = "–",
    level_label: str = "–", origin_note: str | None = None,
) -> bytes:
    """The self-contained HTML report (UTF-8 bytes) of the page for this scope, for ``town``
    (:func:`analytics.settings.town_name`)."""
    parts = {key: part(path, version, scope, key) for key in SECTION_KEYS}
    data = EngagementData(overview(path, version, scope.for_every_role()), **parts)
    html = build_report(
        data, Translator(lang), town=town, service_label=service_label, level_label=level_label,
        generated_at=datetime.now(), origin_note=origin_note,
    )
    return html.encode("utf-8")


def milestones_frame(path: str, version: str, scope: Scope, lang: str = "fr") -> pd.DataFrame:
    """Every milestone of the timeline (date, title, project, level): the list the report only
    counts, downloaded beside it."""
    found = part(path, version, scope, "milestones")
    assert isinstance(found, MilestonesPart)
    return engagement_tables.milestones(found, Translator(lang)).frame
