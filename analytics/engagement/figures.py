"""Pure plotly figures of the Engagement page and its report: small frames in, figures out.

Every figure has a title saying what it shows and units on its axes (the layout of
:func:`analytics.figures.base_layout`), in the translator's language with its number separators.
Frames are those of the sections' parts (:mod:`analytics.engagement.page`; already suppressed: a
missing value is a hidden small group and is simply not drawn).

A figure is returned as plotly's JSON dict (:data:`Figure`): what the page's cache keeps and
``st.plotly_chart`` draws, and what the report embeds. Its traces and layout are built and validated
by plotly's graph objects, but not as a ``go.Figure``: assigning the template object and updating a
figure's layout cost ~10 ms a figure, more than everything else a section does. The template
(:data:`analytics.figures.TEMPLATE`) is a constant: it is added as JSON (:func:`_figure`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, Final

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from analytics.engagement.fatigue import TREND_ORIGIN
from analytics.engagement.rotation import FREQUENCY_CLASSES, REFERENCE_90_9_1
from analytics.figures import (
    PALETTE,
    TEMPLATE_JSON,
    chart_text,
    escape_figure,
    hatch_partial,
    separators,
)
from analytics.i18n import Translator

Figure = dict[str, Any]
"""A plotly figure as its JSON dict: ``{"data": [trace, …], "layout": {…}}``."""

UNKNOWN: Final[str] = "unknown"
SERIES_COLOURS: Final[tuple[str, ...]] = (
    PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["red"], PALETTE["purple"],
    PALETTE["sky"], PALETTE["grey"], PALETTE["yellow"],
)
ATTENDANCE_PANEL_COLUMNS: Final[int] = 2
"""Small multiples of the attendance trends: panels per row."""
ATTENDANCE_PANEL_HEIGHT: Final[int] = 190
"""Height of one row of panels, in pixels."""
PANEL_HORIZONTAL_SPACING: Final[float] = 0.08
"""Space between two columns of panels, as a share of the figure's width."""
PANEL_TITLE_SIZE: Final[int] = 12
"""Font size of the panels' titles."""
HIDDEN_LABEL_SHIFT: Final[int] = 18
"""Pixels right of a category's centre where "hidden" is written (over the participants' bar)."""
VOCABULARY: Final[dict[str, str]] = {
    "level": "level", "event_kind": "event_kind", "initiative": "initiative",
}


def group_label(t: Translator, dimension: str, code: object) -> str:
    """Display label of a group: a level, kind of event or initiative label, a year, or 'unknown'."""
    if code is None or code == UNKNOWN or (isinstance(code, float) and np.isnan(code)):
        return t("eng.unknown")
    if code == "all":
        return t("eng.all_participants")
    if dimension in VOCABULARY:
        return t.label(VOCABULARY[dimension], str(code))
    return str(code)


