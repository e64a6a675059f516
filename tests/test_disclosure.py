"""The one small-group rule (analytics/disclosure.py), on hand-made numbers; what an official sees
of whole scenarios is in tests/test_disclosure_scenarios.py."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.disclosure import (
    hidden_rows,
    hide_small_count,
    mask_partition,
    mask_small_counts,
    safe_share,
    selectable_services,
    shown_part,
    small_scope,
    statistics_shown,
    top_group_shown,
)


@pytest.mark.parametrize(
    ("part", "total", "shown"),
    [
        (27, 30, None),   # 3 returning would follow: hidden with them
        (3, 30, None),    # a small part
        (25, 30, 25),     # 5 returning: nothing small
        (0, 30, 0),       # no newcomer: an empty group names nobody
        (30, 30, 30),     # everyone new, nobody returning
        (0, 2, None),     # a small total hides its parts too
    ],
)
def test_a_part_is_hidden_when_it_or_its_rest_is_a_small_group(
    part: int, total: int, shown: int | None
) -> None:
    assert shown_part(part, total, 5) == shown


@pytest.mark.parametrize(
    ("population", "hidden"), [(0, False), (1, True), (2, True), (4, True), (5, False), (300, False)]
)
def test_a_scope_of_1_to_4_people_is_hidden_whole(population: int, hidden: bool) -> None:
    assert small_scope(population, 5) == hidden


@pytest.mark.parametrize(
    ("participants", "shown"),
    [(30, False), (40, False), (41, True), (120, True), (0, True), (None, True)],
)
def test_the_top_tenths_share_needs_a_top_tenth_of_5_people(
    participants: int | None, shown: bool
) -> None:
    assert top_group_shown(participants, 5) == shown


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        ([10, 10, 9, 1, 0], False),  # a quartier of one participant: R = 0,12 would point at it
        ([10, 10, 9, 0, 1], False),  # one participant of no known quartier
        ([10, 10, 10, 0, 0], True),  # empty quartiers name nobody
        ([1, 1, 0, 0], False),       # two people, each in a quartier
    ],
)
def test_a_score_over_a_table_with_a_hidden_row_is_hidden(counts: list[int], shown: bool) -> None:
    assert statistics_shown(counts, 5) == shown


@pytest.mark.parametrize(
    ("value", "min_size", "shown"),
    [(0, 5, 0), (1, 5, None), (4, 5, None), (5, 5, 5), (12, 5, 12), (3, 1, 3), (None, 5, None)],
)
def test_a_single_small_count_is_hidden(value: int | None, min_size: int, shown: int | None) -> None:
    assert hide_small_count(value, min_size) == shown


@pytest.mark.parametrize(
    ("values", "min_size", "expected"),
    [
        # 1 overloaded agent and 3 participants are hidden from a protected role, 0 and 12 are not
        ({"agents.sustained_overload": 1, "engagement.participants": 3, "engagement.gini": 0.4,
          "hours.total": 2.0},
         5,
         {"agents.sustained_overload": None, "engagement.participants": None, "engagement.gini": None,
          "hours.total": 2.0}),
        ({"agents.sustained_overload": 0, "engagement.participants": 12, "engagement.gini": 0.4},
         5,
         {"agents.sustained_overload": 0, "engagement.participants": 12, "engagement.gini": 0.4}),
        # the direction's floor is 1: nothing is hidden
        ({"agents.sustained_overload": 1, "engagement.participants": 3, "engagement.gini": 0.4},
         1,
         {"agents.sustained_overload": 1, "engagement.participants": 3, "engagement.gini": 0.4}),
    ],
)
def test_protect_indicators(
    values: dict[str, float | int | None], min_size: int, expected: dict[str, float | int | None]
) -> None:
    from analytics.disclosure import protect_indicators

    before = dict(values)
    assert protect_indicators(values, min_size) == expected
    assert values == before  # pure: the input is not modified


@pytest.mark.parametrize(
    ("values", "headline", "expected"),
    [
        # 90 % of 30 participants are new: 3 returning follow, the share goes; R cannot be checked
        # without the quartiers' counts, so it goes too
        ({"engagement.participants": 30, "engagement.newcomer_share": 0.9,
          "representativeness.r_score_quartier": 0.125},
         None,
         {"engagement.participants": 30, "engagement.newcomer_share": None,
          "representativeness.r_score_quartier": None}),
        ({"engagement.participants": 30, "engagement.newcomer_share": 0.5},
         None,
         {"engagement.participants": 30, "engagement.newcomer_share": 0.5}),
        # with the Engagement page's headline, its (protected) values are shown
        ({"engagement.participants": 30, "engagement.newcomer_share": 0.9,
          "representativeness.r_score_quartier": 0.125, "hours.total": 2.0},
         {"engagement.participants": 30, "engagement.newcomer_share": None,
          "representativeness.r_score_quartier": 0.4},
         {"engagement.participants": 30, "engagement.newcomer_share": None,
          "representativeness.r_score_quartier": 0.4, "hours.total": 2.0}),
    ],
)
def test_protect_indicators_with_and_without_the_engagement_headline(
    values: dict[str, float | int | None],
    headline: dict[str, float | int | None] | None,
    expected: dict[str, float | int | None],
) -> None:
    from analytics.disclosure import protect_indicators

    assert protect_indicators(values, 5, headline) == expected


SERVICES = pd.DataFrame({"service_id": ["S1", "S2", "S3"], "service_name": ["Culture", "Sports", "Urbanisme"],
                         "agents": [12, 5, 4]})


@pytest.mark.parametrize(
    ("min_size", "kept"),
    [
        pytest.param(1, ["S1", "S2", "S3"], id="direction-every-service"),
        pytest.param(5, ["S1", "S2"], id="a-team-of-5-may-be-chosen"),
        pytest.param(13, [], id="none-large-enough"),
    ],
)
def test_the_service_filter_offers_only_teams_of_the_minimum_size(min_size: int, kept: list[str]) -> None:
    assert selectable_services(SERVICES, min_size)["service_id"].tolist() == kept
    assert SERVICES["service_id"].tolist() == ["S1", "S2", "S3"]  # not modified


def test_small_counts_and_their_shares_are_hidden() -> None:
    frame = pd.DataFrame({"group": ["a", "b", "c"], "people": [12, 3, 0], "share": [0.8, 0.2, 0.0]})
    masked = mask_small_counts(frame, 5, {"people": ["share"]})
    assert masked["people"].tolist()[0] == 12 and masked["people"].tolist()[2] == 0
    assert math.isnan(masked.loc[1, "people"]) and math.isnan(masked.loc[1, "share"])
    assert frame.loc[1, "people"] == 3  # the input is left untouched


@pytest.mark.parametrize(
    ("total", "parts", "hidden"),
    [
        # newcomers 3 of 20: hiding 3 alone would leave 20 − 17 = 3; the other part goes too
        (20, [3, 17], [True, True]),
        (20, [10, 10], [False, False]),
        # one-time 90, occasional 7, frequent 3: 3 is hidden, and the next smallest (7) with it
        (100, [90, 7, 3], [False, True, True]),
        # two small parts protect each other
        (100, [94, 3, 3], [False, True, True]),
        # a zero part is never the partner when a non-empty one exists
        (100, [97, 0, 3], [True, False, True]),
        # a small total hides everything
        (4, [3, 1], [True, True]),
    ],
)
def test_partitions_hide_a_second_cell_so_nothing_is_recomputed(
    total: int, parts: list[int], hidden: list[bool]
) -> None:
    names = [f"p{i}" for i in range(len(parts))]
    frame = pd.DataFrame([{"total": total, **dict(zip(names, parts, strict=True))}])
    masked = mask_partition(frame, 5, "total", names)
    assert [math.isnan(masked.loc[0, name]) for name in names] == hidden


def test_partition_hides_the_derived_share_with_its_count() -> None:
    frame = pd.DataFrame({"n": [20], "new": [3], "old": [17], "new_share": [0.15]})
    masked = mask_partition(frame, 5, "n", ["new", "old"], {"new": ["new_share"]})
    assert math.isnan(masked.loc[0, "new_share"])
    assert masked.loc[0, "n"] == 20


@pytest.mark.parametrize(
    ("part", "total", "expected"),
    [(3, 7, None), (4, 10, None), (6, 10, None), (5, 10, 0.5), (0, 10, 0.0), (10, 10, 1.0),
     (0, 0, None), (2, 3, None)],
)
def test_safe_share_never_reveals_a_small_group(
    part: int, total: int, expected: float | None
) -> None:
    assert safe_share(part, total, 5) == expected


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ([12, 4, 7, 9, 0], [False, True, True, False, False]),  # 4, and the next smallest (7)
        ([12, 4, 3, 9, 0], [False, True, True, False, False]),  # two small groups protect each other
        ([12, 5, 7, 9, 0], [False, False, False, False, False]),
        ([4, 0, 0], [True, False, False]),  # nobody else to hide with it
    ],
)
def test_a_lone_hidden_group_takes_the_next_smallest_with_it(
    counts: list[int], hidden: list[bool]
) -> None:
    assert hidden_rows(counts, 5).tolist() == hidden
