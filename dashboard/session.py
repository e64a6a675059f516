"""Per-session state: the language and the shared filters chosen in the sidebar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from analytics.i18n import LANGUAGES, Translator

LANG_KEY = "lang"
FILTERS_KEY = "filters"


def language() -> str:
    """The session's language: ``?lang=en`` in the URL, else the sidebar choice, else French."""
    if LANG_KEY not in st.session_state:
        requested = st.query_params.get("lang", "fr")
        st.session_state[LANG_KEY] = requested if requested in LANGUAGES else "fr"
    return st.session_state[LANG_KEY]


def translator() -> Translator:
    """A translator for this session only (never a process-wide locale)."""
    return Translator(language())


@dataclass(frozen=True)
class Filters:
    """The shared sidebar filters: an inclusive period, and optionally one service and one level."""

    start: date
    end: date
    service: str | None = None
    level: str | None = None


def filters() -> Filters:
    """The filters set by the sidebar for this run (the sidebar runs before any page).

    On the very first run of a freshly started server, Streamlit may run a deep-linked page file
    alone, before ``app.py`` has registered the navigation; the frame then has not run, so we go
    through ``app.py`` first (the user lands on the overview instead of seeing an error).
    """
    if FILTERS_KEY not in st.session_state:
        st.switch_page("app.py")
    return st.session_state[FILTERS_KEY]
