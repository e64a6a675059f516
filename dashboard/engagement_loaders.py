"""Cached loaders of the Engagement page, keyed by small arguments (store path, data version,
period, filters, section, language).

:func:`overview` computes the headline figures the page shows above its tabs; :func:`part` one
section's numbers, only when its tab is open (:func:`prefetch` computes both side by side);
:func:`section` builds that section's text, tiles, figures (plotly JSON dicts, cheap to cache and to
draw) and tables; :func:`report_html` writes the downloadable report, only when it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime

import pandas as pd
import streamlit as st

from analytics.engagement import tables as engagement_tables
from analytics.engagement.page import (
    EngagementData,
    FatiguePart,
    MilestonesPart,
    Overview,
    Part,
    compute_overview,
)
from analytics.engagement.page import compute_part as compute_section_part
from analytics.engagement.report import build_report
from analytics.engagement.scope import Scope
from analytics.engagement.sections import SECTION_KEYS, Section
from analytics.engagement.sections import section as build_section
from analytics.i18n import Translator
from analytics.settings import load_thresholds
from dashboard.loaders import TTL_SECONDS
from dashboard.parallel import gather
from dashboard.store import connection


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def overview(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None
) -> Overview:
    """The headline figures of the period and filters (privacy already applied)."""
    return compute_overview(connection(path), Scope(start, end, service, level), load_thresholds())


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def part(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    key: str, individuals: bool = True,
) -> Part:
    """The numbers of one section (privacy already applied); without ``individuals`` (elected
    officials), no row about one resident (volunteers at risk)."""
    found = compute_section_part(
        connection(path), Scope(start, end, service, level), load_thresholds(), key
    )
    if not individuals and isinstance(found, FatiguePart):
        return replace(found, volunteers=found.volunteers.iloc[0:0])
    return found


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def section(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    lang: str, key: str, individuals: bool = True,
) -> Section:
    """One section of the page, its figures as plotly JSON dicts."""
    head = overview(path, version, start, end, service, level)
    if head.headline.small_scope:  # too few people in the scope: the section says so, nothing else
        return build_section(key, head, None, Translator(lang))
    numbers = part(path, version, start, end, service, level, key, individuals)
    return build_section(key, head, numbers, Translator(lang))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=4)
def report_html(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    lang: str, town: str, service_label: str, level_label: str, origin_note: str | None,
    individuals: bool = True,
) -> bytes:
    """The self-contained HTML report (UTF-8 bytes) of the page for this period and filters, for
    ``town`` (:func:`analytics.settings.town_name`)."""
    parts = {key: part(path, version, start, end, service, level, key, individuals)
             for key in SECTION_KEYS}
    data = EngagementData(overview(path, version, start, end, service, level), **parts)
    html = build_report(
        data, Translator(lang), town=town, service_label=service_label, level_label=level_label,
        generated_at=datetime.now(), origin_note=origin_note,
    )
    return html.encode("utf-8")


def milestones_frame(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    lang: str,
) -> pd.DataFrame:
    """Every milestone of the timeline (date, title, project, level): the list the report only
    counts, downloaded beside it."""
    found = part(path, version, start, end, service, level, "milestones")
    assert isinstance(found, MilestonesPart)
    return engagement_tables.milestones(found, Translator(lang)).frame


def open_section(tab_label: str | None, titles: Sequence[str]) -> str | None:
    """The section whose tab is open, from the tabs' state (the label of the open tab; none yet:
    the first tab) and the tab titles in :data:`SECTION_KEYS` order, then the report's; None when
    the report or an unknown label (another language) is open."""
    if tab_label is None:
        return SECTION_KEYS[0]
    for key, title in zip(SECTION_KEYS, titles, strict=False):
        if title == tab_label:
            return key
    return None


def prefetch(
    path: str, version: str, start: date, end: date, service: str | None, level: str | None,
    key: str | None, individuals: bool = True,
) -> None:
    """Compute the headline figures and the numbers of the open section ``key`` side by side
    (first visit, filter change), so that the page's own calls read them from the cache."""
    calls: dict[str, Callable[[], object]] = {
        "overview": lambda: overview(path, version, start, end, service, level),
    }
    if key is not None:
        calls[key] = lambda: part(path, version, start, end, service, level, key, individuals)
    gather(calls)
