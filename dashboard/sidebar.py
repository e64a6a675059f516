"""The shared sidebar: language, period, service and level. Runs before every page."""

from __future__ import annotations

from datetime import date

import streamlit as st

from analytics.disclosure import selectable_services
from analytics.i18n import LANGUAGES, Translator
from analytics.periods import DEFAULT_PRESET, PRESETS, chosen_period, preset_period
from analytics.schema import LEVELS, NO_LEVEL
from analytics.scope import Scope
from dashboard import loaders
from dashboard.session import LANG_KEY, SCOPE_KEY, language

ALL = ""
"""The option meaning 'no filter' (an empty code, never a real service or level)."""
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
SHOWN_PERIOD_KEY = "_period_shown"
"""The period of the previous run: where typed custom dates start from."""


def period_widgets(t: Translator, reference: date) -> tuple[date, date]:
    """The period selector: a preset, or two dates typed or picked (each applied as soon as it is
    committed: a single-date field commits alone, unlike a range field waiting for its popover to
    close). Returns the inclusive period; a half-typed custom period keeps the previous one."""
    preset = st.selectbox(
        t("sidebar.period"), PRESETS, key="period_preset", index=PRESETS.index(DEFAULT_PRESET),
        format_func=lambda key: t(f"sidebar.period.{key}"),
    )
    start, end = st.session_state.get(SHOWN_PERIOD_KEY) or preset_period(DEFAULT_PRESET, reference)
    if preset != "custom":
        start, end = preset_period(preset, reference)
    else:
        left, right = st.columns(2)
        typed = chosen_period(
            left.date_input(t("sidebar.date_start"), value=start, format="DD/MM/YYYY",
                            key="period_start"),
            right.date_input(t("sidebar.date_end"), value=end, format="DD/MM/YYYY",
                             key="period_end"),
        )
        if typed is None:
            st.warning(t("error.period"))
        else:
            start, end = typed
    st.session_state[SHOWN_PERIOD_KEY] = (start, end)
    return start, end


def render(path: str, version: str, floor: int = 1, individuals: bool = True) -> Scope:
    """Draw the sidebar and store the chosen :class:`~analytics.scope.Scope` in the session, with the
    role's group ``floor`` and disclosure of ``individuals``. The service filter lists only the
    services of at least ``floor`` agents (1 for the direction)."""
    language()  # initialise from ?lang= before the widget reads the session value
    with st.sidebar:
        st.selectbox(
            "Langue / Language", LANGUAGES, key=LANG_KEY, format_func=LANGUAGE_NAMES.__getitem__
        )
        t = Translator(st.session_state[LANG_KEY])
        st.header(t("sidebar.filters"))
        reference = loaders.freshness(path, version).last_work_date or date.today()
        start, end = period_widgets(t, reference)
        st.caption(t("sidebar.period_caption", start=t.date(start), end=t.date(end)))
        services = selectable_services(loaders.services(path, version), floor)
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
    chosen = Scope(start, end, service or None, level or None, floor, individuals)
    st.session_state[SCOPE_KEY] = chosen
    return chosen
