"""Small-group suppression: no group of 1 to min_size − 1 people is shown or can be recomputed (a
single count: analytics.disclosure.hide_small_count, tests/test_disclosure.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.engagement.privacy import hidden_rows, mask_partition, mask_small_counts, safe_share


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
