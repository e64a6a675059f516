"""The Engagement page's figures are plotly JSON built without a go.Figure: the same layout as the
shared base_layout, the same small-multiples grid as make_subplots, valid plotly figures."""

from __future__ import annotations

import json
from typing import Any

import duckdb
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots
from plotly.utils import PlotlyJSONEncoder

from analytics.engagement.figures import (
    ATTENDANCE_PANEL_COLUMNS,
    PANEL_HORIZONTAL_SPACING,
    PANEL_TITLE_SIZE,
    TEMPLATE_JSON,
    layout,
    panel_grid,
)
from analytics.engagement.page import EngagementData, compute_engagement
from analytics.engagement.sections import section
from analytics.figures import TEMPLATE, base_layout
from analytics.i18n import Translator
from analytics.settings import Thresholds
from tests.test_engagement_store import PERIOD, tiny_fixture  # noqa: F401


def _without_template(figure_layout: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in figure_layout.items() if key != "template"}


@pytest.mark.parametrize(("lang", "date_axis"), [("fr", False), ("en", False), ("fr", True)])
def test_the_layout_is_the_shared_base_layout(lang: str, date_axis: bool) -> None:
    t = Translator(lang)
    shared = base_layout(go.Figure(), t, "Titre", "Axe x", "Axe y", date_axis=date_axis)
    ours = go.Layout(layout(t, "Titre", "Axe x", "Axe y", date_axis=date_axis)).to_plotly_json()
    assert ours == _without_template(shared.to_plotly_json()["layout"])
    assert TEMPLATE.to_plotly_json() == TEMPLATE_JSON


@pytest.mark.parametrize("panels", [0, 1, 2, 3, 4, 5, 8, 9])
def test_the_panel_grid_is_make_subplots_grid(panels: int) -> None:
    titles = [f"panel {i}" for i in range(panels)]
    columns = ATTENDANCE_PANEL_COLUMNS if panels > 1 else 1
    rows = max(1, -(-panels // columns))
    spacing = min(0.12, 0.6 / rows)
    reference = make_subplots(
        rows=rows, cols=columns, shared_xaxes=True, subplot_titles=titles or None,
        vertical_spacing=spacing, horizontal_spacing=PANEL_HORIZONTAL_SPACING,
    )
    reference.update_annotations(font_size=PANEL_TITLE_SIZE)
    ours = go.Layout(panel_grid(titles, spacing)).to_plotly_json()
    assert ours == _without_template(reference.to_plotly_json()["layout"])


@pytest.fixture(scope="module")
def tiny_data(tiny: duckdb.DuckDBPyConnection) -> EngagementData:
    return compute_engagement(tiny, PERIOD, Thresholds(min_group_size=1))


@pytest.mark.parametrize(
    ("key", "figures"),
    [("rotation", 3), ("concentration", 4), ("cohorts", 3), ("fatigue", 3),
     ("representativeness", 2), ("milestones", 1)],
)
def test_every_figure_is_a_valid_plotly_figure(
    tiny_data: EngagementData, key: str, figures: int
) -> None:
    built = section(key, tiny_data.overview, tiny_data.part(key), Translator("fr"))
    assert len(built.figures) == figures
    for figure in built.figures:
        assert go.Figure(figure).layout.title.text  # validates every trace and the layout
        assert figure["layout"]["template"] is TEMPLATE_JSON


@pytest.mark.parametrize(
    ("trace", "name", "years", "people"),
    [(0, "Habitués (déjà venus)", ["2024", "2025"], [0, 3]),
     (1, "Nouveaux venus", ["2024", "2025"], [7, 5])],
)
def test_the_yearly_rotation_figure_of_the_tiny_town(
    tiny_data: EngagementData, trace: int, name: str, years: list[str], people: list[int]
) -> None:
    built = section("rotation", tiny_data.overview, tiny_data.rotation, Translator("fr"))
    drawn = built.figures[1]["data"][trace]
    assert (drawn["name"], list(drawn["x"]), list(drawn["y"])) == (name, years, people)
    assert built.figures[1]["layout"]["barmode"] == "stack"


def _json(value: Any) -> str:
    return json.dumps(value, cls=PlotlyJSONEncoder)


@pytest.mark.parametrize(("lang", "figure"), [("fr", 0), ("fr", 1), ("fr", 2), ("en", 0), ("en", 2)])
def test_the_unvalidated_rotation_figures_are_what_plotly_validates(
    tiny_data: EngagementData, lang: str, figure: int
) -> None:
    built = section("rotation", tiny_data.overview, tiny_data.rotation, Translator(lang)).figures[figure]
    validated = [
        go.Bar({k: v for k, v in trace.items() if k not in ("type", "marker")},
               marker_color=trace["marker"]["color"],
               **({"marker_opacity": trace["marker"]["opacity"],  # partial years, hatched
                   "marker_pattern_shape": trace["marker"]["pattern"]["shape"]}
                  if "pattern" in trace["marker"] else {})).to_plotly_json()
        for trace in built["data"]
    ]
    assert _json(built["data"]) == _json(validated)
    shown = _without_template(built["layout"])
    assert _json(shown) == _json(go.Layout(shown).to_plotly_json())


@pytest.mark.parametrize(("key", "figures"), [
    ("rotation", 3), ("concentration", 4), ("cohorts", 3), ("fatigue", 3),
    ("representativeness", 2), ("milestones", 1),
])
def test_the_browser_gets_the_same_figure_without_a_second_validation(
    tiny_data: EngagementData, key: str, figures: int
) -> None:
    from plotly.io import to_json
    from plotly.tools import return_figure_from_figure_or_data

    from analytics.figures import drawable

    built = section(key, tiny_data.overview, tiny_data.part(key), Translator("fr")).figures
    sent = [json.loads(to_json(return_figure_from_figure_or_data(drawable(f), True), validate=False))
            for f in built]  # what st.plotly_chart sends (keys in another order)
    validated = [json.loads(to_json(return_figure_from_figure_or_data(f, True), validate=False))
                 for f in built]
    assert (len(sent), sent) == (figures, validated)
