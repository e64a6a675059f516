"""Every page on a store of hostile names (tests/hostile_fixtures.py): no text from data reaches
Streamlit markdown (texts, captions, boxes, titles, tab and expander labels, widget labels and
tooltips) or plotly (titles, ticks, legend, hover) as live markup; the names are shown, escaped."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import APP, sign_in_mode, signed_in_app
from tests.hostile_fixtures import HOST, LIVE

SHOWN = ("!\\[x\\](http:\u2060//", "\\<img src=http:\u2060//", "\\*\\*gras\\*\\*", "\\[clique\\]")
"""Payloads as escaped markdown: at least one shows where names are written in sentences."""
SHOWN_IN_CHARTS = ("&lt;img src=http://", "&lt;a href=")
"""Payloads as plotly shows them literally: in the charts that name services, quartiers, milestones."""

PAGES: list[tuple[str, str | None, str | None]] = [
    ("pages/overview.py", None, None),
    *[("pages/capacity.py", "capacity_tab", tab) for tab in (
        "Charge", "Où va la participation", "Travail invisible", "Limites légales",
        "Surcharge prolongée", "Semaines à venir")],
    *[("pages/arbitration.py", "arbitration_tab", tab) for tab in (
        "Coût par niveau", "Simulateur", "Choix des projets", "Demande générée")],
    *[("pages/engagement.py", "engagement_tab", tab) for tab in (
        "Renouvellement", "Concentration", "Cohortes et maintien", "Érosion et fatigue",
        "Représentativité", "Cailloux blancs", "Rapport")],
    ("pages/data.py", None, None),
    ("pages/methods.py", None, None),
]


def markdown_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) of every text of the page that Streamlit reads as markdown."""
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header",
                 "subheader", "latex"):
        for element in getattr(at, kind, []):
            yield kind, str(element.value)
    for kind in ("expander", "tabs"):
        for element in at.get(kind) if kind == "expander" else at.tabs:
            yield kind, str(element.label if hasattr(element, "label") else element.proto.label)
    for kind in ("metric", "selectbox", "multiselect", "radio", "checkbox", "button", "toggle",
                 "date_input", "number_input", "text_input", "download_button", "slider"):
        for element in at.get(kind):
            proto = element.proto
            for field in ("label", "help"):
                if getattr(proto, field, ""):
                    yield f"{kind}.{field}", str(getattr(proto, field))
            if kind == "radio":
                yield from ((f"{kind}.option", str(o)) for o in proto.options)


def chart_strings(at: AppTest) -> Iterator[str]:
    """Every text of every chart of the page (plotly, vega-lite) except hover templates (made by
    the app)."""

    def walk(value: Any, key: str = "") -> Iterator[str]:
        if isinstance(value, dict):
            for k, v in value.items():
                if k not in ("hovertemplate", "template"):
                    yield from walk(v, k)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item, key)
        elif isinstance(value, str):
            yield value

    for chart in [*at.get("plotly_chart"), *at.get("vega_lite_chart")]:
        yield from walk(json.loads(chart.proto.spec))


def run_page(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, state: str | None,
             tab: str | None) -> AppTest:
    monkeypatch.setenv("PARTICIPATION_DB", str(db))
    return show(AppTest.from_file(APP, default_timeout=180), page, state, tab)


def show(at: AppTest, page: str, state: str | None, tab: str | None) -> AppTest:
    """Run the app ``at``, then ``page`` with the tab ``tab`` open (session key ``state``)."""
    at.run()
    at.switch_page(page).run()
    if state is not None:
        at.session_state[state] = tab
        at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("page", "state", "tab"), PAGES,
                         ids=[f"{p.split('/')[1][:-3]}-{tab or 'page'}" for p, _, tab in PAGES])
def test_no_live_markup_from_data(hostile_db: Path, monkeypatch: pytest.MonkeyPatch, page: str,
                                  state: str | None, tab: str | None) -> None:
    at = run_page(hostile_db, monkeypatch, page, state, tab)
    texts = list(markdown_texts(at))
    live = [(kind, text) for kind, text in texts if LIVE.search(text)]
    assert live == []
    twice = [(kind, text) for kind, text in texts if "\\\\" in text or "\\&lt;" in text]
    assert twice == []  # escaped once: no payload holds a backslash
    charts = list(chart_strings(at))
    assert [s for s in charts if "<img" in s or "<a " in s or f"{HOST}/a\">" in s] == []
    assert [s for s in charts if "\\" in s or "&amp;lt;" in s or "\u2060" in s] == []
    if tab in ("Charge", "Simulateur"):
        assert any(shown in text for _, text in texts for shown in SHOWN), texts
    if tab in ("Charge", "Représentativité", "Cailloux blancs"):
        assert any(shown in text for text in charts for shown in SHOWN_IN_CHARTS), charts


