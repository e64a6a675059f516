"""Small-group suppression: hand-made tables, masks written by hand (X = hidden)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.disclosure import (
    hide_small_count,
    merge_small_groups,
    selectable_services,
    suppress_small_counts,
)

MIN = 5


def hidden(mask: pd.DataFrame) -> set[tuple[str, str]]:
    """The (row, column) cells a mask hides."""
    return {(row, col) for row in mask.index for col in mask.columns if mask.loc[row, col]}


def quartiers(counts: list[int], total: bool = True) -> pd.DataFrame:
    labels = ["Centre", "Nord", "Sud", "Est"][: len(counts)]
    frame = pd.DataFrame({"participants": counts}, index=labels)
    if total:
        frame.loc["Total"] = sum(counts)
    return frame


# One-way table, participants per quartier, minimum 5:
#
#   Centre 12 | Nord 4 | Sud 7 | Est 9 | Total 32
#
# Nord (4) is under 5: hidden (primary). Alone, it would be 32 − 12 − 7 − 9 = 4 again, so the
# next-smallest count of the column is hidden too: Sud (7). Now Nord + Sud = 11 is all one can tell.
def test_a_group_of_4_is_hidden_with_its_complementary_cell_in_a_one_way_table() -> None:
    table = quartiers([12, 4, 7, 9])
    result = suppress_small_counts(table, ["participants"], MIN, total_row="Total")
    assert hidden(result.mask) == {("Nord", "participants"), ("Sud", "participants")}
    assert hidden(result.primary) == {("Nord", "participants")}
    shown = result.frame["participants"]
    assert shown["Centre"] == 12 and shown["Est"] == 9 and shown["Total"] == 32
    assert shown.isna().sum() == 2
    assert result.unprotected == ()


# Two-way table, participants per quartier and age band, minimum 5:
#
#            18-29  30-59  60+  | Total
#   Centre      6     10     8  |   24
#   Nord        4      9     7  |   20
#   Sud         5     12     6  |   23
#   Total      15     31    21  |   67
#
# Nord/18-29 (4) is primary. Its row and its column each need a second hidden cell, and so on until
# every hidden cell shares its row and its column with another: the cheapest such rectangle through
# Nord/18-29 costs Nord/60+ 7 + Sud/60+ 6 + Sud/18-29 5 = 18; the others cost more
# (via Centre/60+: 7 + 8 + 6 = 21; via 30-59 and Centre: 9 + 10 + 6 = 25; via 30-59 and Sud:
# 9 + 12 + 5 = 26; through a total: at least 20).
TWO_WAY = pd.DataFrame(
    {"18-29": [6, 4, 5, 15], "30-59": [10, 9, 12, 31], "60+": [8, 7, 6, 21], "Total": [24, 20, 23, 67]},
    index=["Centre", "Nord", "Sud", "Total"],
)
TWO_WAY_HIDDEN = {("Nord", "18-29"), ("Nord", "60+"), ("Sud", "18-29"), ("Sud", "60+")}


def test_a_group_of_4_is_hidden_with_its_complementary_cells_in_a_two_way_table() -> None:
    result = suppress_small_counts(
        TWO_WAY, ["18-29", "30-59", "60+"], MIN, total_row="Total", total_column="Total"
    )
    assert hidden(result.mask) == TWO_WAY_HIDDEN
    assert hidden(result.primary) == {("Nord", "18-29")}
    assert result.frame.loc["Nord", "Total"] == 20 and result.frame.loc["Total", "18-29"] == 15


def test_without_printed_totals_the_public_margins_still_call_for_the_same_cells() -> None:
    inner = TWO_WAY.drop(index="Total", columns="Total")
    result = suppress_small_counts(inner, ["18-29", "30-59", "60+"], MIN)
    assert hidden(result.mask) == TWO_WAY_HIDDEN


@pytest.mark.parametrize(
    ("counts", "margins_public", "expected"),
    [
        # the total (32) is known elsewhere: Nord needs a partner, the next smallest, Sud 7
        ([12, 4, 7, 9], True, {"Nord", "Sud"}),
        # no total anywhere: nothing to recompute Nord from
        ([12, 4, 7, 9], False, {"Nord"}),
        # zeros stay shown and are no partner: Sud 3 is hidden with Est 9, not with Nord 0
        ([12, 0, 3, 9], True, {"Sud", "Est"}),
        # two small groups protect each other: Nord + Sud = 6 cannot be split
        ([12, 4, 2, 9], True, {"Nord", "Sud"}),
        # nothing small: nothing hidden
        ([12, 5, 7, 0], True, set()),
    ],
)
def test_one_way_tables_without_a_printed_total(
    counts: list[int], margins_public: bool, expected: set[str]
) -> None:
    result = suppress_small_counts(
        quartiers(counts, total=False), ["participants"], MIN, margins_public=margins_public
    )
    assert {row for row, _ in hidden(result.mask)} == expected


def test_a_small_printed_total_is_hidden_with_the_groups_it_sums() -> None:
    # Centre 3 | Nord 1 | Sud 0 | Total 4: every non-zero count is under 5, the total too.
    table = quartiers([3, 1, 0])
    private = suppress_small_counts(table, ["participants"], MIN, total_row="Total", margins_public=False)
    assert {row for row, _ in hidden(private.mask)} == {"Centre", "Nord", "Total"}
    assert private.frame.loc["Sud", "participants"] == 0
    assert private.unprotected == ()
    # If the grand total (4) is published elsewhere, hiding the printed one protects nothing: said so.
    public = suppress_small_counts(table, ["participants"], MIN, total_row="Total")
    assert public.unprotected == (("Total", "participants"),)


def test_a_one_cell_table_whose_total_is_public_cannot_be_protected() -> None:
    result = suppress_small_counts(pd.DataFrame({"n": [3]}, index=["Nord"]), ["n"], MIN)
    assert result.unprotected == (("Nord", "n"),)


def test_the_direction_floor_of_1_hides_nothing() -> None:
    result = suppress_small_counts(TWO_WAY, ["18-29", "30-59", "60+"], 1, total_row="Total",
                                   total_column="Total")
    assert result.hidden_cells == 0
    assert result.frame.equals(TWO_WAY.astype("Int64"))


def test_the_input_is_not_modified() -> None:
    table = quartiers([12, 4, 7, 9])
    before = table.copy()
    suppress_small_counts(table, ["participants"], MIN, total_row="Total")
    pd.testing.assert_frame_equal(table, before)


@pytest.mark.parametrize(
    ("frame", "kwargs", "message"),
    [
        (pd.DataFrame({"n": [3, None]}), {}, "missing"),
        (pd.DataFrame({"n": [3, -1]}), {}, "whole numbers"),
        (pd.DataFrame({"n": [3, 2.5]}), {}, "whole numbers"),
        (pd.DataFrame({"n": [3, 4, 8]}, index=["a", "b", "Total"]), {"total_row": "Total"}, "sum"),
        (pd.DataFrame({"n": [3, 4]}, index=["a", "a"]), {}, "unique"),
    ],
)
def test_tables_that_are_not_counts_are_refused(
    frame: pd.DataFrame, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        suppress_small_counts(frame, ["n"], MIN, **kwargs)


GROUPS = ["A", "B", "C", "D"]


@pytest.mark.parametrize(
    ("sizes", "expected_rows", "expected_merged"),
    [
        # A 3 and B 4 are small; together 7 ≥ 5: they become "Autres" 7
        ([3, 4, 12, 9], [("C", 12), ("D", 9), ("Autres", 7)], ("A", "B")),
        # A 3 alone would be "Autres" 3 = A: the next-smallest group (D 9) joins it → 12
        ([3, 10, 12, 9], [("B", 10), ("C", 12), ("Autres", 12)], ("A", "D")),
        # empty groups name nobody and stay
        ([0, 4, 2, 9], [("A", 0), ("D", 9), ("Autres", 6)], ("B", "C")),
        # nothing small: unchanged
        ([5, 10, 12, 9], [("A", 5), ("B", 10), ("C", 12), ("D", 9)], ()),
        # the whole table is under 5: a single hidden "Autres"
        ([1, 2, 0, 0], [("C", 0), ("D", 0), ("Autres", None)], ("A", "B")),
    ],
)
def test_small_groups_are_merged_into_other(
    sizes: list[int], expected_rows: list[tuple[str, int | None]], expected_merged: tuple[str, ...]
) -> None:
    frame = pd.DataFrame({"quartier": GROUPS, "participants": sizes})
    result = merge_small_groups(frame, "quartier", "participants", MIN, "Autres")
    rows = [
        (q, None if pd.isna(n) else int(n))
        for q, n in zip(result.frame["quartier"], result.frame["participants"], strict=True)
    ]
    assert rows == expected_rows
    assert result.merged == expected_merged


def test_merged_groups_add_up_their_other_counts() -> None:
    frame = pd.DataFrame({
        "quartier": GROUPS, "participants": [3, 4, 12, 9], "population": [800, 1200, 2500, 2100],
    })
    result = merge_small_groups(frame, "quartier", "participants", MIN, "Autres", ["population"])
    assert result.frame.set_index("quartier").loc["Autres", "population"] == 2000
    assert list(frame["quartier"]) == GROUPS  # input untouched


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
