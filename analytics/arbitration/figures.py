"""The arbitration page's plotly figures: pure functions from small, aggregated frames.

Every figure says what it shows in its title and carries units on its axes (base_layout), in the
session's language with French separators.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd
import plotly.graph_objects as go

from analytics.arbitration.effort import LIFE_PHASES, P50, P80
from analytics.arbitration.portfolio import tightest_months
from analytics.arbitration.present import category_label, month_text
from analytics.figures import PALETTE, base_layout
from analytics.i18n import Translator
from analytics.schema import LEVELS

LEVEL_COLOURS: Final[dict[str, str]] = {
    "information": PALETTE["sky"], "consultation": PALETTE["orange"],
    "coproduction": PALETTE["green"],
}
ACTIVITY_COLOURS: Final[dict[str, str]] = {
    "preparation": PALETTE["blue"], "meeting": PALETTE["orange"], "follow_up": PALETTE["green"],
    "site_work": PALETTE["red"], "ordinary": PALETTE["sky"], "other": PALETTE["grey"],
}
_HOURS: Final[str] = "%{y:,.0f} h"
WEEK_FORMAT: Final[str] = "%d/%m/%y"
"""Dates on weekly axes, written the same way in French and English (no month names)."""


def effort_box_figure(effort: pd.DataFrame, t: Translator) -> go.Figure:
    """Spread of staff hours per finished project, one box per level (log scale), with P50 and
    P80 marked."""
    fig = go.Figure()
    for level in LEVELS:
        hours = effort.loc[effort["level"] == level, "hours"]
        if hours.empty:
            continue
        name = t.label("level", level)
        fig.add_box(y=hours, name=name, marker_color=LEVEL_COLOURS[level], boxpoints="outliers",
                    hovertemplate=_HOURS, showlegend=False)
        fig.add_scatter(
            x=[name, name], y=[hours.quantile(P50), hours.quantile(P80)], mode="markers+text",
            text=["P50", "P80"], textposition="middle right", showlegend=False,
            marker={"color": "black", "symbol": "line-ew-open", "size": 18}, hovertemplate=_HOURS,
        )
    ticks = log_ticks(float(effort["hours"].min()), float(effort["hours"].max()))
    fig.update_yaxes(type="log", tickvals=ticks, ticktext=[t.number(tick) for tick in ticks])
    return base_layout(fig, t, t("arb.fig.box.title"), t("arb.fig.box.x"), t("arb.fig.box.y"))


def log_ticks(low: float, high: float) -> list[float]:
    """Ticks 1, 2, 5, 10, 20, 50... covering [low, high] (positive values), for a log axis."""
    ticks: list[float] = []
    decade = 1.0
    while decade <= max(high, 1.0) * 10:
        ticks += [decade * step for step in (1, 2, 5)]
        decade *= 10
    lower = max(low, 1.0)
    inside = [tick for tick in ticks if lower / 2 <= tick <= high * 2]
    return inside or [1.0]


def month_labels(months: pd.Series, t: Translator) -> list[str]:
    """« sept. 2026 »: month starts as short month names of the session's language."""
    return [t.date(pd.Timestamp(month).date(), "MMM y") for month in months]


def effort_by_figure(
    table: pd.DataFrame, dimension: str, t: Translator, names: Mapping[str, str]
) -> go.Figure:
    """P50 and P80 hours per finished project for each value of ``dimension``."""
    labels = [category_label(dimension, code, t, names) for code in table[dimension]]
    fig = go.Figure()
    fig.add_bar(x=labels, y=table["hours_p50"], name="P50", marker_color=PALETTE["blue"],
                hovertemplate=_HOURS)
    fig.add_bar(x=labels, y=table["hours_p80"], name="P80", marker_color=PALETTE["orange"],
                hovertemplate=_HOURS)
    fig.update_layout(barmode="group")
    title = t.plain("arb.fig.by.title", dimension=t(f"arb.dimension.{dimension}").lower())
    return base_layout(fig, t, title, t(f"arb.dimension.{dimension}"), t("arb.fig.by.y"))


def phase_label(phase: int) -> str:
    """« 0–10 % » for the first tenth of a project's life."""
    width = 100 // LIFE_PHASES
    return f"{phase * width}–{(phase + 1) * width} %"


def life_profile_figure(profile: pd.DataFrame, level: str, t: Translator) -> go.Figure:
    """Share of a level's hours in each tenth of the project's life, stacked by activity."""
    rows = profile[profile["level"] == level]
    phases = list(range(LIFE_PHASES))
    fig = go.Figure()
    for activity in sorted(rows["activity"].unique(), key=_activity_order):
        part = rows[rows["activity"] == activity].set_index("phase")["share"]
        fig.add_bar(
            x=[phase_label(p) for p in phases], y=[100 * part.get(p, 0.0) for p in phases],
            name=category_label("activity", activity, t, {}),
            marker_color=ACTIVITY_COLOURS.get(activity, PALETTE["grey"]),
            hovertemplate="%{y:.1f} %",
        )
    fig.update_layout(barmode="stack")
    title = t.plain("arb.fig.life.title", level=t.label("level", level).lower())
    return base_layout(fig, t, title, t("arb.fig.life.x"), t("arb.fig.life.y"))


def _activity_order(activity: str) -> int:
    order = list(ACTIVITY_COLOURS)
    return order.index(activity) if activity in order else len(order)


