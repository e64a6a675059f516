"""Small widgets shared by the pages: banners, indicator tiles, downloads."""

from __future__ import annotations

import io
import logging
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd
import streamlit as st

from analytics.chart_locale import chart_config
from analytics.figures import drawable, figure_title, is_empty
from analytics.i18n import Translator
from analytics.indicators import CATALOGUE
from analytics.overview import Freshness
from analytics.store.db import StoreError
from dashboard.access import logged_download

KINDS = {indicator.key: indicator.kind for indicator in CATALOGUE}


def demo_banner(fresh: Freshness, t: Translator) -> None:
    """Say visibly that the data is the generated demo town (and if it was just built)."""
    if fresh.origin != "demo":
        return
    if st.session_state.pop("demo_just_built", False):
        st.success(t("banner.demo_built", seed=fresh.demo_seed), icon=":material/auto_awesome:")
    as_of = t.date(pd.Timestamp(fresh.demo_as_of).date()) if fresh.demo_as_of else "–"
    st.info(t("banner.demo", seed=fresh.demo_seed, as_of=as_of), icon=":material/science:")


def indicator_tiles(
    values: dict[str, float | int | None], keys: Sequence[str], t: Translator
) -> None:
    """One metric tile per indicator key, labelled in the session's language, with its key as help."""
    columns = st.columns(len(keys))
    for column, key in zip(columns, keys, strict=True):
        column.metric(t(f"ind.{key}"), t.indicator(KINDS[key], values.get(key)), help=key)


def chart(figure: Any, t: Translator, where: Any = st) -> None:
    """Draw a plotly figure (a ``go.Figure`` or its JSON) in ``where`` (default: the page), or, when it
    has nothing to draw for the chosen scope, a sentence saying so in its place."""
    if is_empty(figure):
        where.info(t("chart.empty", title=figure_title(figure)), icon=":material/bar_chart_off:")
        return
    where.plotly_chart(drawable(figure), width="stretch", config=chart_config(t.lang))


def uploader_words(t: Translator, limit_mb: int, types: Sequence[str]) -> None:
    """Streamlit 1.67's file uploader writes its button (« Upload ») and its limits (« 100MB per
    file • CSV, … ») in English with no option to change them: in French, a small style sheet draws
    them in French in their place (the English words stay in the page, hidden). Nothing in
    English."""
    if t.lang == "fr":
        st.html(uploader_style(t.plain("data.upload_button"), t.plain(
            "data.upload_limits", mb=limit_mb, types=", ".join(kind.upper() for kind in types))))


VEGA_TOOLBAR_HIDDEN = (
    "<style>[data-testid='stFullScreenFrame']:has([data-testid='stVegaLiteChart']) "
    "[data-testid='stElementToolbar'] {display: none}</style>")
"""Hides the toolbar of Streamlit's vega-lite charts (its buttons' titles are fixed English)."""


def vega_toolbar_words(t: Translator) -> None:
    """Streamlit 1.67 gives its vega-lite charts a toolbar whose buttons say « Download as PNG »,
    « Copy Vega-Lite spec » and « Fullscreen », in English with no option to translate them: in
    French the toolbar is left out (as the plotly charts leave out Streamlit's « Fullscreen »)."""
    if t.lang == "fr":
        st.html(VEGA_TOOLBAR_HIDDEN)


def uploader_style(button: str, limits: str) -> str:
    """The style sheet of :func:`uploader_words` (texts quoted for CSS)."""
    def quoted(text: str) -> str:
        return '"' + "".join(c if c.isalnum() or c in " ,.·'()-" else f"\\{ord(c):x} "
                             for c in text) + '"'

    zone = '[data-testid="stFileUploaderDropzone"]'
    return (
        f"<style>{zone} button [data-testid=\"stMarkdownContainer\"] p {{font-size: 0}}"
        f"{zone} button [data-testid=\"stMarkdownContainer\"] p::after "
        f"{{content: {quoted(button)}; font-size: 1rem}}"
        f"{zone} [data-testid=\"stFileUploaderDropzoneInstructions\"] span {{font-size: 0}}"
        f"{zone} [data-testid=\"stFileUploaderDropzoneInstructions\"] span::after "
        f"{{content: {quoted(limits)}; font-size: 0.875rem}}</style>"
    )


