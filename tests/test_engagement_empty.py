"""The Engagement page with a scope that leaves a chart empty (issue 14): every tab opens without an
error, and an empty chart is replaced by a sentence saying there is nothing to draw for this scope."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from analytics.figures import is_empty
from analytics.i18n import Translator
from tests.apptest_support import APP, TIMEOUT, sign_in_mode, signed_in_app

NOTHING_TO_DRAW = {"fr": "rien à tracer pour ce périmètre", "en": "nothing to draw for this scope"}


@pytest.mark.parametrize(
    ("filter_key", "value", "tab", "lang"),
    [
        ("filter_service", "SVC-DG", "Cohortes et maintien", "fr"),
        ("filter_service", "SVC-DG", "Érosion et fatigue", "fr"),
        ("filter_level", "none", "Cohortes et maintien", "fr"),
        ("filter_level", "none", "Érosion et fatigue", "fr"),
        ("filter_service", "SVC-DG", "Erosion and fatigue", "en"),
    ],
)
def test_a_tab_with_an_empty_chart_says_there_is_nothing_to_draw(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, filter_key: str, value: str, tab: str, lang: str,
) -> None:
    monkeypatch.setenv("PARTICIPATION_DB", str(demo_db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.sidebar.selectbox(key="lang").set_value(lang).run()
    at.switch_page("pages/engagement.py").run()
    at.sidebar.selectbox(key=filter_key).set_value(value).run()
    at.session_state["engagement_tab"] = tab
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    said = [c.value for c in at.caption] + [i.value for i in at.info]
    assert any(NOTHING_TO_DRAW[lang] in text for text in said), said


@pytest.mark.parametrize("role", ["elected", "evaluator"])
@pytest.mark.parametrize(("filter_key", "value"), [("filter_service", "SVC-DG"), ("filter_level", "none")])
def test_every_role_gets_the_sentence_instead_of_an_error(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    role: str, filter_key: str, value: str,
) -> None:
    email = f"{role}@ville.fr"
    sign_in_mode(demo_db, tmp_path, monkeypatch, {role: email})
    at = signed_in_app(role, email, name=role)
    at.run()
    at.switch_page("pages/engagement.py").run()
    at.sidebar.selectbox(key=filter_key).set_value(value).run()
    for tab in ("Cohortes et maintien", "Érosion et fatigue"):
        at.session_state["engagement_tab"] = tab
        at.run()
        assert not at.exception, (tab, at.exception)
        said = [c.value for c in at.caption] + [i.value for i in at.info]
        assert not at.error, [e.value for e in at.error]
        assert any(NOTHING_TO_DRAW["fr"] in text for text in said), (tab, said)


@pytest.mark.parametrize(
    ("figure", "empty"),
    [
        ({"data": [], "layout": {}}, True),
        ({"data": [{"type": "bar", "x": [], "y": np.array([])}], "layout": {}}, True),
        ({"data": [{"type": "heatmap", "z": np.empty((0, 0))}], "layout": {}}, True),
        ({"data": [{"type": "bar", "x": ["2025"], "y": np.array([3])}], "layout": {}}, False),
        ({"data": [{"type": "scatter", "x": []}, {"type": "scatter", "x": [1], "y": [2]}]}, False),
        ({"data": [{"type": "indicator", "value": 3}]}, False),
        (go.Figure(), True),
        (go.Figure(go.Bar(x=[1], y=[2])), False),
    ],
)
def test_a_figure_is_empty_when_no_trace_has_a_point(figure: object, empty: bool) -> None:
    assert is_empty(figure) is empty  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_report_says_which_chart_has_nothing_to_draw(lang: str) -> None:
    from analytics.engagement.report import _section_html
    from analytics.engagement.sections import Section

    t = Translator(lang)
    empty = {"data": [], "layout": {"title": {"text": "Rétention"}}}
    html = _section_html(Section(key="cohorts", title="C", text="", figures=[empty]), t)
    assert NOTHING_TO_DRAW[lang] in html and "Rétention" in html
