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

from collections.abc import Mapping
from typing import Any, Final

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analytics import formats
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


TRACE_KINDS: Final[tuple[str, ...]] = ("bar", "box", "heatmap", "scatter")
"""The kinds of trace the app draws: the template keeps plotly_white's defaults for these only (the
other thirty kinds made most of the 7 kB template that every figure carried, copied and sent)."""


def _template() -> go.layout.Template:
    """plotly_white (for :data:`TRACE_KINDS`) with thousands separated on every axis and colour bar,
    even for four digits (« 4 000 », not « 4000 »; plotly leaves four-digit numbers unseparated by
    default)."""
    white = pio.templates["plotly_white"]
    template = go.layout.Template(layout=white.layout,
                                  data={kind: white.data[kind] for kind in TRACE_KINDS})
    template.layout.xaxis.separatethousands = True
    template.layout.yaxis.separatethousands = True
    for heatmap in template.data.heatmap:
        heatmap.colorbar.separatethousands = True
    return template



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


def _escaped_array(values: np.ndarray) -> np.ndarray:
    """An object array with its texts escaped; the same array when no text needs it (the usual
    case: each distinct value is looked at once, and plotly does not validate the array again)."""
    try:
        distinct = pd.unique(values.ravel())
    except TypeError:  # unhashable cells (lists): one by one
        distinct = values.ravel()
    changed = {v: e for v in distinct if isinstance(v, str) and (e := chart_text(v)) != v}
    if not changed:
        return values
    return np.frompyfunc(lambda v: changed.get(v, v) if isinstance(v, str) else v, 1, 1)(values)


