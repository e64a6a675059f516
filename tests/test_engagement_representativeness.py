"""Representativeness: participation rates against the population, R score, dissimilarity, χ²."""

from __future__ import annotations

import math
from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.engagement.representativeness import (
    chi_square,
    dimension_counts,
    dissimilarity,
    masked_table,
    r_score,
    representation_table,
    uncompared,
    unmatched,
)
from analytics.engagement.scope import Scope, run_query
from analytics.indicators import compute_indicators
from analytics.store.db import read_sql
from tests.test_engagement_store import PERIOD, tiny_fixture  # noqa: F401


def representation_counts(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """The rows the representativeness tab reads (``engagement/representation.sql``)."""
    return run_query(con, read_sql("engagement/representation"), scope.params())


def _table(participants: list[int], population: list[int]) -> pd.DataFrame:
    counts = pd.DataFrame({
        "category": [f"g{i}" for i in range(len(population))], "population": population,
        "participants": participants, "in_population": True,
    })
    return representation_table(counts)


def test_quartiers_of_the_tiny_town_by_hand(tiny: duckdb.DuckDBPyConnection) -> None:
    # 2025 participants living in Q1: A B H K (4 of 1000), Q2: C I (2 of 400), Q3: J (1 of 500);
    # L's quartier is unknown.
    counts = dimension_counts(representation_counts(tiny, PERIOD), "quartier")
    table = representation_table(counts).set_index("category")
    assert table["rate"].tolist() == pytest.approx([0.004, 0.005, 0.002])
    assert r_score(table) == pytest.approx(0.002 / 0.005)
    # shares 4/7, 2/7, 1/7 against 10/19, 4/19, 5/19: ½ (6 + 10 + 16) / 133
    assert dissimilarity(table) == pytest.approx(16 / 133)
    assert table.loc["Q3", "gap"] == pytest.approx(-16 / 133)
    assert unmatched(counts) == 1


@pytest.mark.parametrize(
    ("dimension", "participants", "unmatched_people"),
    [
        # quartiers: Q1 A B H K, Q2 C I, Q3 J; L unknown
        ("quartier", {"Q1": 4, "Q2": 2, "Q3": 1}, 1),
        # age bands: 15-29 I, 30-44 A H L, 60-74 C J; B (45-59) and K (75+) are not in the table
        ("age_band", {"15-29": 1, "30-44": 3, "60-74": 2}, 2),
    ],
)
def test_both_dimensions_come_from_one_query(
    tiny: duckdb.DuckDBPyConnection, dimension: str, participants: dict[str, int],
    unmatched_people: int,
) -> None:
    counts = dimension_counts(representation_counts(tiny, PERIOD), dimension)
    known = counts.loc[counts["in_population"]]
    assert dict(zip(known["category"], known["participants"], strict=True)) == participants
    assert unmatched(counts) == unmatched_people


@pytest.mark.parametrize(
    ("start", "end", "service", "level"),
    [
        (date(2025, 1, 1), date(2025, 12, 31), None, None),
        (date(2024, 1, 1), date(2024, 12, 31), None, None),  # Q1 A B G, Q2 C D, Q3 E F
        (date(2025, 1, 1), date(2025, 12, 31), "S1", None),  # A B H all in Q1 → R = 0
    ],
)
def test_r_score_agrees_with_the_catalogue(
    tiny: duckdb.DuckDBPyConnection, start: date, end: date, service: str | None,
    level: str | None,
) -> None:
    table = representation_table(
        dimension_counts(representation_counts(tiny, Scope(start, end, service, level)), "quartier")
    )
    catalogue = compute_indicators(tiny, Scope(start, end, service, level))
    assert r_score(table) == pytest.approx(catalogue["representativeness.r_score_quartier"])


def test_a_quartier_without_participants_scores_zero() -> None:
    assert r_score(_table([10, 0], [100, 100])) == 0.0
    assert r_score(_table([0, 0], [100, 100])) is None


def test_chi_square_when_every_expected_count_is_at_least_five() -> None:
    # expected 100 × (0.3, 0.3, 0.4) = 30, 30, 40; χ² = 0 + 10²/30 + 10²/40 = 35/6; p = e^(−χ²/2)
    result = chi_square(_table([30, 20, 50], [300, 300, 400]))
    assert result.shown and result.dof == 2
    assert result.statistic == pytest.approx(35 / 6)
    assert result.p_value == pytest.approx(math.exp(-35 / 12))


@pytest.mark.parametrize(
    ("participants", "population", "reason"),
    [
        ([4, 2, 1], [1000, 400, 500], "eng.chi2.small_expected"),  # 7 × 400 / 1900 ≈ 1.47
        ([0, 0], [100, 100], "eng.chi2.no_participants"),
        ([12], [100], "eng.chi2.too_few_groups"),
    ],
)
def test_chi_square_is_not_shown_and_says_why(
    participants: list[int], population: list[int], reason: str
) -> None:
    result = chi_square(_table(participants, population))
    assert not result.shown and result.reason == reason and result.statistic is None


@pytest.mark.parametrize(
    ("participants", "unmatched", "hidden", "unmatched_shown"),
    [
        # 3 is hidden; so is the next smallest group (12), or 40 − … would give it away
        ([40, 3, 0, 12], 0, [False, True, False, True], 0),
        ([40, 3, 4, 12], 0, [False, True, True, False], 0),  # two small groups cover each other
        ([40, 3, 12], 2, [False, True, False], None),  # the unknown quartier (2) covers it
        ([40, 30, 12], 0, [False, False, False], 0),
    ],
)
def test_small_groups_lose_their_count_rate_and_gap(
    participants: list[int], unmatched: int, hidden: list[bool], unmatched_shown: int | None
) -> None:
    table = _table(participants, [100] * len(participants))
    shown, unmatched_count = masked_table(table, 5, unmatched)
    assert [math.isnan(v) for v in shown["participants"]] == hidden
    assert [math.isnan(v) for v in shown["gap"]] == hidden
    assert shown["population"].tolist() == [100] * len(participants)
    assert unmatched_count == unmatched_shown


@pytest.mark.parametrize(("participants", "named", "others"), [
    ({"18-29": 40, "Retraités": 12, "Jeunes": 2, None: 3}, ["Retraités"], True),
    ({"18-29": 40, "Retraités": 5}, ["Retraités"], False),
    ({"18-29": 40, "Retraités": 4}, [], True),
    ({"18-29": 40}, [], False),
])
def test_bands_the_census_does_not_have_are_named_when_not_small(
        participants: dict[str | None, int], named: list[str], others: bool) -> None:
    counts = pd.DataFrame({
        "category": list(participants), "participants": list(participants.values()),
        "population": [1200 if category == "18-29" else None for category in participants],
        "in_population": [category == "18-29" for category in participants],
    })
    assert uncompared(counts, 5) == (named, others)


@pytest.mark.parametrize(("observed", "shares"), [
    ([30, 20], [0.5, 0.5]),
    ([12, 40, 9], [0.2, 0.5, 0.3]),
    ([5, 5, 5, 85], [0.25, 0.25, 0.25, 0.25]),
])
def test_the_chi_square_is_scipys(observed: list[int], shares: list[float]) -> None:
    import numpy as np
    from scipy import stats

    from analytics.engagement.representativeness import pearson_chi_square

    seen = np.array(observed, dtype=float)
    expected = seen.sum() * np.array(shares)
    reference = stats.chisquare(seen, expected)
    assert pearson_chi_square(seen, expected) == pytest.approx((reference.statistic, reference.pvalue),
                                                       rel=1e-12)


def test_the_chi_square_refuses_totals_that_differ_as_scipy_does() -> None:
    import numpy as np

    from analytics.engagement.representativeness import pearson_chi_square

    with pytest.raises(ValueError):
        pearson_chi_square(np.array([10.0, 10.0]), np.array([5.0, 5.0]))