def safe_for_spreadsheet(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy where no text cell can start a formula (=, +, -, @, tab, CR) in a spreadsheet."""
    def neutralise(value: object) -> object:
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
        return value

    return frame.map(neutralise)


def csv_bytes(frame: pd.DataFrame, lang: str) -> bytes:
    """A table as CSV for a spreadsheet: UTF-8 with BOM; ';' and decimal comma in French."""
    sep, decimal = (";", ",") if lang == "fr" else (",", ".")
    return safe_for_spreadsheet(frame).to_csv(index=False, sep=sep, decimal=decimal).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """A table as an Excel workbook (one sheet, formula-safe cells)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        safe_for_spreadsheet(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def download_buttons(
    frame: pd.DataFrame | Callable[[], pd.DataFrame], name: str, t: Translator
) -> None:
    """CSV and Excel downloads of a table, built only when clicked (not on every rerun). ``frame`` may
    be a function returning the table, so that a big table the page does not show is computed only
    then too."""
    table = frame if callable(frame) else lambda: frame
    left, right = st.columns(2)
    left.download_button(
        t("download.csv"), logged_download(lambda: csv_bytes(table(), t.lang), name, "csv"),
        file_name=f"{name}.csv",
        mime="text/csv", key=f"csv_{name}", icon=":material/download:", on_click="ignore",
    )
    right.download_button(
        t("download.xlsx"), logged_download(lambda: xlsx_bytes(table(), name), name, "xlsx"),
        file_name=f"{name}.xlsx",
        key=f"xlsx_{name}", on_click="ignore", icon=":material/table_view:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def page_link(page_id: str, role: str | None, t: Translator, icon: str) -> None:
    """A link to another page of the app, drawn only when ``role`` may open that page."""
    from dashboard.access import allowed_pages

    if page_id in allowed_pages(role):  # type: ignore[arg-type]
        st.page_link(f"pages/{page_id}.py", label=t("overview.go", page=t(f"nav.{page_id}")), icon=icon)


TAB_STATE: dict[str, tuple[str, str]] = {
    "capacity": ("capacity_tab", "capacity.tab."),
    "engagement": ("engagement_tab", "eng.tab."),
    "arbitration": ("arbitration_tab", "arb.tab."),
}
"""Pages with tabs: the session key of their ``st.tabs`` and the message prefix of a tab's label
(a tab's code, e.g. ``legal``, is the end of its label's key)."""
TAB_PARAM = "tab"
TEAM_PARAM = "team"
TEAM_STATE = "arb_team"
"""A link's team (``?team=<service id>``) and the simulator's team selector it sets."""
"""The query parameter of a link to a page's tab: ``?tab=legal`` (the tab's code)."""


def detail_link(
    links: Sequence[tuple[str, str | None]], role: str | None, t: Translator,
    icon: str = ":material/arrow_forward:", team: str | None = None,
) -> None:
    """A link to the first (page, tab) of ``links`` that ``role`` may open, named by its tab (the page
    and tab in its tooltip); nothing when it may open none of them. The tab (and, for the
    simulator, the ``team``) is opened by :func:`open_linked_tab`."""
    from dashboard.access import allowed_pages

    allowed = allowed_pages(role)  # type: ignore[arg-type]
    for page_id, tab in links:
        if page_id not in allowed:
            continue
        page = t(f"nav.{page_id}")
        if tab is not None and page_id in TAB_STATE:
            tab_name = t(TAB_STATE[page_id][1] + tab)
            st.page_link(f"pages/{page_id}.py", label=t("overview.todo.link_tab", tab=tab_name),
                         help=t("overview.todo.link", page=page, tab=tab_name), icon=icon,
                         query_params={TAB_PARAM: tab, **(
                             {TEAM_PARAM: team} if team and page_id == "arbitration" else {})})
        else:
            st.page_link(f"pages/{page_id}.py", label=t("overview.todo.link_page", page=page),
                         icon=icon)
        return


def open_linked_tab(page_id: str, t: Translator) -> None:
    """Before ``page_id`` runs: the tab a link asked for (``?tab=<code>``) becomes the open one, and
    the parameter is consumed (later reruns keep the user's own choice of tab). An unknown code is
    ignored."""
    team = st.query_params.get(TEAM_PARAM)
    if team is not None:
        del st.query_params[TEAM_PARAM]
        if page_id == "arbitration":
            st.session_state[TEAM_STATE] = team  # the page drops a team it does not show
    code = st.query_params.get(TAB_PARAM)
    if code is None:
        return
    del st.query_params[TAB_PARAM]
    if page_id not in TAB_STATE:
        return
    key, prefix = TAB_STATE[page_id]
    label = t(prefix + code)
    if label != prefix + code:
        st.session_state[key] = label


@contextmanager
def section(t: Translator, error_key: str) -> Iterator[None]:
    """One part of a page: if it fails, a readable message (``error_key`` with ``{reason}``) takes
    its place, the failure is logged for administrators, and the rest of the page still draws."""
    try:
        yield
    except Exception as exc:
        logging.getLogger("dashboard").exception("page section failed (%s)", error_key)
        st.error(t(error_key, reason=type(exc).__name__), icon=":material/error:")


def store_error(exc: StoreError, t: Translator) -> None:
    """Say in the user's language why the store cannot be opened (locked, not a DuckDB file, a
    directory, no permission…); the path and DuckDB's own message go to the log with an id."""
    error_id = secrets.token_hex(4)
    logging.getLogger("dashboard").error("store error %s (%s): %s", error_id, exc.kind, exc)
    st.error(t(f"error.store.{exc.kind}", id=error_id), icon=":material/database:")


@contextmanager
def unexpected_errors(where: str, *, stop: bool = False) -> Iterator[None]:
    """Run a part of the app (the frame, a page): an unexpected error is logged with its traceback
    and a short random id, and the user sees a sentence in their language quoting that id (never the
    error itself); with ``stop`` the run ends there. Streamlit's own control flow (``st.stop``,
    ``st.rerun``, ``st.switch_page``) passes through."""
    try:
        yield
    except Exception:
        from dashboard.session import translator

        error_id = secrets.token_hex(4)
        logging.getLogger("dashboard").exception("unexpected error %s in %s", error_id, where)
        st.error(translator()("error.unexpected", id=error_id), icon=":material/error:")
        if stop:
            st.stop()
