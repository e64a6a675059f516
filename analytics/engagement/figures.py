"""Pure plotly figures of the Engagement page and its report: small frames in, figures out.

Every figure has a title saying what it shows and units on its axes (via
:func:`analytics.figures.base_layout`), in the translator's language with its number separators.
Frames are those of :class:`analytics.engagement.page.EngagementData` (already suppressed: a missing
value is a hidden small group and is simply not drawn).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.engagement.fatigue import TREND_ORIGIN
from analytics.engagement.rotation import FREQUENCY_CLASSES, REFERENCE_90_9_1
from analytics.figures import PALETTE, base_layout
from analytics.i18n import Translator

UNKNOWN: Final[str] = "unknown"
SERIES_COLOURS: Final[tuple[str, ...]] = (
    PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["red"], PALETTE["purple"],
    PALETTE["sky"], PALETTE["grey"], PALETTE["yellow"],
)
ATTENDANCE_PANEL_COLUMNS: Final[int] = 2
"""Small multiples of the attendance trends: panels per row."""
ATTENDANCE_PANEL_HEIGHT: Final[int] = 190
"""Height of one row of panels, in pixels."""
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


def _quarter_label(day: pd.Timestamp, t: Translator) -> str:
    quarter = (day.month - 1) // 3 + 1
    return t("eng.quarter_label", quarter=quarter, year=day.year)


def rotation_figure(table: pd.DataFrame, grain: str, t: Translator) -> go.Figure:
    """Distinct participants per quarter or year, stacked: newcomers and returning participants."""
    days = pd.to_datetime(table["bucket_start"])
    x = [_quarter_label(d, t) for d in days] if grain == "quarter" else [str(d.year) for d in days]
    fig = go.Figure()
    fig.add_bar(
        x=x, y=table["returning"], name=t("eng.returning"), marker_color=PALETTE["blue"],
        hovertemplate="%{y:,.0f}",
    )
    fig.add_bar(
        x=x, y=table["newcomers"], name=t("eng.newcomers"), marker_color=PALETTE["orange"],
        hovertemplate="%{y:,.0f}",
    )
    fig.update_layout(barmode="stack")
    title = t("eng.fig.rotation_quarter") if grain == "quarter" else t("eng.fig.rotation_year")
    axis = t("eng.axis.quarter") if grain == "quarter" else t("eng.axis.year")
    return base_layout(fig, t, title, axis, t("eng.axis.participants"))


def frequency_figure(frequency: pd.DataFrame, t: Translator) -> go.Figure:
    """Share of each year's participants who came once, 2–4 times, 5 times or more (stacked to
    100 %), with the 90-9-1 rule of thumb as dotted reference lines only."""
    fig = go.Figure()
    colours = (PALETTE["sky"], PALETTE["blue"], PALETTE["red"])
    years = frequency["year"].astype(str)
    for name, colour in zip(FREQUENCY_CLASSES, colours, strict=True):
        fig.add_bar(
            x=years, y=frequency[f"{name}_share"], name=t(f"eng.class.{name}"),
            marker_color=colour, customdata=frequency[name],
            hovertemplate="%{y:.0%} (%{customdata:,.0f})",
        )
    cumulative = 0.0
    for name in FREQUENCY_CLASSES[:-1]:
        cumulative += REFERENCE_90_9_1[name]
        fig.add_hline(
            y=cumulative, line_dash="dot", line_color=PALETTE["grey"],
            annotation_text=t("eng.reference_90_9_1", value=t.percent(cumulative)),
            annotation_position="top left",
        )
    fig.update_layout(barmode="stack", yaxis_tickformat=".0%", yaxis_range=[0, 1])
    return base_layout(
        fig, t, t("eng.fig.frequency"), t("eng.axis.year"), t("eng.axis.share_participants")
    )


def concentration_trend_figure(table: pd.DataFrame, t: Translator) -> go.Figure:
    """Top-10 % share and Gini of attendances per year, with the number of participants n."""
    years = table.loc[table["dimension"] == "year"].sort_values("group_key")
    fig = go.Figure()
    n_text = [t("eng.n_equals", n=t.number(n)) for n in years["participants"]]
    fig.add_scatter(
        x=years["group_key"], y=years["top10_share"], name=t("eng.top10_share"),
        mode="lines+markers", line_color=PALETTE["red"], customdata=n_text,
        hovertemplate="%{y:.1%} (%{customdata})",
    )
    fig.add_scatter(
        x=years["group_key"], y=years["gini"], name=t("eng.gini"), mode="lines+markers+text",
        line_color=PALETTE["blue"], text=n_text, textposition="bottom center",
        customdata=n_text, hovertemplate="%{y:.2f} (%{customdata})",
    )
    fig.update_layout(yaxis_range=[0, 1])
    return base_layout(
        fig, t, t("eng.fig.concentration_trend"), t("eng.axis.year"), t("eng.axis.concentration")
    )


def concentration_groups_figure(table: pd.DataFrame, dimension: str, t: Translator) -> go.Figure:
    """Top-10 % share and Gini in the period per level or kind of event, n beside each group."""
    rows = table.loc[(table["dimension"] == dimension) & table["participants"].notna()]
    labels = [
        f"{group_label(t, dimension, code)} ({t('eng.n_equals', n=t.number(n))})"
        for code, n in zip(rows["group_key"], rows["participants"], strict=True)
    ]
    fig = go.Figure()
    fig.add_bar(
        y=labels, x=rows["top10_share"], name=t("eng.top10_share"), orientation="h",
        marker_color=PALETTE["red"], hovertemplate="%{x:.1%}",
    )
    fig.add_bar(
        y=labels, x=rows["gini"], name=t("eng.gini"), orientation="h",
        marker_color=PALETTE["blue"], hovertemplate="%{x:.2f}",
    )
    fig.update_layout(barmode="group", xaxis_range=[0, 1], hovermode="y unified")
    title = t(f"eng.fig.concentration_{dimension}")
    return base_layout(fig, t, title, t("eng.axis.concentration"), t(f"eng.axis.{dimension}"))


def lorenz_figure(lorenz: pd.DataFrame, gini: float | None, t: Translator) -> go.Figure:
    """Lorenz curve of attendances in the period, against the line of perfect equality."""
    fig = go.Figure()
    fig.add_scatter(
        x=[0, 1], y=[0, 1], name=t("eng.equality"), mode="lines",
        line={"color": PALETTE["grey"], "dash": "dash"}, hoverinfo="skip",
    )
    fig.add_scatter(
        x=lorenz["people_share"], y=lorenz["attendance_share"], name=t("eng.lorenz"),
        mode="lines", line_color=PALETTE["red"], fill="tonexty",
        hovertemplate="%{x:.0%} → %{y:.0%}",
    )
    fig.update_layout(
        xaxis_tickformat=".0%", yaxis_tickformat=".0%", hovermode="closest",
        xaxis_range=[0, 1], yaxis_range=[0, 1],
    )
    title = t("eng.fig.lorenz", gini=t.number(gini, 2))
    return base_layout(fig, t, title, t("eng.axis.people_share"), t("eng.axis.attendance_share"))


def retention_figure(table: pd.DataFrame, t: Translator) -> go.Figure:
    """Heatmap of the share of each cohort (year of first participation) active k years later."""
    horizons = [c for c in table.columns if isinstance(c, (int, np.integer))]
    z = table[horizons].to_numpy(dtype=float) if horizons else np.empty((len(table), 0))
    text = [[t.percent(v) if not np.isnan(v) else "" for v in row] for row in z]
    cohort_labels = [
        f"{year} ({t('eng.n_equals', n=t.number(size))})"
        for year, size in zip(table["cohort_year"], table["cohort_size"], strict=True)
    ]
    fig = go.Figure(go.Heatmap(
        z=z, x=[str(k) for k in horizons], y=cohort_labels, text=text, texttemplate="%{text}",
        colorscale="Blues", zmin=0, zmax=max(0.01, float(np.nanmax(z)) if np.isfinite(z).any() else 1),
        colorbar={"title": "%", "tickformat": ".0%"}, hovertemplate="%{z:.1%}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    fig = base_layout(fig, t, t("eng.fig.retention"), t("eng.axis.years_after"), t("eng.axis.cohort"))
    fig.update_layout(hovermode="closest")
    return fig


def survival_figure(curves: pd.DataFrame, grouping: str, t: Translator) -> go.Figure:
    """Kaplan–Meier curves: estimated share still engaged t months after the first event."""
    fig = go.Figure()
    for i, (group_key, curve) in enumerate(curves.groupby("group_key", sort=False)):
        times = np.concatenate(([0.0], curve["time"].to_numpy(dtype=float)))
        survival = np.concatenate(([1.0], curve["survival"].to_numpy(dtype=float)))
        size = int(curve["participants"].iloc[0])
        name = f"{group_label(t, grouping, group_key)} ({t('eng.n_equals', n=t.number(size))})"
        fig.add_scatter(
            x=times, y=survival, name=name, mode="lines",
            line={"shape": "hv", "color": SERIES_COLOURS[i % len(SERIES_COLOURS)],
                  "width": 3 if group_key == "all" else 2,
                  "dash": "solid" if group_key == "all" else "dot"},
            hovertemplate="%{x:.0f} → %{y:.0%}",
        )
    fig.update_layout(yaxis_tickformat=".0%", yaxis_range=[0, 1.02])
    return base_layout(
        fig, t, t(f"eng.fig.survival_{grouping}"), t("eng.axis.months_since_first"),
        t("eng.axis.still_engaged"),
    )


def transitions_figure(transitions: pd.DataFrame, t: Translator) -> go.Figure:
    """Of the participants of year Y − 1: those active again in Y and those who lapsed."""
    years = transitions["year"].astype(str)
    fig = go.Figure()
    fig.add_bar(
        x=years, y=transitions["still_active"], name=t("eng.still_active"),
        marker_color=PALETTE["blue"], hovertemplate="%{y:,.0f}",
    )
    fig.add_bar(
        x=years, y=transitions["lapsed"], name=t("eng.lapsed"), marker_color=PALETTE["grey"],
        customdata=transitions["lapsed_share"], hovertemplate="%{y:,.0f} (%{customdata:.0%})",
    )
    fig.update_layout(barmode="stack")
    return base_layout(
        fig, t, t("eng.fig.transitions"), t("eng.axis.year"), t("eng.axis.participants_prev_year")
    )


def attendance_figure(
    yearly: pd.DataFrame, trends: pd.DataFrame, dimension: str, t: Translator
) -> go.Figure:
    """Mean attendance per event each year, one small panel per kind of event or initiative (each with
    its own scale, so that a falling public-meeting attendance is not flattened by large festivities),
    with the group's least-squares trend (dashed) fitted on every event and its slope per year."""
    rows = yearly.loc[yearly["dimension"] == dimension]
    fitted = trends.loc[trends["dimension"] == dimension].set_index("group_key")
    groups = sorted(rows["group_key"].unique())
    columns = ATTENDANCE_PANEL_COLUMNS if len(groups) > 1 else 1
    n_rows = max(1, -(-len(groups) // columns))
    titles = []
    for group_key in groups:
        label = group_label(t, dimension, group_key)
        if group_key in fitted.index:
            label += " — " + t("eng.trend_hover", slope=t.number(fitted.loc[group_key, "slope"], 2))
        titles.append(label)
    fig = make_subplots(
        rows=n_rows, cols=columns, shared_xaxes=True, subplot_titles=titles or None,
        vertical_spacing=min(0.12, 0.6 / n_rows), horizontal_spacing=0.08,
    )
    for i, group_key in enumerate(groups):
        part = rows.loc[rows["group_key"] == group_key]
        row, col = i // columns + 1, i % columns + 1
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        label = group_label(t, dimension, group_key)
        fig.add_scatter(
            x=part["year"], y=part["mean_attendees"], name=label, mode="lines+markers",
            line_color=colour, customdata=part["events"], showlegend=False,
            hovertemplate="%{y:,.1f} (%{customdata} " + t("eng.events_unit") + ")<extra>"
            + label + "</extra>",
            row=row, col=col,
        )
        if group_key in fitted.index:
            trend = fitted.loc[group_key]
            mid_years = part["year"].to_numpy(dtype=float) + 0.5 - TREND_ORIGIN.year
            fig.add_scatter(
                x=part["year"], y=trend["intercept"] + trend["slope"] * mid_years,
                name=t("eng.trend_of", group=label), mode="lines", showlegend=False,
                line={"color": colour, "dash": "dash", "width": 1}, hoverinfo="skip",
                row=row, col=col,
            )
    fig = base_layout(
        fig, t, t(f"eng.fig.attendance_{dimension}"), "", "",
    )
    fig.update_yaxes(rangemode="tozero")
    fig.update_yaxes(title_text=t("eng.axis.attendees_per_event_short"), col=1)
    fig.update_xaxes(title_text=t("eng.axis.year"), row=n_rows)
    fig.update_layout(height=ATTENDANCE_PANEL_HEIGHT * n_rows + 120, hovermode="closest")
    fig.update_annotations(font_size=12)
    return fig


def representation_figure(table: pd.DataFrame, dimension: str, t: Translator) -> go.Figure:
    """Share of participants against share of the population, per quartier or age band; a group
    hidden for privacy is marked as such rather than drawn as zero."""
    fig = go.Figure()
    fig.add_bar(
        x=table["category"], y=table["population_share"], name=t("eng.population_share"),
        marker_color=PALETTE["grey"], hovertemplate="%{y:.1%}",
    )
    fig.add_bar(
        x=table["category"], y=table["participant_share"], name=t("eng.participant_share"),
        marker_color=PALETTE["green"], hovertemplate="%{y:.1%}",
    )
    hidden = table.loc[table["participant_share"].isna() & table["population_share"].notna()]
    for category in hidden["category"]:
        fig.add_annotation(
            x=category, y=0, yanchor="bottom", xshift=HIDDEN_LABEL_SHIFT, showarrow=False,
            text=t("eng.hidden_group"), textangle=-90,
            font={"color": PALETTE["grey"], "size": 11},
        )
    fig.update_layout(barmode="group", yaxis_tickformat=".0%")
    return base_layout(
        fig, t, t(f"eng.fig.representation_{dimension}"), t(f"eng.axis.{dimension}"),
        t("eng.axis.share"),
    )


def milestones_figure(
    monthly: pd.DataFrame, milestones: pd.DataFrame, t: Translator
) -> go.Figure:
    """Distinct participants per month, with each milestone (caillou blanc) as a marker above."""
    fig = go.Figure()
    fig.add_bar(
        x=monthly["month_start"], y=monthly["participants"], name=t("eng.participants_month"),
        marker_color=PALETTE["sky"], hovertemplate="%{x|%m/%Y} : %{y:,.0f}<extra></extra>",
    )
    top = float(np.nanmax(monthly["participants"])) if monthly["participants"].notna().any() else 1
    colours = {"information": PALETTE["sky"], "consultation": PALETTE["orange"],
               "coproduction": PALETTE["red"]}
    for offset, (level, part) in enumerate(milestones.groupby("level", sort=True)):
        hover = [
            f"{title}<br>{project or ''}"
            for title, project in zip(part["title"], part["project_name"], strict=True)
        ]
        fig.add_scatter(
            x=pd.to_datetime(part["achieved_on"]), y=[top * (1.08 + 0.06 * offset)] * len(part),
            name=t("eng.milestones_of", level=t.label("level", level)), mode="markers",
            marker={"symbol": "diamond", "size": 10, "color": colours.get(level, PALETTE["grey"]),
                    "line": {"color": "#333333", "width": 1}},
            text=hover, hovertemplate="%{x|%d/%m/%Y}<br>%{text}<extra></extra>",
        )
    fig = base_layout(
        fig, t, t("eng.fig.milestones"), t("eng.axis.month"), t("eng.axis.participants"),
        date_axis=True,
    )
    fig.update_xaxes(tickformat="%m/%Y")  # month numbers: plotly's month names are English
    fig.update_layout(hovermode="closest", bargap=0.1)
    fig.update_yaxes(rangemode="tozero")
    return fig
