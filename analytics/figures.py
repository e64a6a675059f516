"""Plotly figures shared by the pages: pure functions from small frames to figures.

Every figure has a title that says what it shows and units on its axes, in the session's language,
with French number and date formats when the language is French.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analytics.i18n import Translator

# A palette readable by colour-blind people (Okabe–Ito).
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "red": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "grey": "#999999",
}


DATA_KEYS = ("x", "y", "z", "values")
"""Trace properties holding the points to draw (bars, lines, heatmaps, pies)."""


def _traces(figure: go.Figure | Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if isinstance(figure, go.Figure):
        return [trace.to_plotly_json() for trace in figure.data]
    return list(figure.get("data") or [])


def is_empty(figure: go.Figure | Mapping[str, Any]) -> bool:
    """True when the figure has nothing to draw: no trace at all (which plotly refuses to draw) or
    only traces without a single point (which would draw bare axes). A trace of a kind without
    x, y, z or values counts as something to draw."""
    for trace in _traces(figure):
        present = [trace[key] for key in DATA_KEYS if trace.get(key) is not None]
        if not present or any(np.size(value) > 0 for value in present):
            return False
    return True


def figure_title(figure: go.Figure | Mapping[str, Any]) -> str:
    """The figure's title text ("" when it has none)."""
    if isinstance(figure, go.Figure):
        return str(figure.layout.title.text or "")
    title = (figure.get("layout") or {}).get("title") or {}
    return str(title.get("text") or "") if isinstance(title, Mapping) else str(title)


def _template() -> go.layout.Template:
    """plotly_white with thousands separated on every axis and colour bar, even for four digits
    (« 4 000 », not « 4000 »; plotly leaves four-digit numbers unseparated by default)."""
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.xaxis.separatethousands = True
    template.layout.yaxis.separatethousands = True
    for heatmap in template.data.heatmap:
        heatmap.colorbar.separatethousands = True
    return template


TEMPLATE = _template()
"""Resolved once: naming the template on every figure costs tens of milliseconds each time."""


def separators(t: Translator) -> str:
    """Plotly's decimal and thousands separators in the session's language: « 4 000,5 » in French,
    « 4,000.5 » in English (the one home of this rule for every figure)."""
    return ", " if t.lang == "fr" else ".,"


def base_layout(
    fig: go.Figure, t: Translator, title: str, x_title: str, y_title: str, *, date_axis: bool = False
) -> go.Figure:
    """Apply the common layout: title, axis titles with units, locale separators, legend on top.

    ``date_axis`` formats the x axis as dates the French way (``06/09/26``), since plotly's own month
    names are English.
    """
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        xaxis_title=x_title,
        yaxis_title=y_title,
        separators=separators(t),
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        hovermode="x unified",
        template=TEMPLATE,
    )
    if date_axis:
        fig.update_xaxes(tickformat="%d/%m/%y", hoverformat="%d/%m/%Y")
    return fig


def weekly_load_figure(weeks: pd.DataFrame, t: Translator) -> go.Figure:
    """Hours worked per week (ordinary and participation) against the team's capacity."""
    fig = go.Figure()
    ordinary = weeks["hours"] - weeks["participation_hours"]
    fig.add_bar(
        x=weeks["week_start"], y=ordinary, name=t("fig.weekly_load.ordinary"),
        marker_color=PALETTE["sky"], hovertemplate="%{y:,.0f} h",
    )
    fig.add_bar(
        x=weeks["week_start"], y=weeks["participation_hours"], name=t("fig.weekly_load.participation"),
        marker_color=PALETTE["orange"], hovertemplate="%{y:,.0f} h",
    )
    fig.add_scatter(
        x=weeks["week_start"], y=weeks["capacity_hours"], name=t("fig.weekly_load.capacity"),
        mode="lines", line={"color": PALETTE["red"], "width": 2, "shape": "hv"},
        hovertemplate="%{y:,.0f} h",
    )
    fig.update_layout(barmode="stack")
    return base_layout(
        fig, t, t("fig.weekly_load.title"), t("fig.axis.week"), t("fig.axis.hours_per_week"),
        date_axis=True,
    )
