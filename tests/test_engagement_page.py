"""The page's numbers (compute_engagement) agree with the indicator catalogue, and milestones."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.engagement.milestones import milestones as milestones_in
from analytics.engagement.milestones import monthly_participants, timeline_window
from analytics.engagement.page import compute_engagement
from analytics.engagement.rotation import buckets
from analytics.engagement.scope import Scope, Window
from analytics.indicators import compute_indicators
from analytics.settings import Thresholds
from tests.test_engagement_store import PERIOD, tiny_fixture  # noqa: F401

EVERYONE = Thresholds(min_group_size=1)
# Periods of the shared tiny town (tests/fixtures/tiny, fixture tiny_store): May 2024 (ISO weeks
# 18–21) and April 2024, with its service and level filters.
SHARED_CASES = [
    (date(2024, 4, 29), date(2024, 5, 26), None, None),
    (date(2024, 4, 1), date(2024, 4, 28), None, None),
    (date(2024, 4, 29), date(2024, 5, 26), "svc_jeu", None),
    (date(2024, 4, 29), date(2024, 5, 26), None, "consultation"),
    (date(2024, 4, 29), date(2024, 5, 26), None, "coproduction"),
]
KEYS = {
    "participants": "engagement.participants",
    "newcomer_share": "engagement.newcomer_share",
    "top10_share": "engagement.top10_share",
    "gini": "engagement.gini",
    "retention": "engagement.retention",
    "r_score_quartier": "representativeness.r_score_quartier",
}


def _assert_agrees(con: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    headline = compute_engagement(con, scope, EVERYONE).headline
    catalogue = compute_indicators(con, scope)
    for field, key in KEYS.items():
        ours, theirs = getattr(headline, field), catalogue[key]
        assert (ours is None) == (theirs is None), key
        if theirs is not None:
            assert ours == pytest.approx(theirs), key


@pytest.mark.parametrize(("start", "end", "service", "level"), SHARED_CASES)
def test_headline_agrees_with_the_catalogue_on_the_shared_tiny_town(
    tiny_store: duckdb.DuckDBPyConnection, start: date, end: date, service: str | None,
    level: str | None,
) -> None:
    _assert_agrees(tiny_store, Scope(start, end, service, level))


@pytest.mark.parametrize(("start", "end", "service", "level"), SHARED_CASES)
def test_the_headline_scores_are_the_representativeness_sections(
    tiny_store: duckdb.DuckDBPyConnection, start: date, end: date, service: str | None,
    level: str | None,
) -> None:
    # the headline counts its representation rows in its own query (sql/engagement/headline.sql)
    data = compute_engagement(tiny_store, Scope(start, end, service, level), EVERYONE)
    shown = data.representativeness.representation
    assert (data.headline.r_score_quartier, data.headline.dissimilarity_quartier,
            data.headline.r_score_age, data.headline.dissimilarity_age) == (
        shown["quartier"].r_score, shown["quartier"].dissimilarity,
        shown["age_band"].r_score, shown["age_band"].dissimilarity)


def test_headline_of_the_engagement_tiny_town_by_hand(tiny: duckdb.DuckDBPyConnection) -> None:
    headline = compute_engagement(tiny, PERIOD, EVERYONE).headline
    assert headline.participants == 8 and headline.attendances == 12
    assert headline.newcomer_share == pytest.approx(5 / 8)
    assert headline.retention == pytest.approx(3 / 7)
    assert headline.r_score_quartier == pytest.approx(0.4)
    _assert_agrees(tiny, PERIOD)


def test_the_headline_hides_what_would_reveal_a_small_group(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    headline = compute_engagement(tiny, PERIOD, Thresholds(min_group_size=5)).headline
    assert headline.participants == 8
    assert headline.retention is None  # 3 of 7 came back: 3 people
    assert headline.lapsed_12m is None  # 4 lapsed
    tiny_period = Scope(date(2025, 2, 1), date(2025, 2, 28))  # E3 only: A B H
    assert compute_engagement(tiny, tiny_period, Thresholds(min_group_size=5)).headline.hidden


def test_milestones_beside_monthly_participants(tiny: duckdb.DuckDBPyConnection) -> None:
    window = timeline_window(PERIOD)
    assert window == Window(date(2024, 1, 1), date(2025, 12, 31))  # widened to 24 months
    found = milestones_in(tiny, PERIOD, window)
    assert found["title"].tolist() == ["Premières plantations", "Vote du budget"]
    assert found["level"].tolist() == ["coproduction", "information"]
    only_s2 = milestones_in(tiny, Scope(PERIOD.start, PERIOD.end, service="S2"), window)
    assert only_s2["title"].tolist() == ["Vote du budget"]
    monthly = monthly_participants(buckets(tiny, PERIOD), window).set_index("month_start")
    assert len(monthly) == 24
    assert monthly.loc["2024-03-01", "participants"] == 6  # E1
    assert monthly.loc["2025-10-01", "participants"] == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_empty_store_gives_an_empty_page_not_an_error(
    empty_store: duckdb.DuckDBPyConnection, lang: str
) -> None:
    from analytics.engagement.sections import sections
    from analytics.engagement.tables import format_table
    from analytics.i18n import Translator

    data = compute_engagement(empty_store, PERIOD, Thresholds())
    assert data.headline.hidden and data.headline.participants == 0
    t = Translator(lang)
    built = sections(data, t)
    assert sum(len(s.figures) for s in built) == 16
    for section in built:
        for table in section.tables:
            assert format_table(table, t).empty


# The engagement tiny town's data start with event E1 on 10 March 2024: whoever came before is counted
# as a newcomer at their first recorded event, the first cohort has no history. The page says so.
@pytest.mark.parametrize(("start", "end", "key", "fragment"), [
    (date(2025, 1, 1), date(2025, 12, 31), "rotation",
     "Les données de participation commencent le 10 mars 2024"),
    (date(2025, 1, 1), date(2025, 12, 31), "cohorts", "10 mars 2024"),
    (date(2025, 1, 1), date(2025, 12, 31), "fatigue", "10 mars 2024"),
])
def test_the_start_of_the_data_is_named_where_it_shapes_the_figures(
    tiny: duckdb.DuckDBPyConnection, start: date, end: date, key: str, fragment: str
) -> None:
    from analytics.engagement.sections import sections
    from analytics.i18n import Translator

    data = compute_engagement(tiny, Scope(start, end), EVERYONE)
    section = next(s for s in sections(data, Translator("fr")) if s.key == key)
    assert any(fragment in note for note in section.notes)


@pytest.mark.parametrize(("start", "inflated"), [
    (date(2024, 6, 1), True),   # less than a year after the data start: anyone may look new
    (date(2025, 1, 1), True),
    (date(2025, 3, 10), False),  # a whole year of history before the period
])
def test_the_newcomer_share_warns_when_the_period_starts_with_the_data(
    tiny: duckdb.DuckDBPyConnection, start: date, inflated: bool
) -> None:
    from analytics.engagement.sections import sections
    from analytics.i18n import Translator

    data = compute_engagement(tiny, Scope(start, date(2025, 12, 31)), EVERYONE)
    rotation = next(s for s in sections(data, Translator("fr")) if s.key == "rotation")
    share = next(m for m in rotation.metrics if m.label == "Part de nouveaux venus")
    assert ("commence moins d'un an après le début des données" in (share.help or "")) is inflated


# Rotation per quarter and year: the first year starts with the data (10 March 2024), the last stops
# at the period's end. Both are hatched on the charts and named with their days.
@pytest.mark.parametrize(("end", "note"), [
    (date(2025, 12, 31), "Années partielles, hachurées (moins de jours, pas une baisse) : 2024, "
                         "297 jours sur 366."),
    (date(2025, 12, 5), "Années partielles, hachurées (moins de jours, pas une baisse) : 2024, "
                        "297 jours sur 366 ; 2025, 339 jours sur 365."),
    (date(2025, 12, 5), "Trimestres partiels, hachurés (moins de jours, pas une baisse) : T1 2024, "
                        "22 jours sur 91."),  # no participant in Q4 2025: no bar to hatch
])
def test_partial_years_and_quarters_of_the_rotation_charts(
    tiny: duckdb.DuckDBPyConnection, end: date, note: str
) -> None:
    from analytics.engagement.sections import sections
    from analytics.i18n import Translator

    data = compute_engagement(tiny, Scope(date(2025, 1, 1), end), EVERYONE)
    rotation = next(s for s in sections(data, Translator("fr")) if s.key == "rotation")
    assert note in rotation.notes
    years = rotation.figures[1]["data"][0]
    assert list(years["x"]) == ["2024", "2025"]
    assert years["marker"]["pattern"]["shape"][0] == "/"


def test_partial_months_of_the_milestones_chart(tiny: duckdb.DuckDBPyConnection) -> None:
    """The 24 months up to Friday 5 December 2025: March 2024 starts with the data (10 March), December
    2025 stops on the 5th; both are hatched and named."""
    from analytics.engagement.sections import sections
    from analytics.i18n import Translator

    data = compute_engagement(tiny, Scope(date(2025, 1, 1), date(2025, 12, 5)), EVERYONE)
    section = next(s for s in sections(data, Translator("fr")) if s.key == "milestones")
    assert ("Mois partiels, hachurés (moins de jours, pas une baisse) : mars 2024, 22 jours sur 31 ; "
            "décembre 2025, 5 jours sur 31.") in section.notes
    bars = section.figures[0]["data"][0]
    shapes = dict(zip(pd.to_datetime(bars["x"]).strftime("%Y-%m"), bars["marker"]["pattern"]["shape"],
                      strict=True))
    assert (shapes["2024-03"], shapes["2024-04"], shapes["2025-12"]) == ("/", "", "/")


# The fatigue tab shows counts of volunteers as "–" when fewer than the minimum: it says why, as the
# representativeness tab does, for the roles the rule applies to (min_group_size > 1).
@pytest.mark.parametrize(("key", "min_size", "named"), [
    ("fatigue", 5, True),
    ("fatigue", 1, False),
    ("representativeness", 5, True),
])
def test_a_tab_with_hidden_small_groups_says_what_the_dash_means(
    tiny: duckdb.DuckDBPyConnection, key: str, min_size: int, named: bool
) -> None:
    from analytics.engagement.sections import sections
    from analytics.i18n import Translator

    data = compute_engagement(tiny, Scope(date(2025, 1, 1), date(2025, 12, 31)),
                              Thresholds(min_group_size=min_size))
    section = next(s for s in sections(data, Translator("fr")) if s.key == key)
    rule = f"tout groupe de moins de {min_size} personnes est masqué (–)"
    assert any(rule in note for note in section.notes) is named
