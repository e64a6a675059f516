"""Rotation: distinct participants per quarter and year, newcomers and returning, frequency classes."""

from __future__ import annotations

import math
from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.engagement.headline import period_counts
from analytics.engagement.rotation import (
    FREQUENT_MIN,
    OCCASIONAL_MIN,
    buckets,
    frequency_classes,
    frequency_shares,
    protect_year_newcomers,
    rotation_table,
)
from analytics.engagement.scope import Scope
from analytics.indicators import compute_indicators
from tests.test_engagement_store import PERIOD, store_with, tiny_fixture  # noqa: F401


@pytest.mark.parametrize(
    ("grain", "bucket", "participants", "newcomers", "returning"),
    [
        ("year", date(2024, 1, 1), 7, 7, 0),  # A–G, all new
        ("year", date(2025, 1, 1), 8, 5, 3),  # H I J K L new; A B C back
        ("quarter", date(2024, 1, 1), 6, 6, 0),  # E1: A–F
        ("quarter", date(2024, 4, 1), 3, 1, 2),  # E2: A B G → G new
        ("quarter", date(2025, 1, 1), 3, 1, 2),  # E3: A B H → H new
        ("quarter", date(2025, 4, 1), 3, 0, 3),  # E4: A B H
        ("quarter", date(2025, 7, 1), 6, 4, 2),  # E5: A C I J K L → I J K L new
        ("month", date(2025, 9, 1), 6, 4, 2),
    ],
)
def test_participants_per_bucket_by_hand(
    tiny: duckdb.DuckDBPyConnection, grain: str, bucket: date, participants: int, newcomers: int,
    returning: int,
) -> None:
    table = rotation_table(buckets(tiny, PERIOD), grain, min_group_size=1)
    row = table.loc[pd.to_datetime(table["bucket_start"]) == pd.Timestamp(bucket)].iloc[0]
    assert (row["participants"], row["newcomers"], row["returning"]) == (
        participants, newcomers, returning
    )
    assert row["newcomer_share"] == pytest.approx(newcomers / participants)


