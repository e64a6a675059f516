"""Every page on a store of hostile names (tests/hostile_fixtures.py): no text from data reaches
Streamlit markdown (texts, captions, boxes, titles, tab and expander labels, widget labels and
tooltips) or plotly (titles, ticks, legend, hover) as live markup; the names are shown, escaped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.hostile_fixtures import HOST, LIVE

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SHOWN = ("!\\[x\\](http:\u2060//", "\\<img src=http:\u2060//", "\\*\\*gras\\*\\*", "\\[clique\\]")
"""Payloads as escaped markdown: at least one shows on each page (the names do reach it)."""

PAGES: list[tuple[str, str | None, str | None]] = [
    ("pages/overview.py", None, None),
    *[("pages/capacity.py", "capacity_tab", tab) for tab in (
        "Charge", "Où va la participation", "Travail invisible", "Limites légales",
        "Surcharge prolongée", "Semaines à venir")],
    *[("pages/arbitration.py", "arbitration_tab", tab) for tab in (
        "Coût par niveau", "Simulateur", "Choix des projets", "Demande générée")],
    ("pages/engagement.py", None, None),
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
    """Every text of every plotly chart of the page except hover templates (made by the app)."""

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

    for chart in at.get("plotly_chart"):
        yield from walk(json.loads(chart.proto.spec))


def run_page(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, state: str | None,
             tab: str | None) -> AppTest:
    monkeypatch.setenv("PARTICIPATION_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=180)
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
    charts = list(chart_strings(at))
    assert [s for s in charts if "<img" in s or "<a " in s or f"{HOST}/a\">" in s] == []
    if page in ("pages/capacity.py", "pages/arbitration.py") and tab in ("Charge", "Simulateur"):
        assert any(shown in text for _, text in texts for shown in SHOWN), texts