def _escaped(value: Any) -> Any:
    """A property's value with its texts escaped: a text, a sequence or an array of them (arrays of
    numbers or dates are returned as they are)."""
    if isinstance(value, str):
        text = chart_text(value)
        return value if text == value else text
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, pd.Series | pd.Index):
        value = value.to_numpy()
    if isinstance(value, np.ndarray):
        return _escaped_array(value) if value.dtype == object else value
    if isinstance(value, list | tuple):
        items = [_escaped(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
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
        values = {key: trace[key] for key in TRACE_TEXTS if key in trace and trace[key] is not None}
        changed = {key: new for key, value in values.items() if (new := _escaped(value)) is not value}
        if changed:
            trace.update(changed)
    layout = fig.layout
    axes = [layout.xaxis, layout.yaxis]  # these figures have one of each (no subplots)
    titled = [layout, layout.legend, *axes]
    for item in titled:
        if item.title is not None and item.title.text and (
                text := chart_text(item.title.text)) != item.title.text:
            item.title.text = text
    for axis in axes:
        if axis.ticktext is not None and (ticks := _escaped(axis.ticktext)) is not axis.ticktext:
            axis.ticktext = ticks
    for note in layout.annotations:
        if note.text and (text := chart_text(note.text)) != note.text:
            note.text = text
    return fig


TEMPLATE = _template()
"""Resolved once: naming the template on every figure costs tens of milliseconds each time."""

TEMPLATE_JSON: Final[dict[str, Any]] = TEMPLATE.to_plotly_json()
"""The common template as JSON, once (copying it costs a millisecond): shared by every figure's
layout, never modified."""


def apply_template(fig: go.Figure) -> go.Figure:
    """``fig`` with :data:`TEMPLATE` as its layout's template, as ``fig.update_layout(template=
    TEMPLATE)`` sets it, without validating the template's ~7 kB again (15 ms a figure, the largest
    cost of most figures): it was validated when built. Plotly applies its default template the
    same way (``BaseFigure._initialize_layout_template``)."""
    layout = fig.layout
    validate, layout._validate = layout._validate, False
    try:
        layout.template = TEMPLATE
    finally:
        layout._validate = validate
    return fig


class SharedArray(np.ndarray):
    """An array a figure's JSON holds and nothing modifies: ``copy.deepcopy`` gives it back as it is.
    Streamlit deep-copies every figure it draws (``go.Figure.to_dict``), an array of texts cell by
    cell (~5 µs a cell: 8 ms for a heatmap's hover texts on every draw); the JSON written from it
    is the same as from a plain array (plotly writes any array through ``tolist``)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> SharedArray:
        return self


def shared(values: np.ndarray) -> SharedArray:
    """``values`` as a :class:`SharedArray` (no copy)."""
    return values.view(SharedArray)


def drawable(figure: go.Figure | Mapping[str, Any]) -> go.Figure:
    """A figure ``st.plotly_chart`` draws without validating it: a ``go.Figure`` as it is, a
    figure's JSON (built from validated traces and layout, e.g. :mod:`analytics.engagement.figures`)
    wrapped as it is. Given a dict, Streamlit validates it whole again with plotly (8 ms and more a
    figure, on every rerun); the JSON sent to the browser is the same."""
    if isinstance(figure, go.Figure):
        return figure
    return go.Figure(dict(figure), _validate=False)


def separators(t: Translator) -> str:
    """Plotly's decimal and thousands separators in the session's language: « 4 000,5 » in French
    (a narrow no-break space, as Babel writes it), « 4,000.5 » in English
    (:func:`analytics.formats.plotly_separators`, for every figure)."""
    return formats.plotly_separators(t.locale)


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
    )
    apply_template(fig)
    if date_axis:
        fig.update_xaxes(tickformat="%d/%m/%y", hoverformat="%d/%m/%Y")
    return escape_figure(fig)


PARTIAL_PATTERN: Final[str] = "/"
"""Hatching of the bars of a partial period (:func:`hatch_partial`)."""


def _position(x: object) -> object:
    """A bar's x as a comparable key: a date for anything date-like, else the value's text."""
    if isinstance(x, str) and not x[:4].isdigit():
        return x
    try:
        return pd.Timestamp(x).date()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(x)


def hatch_partial(
    fig: go.Figure | dict[str, Any], positions: Any
) -> go.Figure | dict[str, Any]:
    """``fig`` with the bars at ``positions`` (x values, dates or labels) hatched and lighter: the
    buckets of a partial period (:func:`analytics.periods.partial_periods`), which add up fewer days
    than the others. Works on a plotly figure or its JSON; other traces are left alone."""
    keys = {_position(x) for x in positions}
    if not keys:
        return fig
    traces = fig.data if isinstance(fig, go.Figure) else fig.get("data") or []
    for trace in traces:
        if trace["type"] != "bar" or trace["x"] is None:
            continue
        hatched = [_position(x) in keys for x in trace["x"]]
        shapes = [PARTIAL_PATTERN if h else "" for h in hatched]
        opacity = [0.55 if h else 1.0 for h in hatched]
        if isinstance(fig, go.Figure):
            trace.update(marker_pattern_shape=shapes, marker_opacity=opacity)
        else:
            marker = {**(trace.get("marker") or {}), "pattern": {"shape": shapes},
                      "opacity": opacity}
            trace["marker"] = dict(sorted(marker.items()))  # in plotly's order, as validated
    return fig


def _bucket_label(start: Any, grain: str, t: Translator) -> str:
    """« décembre 2026 », « 2026-S49 », « T4 2026 », « 2026 »: a bucket as the notes name it."""
    from babel.dates import format_date

    from analytics.i18n import iso_week

    if grain == "week":
        return iso_week(t, start)
    if grain == "month":
        return format_date(start, "LLLL y", locale=t.locale)
    if grain == "quarter":
        return t.plain("periods.quarter", quarter=(start.month - 1) // 3 + 1, year=start.year)
    return str(start.year)


def partial_note(partials: Any, t: Translator) -> Markdown | None:
    """One sentence naming each partial bucket and its days (« Mois partiels, hachurés : décembre
    2026, 5 jours sur 31. »), None when there is none. ``partials``: the
    :class:`analytics.periods.PartialPeriod` of one chart (one grain)."""
    from analytics.i18n import counted

    partials = list(partials)
    if not partials:
        return None
    items = [counted(t, "periods.partial.days", p.covered_days,
                     label=_bucket_label(p.start, p.grain, t), days=p.days) for p in partials]
    separator = " ; " if t.lang == "fr" else "; "
    return t(f"periods.partial.{partials[0].grain}", items=Markdown(separator.join(items)))
