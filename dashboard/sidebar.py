"""The shared sidebar: language, period, service and level. Runs before every page."""

from __future__ import annotations

from datetime import date

import streamlit as st

from analytics.disclosure import selectable_services
from analytics.i18n import LANGUAGES, Translator
from analytics.periods import PRESETS, preset_period
from analytics.schema import LEVELS, NO_LEVEL
from dashboard import loaders
from dashboard.session import FILTERS_KEY, LANG_KEY, Filters, language

ALL = ""
"""The option meaning 'no filter' (an empty code, never a real service or level)."""
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def render(path: str, version: str, min_group_size: int = 1) -> Filters:
    """Draw the sidebar and store the chosen :class:`Filters` in the session. The service filter lists
    only the services of at least ``min_group_size`` agents (the role's floor, 1 for the direction)."""
    language()  # initialise from ?lang= before the widget reads the session value
    with st.sidebar:
        st.selectbox(
            "Langue / Language", LANGUAGES, key=LANG_KEY, format_func=LANGUAGE_NAMES.__getitem__
        )
        t = Translator(st.session_state[LANG_KEY])
        st.header(t("sidebar.filters"))
        reference = loaders.freshness(path, version).last_work_date or date.today()
        preset = st.selectbox(
            t("sidebar.period"), PRESETS, key="period_preset",
            format_func=lambda key: t(f"sidebar.period.{key}"),
        )
        start, end = preset_period(preset, reference)
        if preset == "custom":
            chosen = st.date_input(
                t("sidebar.dates"), value=(start, end), format="DD/MM/YYYY", key="period_dates"
            )
            if isinstance(chosen, tuple) and len(chosen) == 2:
                start, end = chosen
            else:
                st.warning(t("error.period"))
        st.caption(t("sidebar.period_caption", start=t.date(start), end=t.date(end)))
        services = selectable_services(loaders.services(path, version), min_group_size)
        names = dict(zip(services["service_id"], services["service_name"], strict=True))
        if st.session_state.get("filter_service", ALL) not in (ALL, *names):
            st.session_state["filter_service"] = ALL  # a team this role may not choose
        service = st.selectbox(
            t("sidebar.service"), [ALL, *names], key="filter_service",
            format_func=lambda sid: t("sidebar.all") if sid == ALL else names.get(sid, sid),
        )
        level = st.selectbox(
            t("sidebar.level"), [ALL, *LEVELS, NO_LEVEL], key="filter_level",
            format_func=lambda code: t("sidebar.all") if code == ALL else t.label("level", code),
        )
    chosen_filters = Filters(start=start, end=end, service=service or None, level=level or None)
    st.session_state[FILTERS_KEY] = chosen_filters
    return chosen_filters
