"""Per-session state: the language and the scope (period, filters, role) chosen in the sidebar."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from analytics.i18n import LANGUAGES, Translator
from analytics.scope import Scope

LANG_KEY = "lang"
SCOPE_KEY = "scope"
WANTED_PAGE_KEY = "_wanted_page"


def language() -> str:
    """The session's language: ``?lang=en`` in the URL, else the sidebar choice, else French."""
    if LANG_KEY not in st.session_state:
        requested = st.query_params.get("lang", "fr")
        st.session_state[LANG_KEY] = requested if requested in LANGUAGES else "fr"
    return st.session_state[LANG_KEY]


def translator() -> Translator:
    """A translator for this session only (never a process-wide locale)."""
    return Translator(language())


def require_frame(page_file: str) -> None:
    """Make sure ``app.py`` (the frame: store, sidebar, navigation) ran before this page in this run.

    Until ``app.py`` has called ``st.navigation`` once in a server process, Streamlit treats the
    ``pages/`` folder the legacy way and may run a deep-linked page file alone. The page then asks
    for the frame, which comes back to the wanted page (see :func:`wanted_page`).
    """
    if PagesManager.uses_pages_directory:
        st.session_state[WANTED_PAGE_KEY] = page_file
        st.switch_page("app.py")


def wanted_page() -> str | None:
    """The page a deep link asked for before the frame had run (consumed once)."""
    return st.session_state.pop(WANTED_PAGE_KEY, None)


def scope() -> Scope:
    """The scope set by the sidebar for this run (the sidebar runs before any page)."""
    return st.session_state[SCOPE_KEY]
