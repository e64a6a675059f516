"""Figures of the team capacity page: pure functions from the capacity frames to plotly figures.

Each figure has a title saying what it shows and units on its axes (see :func:`analytics.figures.
base_layout`); hover texts give the numbers, with the session's decimal separator.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Final

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from _plotly_utils.utils import to_typed_array_spec

from analytics import formats
from analytics.capacity.load import BANDS, MISSING_BAND
from analytics.capacity.work import UNSPECIFIED_ACTIVITY
from analytics.figures import (
    PALETTE,
    TEMPLATE_JSON,
    base_layout,
    chart_text,
    escape_figure,
    hatch_partial,
    separators,
    shared,
)
from analytics.i18n import Translator
from analytics.schema import ACTIVITIES, LEVELS, NO_LEVEL

BAND_COLOURS: Final[dict[str, str]] = {
    MISSING_BAND: "#E5E5E5",
    "under": PALETTE["sky"],
    "near": PALETTE["green"],
    "full": PALETTE["orange"],
    "over": PALETTE["red"],
}
"""Colour of each load band (Okabe–Ito, readable by colour-blind people); light grey = no timesheet."""
BAND_ORDER: Final[tuple[str, ...]] = (MISSING_BAND, *BANDS)
ROW_HEIGHT_PX: Final[int] = 18
"""Height of one heatmap row, so that agent names stay readable."""
MIN_HEIGHT_PX: Final[int] = 320
TOP_HIDDEN_AGENTS: Final[int] = 20
"""How many agents the hidden-work chart shows (the table lists them all)."""
LEVEL_COLOURS: Final[dict[str, str]] = {
    NO_LEVEL: PALETTE["grey"], "information": PALETTE["sky"], "consultation": PALETTE["blue"],
    "coproduction": PALETTE["orange"],
}
ACTIVITY_COLOURS: Final[dict[str, str]] = {
    "ordinary": PALETTE["grey"], "preparation": PALETTE["sky"], "meeting": PALETTE["orange"],
    "follow_up": PALETTE["blue"], "site_work": PALETTE["green"], "unspecified": PALETTE["yellow"],
}


def activity_label(code: str, t: Translator) -> str:
    """Label of an activity code, including entries recorded without one."""
    if code == UNSPECIFIED_ACTIVITY:
        return t("capacity.activity.unspecified")
    return t.label("activity", code)


def band_labels(limits: tuple[float, float, float], t: Translator) -> dict[str, str]:
    """Label of each load band code, from the limits in force (``under`` → « moins de 85 % »)."""
    low, middle, high = (t.percent(limit) for limit in limits)
    return {
        MISSING_BAND: t("capacity.band.missing"),
        "under": t.plain("capacity.band.under", low=low),
        "near": t.plain("capacity.band.near", low=low, middle=middle),
        "full": t.plain("capacity.band.full", middle=middle, high=high),
        "over": t.plain("capacity.band.over", high=high),
    }


def colon(t: Translator) -> str:
    """The label separator: « : » with a space before it in French, ": " in English."""
    return "\u00a0: " if t.lang == "fr" else ": "


def percent_text(ratio: pd.Series, t: Translator) -> pd.Series:
    """Ratios as percentages by the one rule of shares (« 114 % », « 114,2 % »), « – » when
    undefined; vectorised for big grids (:func:`analytics.formats.share_column`)."""
    return formats.share_column(ratio, t.locale)


def unique_labels(names: pd.Series, ids: pd.Series) -> pd.Series:
    """Row labels for people (aligned on ``ids``, which may repeat): the name, with the id added
    where two different people share a name."""
    names = names.fillna(ids).astype(str)
    people = pd.DataFrame({"id": ids.astype(str), "name": names}).drop_duplicates("id")
    shared = set(people.loc[people["name"].duplicated(keep=False), "name"])
    return names.where(~names.isin(shared), names + " (" + ids.astype(str) + ")")


WEEK_MS: Final[int] = 7 * 24 * 3600 * 1000
MAX_WEEK_TICKS: Final[int] = 10


def date_axis(fig: go.Figure, grain: str = "week", mondays: Sequence[object] = ()) -> go.Figure:
    """Dates on the x axis written the French way whatever the language (« 07/09/2026 »), never with
    plotly's English month names; ``grain`` 'month' writes « 09/2026 ». Given the ``mondays`` of
    weekly data, ticks fall on them (at most :data:`MAX_WEEK_TICKS`), not on plotly's Sundays."""
    fig.update_xaxes(tickformat="%m/%Y" if grain == "month" else "%d/%m/%Y")
    if len(mondays):
        step = max(1, -(-len(mondays) // MAX_WEEK_TICKS))
        fig.update_xaxes(tick0=pd.Timestamp(min(mondays)), dtick=step * WEEK_MS)
    return fig


TOP_MARGIN_WITH_LEGEND_PX: Final[int] = 120
"""Top margin of charts whose legend may wrap on two lines under the title."""


def _height(rows: int) -> int:
    return max(MIN_HEIGHT_PX, 140 + ROW_HEIGHT_PX * rows)


def _typed(values: np.ndarray) -> Any:
    """A numeric array as plotly's validation writes it into the figure's JSON (base64 bytes)."""
    return to_typed_array_spec(values)


def band_heatmap(
    frame: pd.DataFrame, row_label: pd.Series, hours_col: str, capacity_col: str,
    title: str, y_title: str, limits: tuple[float, float, float], t: Translator,
) -> dict[str, Any]:
    """A rows × weeks heatmap coloured by load band, hours / capacity / load on hover.

    ``frame`` has week_start, band, load_ratio and the two hour columns; ``row_label`` (aligned on
    ``frame``) names its rows, kept in their order of first appearance.

    Returned as the figure's JSON dict (draw it through :func:`analytics.figures.drawable`): the
    same JSON as the ``go.Figure`` plotly would validate (tests/test_capacity_figure_json.py
    compares both), without validating and deep-copying the grids' thousands of cells on every
    draw (~20 ms a heatmap).
    """
    codes = {band: i for i, band in enumerate(BAND_ORDER)}
    labels = band_labels(limits, t)
    row_at, row_names = pd.factorize(row_label.to_numpy())  # in order of first appearance
    week_at, week_starts = pd.factorize(pd.to_datetime(frame["week_start"]).to_numpy(), sort=True)
    rows = list(row_names)
    weeks = list(pd.DatetimeIndex(week_starts))

    def grid(values: np.ndarray) -> np.ndarray:
        """``values`` (aligned on ``frame``) placed in the rows × weeks grid, NaN where no row."""
        table = np.full((len(rows), len(weeks)), np.nan, dtype=values.dtype)
        table[row_at, week_at] = values
        return table

    def column(name: str) -> np.ndarray:
        return grid(frame[name].to_numpy(dtype=float))

    sep = colon(t)
    custom = np.dstack([column(hours_col), column(capacity_col)])  # numbers: copied as a block
    # the load and its band as one text per cell (not two more layers of customdata)
    texts = (percent_text(frame["load_ratio"].reset_index(drop=True), t)
             + "<br>" + frame["band"].map(labels).reset_index(drop=True).astype(object))
    text = shared(grid(texts.to_numpy(dtype=object)))  # not deep-copied cell by cell on draw
    steps = len(BAND_ORDER)
    scale = []
    for i, band in enumerate(BAND_ORDER):
        scale += [[i / steps, BAND_COLOURS[band]], [(i + 1) / steps, BAND_COLOURS[band]]]
    # keys in the order plotly's validation writes them (alphabetical, type last)
    trace = {
        "colorbar": {"len": 220, "lenmode": "pixels",
                     "ticktext": [labels[b] for b in BAND_ORDER],
                     "tickvals": list(range(steps)),
                     "title": {"text": t("capacity.fig.load_band")}, "y": 1, "yanchor": "top"},
        "colorscale": scale,
        "customdata": _typed(custom),
        "hoverongaps": False,
        "hovertemplate": (
            "%{y}<br>" + t("capacity.fig.week_of") + " %{x|%d/%m/%Y}<br>"
            + t("capacity.fig.hours") + sep + "%{customdata[0]:,.1f} h<br>"
            + t("capacity.fig.capacity") + sep + "%{customdata[1]:,.1f} h<br>"
            + t("capacity.fig.load") + sep + "%{text}<extra></extra>"
        ),
        "text": text, "x": weeks, "xgap": 1, "y": rows, "ygap": 1,
        "z": _typed(grid(frame["band"].map(codes).to_numpy(dtype=float))),
        "zmax": steps - 0.5, "zmin": -0.5, "type": "heatmap",
    }
    xaxis: dict[str, Any] = {"title": {"text": t("fig.axis.week")}, "tickformat": "%d/%m/%Y"}
    if weeks:
        step = max(1, -(-len(weeks) // MAX_WEEK_TICKS))
        xaxis.update(tick0=pd.Timestamp(min(weeks)), dtick=step * WEEK_MS)
    layout = {
        "template": TEMPLATE_JSON,
        "yaxis": {"autorange": "reversed", "type": "category", "title": {"text": y_title}},
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "margin": {"l": 10, "r": 10, "t": 80, "b": 10},
        "xaxis": xaxis,
        "separators": separators(t),
        "hovermode": "closest",
        "height": _height(len(rows)),
    }
    return escape_figure({"data": [trace], "layout": layout})


def agent_load_heatmap(
    agent_weeks: pd.DataFrame, limits: tuple[float, float, float], t: Translator,
    ranking: pd.Series | None = None,
) -> dict[str, Any]:
    """Agent × week heatmap of load (hours / capacity) in the four bands; grey = no timesheet.

    Rows are « name · service » when ``agent_weeks`` has a ``service_name``; ``ranking`` (agent
    ids, most loaded first, e.g. ``LoadView.agents['agent_id']``) orders them, the most loaded on
    top; without it the rows keep the frame's order."""
    if ranking is not None:
        rank = pd.Series(range(len(ranking)), index=pd.Index(ranking.astype(str)))
        order = agent_weeks["agent_id"].astype(str).map(rank).fillna(len(ranking))
        agent_weeks = agent_weeks.iloc[np.argsort(order.to_numpy(), kind="stable")]
    labels = unique_labels(agent_weeks["agent_name"], agent_weeks["agent_id"])
    if "service_name" in agent_weeks:
        services = agent_weeks["service_name"].fillna("").astype(str)
        labels = labels.where(services == "", labels + " · " + services)
    return band_heatmap(
        agent_weeks, labels, "hours", "capacity_hours", t("capacity.fig.agent_heatmap.title"),
        t("capacity.fig.axis.agent"), limits, t,
    )


def service_band_heatmap(
    frame: pd.DataFrame, hours_col: str, capacity_col: str, title: str,
    limits: tuple[float, float, float], t: Translator,
) -> dict[str, Any]:
    """A service × week :func:`band_heatmap` of ``hours_col`` / ``capacity_col``: rows named by
    ``service_name`` (the ``service_id`` where it has none), on the service axis."""
    labels = frame["service_name"].fillna(frame["service_id"]).astype(str)
    return band_heatmap(frame, labels, hours_col, capacity_col, title,
                        t("capacity.fig.axis.service"), limits, t)


def service_load_heatmap(
    service_weeks: pd.DataFrame, limits: tuple[float, float, float], t: Translator
) -> dict[str, Any]:
    """Service × week heatmap of load (hours / capacity of the agents who recorded time)."""
    return service_band_heatmap(service_weeks, "hours", "recorded_capacity_hours",
                                t("capacity.fig.service_heatmap.title"), limits, t)


def hours_over_time_figure(
    frame: pd.DataFrame, by: str, grain: str, t: Translator, partial: Sequence[date] = ()
) -> go.Figure:
    """Stacked bars of hours per week or month, by 'activity' or by 'level' (the app's activities
    first, then the town's own labels as they were imported, alphabetically); the bars of the
    ``partial`` buckets (their first days: weeks or months the period covers in part) hatched."""
    codes = [*ACTIVITIES, UNSPECIFIED_ACTIVITY] if by == "activity" else [NO_LEVEL, *LEVELS]
    codes += sorted({str(code) for code in frame[by].dropna()} - set(codes), key=str.casefold)
    colours = ACTIVITY_COLOURS if by == "activity" else LEVEL_COLOURS
    fig = go.Figure()
    for code in codes:
        part = frame[frame[by] == code]
        if part.empty:
            continue
        name = activity_label(code, t) if by == "activity" else t.label("level", code)
        fig.add_bar(
            x=pd.to_datetime(part["period_start"]), y=part["hours"], name=name,
            marker_color=colours.get(code, PALETTE["purple"]),
            hovertemplate=name + colon(t) + "%{y:,.0f} h<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    x_title = t("fig.axis.week") if grain == "week" else t("capacity.fig.axis.month")
    title = t(f"capacity.fig.hours_by_{by}.title")
    y_title = t("capacity.fig.axis.hours_per_" + grain)
    fig = base_layout(fig, t, title, x_title, y_title)
    fig.update_layout(margin={"t": TOP_MARGIN_WITH_LEGEND_PX})
    mondays = sorted(frame["period_start"].unique()) if grain == "week" else []
    fig = date_axis(fig, grain, mondays)
    hatch_partial(fig, partial)
    return fig


def participation_share_figure(services: pd.DataFrame, t: Translator) -> go.Figure:
    """Horizontal bars: each service's share of recorded time spent on participatory projects."""
    data = services.sort_values("participation_share", ascending=True, na_position="first")
    fig = go.Figure(
        go.Bar(
            x=data["participation_share"], y=data["service_name"].fillna(data["service_id"]),
            orientation="h", marker_color=PALETTE["orange"],
            customdata=np.column_stack([data["participation_hours"], data["all_hours"]]),
            hovertemplate=(
                "%{y}<br>%{x:.1%}<br>" + t("capacity.fig.participation_hours")
                + colon(t) + "%{customdata[0]:,.0f} h / %{customdata[1]:,.0f} h<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(tickformat=".0%")
    fig = base_layout(
        fig, t, t("capacity.fig.participation_share.title"), t("capacity.fig.axis.share"),
        t("capacity.fig.axis.service"),
    )
    fig.update_layout(height=_height(len(data)), hovermode="closest")
    return fig


def top_projects_figure(projects: pd.DataFrame, t: Translator) -> go.Figure:
    """Horizontal bars of staff hours per project, costliest on top, coloured by level of
    involvement with a legend of the levels; participants reached and hours per participant on
    hover."""
    data = projects.iloc[::-1]
    names = data["project_name"].fillna(data["project_id"]).astype(str)
    fig = go.Figure()
    levels = data["level"].fillna(NO_LEVEL)
    for level in [code for code in (NO_LEVEL, *LEVELS) if code in set(levels)]:
        part = data[levels == level]
        label = t.label("level", level)
        fig.add_bar(
            x=part["hours"], y=names[levels == level], orientation="h", name=label,
            marker_color=LEVEL_COLOURS.get(level, PALETTE["purple"]),
            customdata=np.column_stack([
                part["participants_reached"].astype(float), part["hours_per_participant"],
            ]),
            hovertemplate=(
                "%{y} (" + label + ")<br>%{x:,.0f} h<br>"
                + t("capacity.fig.participants_reached") + colon(t) + "%{customdata[0]:,.0f}<br>"
                + t("capacity.fig.hours_per_participant") + colon(t) + "%{customdata[1]:,.1f} h"
                + "<extra></extra>"
            ),
        )
    # the order names the categories as the traces hold them once escaped (base_layout)
    fig.update_yaxes(type="category", categoryorder="array",
                     categoryarray=[chart_text(str(name)) for name in names])
    fig = base_layout(
        fig, t, t("capacity.fig.top_projects.title"), t("capacity.fig.axis.staff_hours"),
        t("capacity.fig.axis.project"),
    )
    fig.update_layout(height=_height(len(data)), hovermode="closest", showlegend=True,
                      margin={"t": TOP_MARGIN_WITH_LEGEND_PX})
    return fig


def hidden_figure(frame: pd.DataFrame, labels: pd.Series, title: str, y_title: str,
                  t: Translator) -> go.Figure:
    """Stacked horizontal bars of hidden hours: early/late on working days, weekends, holidays."""
    order = frame.index[::-1]
    fig = go.Figure()
    for column, colour in (("weekday_outside_hours", PALETTE["blue"]),
                           ("weekend_hours", PALETTE["orange"]),
                           ("holiday_hours", PALETTE["purple"])):
        name = t(f"capacity.hidden.{column}")
        fig.add_bar(
            x=frame.loc[order, column], y=labels.loc[order], orientation="h", name=name,
            marker_color=colour, hovertemplate=name + colon(t) + "%{x:,.1f} h<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    # every bar named (plotly would otherwise skip labels it finds too close together)
    # (tick values name the categories as the traces hold them once escaped: base_layout)
    fig.update_yaxes(type="category", tickmode="array",
                     tickvals=[chart_text(str(label)) for label in labels.loc[order]],
                     ticktext=list(labels.loc[order]))
    fig = base_layout(fig, t, title, t("capacity.fig.axis.hidden_hours"), y_title)
    fig.update_layout(height=_height(len(frame)), hovermode="y unified",
                      margin={"t": TOP_MARGIN_WITH_LEGEND_PX})
    return fig


def hidden_services_figure(by_service: pd.DataFrame, t: Translator) -> go.Figure:
    """Hidden hours per service (from :func:`analytics.capacity.hidden.hidden_by_service`)."""
    labels = by_service["service_name"].fillna(by_service["service_id"]).astype(str)
    return hidden_figure(by_service, labels, t("capacity.fig.hidden_services.title"),
                         t("capacity.fig.axis.service"), t)


def hidden_agents_figure(by_agent: pd.DataFrame, t: Translator,
                         limit: int = TOP_HIDDEN_AGENTS) -> go.Figure:
    """Hidden hours of the ``limit`` agents with most (from ``hidden_by_agent``, sorted)."""
    top = by_agent.head(limit)
    return hidden_figure(top, unique_labels(top["agent_name"], top["agent_id"]),
                         t("capacity.fig.hidden_agents.title"), t("capacity.fig.axis.agent"), t)


def hidden_projects_figure(by_project: pd.DataFrame, t: Translator) -> go.Figure:
    """Hidden hours of the projects that cause most (from ``hidden_by_project``)."""
    labels = by_project["project_name"].fillna(by_project["project_id"]).astype(str)
    return hidden_figure(by_project, labels, t("capacity.fig.hidden_projects.title"),
                         t("capacity.fig.axis.project"), t)


def evenings_heatmap(frame: pd.DataFrame, t: Translator) -> go.Figure:
    """Agent × month heatmap of the number of evenings worked (work ending after the window)."""
    labels = unique_labels(frame["agent_name"], frame["agent_id"])
    data = frame.assign(label=labels.to_numpy())
    table = data.pivot_table(index="label", columns="month", values="evenings", aggfunc="sum",
                             fill_value=0)
    order = data.groupby("label")["evenings"].sum().sort_values(ascending=False, kind="stable")
    table = table.reindex(index=order.index)
    # one column per month, named once (« 09/2026 »): a category axis, not dates plotly would tick
    # every fortnight under the same month label
    months = [f"{month:%m/%Y}" for month in pd.to_datetime(table.columns)]
    fig = go.Figure(
        go.Heatmap(
            x=months, y=table.index, z=table.to_numpy(),
            colorscale=[[0, "#FFFFFF"], [1, PALETTE["blue"]]], xgap=1, ygap=1,
            colorbar={"title": {"text": t("capacity.fig.evenings")}},
            hovertemplate="%{y}<br>%{x}<br>" + t("capacity.fig.evenings_unit") + colon(t) + "%{z}"
            + "<extra></extra>",
        )
    )
    fig.update_xaxes(type="category")
    fig.update_yaxes(autorange="reversed", type="category")
    fig = base_layout(
        fig, t, t("capacity.fig.evenings.title"), t("capacity.fig.axis.month"),
        t("capacity.fig.axis.agent"),
    )
    fig.update_layout(height=_height(len(table)), hovermode="closest")
    return fig


def overload_timeline(runs: pd.DataFrame, t: Translator) -> go.Figure:
    """One bar per run of sustained overload, from its first to its last week, per agent."""
    labels = unique_labels(runs["agent_name"], runs["agent_id"])
    start = pd.to_datetime(runs["run_start"])
    length_ms = runs["weeks"].astype(float) * 7 * 24 * 3600 * 1000
    fig = go.Figure(
        go.Bar(
            base=start, x=length_ms, y=labels, orientation="h", marker_color=PALETTE["red"],
            customdata=np.column_stack([runs["weeks"], runs["load_ratio"] * 100]),
            hovertemplate=(
                "%{y}<br>" + t("capacity.fig.weeks") + colon(t) + "%{customdata[0]}<br>"
                + t("capacity.fig.mean_load") + colon(t) + "%{customdata[1]:.0f} %<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", type="category")
    fig = base_layout(
        fig, t, t("capacity.fig.overload.title"), t("fig.axis.week"), t("capacity.fig.axis.agent")
    )
    fig.update_layout(height=_height(labels.nunique()), hovermode="closest", showlegend=False)
    mondays = pd.date_range(start.min(), pd.to_datetime(runs["run_end"]).max(), freq="7D")
    return date_axis(fig, mondays=list(mondays))


def forecast_figure(weeks: pd.DataFrame, title: str, t: Translator) -> go.Figure:
    """Projected hours per coming week (ordinary load + projects) against capacity; the weeks over
    capacity are marked."""
    x = pd.to_datetime(weeks["week_start"])
    fig = go.Figure()
    fig.add_bar(
        x=x, y=weeks["baseline_hours"], name=t("capacity.forecast.baseline"),
        marker_color=PALETTE["sky"], hovertemplate="%{y:,.0f} h",
    )
    fig.add_bar(
        x=x, y=weeks["project_hours"], name=t("capacity.forecast.projects"),
        marker_color=PALETTE["orange"], hovertemplate="%{y:,.0f} h",
    )
    fig.add_scatter(
        x=x, y=weeks["capacity_hours"], name=t("fig.weekly_load.capacity"), mode="lines",
        line={"color": PALETTE["red"], "width": 2, "shape": "hvh"}, hovertemplate="%{y:,.0f} h",
    )
    over = weeks["over_capacity"].to_numpy(dtype=bool)
    if over.any():
        fig.add_scatter(
            x=x[over], y=weeks.loc[over, "projected_hours"], name=t("capacity.forecast.over"),
            mode="markers", marker={"symbol": "triangle-down", "size": 14, "color": PALETTE["red"]},
            hovertemplate="%{y:,.0f} h",
        )
    fig.update_layout(barmode="stack")
    fig = base_layout(fig, t, title, t("fig.axis.week"), t("fig.axis.hours_per_week"))
    fig.update_layout(margin={"t": TOP_MARGIN_WITH_LEGEND_PX})
    return date_axis(fig, mondays=list(x))


def forecast_heatmap(
    team_weeks: pd.DataFrame, limits: tuple[float, float, float], t: Translator
) -> dict[str, Any]:
    """Team × coming week heatmap of projected load (projected hours / capacity) in the bands."""
    return service_band_heatmap(team_weeks, "projected_hours", "capacity_hours",
                                t("capacity.fig.forecast_heatmap.title"), limits, t)


def agent_card_figure(
    weeks: pd.DataFrame, name: str, limits: tuple[float, float, float], t: Translator
) -> go.Figure:
    """One agent's hours per week, coloured by load band, against the week's capacity (a step line:
    where it drops, the card's table says why)."""
    x = pd.to_datetime(weeks["week_start"])
    labels = band_labels(limits, t)
    fig = go.Figure()
    for band in (MISSING_BAND, *BANDS):
        part = weeks["band"] == band
        if part.any():
            fig.add_bar(x=x[part], y=weeks.loc[part, "hours"], name=labels[band],
                        marker_color=BAND_COLOURS[band], hovertemplate="%{y:,.1f} h")
    fig.add_scatter(
        x=x, y=weeks["capacity_hours"], name=t("fig.weekly_load.capacity"), mode="lines",
        line={"color": PALETTE["red"], "width": 2, "shape": "hvh"}, hovertemplate="%{y:,.1f} h",
    )
    title = t("capacity.card.chart_title", name=name)
    fig = base_layout(fig, t, title, t("fig.axis.week"), t("fig.axis.hours_per_week"))
    fig.update_layout(margin={"t": TOP_MARGIN_WITH_LEGEND_PX}, barmode="overlay")
    return date_axis(fig, mondays=list(x))