def layout(
    t: Translator, title: str, x_title: str, y_title: str, *, date_axis: bool = False,
    xaxis: dict[str, Any] | None = None, yaxis: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The common layout of :func:`analytics.figures.base_layout` (title, axis titles, locale
    separators, legend on top; without the template, see :func:`_figure`), with this figure's own
    ``xaxis`` / ``yaxis`` properties beside the axis titles. ``date_axis``: dates the French way."""
    dates = {"tickformat": "%d/%m/%y", "hoverformat": "%d/%m/%Y"} if date_axis else {}
    return {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "xaxis": {**dates, **(xaxis or {}), "title": {"text": x_title}},
        "yaxis": {**(yaxis or {}), "title": {"text": y_title}},
        "separators": separators(t),
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "margin": {"l": 10, "r": 10, "t": 80, "b": 10},
        "hovermode": "x unified",
    }


def _figure(traces: Sequence[BaseTraceType], figure_layout: dict[str, Any]) -> Figure:
    """The figure's JSON: validated traces and layout, then the common template as JSON."""
    validated = go.Layout(figure_layout).to_plotly_json()
    validated["template"] = TEMPLATE_JSON
    return escape_figure(
        {"data": [trace.to_plotly_json() for trace in traces], "layout": validated})


def _sorted(value: Any) -> Any:
    """``value`` with every dict's keys in alphabetical order (as plotly's validation writes them)."""
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def _plain_figure(traces: list[dict[str, Any]], figure_layout: dict[str, Any]) -> Figure:
    """The figure's JSON without plotly's validation (~1 ms a figure), for figures made only of
    :func:`_bar` traces and a layout of plain properties (titles, axes, legend, shapes, annotations):
    the same dict as :func:`_figure` gives them (tests/test_engagement_figures.py compares both)."""
    plain = _sorted(figure_layout)
    plain["template"] = TEMPLATE_JSON
    return escape_figure({"data": traces, "layout": plain})


def _bar(
    x: Any, y: np.ndarray, name: str, colour: str, hovertemplate: str,
    customdata: np.ndarray | None = None,
) -> dict[str, Any]:
    """A bar trace's JSON as ``go.Bar(x=…, y=…, name=…, marker_color=…, hovertemplate=…,
    customdata=…).to_plotly_json()`` writes it (same keys, same order)."""
    trace: dict[str, Any] = {} if customdata is None else {"customdata": customdata}
    trace.update({"hovertemplate": hovertemplate, "name": name, "x": x, "y": y, "type": "bar",
                  "marker": {"color": colour}})
    return trace


def _horizontal_line(y: float, text: str, colour: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A dotted line across the plot at ``y`` and its label above its left end (the shape and the
    annotation of plotly's ``add_hline(annotation_position="top left")``)."""
    shape = {"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": y, "y1": y, "yref": "y",
             "line": {"dash": "dot", "color": colour}}
    label = {"showarrow": False, "text": text, "x": 0, "xanchor": "left", "xref": "x domain",
             "y": y, "yanchor": "bottom", "yref": "y"}
    return shape, label


def _quarter_label(day: pd.Timestamp, t: Translator) -> str:
    quarter = (day.month - 1) // 3 + 1
    return t.plain("eng.quarter_label", quarter=quarter, year=day.year)


def rotation_figure(
    table: pd.DataFrame, grain: str, t: Translator, partial: Collection[date] = ()
) -> Figure:
    """Distinct participants per quarter or year, stacked: newcomers and returning participants; the
    bars of the ``partial`` buckets (their first days: the data or the period cover them in part)
    hatched."""
    days = pd.to_datetime(table["bucket_start"])
    x = [_quarter_label(d, t) for d in days] if grain == "quarter" else [str(d.year) for d in days]
    hatched = {label for label, day in zip(x, days, strict=True) if day.date() in set(partial)}
    traces = [
        _bar(x, table["returning"].to_numpy(), t("eng.returning"), PALETTE["blue"], "%{y:,.0f}"),
        _bar(x, table["newcomers"].to_numpy(), t("eng.newcomers"), PALETTE["orange"], "%{y:,.0f}"),
    ]
    title = t("eng.fig.rotation_quarter") if grain == "quarter" else t("eng.fig.rotation_year")
    axis = t("eng.axis.quarter") if grain == "quarter" else t("eng.axis.year")
    figure = _plain_figure(traces, {**layout(t, title, axis, t("eng.axis.participants")),
                                    "barmode": "stack"})
    hatch_partial(figure, hatched)
    return figure


def frequency_figure(frequency: pd.DataFrame, t: Translator) -> Figure:
    """Share of each year's participants who came once, 2–4 times, 5 times or more (stacked to
    100 %), with the 90-9-1 rule of thumb as dotted reference lines only."""
    colours = (PALETTE["sky"], PALETTE["blue"], PALETTE["red"])
    years = frequency["year"].astype(str).to_numpy()
    traces = [
        _bar(years, frequency[f"{name}_share"].to_numpy(), t(f"eng.class.{name}"), colour,
             "%{y:.0%} (%{customdata:,.0f})", customdata=frequency[name].to_numpy())
        for name, colour in zip(FREQUENCY_CLASSES, colours, strict=True)
    ]
    lines = []
    cumulative = 0.0
    for name in FREQUENCY_CLASSES[:-1]:
        cumulative += REFERENCE_90_9_1[name]
        lines.append(_horizontal_line(
            cumulative, t.plain("eng.reference_90_9_1", value=t.percent(cumulative)), PALETTE["grey"]
        ))
    base = layout(t, t("eng.fig.frequency"), t("eng.axis.year"), t("eng.axis.share_participants"),
                  yaxis={"tickformat": ".0%", "range": [0, 1]})
    return _plain_figure(traces, {
        **base, "barmode": "stack",
        "shapes": [shape for shape, _ in lines], "annotations": [label for _, label in lines],
    })


def concentration_trend_figure(table: pd.DataFrame, t: Translator) -> Figure:
    """Top-10 % share and Gini of attendances per year, with the number of participants n."""
    years = table.loc[table["dimension"] == "year"].sort_values("group_key")
    n_text = [t.plain("eng.n_equals", n=t.number(n)) for n in years["participants"]]
    traces = [
        go.Scatter(x=years["group_key"].to_numpy(), y=years["top10_share"].to_numpy(),
                   name=t("eng.top10_share"), mode="lines+markers", line_color=PALETTE["red"],
                   customdata=n_text, hovertemplate="%{y:.1%} (%{customdata})"),
        go.Scatter(x=years["group_key"].to_numpy(), y=years["gini"].to_numpy(), name=t("eng.gini"),
                   mode="lines+markers+text", line_color=PALETTE["blue"], text=n_text,
                   textposition="bottom center", customdata=n_text,
                   hovertemplate="%{y:.2f} (%{customdata})"),
    ]
    return _figure(traces, layout(
        t, t("eng.fig.concentration_trend"), t("eng.axis.year"), t("eng.axis.concentration"),
        yaxis={"range": [0, 1]},
    ))


def concentration_groups_figure(table: pd.DataFrame, dimension: str, t: Translator) -> Figure:
    """Top-10 % share and Gini in the period per level or kind of event, n beside each group."""
    rows = table.loc[(table["dimension"] == dimension) & table["participants"].notna()]
    labels = [
        f"{group_label(t, dimension, code)} ({t.plain('eng.n_equals', n=t.number(n))})"
        for code, n in zip(rows["group_key"], rows["participants"], strict=True)
    ]
    traces = [
        go.Bar(y=labels, x=rows["top10_share"].to_numpy(), name=t("eng.top10_share"), orientation="h",
               marker_color=PALETTE["red"], hovertemplate="%{x:.1%}"),
        go.Bar(y=labels, x=rows["gini"].to_numpy(), name=t("eng.gini"), orientation="h",
               marker_color=PALETTE["blue"], hovertemplate="%{x:.2f}"),
    ]
    title = t(f"eng.fig.concentration_{dimension}")
    base = layout(t, title, t("eng.axis.concentration"), t(f"eng.axis.{dimension}"),
                  xaxis={"range": [0, 1]})
    return _figure(traces, {**base, "barmode": "group"})


def lorenz_figure(lorenz: pd.DataFrame, gini: float | None, t: Translator) -> Figure:
    """Lorenz curve of attendances in the period, against the line of perfect equality."""
    traces = [
        go.Scatter(x=[0, 1], y=[0, 1], name=t("eng.equality"), mode="lines",
                   line={"color": PALETTE["grey"], "dash": "dash"}, hoverinfo="skip"),
        go.Scatter(x=lorenz["people_share"].to_numpy(), y=lorenz["attendance_share"].to_numpy(),
                   name=t("eng.lorenz"), mode="lines", line_color=PALETTE["red"], fill="tonexty",
                   hovertemplate="%{x:.0%} → %{y:.0%}"),
    ]
    title = t.plain("eng.fig.lorenz", gini=t.ratio(gini))
    return _figure(traces, layout(
        t, title, t("eng.axis.people_share"), t("eng.axis.attendance_share"),
        xaxis={"tickformat": ".0%", "range": [0, 1]}, yaxis={"tickformat": ".0%", "range": [0, 1]},
    ))


def retention_figure(table: pd.DataFrame, t: Translator) -> Figure:
    """Heatmap of the share of each cohort (year of first participation) active k years later."""
    horizons = [c for c in table.columns if isinstance(c, (int, np.integer))]
    z = table[horizons].to_numpy(dtype=float) if horizons else np.empty((len(table), 0))
    text = [[t.percent(v) if not np.isnan(v) else "" for v in row] for row in z]
    cohort_labels = [
        f"{year} ({t.plain('eng.n_equals', n=t.number(size))})"
        for year, size in zip(table["cohort_year"], table["cohort_size"], strict=True)
    ]
    heatmap = go.Heatmap(
        z=z, x=[str(k) for k in horizons], y=cohort_labels, text=text, texttemplate="%{text}",
        colorscale="Blues", zmin=0, zmax=max(0.01, float(np.nanmax(z)) if np.isfinite(z).any() else 1),
        colorbar={"title": "%", "tickformat": ".0%"}, hovertemplate="%{z:.1%}<extra></extra>",
    )
    base = layout(t, t("eng.fig.retention"), t("eng.axis.years_after"), t("eng.axis.cohort"),
                  yaxis={"autorange": "reversed"})
    return _figure([heatmap], {**base, "hovermode": "closest"})


def survival_figure(curves: pd.DataFrame, grouping: str, t: Translator) -> Figure:
    """Kaplan–Meier curves: estimated share still engaged t months after the first event."""
    traces = []
    for i, (group_key, curve) in enumerate(curves.groupby("group_key", sort=False)):
        times = np.concatenate(([0.0], curve["time"].to_numpy(dtype=float)))
        survival = np.concatenate(([1.0], curve["survival"].to_numpy(dtype=float)))
        size = int(curve["participants"].iloc[0])
        name = f"{group_label(t, grouping, group_key)} ({t.plain('eng.n_equals', n=t.number(size))})"
        traces.append(go.Scatter(
            x=times, y=survival, name=name, mode="lines",
            line={"shape": "hv", "color": SERIES_COLOURS[i % len(SERIES_COLOURS)],
                  "width": 3 if group_key == "all" else 2,
                  "dash": "solid" if group_key == "all" else "dot"},
            hovertemplate="%{x:.0f} → %{y:.0%}",
        ))
    return _figure(traces, layout(
        t, t(f"eng.fig.survival_{grouping}"), t("eng.axis.months_since_first"),
        t("eng.axis.still_engaged"), yaxis={"tickformat": ".0%", "range": [0, 1.02]},
    ))


def transitions_figure(transitions: pd.DataFrame, t: Translator) -> Figure:
    """Of the participants of year Y − 1: those active again in Y and those who lapsed."""
    years = transitions["year"].astype(str).to_numpy()
    traces = [
        go.Bar(x=years, y=transitions["still_active"].to_numpy(), name=t("eng.still_active"),
               marker_color=PALETTE["blue"], hovertemplate="%{y:,.0f}"),
        go.Bar(x=years, y=transitions["lapsed"].to_numpy(), name=t("eng.lapsed"),
               marker_color=PALETTE["grey"], customdata=transitions["lapsed_share"].to_numpy(),
               hovertemplate="%{y:,.0f} (%{customdata:.0%})"),
    ]
    base = layout(t, t("eng.fig.transitions"), t("eng.axis.year"),
                  t("eng.axis.participants_prev_year"))
    return _figure(traces, {**base, "barmode": "stack"})


def panel_grid(titles: Sequence[str], vertical_spacing: float) -> dict[str, Any]:
    """Axes and panel titles of a grid of small multiples sharing their x axis per column: what
    ``plotly.subplots.make_subplots(rows, cols, shared_xaxes=True, subplot_titles=titles,
    vertical_spacing=…, horizontal_spacing=PANEL_HORIZONTAL_SPACING)`` puts in a layout, computed
    the same way (about 10 ms less): :data:`ATTENDANCE_PANEL_COLUMNS` columns (one for a single
    panel), panels numbered row by row from the top left (``xaxis``, ``xaxis2``, …)."""
    cols = ATTENDANCE_PANEL_COLUMNS if len(titles) > 1 else 1
    rows = max(1, -(-len(titles) // cols))
    h, v = PANEL_HORIZONTAL_SPACING, vertical_spacing
    widths = [(1.0 - h * (cols - 1)) / cols] * cols
    heights = [(1.0 - v * (rows - 1)) / rows] * rows
    axes: dict[str, Any] = {}
    domains = []
    for i in range(rows):  # i = 0 is the top row
        r = rows - 1 - i
        for c in range(cols):
            x_start = sum(widths[:c]) + c * h
            y_start = sum(heights[:r]) + r * v
            x_domain = [x_start + 0.0, x_start + widths[c] - 0.0]
            y_domain = [y_start + 0.0, y_start + heights[-1 - i] - 0.0]
            domains.append((x_domain, y_domain))
            n = i * cols + c + 1
            suffix = str(n) if n > 1 else ""
            axes[f"xaxis{suffix}"] = {"anchor": f"y{suffix}",
                                      "domain": [max(0.0, x_domain[0]), min(1.0, x_domain[1])]}
            axes[f"yaxis{suffix}"] = {"anchor": f"x{suffix}",
                                      "domain": [max(0.0, y_domain[0]), min(1.0, y_domain[1])]}
    for c in range(cols):  # every panel of a column matches the bottom one's x axis
        bottom = (rows - 1) * cols + c + 1
        for i in range(rows - 1):
            n = i * cols + c + 1
            axes[f"xaxis{n if n > 1 else ''}"].update(matches=f"x{bottom}", showticklabels=False)
    annotations = [
        {"y": y_domain[1], "xref": "paper", "x": sum(x_domain) / 2.0, "yref": "paper", "text": title,
         "showarrow": False, "font": {"size": PANEL_TITLE_SIZE}, "xanchor": "center",
         "yanchor": "bottom"}
        for title, (x_domain, y_domain) in zip(titles, domains, strict=False) if title
    ]
    return {**axes, **({"annotations": annotations} if annotations else {})}


def attendance_figure(
    yearly: pd.DataFrame, trends: pd.DataFrame, dimension: str, t: Translator
) -> Figure:
    """Mean attendance per event each year, one small panel per kind of event or initiative (each with
    its own scale, so that a falling public-meeting attendance is not flattened by large festivities),
    with the group's least-squares trend (dashed) fitted on every event and its slope per year."""
    rows = yearly.loc[yearly["dimension"].to_numpy() == dimension]
    keys, years = rows["group_key"].to_numpy(), rows["year"].to_numpy()
    means, events = rows["mean_attendees"].to_numpy(), rows["events"].to_numpy()
    mine = trends.loc[trends["dimension"].to_numpy() == dimension]
    fitted = dict(zip(mine["group_key"], zip(mine["intercept"], mine["slope"], strict=True),
                      strict=True))  # group: (intercept, slope)
    groups = sorted(pd.unique(keys))
    columns = ATTENDANCE_PANEL_COLUMNS if len(groups) > 1 else 1
    n_rows = max(1, -(-len(groups) // columns))
    titles = []
    for group_key in groups:
        label = group_label(t, dimension, group_key)
        if group_key in fitted:
            label += " — " + t.plain("eng.trend_hover", slope=t.signed(fitted[group_key][1]))
        titles.append(label)
    traces: list[BaseTraceType] = []
    for i, group_key in enumerate(groups):
        part = keys == group_key
        suffix = str(i + 1) if i else ""
        axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        label = group_label(t, dimension, group_key)
        traces.append(go.Scatter(
            x=years[part], y=means[part], name=label, mode="lines+markers", line_color=colour,
            customdata=events[part], showlegend=False,
            hovertemplate="%{y:,.1f} (%{customdata} " + t("eng.events_unit") + ")<extra>"
            + label + "</extra>", **axes,
        ))
        if group_key in fitted:
            intercept, slope = fitted[group_key]
            mid_years = years[part].astype(float) + 0.5 - TREND_ORIGIN.year
            traces.append(go.Scatter(
                x=years[part], y=intercept + slope * mid_years,
                name=t.plain("eng.trend_of", group=label), mode="lines", showlegend=False,
                line={"color": colour, "dash": "dash", "width": 1}, hoverinfo="skip", **axes,
            ))
    grid = panel_grid(titles, min(0.12, 0.6 / n_rows))
    y_title = t("eng.axis.attendees_per_event_short")
    for n in range(1, n_rows * columns + 1):
        suffix = str(n) if n > 1 else ""
        grid[f"yaxis{suffix}"]["rangemode"] = "tozero"
        if (n - 1) % columns == 0:  # first column
            grid[f"yaxis{suffix}"]["title"] = {"text": y_title}
        if n > (n_rows - 1) * columns:  # bottom row
            grid[f"xaxis{suffix}"]["title"] = {"text": t("eng.axis.year")}
    base = layout(t, t(f"eng.fig.attendance_{dimension}"), "", "")
    base["xaxis"] = {**base["xaxis"], **grid.pop("xaxis")}
    base["yaxis"] = {**base["yaxis"], **grid.pop("yaxis")}
    return _figure(traces, {
        **base, **grid, "height": ATTENDANCE_PANEL_HEIGHT * n_rows + 120, "hovermode": "closest",
    })


def representation_figure(table: pd.DataFrame, dimension: str, t: Translator) -> Figure:
    """Share of participants against share of the population, per quartier or age band; a group
    hidden for privacy is marked as such rather than drawn as zero."""
    categories = table["category"].to_numpy()
    traces = [
        go.Bar(x=categories, y=table["population_share"].to_numpy(), name=t("eng.population_share"),
               marker_color=PALETTE["grey"], hovertemplate="%{y:.1%}"),
        go.Bar(x=categories, y=table["participant_share"].to_numpy(),
               name=t("eng.participant_share"), marker_color=PALETTE["green"],
               hovertemplate="%{y:.1%}"),
    ]
    hidden = table.loc[table["participant_share"].isna() & table["population_share"].notna()]
    marks = [
        {"x": category, "y": 0, "yanchor": "bottom", "xshift": HIDDEN_LABEL_SHIFT,
         "showarrow": False, "text": t("eng.hidden_group"), "textangle": -90,
         "font": {"color": PALETTE["grey"], "size": 11}}
        for category in hidden["category"]
    ]
    base = layout(t, t(f"eng.fig.representation_{dimension}"), t(f"eng.axis.{dimension}"),
                  t("eng.axis.share"), yaxis={"tickformat": ".0%"})
    return _figure(traces, {**base, "barmode": "group", **({"annotations": marks} if marks else {})})


def milestones_figure(
    monthly: pd.DataFrame, milestones: pd.DataFrame, t: Translator
) -> Figure:
    """Distinct participants per month, with each milestone (caillou blanc) as a marker above."""
    traces: list[BaseTraceType] = [go.Bar(
        x=monthly["month_start"], y=monthly["participants"].to_numpy(),
        name=t("eng.participants_month"), marker_color=PALETTE["sky"],
        hovertemplate="%{x|%m/%Y} : %{y:,.0f}<extra></extra>",
    )]
    top = float(np.nanmax(monthly["participants"])) if monthly["participants"].notna().any() else 1
    colours = {"information": PALETTE["sky"], "consultation": PALETTE["orange"],
               "coproduction": PALETTE["red"]}
    for offset, (level, part) in enumerate(milestones.groupby("level", sort=True)):
        hover = [
            f"{chart_text(title)}<br>{chart_text(project or '')}"
            for title, project in zip(part["title"].tolist(), part["project_name"].tolist(),
                                      strict=True)
        ]
        traces.append(go.Scatter(
            x=pd.to_datetime(part["achieved_on"]),
            y=np.full(len(part), top * (1.08 + 0.06 * offset)),
            name=t.plain("eng.milestones_of", level=t.label("level", level)), mode="markers",
            marker={"symbol": "diamond", "size": 10, "color": colours.get(level, PALETTE["grey"]),
                    "line": {"color": "#333333", "width": 1}},
            text=hover, hovertemplate="%{x|%d/%m/%Y}<br>%{text}<extra></extra>",
        ))
    base = layout(t, t("eng.fig.milestones"), t("eng.axis.month"), t("eng.axis.participants"),
                  date_axis=True, xaxis={"tickformat": "%m/%Y"},  # plotly's month names are English
                  yaxis={"rangemode": "tozero"})
    return _figure(traces, {**base, "hovermode": "closest", "bargap": 0.1})