def projection_figure(weeks: pd.DataFrame, team: str, target: float, t: Translator) -> go.Figure:
    """The team's weekly hours: ordinary, committed, tentative and the new project (P50) stacked;
    the load with the project at P80, the capacity and the target as lines."""
    fig = go.Figure()
    stacks = [
        ("ordinary_hours", "arb.fig.sim.ordinary", PALETTE["sky"]),
        ("committed_hours", "arb.fig.sim.committed", PALETTE["blue"]),
        ("tentative_p50_hours", "arb.fig.sim.tentative", PALETTE["purple"]),
        ("project_p50_hours", "arb.fig.sim.project", PALETTE["orange"]),
    ]
    for column, key, colour in stacks:
        fig.add_bar(x=weeks["week_start"], y=weeks[column], name=t(key), marker_color=colour,
                    hovertemplate=_HOURS)
    lines = [
        ("with_p80_hours", t("arb.fig.sim.with_p80"), PALETTE["orange"], "dot"),
        ("capacity_hours", t("arb.fig.sim.capacity"), PALETTE["red"], "solid"),
        ("target_hours", t.plain("arb.fig.sim.target", target=t.percent(target)), PALETTE["grey"],
         "dash"),
    ]
    for column, name, colour, dash in lines:
        fig.add_scatter(x=weeks["week_start"], y=weeks[column], name=name, mode="lines",
                        line={"color": colour, "width": 2, "dash": dash, "shape": "hv"},
                        hovertemplate=_HOURS)
    fig.update_layout(barmode="stack")
    base_layout(fig, t, t.plain("arb.fig.sim.title", team=team), t("fig.axis.week"),
                t("fig.axis.hours_per_week"))
    fig.update_xaxes(tickformat=WEEK_FORMAT)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.28, "x": 0},
                      margin={"b": 140}, height=560)
    return fig


def portfolio_figure(
    usage: pd.DataFrame, names: Mapping[str, str], months: int, t: Translator
) -> go.Figure:
    """Per team, its tightest month of the horizon (:func:`.portfolio.tightest_months`): hours
    available under the limit that month (0 when already over) and hours the chosen projects take
    then — one month, as the refusals in the table."""
    tight = tightest_months(usage)
    labels = [
        t("arb.fig.pf.team_month", team=names.get(team, team), month=month_text(month, t))
        for team, month in zip(tight["team"], tight["month_start"], strict=True)
    ]
    fig = go.Figure()
    fig.add_bar(x=labels, y=tight["available_hours"].clip(lower=0.0),
                name=t("arb.fig.pf.available"), marker_color=PALETTE["sky"], hovertemplate=_HOURS)
    fig.add_bar(x=labels, y=tight["chosen_hours"], name=t("arb.fig.pf.chosen"),
                marker_color=PALETTE["orange"], hovertemplate=_HOURS)
    fig.update_layout(barmode="group")
    return base_layout(fig, t, t.plain("arb.fig.pf.title", months=months), t("arb.fig.pf.x"),
                       t("arb.fig.pf.y"))


def requests_figure(totals: pd.DataFrame, t: Translator) -> go.Figure:
    """Requests received per month, split into those born from a project and the others."""
    fig = go.Figure()
    months = month_labels(totals["month_start"], t)
    fig.add_bar(x=months, y=totals["received"] - totals["born_from_projects"],
                name=t("arb.fig.requests.other"), marker_color=PALETTE["sky"],
                hovertemplate="%{y:,.0f}")
    fig.add_bar(x=months, y=totals["born_from_projects"],
                name=t("arb.fig.requests.born"), marker_color=PALETTE["orange"],
                hovertemplate="%{y:,.0f}")
    fig.update_layout(barmode="stack")
    return base_layout(fig, t, t("arb.fig.requests.title"), t("arb.fig.month"),
                       t("arb.fig.requests.y"))


def backlog_figure(totals: pd.DataFrame, t: Translator) -> go.Figure:
    """Requests still open at each month end."""
    fig = go.Figure()
    fig.add_scatter(x=month_labels(totals["month_start"], t), y=totals["open_at_month_end"],
                    mode="lines+markers",
                    name=t("arb.col.open_at_month_end"), line={"color": PALETTE["red"]},
                    hovertemplate="%{y:,.0f}")
    fig.update_yaxes(rangemode="tozero")
    return base_layout(fig, t, t("arb.fig.backlog.title"), t("arb.fig.month"),
                       t("arb.fig.requests.y"))


def requests_by_figure(
    long: pd.DataFrame, dimension: str, t: Translator, names: Mapping[str, str]
) -> go.Figure:
    """Requests received per month, stacked by category of ``dimension``."""
    fig = go.Figure()
    for category, rows in long.groupby("category", dropna=False, sort=False):
        code = None if pd.isna(category) else category
        fig.add_bar(x=month_labels(rows["month_start"], t), y=rows["value"],
                    name=category_label(dimension, code, t, names), hovertemplate="%{y:,.0f}")
    fig.update_layout(barmode="stack")
    title = t.plain("arb.fig.by_dim.title", dimension=t(f"arb.dimension.{dimension}").lower())
    return base_layout(fig, t, title, t("arb.fig.month"), t("arb.fig.requests.y"))


def echo_figure(by_level: pd.DataFrame, t: Translator) -> go.Figure:
    """Mean number of requests born per started project, by level."""
    fig = go.Figure()
    fig.add_bar(
        x=[t.label("level", code) for code in by_level["level"]], y=by_level["per_project"],
        marker_color=[LEVEL_COLOURS.get(code, PALETTE["grey"]) for code in by_level["level"]],
        hovertemplate="%{y:.2f}", showlegend=False,
    )
    return base_layout(fig, t, t("arb.fig.echo.title"), t("arb.fig.box.x"), t("arb.fig.echo.y"))
