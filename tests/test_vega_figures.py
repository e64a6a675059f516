"""The overview's weekly chart as a vega-lite spec: what a reader sees in it (title, axes with units,
numbers the language's way, the three numbers of a week, partial weeks lighter and hatched)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.i18n import Translator
from analytics.vega_figures import weekly_load_chart, weekly_rows

WEEKS = pd.DataFrame({
    "week_start": pd.to_datetime(["2026-11-16", "2026-11-23", "2026-11-30"]),
    "hours": [3000.0, 3100.0, 600.0],
    "participation_hours": [300.0, 400.0, 50.0],
    "capacity_hours": [3600.0, 3600.0, 3700.0],
})
LAST = date(2026, 11, 30)


@pytest.mark.parametrize(("lang", "title", "x", "y", "separators"), [
    ("fr", "Heures travaillées par semaine et capacité des agents", "Semaine (lundi)",
     "Heures par semaine (h)", (",", "\u202f")),
    ("en", "Hours worked per week and agents' capacity", "Week (Monday)", "Hours per week (h)",
     (".", ",")),
])
def test_title_axes_and_numbers_in_the_language(
    lang: str, title: str, x: str, y: str, separators: tuple[str, str]
) -> None:
    spec = weekly_load_chart(WEEKS, Translator(lang))
    number = spec["config"]["locale"]["number"]
    assert spec["title"]["text"] == title
    assert (spec["encoding"]["x"]["title"], spec["layer"][0]["encoding"]["y"]["title"]) == (x, y)
    assert (number["decimal"], number["thousands"]) == separators
    assert spec["encoding"]["x"]["axis"]["format"] == "%d/%m/%y"


@pytest.mark.parametrize(("monday", "ordinary", "participation", "capacity", "partial"), [
    ("2026-11-16T00:00:00", 2700.0, 300.0, 3600.0, False),
    ("2026-11-23T00:00:00", 2700.0, 400.0, 3600.0, False),
    ("2026-11-30T00:00:00", 550.0, 50.0, 3700.0, True),
])
def test_one_row_per_week_with_its_three_numbers(
    monday: str, ordinary: float, participation: float, capacity: float, partial: bool
) -> None:
    rows = {row["week"]: row for row in weekly_rows(WEEKS, [LAST])}
    row = rows[monday]
    assert (row["ordinary"], row["participation"], row["capacity"], row["partial"]) == (
        ordinary, participation, capacity, partial)


def test_only_the_partial_week_is_lighter_and_hatched() -> None:
    spec = weekly_load_chart(WEEKS, Translator("fr"), [LAST])
    bars, hatching, line = spec["layer"]
    assert bars["encoding"]["opacity"]["condition"] == {"test": "datum.partial", "value": 0.55}
    assert {rule["week"] for rule in hatching["data"]["values"]} == {"2026-11-30T00:00:00"}
    assert max(rule["at"] for rule in hatching["data"]["values"]) <= 600.0  # within the bar
    assert [p["series"] for p in line["data"]["values"]] == ["Capacité contractuelle"] * 4


def test_the_capacity_line_runs_over_the_last_week_too() -> None:
    """A step line ends on its last point: one more point, at the last week's end, draws the last
    week's capacity over its bar instead of a drop at its Monday."""
    line = weekly_load_chart(WEEKS, Translator("fr"))["layer"][-1]["data"]["values"]
    assert [(p["week"], p["capacity"]) for p in line[-2:]] == [
        ("2026-11-30T00:00:00", 3700.0), ("2026-12-06T00:00:00", 3700.0)]


def test_the_tooltip_gives_the_weeks_three_numbers_in_hours() -> None:
    tooltip = weekly_load_chart(WEEKS, Translator("fr"))["layer"][0]["encoding"]["tooltip"]
    assert [(tip["title"], tip.get("format")) for tip in tooltip] == [
        ("Semaine (lundi)", "%d/%m/%Y"), ("Travail ordinaire (h)", ",.0f"),
        ("Projets participatifs (h)", ",.0f"), ("Capacité contractuelle (h)", ",.0f")]