def test_the_fourth_quarter_of_2025_has_no_bucket_without_per_person_attendance(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    # E6 only has a head count (40): nobody can be counted as a distinct participant
    table = rotation_table(buckets(tiny, PERIOD), "quarter", min_group_size=1)
    assert pd.Timestamp(2025, 10, 1) not in set(pd.to_datetime(table["bucket_start"]))


def test_small_newcomer_groups_are_hidden_with_their_complement(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    table = rotation_table(buckets(tiny, PERIOD), "year", min_group_size=5)
    row_2025 = table.loc[pd.to_datetime(table["bucket_start"]) == pd.Timestamp(2025, 1, 1)].iloc[0]
    assert row_2025["participants"] == 8
    # 3 returning is a small group; newcomers (8 − 3) must go too, and the share
    assert all(math.isnan(row_2025[c]) for c in ("newcomers", "returning", "newcomer_share"))


@pytest.mark.parametrize(
    ("end", "grain", "bucket", "participants", "newcomers"),
    [
        # up to 19 May 2025, E4 (20 May) has not happened: 2025 is E3 only, A B H (H new)
        (date(2025, 5, 19), "year", date(2025, 1, 1), 3, 1),
        (date(2025, 5, 19), "quarter", date(2025, 4, 1), None, None),
        (date(2025, 5, 20), "quarter", date(2025, 4, 1), 3, 0),
        (date(2025, 5, 20), "month", date(2025, 5, 1), 3, 0),
        # up to 12 September: E5 brings A C I J K L, of whom I J K L are new
        (date(2025, 9, 12), "year", date(2025, 1, 1), 8, 5),
        (date(2025, 9, 11), "year", date(2025, 1, 1), 3, 1),
        (date(2024, 3, 10), "year", date(2024, 1, 1), 6, 6),
        (date(2024, 3, 9), "year", date(2024, 1, 1), None, None),
    ],
)
def test_buckets_count_up_to_any_end_day(
    tiny: duckdb.DuckDBPyConnection, end: date, grain: str, bucket: date,
    participants: int | None, newcomers: int | None,
) -> None:
    table = buckets(tiny, Scope(date(2024, 1, 1), end)).set_index(["grain", "bucket_start"])
    key = (grain, pd.Timestamp(bucket))
    if participants is None:
        assert key not in table.index
    else:
        assert table.loc[key, ["participants", "newcomers"]].tolist() == [participants, newcomers]


def test_period_newcomers_agree_with_the_catalogue(tiny: duckdb.DuckDBPyConnection) -> None:
    counts = period_counts(tiny, PERIOD)
    participants, newcomers = counts.participants, counts.newcomers
    assert (participants, newcomers) == (8, 5)
    catalogue = compute_indicators(tiny, PERIOD)
    assert newcomers / participants == pytest.approx(catalogue["engagement.newcomer_share"])


@pytest.mark.parametrize(
    ("end", "year", "classes"),
    [
        # 2024: A 2, B 2, C D E F G once; 2025: A 3, B 2, H 2, C I J K L once
        (PERIOD.end, 2024, [5, 2, 0]),
        (PERIOD.end, 2025, [5, 3, 0]),
        # 2024 is whole (derived table), 2025 counted up to the end: E3 and E4 (A B H twice each)
        (date(2025, 6, 30), 2024, [5, 2, 0]),
        (date(2025, 6, 30), 2025, [0, 3, 0]),
        (date(2024, 3, 10), 2024, [6, 0, 0]),  # E1 only
    ],
)
def test_frequency_classes_by_hand(
    tiny: duckdb.DuckDBPyConnection, end: date, year: int, classes: list[int]
) -> None:
    found = frequency_classes(tiny, Scope(date(2024, 1, 1), end)).set_index("year")
    assert found.loc[year, ["one_time", "occasional", "frequent"]].tolist() == classes


def test_five_events_in_a_year_make_a_frequent_participant() -> None:
    days = pd.to_datetime([f"2025-0{m}-10" for m in range(1, 6)]).date
    events = pd.DataFrame({"event_id": [f"E{i}" for i in range(5)], "event_date": days})
    # P comes to all five, Q to four, R to one
    rows = [("P", i) for i in range(5)] + [("Q", i) for i in range(4)] + [("R", 0)]
    attendances = pd.DataFrame(
        [{"event_id": f"E{i}", "participant_id": who, "status": "attended"} for who, i in rows]
    )
    con = store_with({"events": events, "attendances": attendances})
    classes = frequency_classes(con, Scope(date(2025, 1, 1), date(2025, 12, 31)))
    assert classes[["one_time", "occasional", "frequent"]].iloc[0].tolist() == [1, 1, 1]
    shares = frequency_shares(classes, min_group_size=1)
    assert shares["frequent_share"].iloc[0] == pytest.approx(1 / 3)
    # the derived table (sql/derived/participation_ranks.sql) holds the ranks the classes read
    ranks = con.sql("SELECT DISTINCT rank FROM participation_ranks ORDER BY rank").fetchall()
    assert [rank for (rank,) in ranks] == [1, OCCASIONAL_MIN, FREQUENT_MIN]


def _buckets(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(grain, pd.Timestamp(start), n, new, n - new) for grain, start, n, new in rows],
        columns=["grain", "bucket_start", "participants", "newcomers", "returning"],
    )


@pytest.mark.parametrize(
    ("quarters", "year_newcomers_shown"),
    [
        # Q1's 3 newcomers are hidden (3 participants); the year's 30 − 15 − 12 would give them back
        ([("2024-01-01", 3, 3), ("2024-04-01", 20, 15), ("2024-07-01", 25, 12)], False),
        # two hidden quarters protect each other: the year's newcomers may stay
        ([("2024-01-01", 3, 3), ("2024-04-01", 4, 4), ("2024-07-01", 25, 23)], True),
        # nothing hidden in the quarters
        ([("2024-01-01", 8, 8), ("2024-04-01", 20, 10), ("2024-07-01", 25, 12)], True),
    ],
)
def test_a_years_newcomers_do_not_give_back_a_lone_hidden_quarter(
    quarters: list[tuple[str, int, int]], year_newcomers_shown: bool
) -> None:
    """A year's newcomers are the sum of its quarters' (each person is new once)."""
    newcomers = sum(new for _, _, new in quarters)
    rows = [("quarter", start, n, new) for start, n, new in quarters]
    frame = _buckets([*rows, ("year", "2024-01-01", 40, newcomers)])
    year = protect_year_newcomers(
        rotation_table(frame, "quarter", 5), rotation_table(frame, "year", 5)
    )
    assert year.loc[0, "participants"] == 40
    shown = [not math.isnan(year.loc[0, c]) for c in ("newcomers", "returning", "newcomer_share")]
    assert shown == [year_newcomers_shown] * 3
