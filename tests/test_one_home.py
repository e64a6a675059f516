"""One home per number: wherever a catalogue number is shown (the overview's and the capacity page's
tiles, the Engagement page's headline, its representativeness tab, the command line), it is the one
computed by :func:`analytics.indicators.compute_indicators` — the same value, on the demo town."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from analytics.engagement.headline import compute_overview
from analytics.engagement.page import representativeness_part
from analytics.indicators import compute_indicators
from analytics.overview import weekly_load
from analytics.scope import Scope
from analytics.settings import Thresholds

PERIODS = [
    pytest.param(Scope(date(2026, 1, 5), date(2026, 6, 28)), id="half-year"),
    pytest.param(Scope(date(2025, 1, 6), date(2025, 12, 28)), id="year"),
    pytest.param(Scope(date(2026, 3, 2), date(2026, 5, 31), level="consultation"), id="level"),
    pytest.param(Scope(date(2025, 6, 2), date(2026, 5, 31), service="SVC-PART"), id="service"),
]
OPEN = Thresholds(min_group_size=1)  # nothing suppressed: every figure shown


def catalogue(con: duckdb.DuckDBPyConnection, scope: Scope, keys: tuple[str, ...] | None = None
              ) -> dict[str, float | int | None]:
    extra = {} if keys is None else {"keys": keys}
    return compute_indicators(con, scope, thresholds=OPEN, **extra)


@pytest.mark.parametrize("scope", PERIODS)
def test_engagement_headline_tab_and_catalogue_agree(
    demo_con: duckdb.DuckDBPyConnection, scope: Scope
) -> None:
    values = catalogue(demo_con, scope)
    headline = compute_overview(demo_con, scope, OPEN).headline
    tab = representativeness_part(demo_con, scope, OPEN.min_group_size).representation["quartier"]
    assert values["engagement.participants"] and values["engagement.participants"] > 0
    assert headline.participants == values["engagement.participants"]
    assert headline.newcomer_share == values["engagement.newcomer_share"]
    assert headline.newcomers == round(values["engagement.newcomer_share"] * headline.participants)
    assert headline.gini == values["engagement.gini"]
    assert headline.top10_share == values["engagement.top10_share"]
    assert headline.retention == values["engagement.retention"]
    assert headline.r_score_quartier == tab.r_score == values["representativeness.r_score_quartier"]


@pytest.mark.parametrize("scope", PERIODS)
def test_overview_and_capacity_tiles_give_the_same_load_ratio(
    demo_con: duckdb.DuckDBPyConnection, scope: Scope
) -> None:
    from dashboard.capacity_loaders import TILES
    from dashboard.loaders import OVERVIEW_COMPUTED

    whole = catalogue(demo_con, scope)["capacity.load_ratio"]
    overview = catalogue(demo_con, scope, OVERVIEW_COMPUTED)["capacity.load_ratio"]
    capacity = catalogue(demo_con, scope, TILES)["capacity.load_ratio"]
    assert whole is not None and overview == capacity == whole
    # the overview's weekly chart covers the same whole weeks: its sums give the tile's ratio
    weeks = weekly_load(demo_con, scope)
    assert weeks["hours"].sum() / weeks["capacity_hours"].sum() == pytest.approx(whole, rel=1e-9)


@pytest.mark.parametrize("scope", PERIODS)
def test_legal_and_overload_counts_are_the_lengths_of_their_lists(
    demo_con: duckdb.DuckDBPyConnection, scope: Scope
) -> None:
    from analytics.capacity.legal import RULES, legal_findings
    from analytics.capacity.overload import overload_runs
    from analytics.overview import tile_counts

    values = catalogue(demo_con, scope)
    findings = legal_findings(demo_con, scope, OPEN)
    runs = overload_runs(demo_con, scope, OPEN)
    counts = tile_counts(findings, runs)
    assert {key: values[key] for key in counts} == counts
    assert set(counts) == {f"legal.{rule}" for rule in RULES} | {"agents.sustained_overload"}


@pytest.mark.parametrize("year", [2024, 2025])
def test_newcomers_of_a_year_are_the_same_in_the_headline_and_the_rotation_tab(
    demo_con: duckdb.DuckDBPyConnection, year: int
) -> None:
    """The rotation tab counts newcomers per year from participation_buckets; the catalogue and the
    headline from participant_first_all: on a calendar year they name the same people."""
    from analytics.engagement.page import rotation_part

    scope = Scope(date(year, 1, 1), date(year, 12, 31))
    values = catalogue(demo_con, scope)
    headline = compute_overview(demo_con, scope, OPEN).headline
    years = rotation_part(demo_con, scope, OPEN.min_group_size).rotation_year
    row = years[years["bucket_start"].dt.year == year].iloc[0]
    assert headline.newcomers == row["newcomers"] > 0
    assert headline.participants == row["participants"] == values["engagement.participants"]
    assert row["newcomer_share"] == pytest.approx(values["engagement.newcomer_share"], rel=1e-12)
