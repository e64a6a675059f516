"""Figures are drawn without validating again what plotly already validated (the template, a
figure's JSON), and what reaches the browser is the same as with plotly's validation."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from analytics.figures import TEMPLATE, apply_template


@pytest.mark.parametrize("trace", [
    go.Bar(x=["a", "b"], y=[1, 2]),
    go.Heatmap(z=[[1, 2], [3, 4]], x=["lun.", "mar."], y=["Voirie", "Écoles"]),
    go.Scatter(x=[1, 2, 3], y=[3, 1, 2], mode="lines"),
], ids=["bar", "heatmap", "line"])
def test_the_template_is_the_one_update_layout_would_set(trace: go.BaseTraceType) -> None:
    validated = go.Figure(trace).update_layout(template=TEMPLATE)
    assert apply_template(go.Figure(trace)).to_dict() == validated.to_dict()


def test_the_layout_still_refuses_a_wrong_property_after_the_template_is_set() -> None:
    fig = apply_template(go.Figure(go.Bar(x=[1], y=[1])))
    with pytest.raises(ValueError):
        fig.update_layout(not_a_property=1)


@pytest.mark.parametrize("kind", ["bar", "heatmap", "scatter", "box"])
def test_the_template_keeps_plotly_white_for_every_kind_the_app_draws(kind: str) -> None:
    import plotly.io as pio

    from analytics.figures import TRACE_KINDS

    assert kind in TRACE_KINDS
    ours = [trace.to_plotly_json() for trace in TEMPLATE.data[kind]]
    white = [trace.to_plotly_json() for trace in pio.templates["plotly_white"].data[kind]]
    if kind == "heatmap":  # plus thousands separated on the colour bar
        white = [{**trace, "colorbar": {**trace["colorbar"], "separatethousands": True}}
                 for trace in white]
    assert ours == white
