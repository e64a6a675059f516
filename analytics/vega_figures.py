"""Vega-Lite charts: the overview's weekly load, drawn by Streamlit's vega-lite chart.

The overview is the first page a visitor sees. Its chart was a plotly figure: the browser then had to
load, compile and run plotly's 4.7 MB script before the page was complete (about 1.3 s of browser
CPU on the demo town, 40 % of the first visit's). Streamlit's vega-lite chart costs about a third of
that. The other pages keep plotly.

A spec here is a plain dict with its data inline (no Arrow table to build and send): the
title says what the chart shows, the axes carry units, numbers and dates are written the page
language's way (the spec's ``config.locale``), and every text comes from the catalogues (vega
draws text as text: no markup is read).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Final

import pandas as pd

from analytics.figures import PALETTE, separators
from analytics.i18n import Translator

SERIES: Final[tuple[str, ...]] = ("ordinary", "participation", "capacity")
"""The weekly chart's series, in legend order: two stacked bars and the capacity line."""
COLOURS: Final[dict[str, str]] = {
    "ordinary": PALETTE["sky"], "participation": PALETTE["orange"], "capacity": PALETTE["red"]}
PARTIAL_OPACITY: Final[float] = 0.55
"""Opacity of the bars of a partial week (as on the plotly charts)."""
HEIGHT: Final[int] = 400
"""The chart's height in pixels (its width follows the page)."""
STRIPE_PX: Final[float] = 6.0
"""Space between the white lines hatching a partial week's bar, in pixels (about: the chart's
scale is chosen by vega)."""
DATE_FORMAT: Final[str] = "%d/%m/%y"
"""Dates on the axis, the French way and without month names (as the plotly charts write them)."""
LOCAL_MIDNIGHT: Final[str] = "T00:00:00"
"""Appended to a week's ISO date: read by the browser as its local midnight (a bare ISO date is
UTC midnight, the day before west of Greenwich), so a Monday is written as that Monday everywhere."""


def vega_locale(t: Translator) -> dict[str, Any]:
    """Vega's number locale of the session's language: « 4 000,5 » in French (a narrow no-break
    space, as Babel and the tiles write it), « 4,000.5 » in English."""
    decimal, thousands = separators(t)[0], separators(t)[1:]
    return {"number": {"decimal": decimal, "thousands": thousands, "grouping": [3],
                       "currency": ["", ""]}}


def _stripes(rows: list[dict[str, Any]], step: float) -> list[dict[str, Any]]:
    """Horizontal white lines every ``step`` hours across the bars of the partial weeks: their
    hatching."""
    return [{"week": row["week"], "week_end": row["week_end"], "at": step * k}
            for row in rows if row["partial"]
            for k in range(1, int(row["hours"] // step) + 1)]


def _day(moment: str) -> dict[str, int]:
    """A Vega-Lite date-time (local) of ``moment`` (an ISO date, maybe with a time)."""
    day = date.fromisoformat(moment[:10])
    return {"year": day.year, "month": day.month, "date": day.day}


def weekly_rows(weeks: pd.DataFrame, partial: Iterable[date] = ()) -> list[dict[str, Any]]:
    """One row per week of ``weeks`` (``week_start``, ``hours``, ``participation_hours``,
    ``capacity_hours``): its Monday and Sunday (local midnights), ordinary, participation and capacity
    hours, the total, and whether the data cover it in part (its Monday in ``partial``)."""
    hatched = {pd.Timestamp(day).date() for day in partial}
    rows = []
    for week in weeks.itertuples(index=False):
        monday = pd.Timestamp(week.week_start).date()
        hours, participation = float(week.hours), float(week.participation_hours)
        rows.append({
            "week": monday.isoformat() + LOCAL_MIDNIGHT,
            "week_end": (monday + timedelta(days=6)).isoformat() + LOCAL_MIDNIGHT,
            "ordinary": hours - participation, "participation": participation,
            "capacity": float(week.capacity_hours), "hours": hours, "partial": monday in hatched,
        })
    return rows


def weekly_load_chart(
    weeks: pd.DataFrame, t: Translator, partial: Iterable[date] = ()
) -> dict[str, Any]:
    """Hours worked per week (ordinary and participation, stacked) against the agents' contractual
    capacity (a step line), as a Vega-Lite spec; the bars of the ``partial`` weeks (their Mondays:
    weeks the data cover in part) lighter and hatched. Hovering a bar gives the week's three
    numbers."""
    names = {key: t.plain(f"fig.weekly_load.{key}") for key in SERIES}
    rows = weekly_rows(weeks, partial)
    segments = [{**row, "series": names[key], "from": base, "to": base + row[key]}
                for row in rows
                for key, base in (("ordinary", 0.0), ("participation", row["ordinary"]))]
    week_axis = {"field": "week", "type": "temporal", "title": t.plain("fig.axis.week"),
                 "axis": {"format": DATE_FORMAT, "labelOverlap": True,
                          "values": [_day(row["week"]) for row in rows]}}
    hours_axis = {"type": "quantitative", "title": t.plain("fig.axis.hours_per_week"),
                  "axis": {"format": ",.0f"}}
    tooltip = [{"field": "week", "type": "temporal", "title": t.plain("fig.axis.week"),
                "format": "%d/%m/%Y"},
               *({"field": key, "type": "quantitative", "title": f"{names[key]} (h)",
                  "format": ",.0f"} for key in SERIES)]
    colour = {"field": "series", "type": "nominal", "title": None,
              "scale": {"domain": [names[key] for key in SERIES],
                        "range": [COLOURS[key] for key in SERIES]},
              "legend": {"orient": "top", "direction": "horizontal"}}
    capacity = [{**row, "series": names["capacity"]} for row in rows]
    if capacity:  # a step line ends on its last point: one more, at the last week's end, draws it
        capacity.append({**capacity[-1], "week": capacity[-1]["week_end"]})
    layers: list[dict[str, Any]] = [
        {"data": {"values": segments}, "mark": {"type": "bar", "stroke": "white", "strokeWidth": 0.5},
         "encoding": {
             "x2": {"field": "week_end"},
             "y": {**hours_axis, "field": "from"}, "y2": {"field": "to"},
             "color": colour, "tooltip": tooltip,
             "opacity": {"condition": {"test": "datum.partial", "value": PARTIAL_OPACITY},
                         "value": 1}}},
        {"data": {"values": capacity},
         "mark": {"type": "line", "interpolate": "step-after", "strokeWidth": 2},
         "encoding": {"y": {**hours_axis, "field": "capacity"}, "color": colour,
                      "tooltip": tooltip}},
    ]
    top = max((max(row["hours"], row["capacity"]) for row in rows), default=0.0) or 1.0
    layers.insert(1, {  # the hatching of the partial weeks, a line every ~STRIPE_PX pixels
        "data": {"values": _stripes(rows, top * STRIPE_PX / (HEIGHT * 0.8))},
        "mark": {"type": "rule", "color": "white", "strokeWidth": 1.5, "tooltip": None,
                 "aria": False},
        "encoding": {"x2": {"field": "week_end"}, "y": {"field": "at", "type": "quantitative"}}})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": t.plain("fig.weekly_load.title"), "anchor": "start"},
        "height": HEIGHT,
        "encoding": {"x": week_axis},
        "layer": layers,
        "config": {"locale": vega_locale(t)},
        "usermeta": {"embedOptions": {"renderer": "svg"}},  # text in the page: read aloud, tested
    }