def test_the_evaluation_report_shows_hostile_names_as_text(hostile_db: Path) -> None:
    """The HTML report: names HTML-escaped, no markdown escape left visible, nothing fetched."""
    from datetime import date, datetime

    from analytics.engagement.page import compute_engagement
    from analytics.engagement.report import build_report
    from analytics.engagement.scope import Scope
    from analytics.i18n import Translator
    from analytics.settings import Thresholds
    from analytics.store.db import open_store

    con = open_store(hostile_db)
    try:
        data = compute_engagement(con, Scope(date(2024, 12, 1), date(2026, 11, 30)), Thresholds())
    finally:
        con.close()
    report = build_report(data, Translator("fr"), town="<b>Ville</b> **gras**",
                          service_label="**gras** $x^2$ `code` S9",
                          level_label="Tous", generated_at=datetime(2026, 11, 30, 9, 0))
    tags = Tags()
    tags.feed(report)
    assert [(tag, url) for tag, url in tags.found if HOST in url or tag == "img"] == []
    visible = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<script.*?</script>", "", report,
                                                          flags=re.S)))
    assert "Service : **gras** $x^2$ `code` S9" in visible.replace("\xa0", " ")
    assert "<b>Ville</b> **gras**" in visible and "<b>Ville</b>" not in report
    assert "\\*" not in visible and "\u2060" not in visible


class Tags(HTMLParser):
    """The images and links of an HTML document, with their address."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "a", "image", "iframe"):
            url = dict(attrs).get("src") or dict(attrs).get("href") or ""
            self.found.append((tag, url))


ELECTED_PAGES: list[tuple[str, str | None, str | None]] = [
    ("pages/overview.py", None, None),
    *[("pages/arbitration.py", "arbitration_tab", tab) for tab in (
        "Coût par niveau", "Simulateur", "Choix des projets", "Demande générée")],
    ("pages/engagement.py", "engagement_tab", "Représentativité"),
    ("pages/engagement.py", "engagement_tab", "Cailloux blancs"),
]


@pytest.mark.parametrize(("page", "state", "tab"), ELECTED_PAGES,
                         ids=[f"{p.split('/')[1][:-3]}-{tab or 'page'}" for p, _, tab in ELECTED_PAGES])
def test_an_elected_official_with_a_hostile_name_sees_no_live_markup(
    hostile_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str, state: str | None,
    tab: str | None,
) -> None:
    """Signed in as an elected official (whose own name, from the identity provider, is hostile
    too): the pages officials see carry no live markup from data."""
    sign_in_mode(hostile_db, tmp_path, monkeypatch, {"elected": "maire@ville.fr"})
    at = show(signed_in_app("elected", timeout=180, name=f"![moi](http://{HOST}/moi.png)"),
              page, state, tab)
    texts = list(markdown_texts(at))
    assert [(kind, text) for kind, text in texts if LIVE.search(text)] == []
    assert any("!\\[moi\\]" in text for _, text in texts)  # the name is shown, escaped
    assert [s for s in chart_strings(at) if "<img" in s or "<a " in s] == []


def test_an_agent_card_shows_a_hostile_name_as_text(
    hostile_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Fiche agent tab with an agent whose name is a payload: escaped in the sentence, literal
    in the chart's title, never live."""
    at = run_page(hostile_db, monkeypatch, "pages/capacity.py", "capacity_tab", "Fiche agent")
    hostile = [o for o in at.selectbox(key="capacity_agent").options if "<img" in o or "[" in o]
    for name in hostile[:10]:  # the first hostile name with weeks to draw
        at.selectbox(key="capacity_agent").select(name).run()
        assert not at.exception, at.exception
        if at.get("plotly_chart"):
            break
    texts = list(markdown_texts(at))
    assert [(kind, text) for kind, text in texts if LIVE.search(text)] == []
    assert any(shown in text for _, text in texts for shown in SHOWN), texts
    charts = list(chart_strings(at))
    assert charts and [s for s in charts if "<img" in s or "<a " in s or "\\" in s] == []
