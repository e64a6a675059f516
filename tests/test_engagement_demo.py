"""On the demo town, the Engagement page shows the story the demo contains: public meetings slowly
eroding, a heavy-tailed core of very active residents, an under-represented quartier — and every
number agrees with the indicator catalogue."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from analytics.demo import STORY_QUARTIER, STORY_SERVICE_ID
from analytics.engagement.page import EngagementData, compute_engagement
from analytics.engagement.scope import Scope
from analytics.engagement.sections import SECTION_KEYS
from analytics.indicators import compute_indicators
from analytics.settings import Thresholds

AS_OF = date(2026, 11, 30)
LAST_12_MONTHS = Scope(date(2025, 12, 1), AS_OF)


@pytest.fixture(scope="module")
def demo_year(demo_con: duckdb.DuckDBPyConnection) -> EngagementData:
    return compute_engagement(demo_con, LAST_12_MONTHS, Thresholds())


def test_public_meeting_attendance_per_event_is_eroding(demo_year: EngagementData) -> None:
    trends = demo_year.fatigue.attendance_trends.set_index(["dimension", "group_key"])
    meetings = trends.loc[("event_kind", "public_meeting")]
    assert meetings["slope"] < 0
    assert meetings["high"] < 0  # the whole 95 % interval is below zero
    assert meetings["direction"] == "down"


def test_a_heavy_tailed_core_makes_a_large_share_of_attendances(demo_year: EngagementData) -> None:
    headline = demo_year.headline
    assert headline.top10_share is not None and headline.top10_share > 0.35
    assert headline.gini is not None and headline.gini > 0.4
    # the Lorenz curve: the least active half of the participants make under a quarter of them
    lorenz = demo_year.concentration.lorenz
    half = np.interp(0.5, lorenz["people_share"], lorenz["attendance_share"])
    assert half < 0.25


def test_the_story_quartier_has_the_lowest_participation_rate(demo_year: EngagementData) -> None:
    quartiers = demo_year.representativeness.representation["quartier"]
    table = quartiers.table
    assert table.loc[table["rate"].idxmin(), "category"] == STORY_QUARTIER
    assert quartiers.chi_square.shown


@pytest.mark.parametrize(
    ("start", "end", "service", "level"),
    [
        (date(2025, 12, 1), AS_OF, None, None),
        (date(2026, 9, 1), AS_OF, None, None),
        (date(2024, 1, 1), date(2024, 12, 31), None, None),
        (date(2025, 12, 1), AS_OF, STORY_SERVICE_ID, None),
        (date(2025, 12, 1), AS_OF, None, "coproduction"),
        (date(2025, 12, 1), AS_OF, None, "information"),
    ],
)
def test_headline_agrees_with_the_catalogue_on_the_demo(
    demo_con: duckdb.DuckDBPyConnection, start: date, end: date, service: str | None,
    level: str | None,
) -> None:
    headline = compute_engagement(
        demo_con, Scope(start, end, service, level), Thresholds(min_group_size=1)
    ).headline
    catalogue = compute_indicators(demo_con, Scope(start, end, service, level))
    assert headline.participants == catalogue["engagement.participants"]
    for field, key in [("newcomer_share", "engagement.newcomer_share"),
                       ("top10_share", "engagement.top10_share"), ("gini", "engagement.gini"),
                       ("retention", "engagement.retention"),
                       ("r_score_quartier", "representativeness.r_score_quartier")]:
        assert getattr(headline, field) == pytest.approx(catalogue[key]), key


def _people_counts(frame: pd.DataFrame) -> list[float]:
    columns = [c for c in frame.columns if c in {
        "participants", "newcomers", "returning", "one_time", "occasional", "frequent",
        "previous_active", "still_active", "lapsed", "cohort_size",
    }]
    return [v for c in columns for v in pd.to_numeric(frame[c], errors="coerce").dropna()]


def test_no_small_group_is_shown_even_for_a_small_service(
    demo_con: duckdb.DuckDBPyConnection,
) -> None:
    data = compute_engagement(
        demo_con, Scope(date(2026, 9, 1), AS_OF, STORY_SERVICE_ID, "coproduction"), Thresholds()
    )
    parts = [data.part(key) for key in SECTION_KEYS]
    frames = [getattr(part, f.name) for part in parts for f in fields(part)
              if isinstance(getattr(part, f.name), pd.DataFrame) and f.name != "volunteers"]
    frames += [rep.table for rep in data.representativeness.representation.values()]
    counts = [v for frame in frames for v in _people_counts(frame)]
    assert counts and not [v for v in counts if 0 < v < 5]
