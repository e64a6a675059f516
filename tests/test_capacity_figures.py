"""Figures and tables of the capacity page: what a reader sees in them, on hand-made frames."""

from __future__ import annotations

import base64
import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.capacity.figures import (
    agent_load_heatmap,
    band_labels,
    forecast_figure,
    hours_over_time_figure,
    percent_text,
    unique_labels,
)
from analytics.capacity.tables import over_capacity_text, present, styled
from analytics.i18n import Translator

FR, EN = Translator("fr"), Translator("en")
LIMITS = (0.85, 1.00, 1.10)


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


WEEKS = pd.DataFrame({
    "agent_id": ["a", "a", "b"],
    "agent_name": ["Alice", "Alice", "Alice"],          # two different people called Alice
    "week_start": pd.to_datetime([date(2026, 3, 30), date(2026, 4, 6), date(2026, 3, 30)]),
    "hours": [40.0, 0.0, 30.0],
    "capacity_hours": [35.0, 28.0, 35.0],
    "load_ratio": [40 / 35, math.nan, 30 / 35],
    "band": ["over", "missing", "near"],
})


def test_unique_labels_only_disambiguate_shared_names() -> None:
    labels = unique_labels(pd.Series(["Alice", "Alice", "Bruno", "Alice"]),
                           pd.Series(["a", "a", "b", "c"]))
    assert labels.tolist() == ["Alice (a)", "Alice (a)", "Bruno", "Alice (c)"]


@pytest.mark.parametrize(
    ("translator", "expected"),
    [(FR, ["114,3 %", "–", "85,7 %"]), (EN, ["114.3%", "–", "85.7%"])],
)
def test_percent_text(translator: Translator, expected: list[str]) -> None:
    assert [plain(text) for text in percent_text(WEEKS["load_ratio"], translator)] == expected


def test_band_labels_follow_the_limits_in_force() -> None:
    labels = {code: plain(text) for code, text in band_labels((0.8, 1.0, 1.2), FR).items()}
    assert labels == {"missing": "Aucune saisie", "under": "Moins de 80 %",
                      "near": "De 80 % à 100 %", "full": "De 100 % à 120 %",
                      "over": "Plus de 120 %"}


def grid(spec: dict[str, str]) -> np.ndarray:
    """A numeric grid of a figure's JSON (plotly writes arrays as base64 bytes with a shape)."""
    assert spec["dtype"] == "f8"
    shape = tuple(int(n) for n in spec["shape"].split(","))
    return np.frombuffer(base64.b64decode(spec["bdata"]), dtype="f8").reshape(shape)


def test_agent_heatmap_cells_and_hover() -> None:
    fig = agent_load_heatmap(WEEKS, LIMITS, FR)
    heatmap, layout = fig["data"][0], fig["layout"]
    z = grid(heatmap["z"])
    assert list(heatmap["y"]) == ["Alice (a)", "Alice (b)"]
    # codes: missing 0, under 1, near 2, full 3, over 4; b has no row in the second week → gap
    assert z[0][0] == 4 and z[0][1] == 0
    assert z[1][0] == 2 and math.isnan(z[1][1])
    assert grid(heatmap["customdata"])[0][0][0] == 40.0            # hours on hover
    load, band = heatmap["text"][0][0].split("<br>")               # load and band on hover
    assert (plain(load), plain(band)) == ("114,3 %", "Plus de 110 %")
    assert heatmap["hovertemplate"].endswith("Charge\u00a0: %{text}<extra></extra>")
    assert layout["title"]["text"] == "Charge de chaque agent par semaine (heures ÷ capacité, %)"
    assert layout["xaxis"]["title"]["text"] == "Semaine (lundi)"
    assert layout["xaxis"]["tickformat"] == "%d/%m/%Y"


def test_forecast_figure_marks_the_weeks_over_capacity() -> None:
    weeks = pd.DataFrame({
        "week_start": pd.to_datetime([date(2026, 12, 7), date(2026, 12, 14)]),
        "baseline_hours": [80.0, 64.0], "project_hours": [25.0, 5.0],
        "projected_hours": [105.0, 69.0], "capacity_hours": [100.0, 80.0],
        "over_capacity": [True, False],
    })
    fig = forecast_figure(weeks, "Équipe", EN)
    marks = [trace for trace in fig.data if trace.name == "Over capacity"]
    assert len(marks) == 1 and list(marks[0].y) == [105.0]
    assert fig.layout.yaxis.title.text == "Hours per week (h)"


def test_present_shapes_columns_for_reading() -> None:
    table = present(WEEKS, [("agent_name", "capacity.col.agent", "text"),
                            ("week_start", "capacity.col.week", "date"),
                            ("load_ratio", "capacity.col.load", "share"),
                            ("band", "capacity.col.band", "band")], FR)
    assert list(table.columns) == ["Agent", "Semaine (lundi)", "Charge (heures ÷ capacité) (%)",
                                   "Tranche de charge"]
    assert table.iloc[0].tolist()[:3] == ["Alice", date(2026, 3, 30), 114.3]
    assert plain(table.iloc[0, 3]) == "Plus de 110 %"
    html = plain(styled(table, FR).to_html())
    assert "30/03/2026" in html and "114,3" in html


def test_over_capacity_text() -> None:
    teams = pd.DataFrame({"service_name": ["CCAS", "Sports", "Culture"],
                          "peak_load_ratio": [1.25, 0.96, 0.7], "weeks_over": [3, 1, 0],
                          "weeks_without_capacity": [0, 1, 0]})
    assert plain(over_capacity_text(teams, FR)) == (
        "CCAS : 3 semaines, jusqu'à 125 % ; Sports : 1 semaine, jusqu'à 96 %, dont 1 sans "
        "aucune capacité (toute l'équipe absente)"
    )


@pytest.mark.parametrize(("t", "names"), [
    (FR, ["Réunions", "Travail ordinaire", "Animation", "réunion de chantier"]),
    (EN, ["Meetings", "Ordinary work", "Animation", "réunion de chantier"]),
])
def test_the_towns_own_activities_are_drawn_beside_the_apps(t: Translator, names: list[str]) -> None:
    frame = pd.DataFrame({
        "period_start": pd.to_datetime([date(2026, 3, 2)] * 4),
        "activity": ["meeting", "réunion de chantier", "ordinary", "Animation"],
        "hours": [3.0, 2.0, 30.0, 1.5],
    })
    figure = hours_over_time_figure(frame, "activity", "week", t)
    assert [trace.name for trace in figure.data] == names
    assert sum(float(trace.y[0]) for trace in figure.data) == 36.5


# A month the period covers in part (here 5 December of 31 days) is hatched, the others not.
@pytest.mark.parametrize(("partial", "shapes"), [
    ([date(2026, 12, 1)], ["", "", "/"]),
    ([date(2026, 10, 1), date(2026, 12, 1)], ["/", "", "/"]),
    ([], None),
])
def test_partial_months_are_hatched(partial: list[date], shapes: list[str] | None) -> None:
    frame = pd.DataFrame({
        "period_start": pd.to_datetime([date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]),
        "activity": ["ordinary"] * 3, "hours": [600.0, 610.0, 90.0],
    })
    figure = hours_over_time_figure(frame, "activity", "month", FR, partial=partial)
    found = figure.data[0].marker.pattern.shape
    assert (list(found) if found is not None else None) == shapes
