"""Concentration: top-10 % share, Gini and Lorenz curve, by hand and against the catalogue."""

from __future__ import annotations

import math
from datetime import date

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.engagement.concentration import (
    concentration,
    concentration_table,
    gini,
    histograms,
    lorenz_curve,
    top_share,
)
from analytics.engagement.scope import Scope
from analytics.indicators import compute_indicators
from tests.test_engagement_store import PERIOD, tiny_fixture  # noqa: F401


@pytest.mark.parametrize(
    ("counts", "top10", "gini_value"),
    [
        # n = 4, Σx = 10, top ⌈4/10⌉ = 1 person with 6; Σ i·x = 1 + 2 + 6 + 24 = 33 → (66 − 50) / 40
        ([1, 1, 2, 6], 6 / 10, 16 / 40),
        # everybody equal: Gini 0; the top person holds 3 of 15
        ([3, 3, 3, 3, 3], 3 / 15, 0.0),
        ([7], 1.0, 0.0),
        # 11 people: ten came once, one came 10 times; top ⌈11/10⌉ = 2 → (10 + 1) / 20;
        # Σ i·x = 55 + 11·10 = 165 → (330 − 12·20) / (11·20) = 90 / 220
        ([1] * 10 + [10], 11 / 20, 90 / 220),
        # the tiny town in 2025: A 3, B 2, H 2, five people once; Σ i·x = 1+2+3+4+5+12+14+24 = 65
        ([3, 2, 2, 1, 1, 1, 1, 1], 3 / 12, (130 - 9 * 12) / (8 * 12)),
    ],
)
def test_top_share_and_gini_by_hand(counts: list[int], top10: float, gini_value: float) -> None:
    people = [1] * len(counts)
    assert top_share(counts, people) == pytest.approx(top10)
    assert gini(counts, people) == pytest.approx(gini_value)


@pytest.mark.parametrize("counts", [[], [0, 0]])
def test_no_attendance_means_undefined(counts: list[int]) -> None:
    figures = concentration(counts, [1] * len(counts))
    assert figures.top10_share is None and figures.gini is None


def test_a_histogram_gives_the_same_figures_as_the_list_of_people() -> None:
    # [1, 1, 2, 6] as a histogram: two people with 1, one with 2, one with 6 (unordered bins)
    figures = concentration([6, 1, 2], [1, 2, 1])
    assert (figures.participants, figures.attendances) == (4, 10)
    assert figures.top10_share == pytest.approx(0.6) and figures.gini == pytest.approx(0.4)


def _catalogue_gini(counts: list[int]) -> float:
    """The catalogue's formula, written out on the sorted list of people."""
    x = sorted(counts)
    n, total = len(x), sum(x)
    return (2 * sum(i * v for i, v in enumerate(x, start=1)) - (n + 1) * total) / (n * total)


@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=60))
def test_histogram_formulas_match_the_catalogue_formula(counts: list[int]) -> None:
    values = sorted(set(counts))
    people = [counts.count(v) for v in values]
    assert gini(values, people) == pytest.approx(_catalogue_gini(counts), abs=1e-12)
    k = math.ceil(len(counts) / 10)
    expected_top = sum(sorted(counts, reverse=True)[:k]) / sum(counts)
    assert top_share(values, people) == pytest.approx(expected_top)


def test_lorenz_curve_by_hand() -> None:
    curve = lorenz_curve([1, 2, 6], [2, 1, 1])  # people 1, 1, 2, 6 (10 attendances)
    assert curve["people_share"].tolist() == pytest.approx([0, 0.5, 0.75, 1])
    assert curve["attendance_share"].tolist() == pytest.approx([0, 0.2, 0.4, 1])


def test_concentration_by_group_on_the_tiny_town(tiny: duckdb.DuckDBPyConnection) -> None:
    table = concentration_table(histograms(tiny, PERIOD), min_group_size=1).set_index(
        ["dimension", "group_key"]
    )
    # 2024: A 2, B 2, C D E F G once → n 7, 9 attendances, top 1 person with 2 of 9
    assert table.loc[("year", "2024"), "participants"] == 7
    assert table.loc[("year", "2024"), "top10_share"] == pytest.approx(2 / 9)
    # site work in 2025: A B H twice each → everybody equal
    assert table.loc[("event_kind", "site_work"), "gini"] == pytest.approx(0.0)
    assert table.loc[("level", "information"), "participants"] == 6


def test_groups_under_the_minimum_size_lose_their_numbers(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    table = concentration_table(histograms(tiny, PERIOD), min_group_size=5).set_index(
        ["dimension", "group_key"]
    )
    assert math.isnan(table.loc[("level", "coproduction"), "gini"])  # A B H: 3 people
    assert table.loc[("period", "all"), "gini"] == pytest.approx(22 / 96)


@pytest.mark.parametrize(
    ("start", "end", "service", "level"),
    [
        (date(2025, 1, 1), date(2025, 12, 31), None, None),
        (date(2024, 1, 1), date(2024, 12, 31), None, None),
        (date(2025, 1, 1), date(2025, 12, 31), "S1", None),
        (date(2025, 1, 1), date(2025, 12, 31), None, "information"),
    ],
)
def test_period_concentration_agrees_with_the_catalogue(
    tiny: duckdb.DuckDBPyConnection, start: date, end: date, service: str | None,
    level: str | None,
) -> None:
    hist = histograms(tiny, Scope(start, end, service, level))
    period = hist.loc[hist["dimension"] == "period"]
    figures = concentration(period["attendances_per_person"], period["participants"])
    catalogue = compute_indicators(tiny, Scope(start, end, service, level))
    assert figures.participants == catalogue["engagement.participants"]
    assert figures.top10_share == pytest.approx(catalogue["engagement.top10_share"])
    assert figures.gini == pytest.approx(catalogue["engagement.gini"])


@pytest.mark.parametrize(
    ("values", "people", "points"),
    [
        # 10 people: 6 came once, 3 twice, 1 ten times (22 attendances). The step of the one most
        # active person (0.9 → 1) would show their share: segments of at least 5 people only, the
        # point between them taken on the curve itself (5 people who came once: 5 of 22)
        ([1, 2, 10], [6, 3, 1], [(0.0, 0.0), (0.5, 5 / 22), (1.0, 1.0)]),
        # steps of at least 5 people stay as they are
        ([1, 2], [5, 5], [(0.0, 0.0), (0.5, 5 / 15), (1.0, 1.0)]),
        ([1, 2, 3], [5, 6, 5], [(0.0, 0.0), (5 / 16, 5 / 32), (11 / 16, 17 / 32), (1.0, 1.0)]),
        # 12 people in 4 steps of 3: 5 least active (3 once, 2 twice: 7 of 30), then 7
        ([1, 2, 3, 4], [3, 3, 3, 3], [(0.0, 0.0), (5 / 12, 7 / 30), (1.0, 1.0)]),
    ],
)
def test_no_step_of_the_lorenz_curve_describes_fewer_than_5_people(
    values: list[int], people: list[int], points: list[tuple[float, float]]
) -> None:
    curve = lorenz_curve(values, people, min_group_size=5)
    assert list(zip(curve["people_share"], curve["attendance_share"], strict=True)) == [
        pytest.approx(point) for point in points]
