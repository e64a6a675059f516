"""Plotly figures shared by the pages: pure functions from small frames to figures.

Every figure has a title that says what it shows and units on its axes, in the session's language,
with French number and date formats when the language is French.

Plotly reads a few HTML tags in every text it draws (titles, tick labels, legend, hover): a service
called ``<a href="http://host">x</a>`` would become a live link. :func:`chart_text` escapes one text
and :func:`escape_figure` every data-bearing text of a figure (categories, trace names, custom hover
data, titles, annotations); the figure builders call it once, as their last step (hover templates,
made by the app, keep their ``<br>``).
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analytics.i18n import Markdown, Translator, plain_text

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


_CHART_ESCAPES: Final[dict[int, str]] = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
TRACE_TEXTS: Final[tuple[str, ...]] = ("x", "y", "name", "customdata", "labels", "legendgrouptitle")
"""The trace properties whose texts may come from data (plotly shows them as markup)."""


def chart_text(text: str) -> str:
    """``text`` as plotly shows it literally: ``&``, ``<`` and ``>`` as entities (plotly decodes
    them); a :class:`~analytics.i18n.Markdown` text (from ``t``) first has its markdown escapes
    undone."""
    if isinstance(text, Markdown):
        text = plain_text(text)
    return text.translate(_CHART_ESCAPES)


def _cell(value: object) -> object:
    return chart_text(value) if isinstance(value, str) else value


_cells = np.frompyfunc(_cell, 1, 1)


def _escaped(value: Any) -> Any:
    """A property's value with its texts escaped: a text, a sequence or an array of them (arrays of
    numbers or dates are returned as they are)."""
    if isinstance(value, str):
        return chart_text(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, pd.Series | pd.Index):
        value = value.to_numpy()
    if isinstance(value, np.ndarray):
        return _cells(value) if value.dtype == object else value
    if isinstance(value, list | tuple):
        return [_escaped(item) for item in value]
    return value


def _escape_layout(layout: dict[str, Any]) -> dict[str, Any]:
    """Titles (of the figure, axes, legend, colour bars), tick texts and annotations escaped."""
    out = dict(layout)
    for key, value in layout.items():
        if key == "title" and isinstance(value, dict) and isinstance(value.get("text"), str):
            out[key] = {**value, "text": chart_text(value["text"])}
        elif key == "title" and isinstance(value, str):
            out[key] = chart_text(value)
        elif key == "annotations" and isinstance(value, list | tuple):
            out[key] = [_escape_layout(item) if isinstance(item, dict) else item for item in value]
        elif key in ("text", "ticktext"):
            out[key] = _escaped(value)
        elif isinstance(value, dict) and (key.startswith(("xaxis", "yaxis", "coloraxis", "legend"))
                                          or key in ("colorbar", "marker")):
            out[key] = _escape_layout(value)
    return out


def escape_figure(fig: go.Figure | dict[str, Any]) -> Any:
    """Escape every text of ``fig`` that may come from data (see the module docstring), in place
    for a ``go.Figure``; a figure's JSON dict is returned escaped. Call it once per figure."""
    if isinstance(fig, dict):
        traces = [{**trace, **{key: _escaped(trace[key]) for key in TRACE_TEXTS if key in trace}}
                  for trace in fig.get("data", [])]
        return {**fig, "data": traces, "layout": _escape_layout(fig.get("layout", {}))}
    for trace in fig.data:
        trace.update({key: _escaped(trace[key]) for key in TRACE_TEXTS
                      if key in trace and trace[key] is not None})
    layout = fig.layout
    titled = [layout, layout.legend, *fig.select_xaxes(), *fig.select_yaxes()]
    for item in titled:
        if item.title is not None and item.title.text:
            item.title.text = chart_text(item.title.text)
    for axis in [*fig.select_xaxes(), *fig.select_yaxes()]:
        if axis.ticktext is not None:
            axis.ticktext = _escaped(list(axis.ticktext))
    for note in layout.annotations:
        if note.text:
            note.text = chart_text(note.text)
    return fig


TEMPLATE = pio.templates["plotly_white"]
"""Resolved once: naming the template on every figure costs tens of milliseconds each time."""


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
        separators=", " if t.lang == "fr" else ".,",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        hovermode="x unified",
        template=TEMPLATE,
    )
    if date_axis:
        fig.update_xaxes(tickformat="%d/%m/%y", hoverformat="%d/%m/%Y")
    return escape_figure(fig)


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
