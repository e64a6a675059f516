"""What a reader sees in the capacity charts: one label per month, every bar named, the most loaded
agents first with their service, a legend for the colours."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.capacity.figures import (
    agent_load_heatmap,
    evenings_heatmap,
    hidden_services_figure,
    top_projects_figure,
)
from analytics.i18n import Translator

FR, EN = Translator("fr"), Translator("en")
LIMITS = (0.85, 1.00, 1.10)

EVENINGS = pd.DataFrame({
    "agent_id": ["a", "a", "b", "b", "a"],
    "agent_name": ["Alice", "Alice", "Bruno", "Bruno", "Alice"],
    "service_name": ["CCAS"] * 5,
    "month": pd.to_datetime([date(2026, 9, 1), date(2026, 10, 1), date(2026, 9, 1),
                             date(2026, 11, 1), date(2026, 11, 1)]),
    "evenings": [2, 1, 3, 1, 4],
})


def test_evenings_heatmap_names_each_month_once() -> None:
    fig = evenings_heatmap(EVENINGS, FR)
    assert list(fig.data[0].x) == ["09/2026", "10/2026", "11/2026"]
    assert fig.layout.xaxis.type == "category"
    assert list(fig.data[0].y) == ["Alice", "Bruno"]          # most evenings first (7, then 4)
    assert fig.data[0].z[0].tolist() == [2, 1, 4]


def test_hidden_hours_by_service_names_every_bar() -> None:
    services = pd.DataFrame({
        "service_id": [f"S{i}" for i in range(10)],
        "service_name": [f"Service {i}" for i in range(10)],
        "weekday_outside_hours": [10.0 - i for i in range(10)],
        "weekend_hours": [1.0] * 10, "holiday_hours": [0.0] * 10,
    })
    fig = hidden_services_figure(services, FR)
    assert fig.layout.yaxis.tickmode == "array"
    assert sorted(fig.layout.yaxis.tickvals) == sorted(services["service_name"])


AGENT_WEEKS = pd.DataFrame({
    # the load query gives its rows by service then name: Alice (CCAS) before Zoé (Urbanisme)
    "agent_id": ["a", "a", "z", "z"],
    "agent_name": ["Alice", "Alice", "Zoé", "Zoé"],
    "service_name": ["CCAS", "CCAS", "Urbanisme", "Urbanisme"],
    "week_start": pd.to_datetime([date(2026, 3, 30), date(2026, 4, 6)] * 2),
    "hours": [20.0, 20.0, 45.0, 45.0],
    "capacity_hours": [35.0] * 4,
    "load_ratio": [20 / 35, 20 / 35, 45 / 35, 45 / 35],
    "band": ["under", "under", "over", "over"],
})


@pytest.mark.parametrize(
    ("ranking", "expected"),
    [
        (["z", "a"], ["Zoé · Urbanisme", "Alice · CCAS"]),   # the most loaded agent on top
        (["a", "z"], ["Alice · CCAS", "Zoé · Urbanisme"]),
    ],
)
def test_agent_heatmap_puts_the_most_loaded_first_with_their_service(
    ranking: list[str], expected: list[str]
) -> None:
    fig = agent_load_heatmap(AGENT_WEEKS, LIMITS, FR, ranking=pd.Series(ranking))
    assert list(fig["data"][0]["y"]) == expected


PROJECTS = pd.DataFrame({
    "project_id": ["p1", "p2", "p3"],
    "project_name": ["Parc", "Budget participatif", "Lettre"],
    "level": ["coproduction", "consultation", "coproduction"],
    "hours": [900.0, 400.0, 100.0],
    "participants_reached": [120, 300, 0],
    "hours_per_participant": [7.5, 1.3, float("nan")],
})


@pytest.mark.parametrize(
    ("t", "legend"), [(FR, ["Consultation", "Coproduction"]), (EN, ["Consultation", "Co-production"])]
)
def test_project_cost_chart_has_a_legend_of_its_colours(t: Translator, legend: list[str]) -> None:
    fig = top_projects_figure(PROJECTS, t)
    shown = [trace.name for trace in fig.data if trace.showlegend is not False]
    assert sorted(shown) == sorted(legend)
    assert fig.layout.showlegend is not False
    # the bars keep their order: costliest project on top
    assert list(fig.layout.yaxis.categoryarray) == ["Lettre", "Budget participatif", "Parc"]
