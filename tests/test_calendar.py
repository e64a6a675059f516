"""The French working calendar (holidays.France, metropolitan)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.calendar import CALENDAR_COLUMNS, calendar_frame, french_public_holidays


@pytest.fixture(scope="module")
def year_2024() -> pd.DataFrame:
    return calendar_frame(date(2024, 1, 1), date(2024, 12, 31)).set_index("day")


@pytest.mark.parametrize(
    ("day", "is_weekend", "is_public_holiday", "is_working_day"),
    [
        pytest.param(date(2024, 4, 1), False, True, False, id="easter-monday"),
        pytest.param(date(2024, 5, 1), False, True, False, id="1-may"),
        pytest.param(date(2024, 5, 8), False, True, False, id="8-may"),
        pytest.param(date(2024, 5, 9), False, True, False, id="ascension"),
        pytest.param(date(2024, 5, 20), False, True, False, id="whit-monday"),
        pytest.param(date(2024, 7, 14), True, True, False, id="14-july-a-sunday"),
        pytest.param(date(2024, 11, 11), False, True, False, id="armistice"),
        pytest.param(date(2024, 3, 29), False, False, True, id="good-friday-not-in-metropole"),
        pytest.param(date(2024, 12, 26), False, False, True, id="26-dec-not-in-metropole"),
        pytest.param(date(2024, 5, 4), True, False, False, id="saturday"),
        pytest.param(date(2024, 5, 10), False, False, True, id="ordinary-friday"),
    ],
)
def test_days(
    year_2024: pd.DataFrame,
    day: date,
    is_weekend: bool,
    is_public_holiday: bool,
    is_working_day: bool,
) -> None:
    row = year_2024.loc[day]
    assert bool(row["is_weekend"]) is is_weekend
    assert bool(row["is_public_holiday"]) is is_public_holiday
    assert bool(row["is_working_day"]) is is_working_day
    assert (row["holiday_name"] is not None and not pd.isna(row["holiday_name"])) is (
        is_public_holiday
    )


def test_holiday_names_are_french(year_2024: pd.DataFrame) -> None:
    assert year_2024.loc[date(2024, 5, 9), "holiday_name"] == "Ascension"
    assert year_2024.loc[date(2024, 5, 20), "holiday_name"] == "Lundi de Pentecôte"


def test_2024_has_eleven_public_holidays_and_19_working_days_in_may(
    year_2024: pd.DataFrame,
) -> None:
    assert int(year_2024["is_public_holiday"].sum()) == 11
    may = year_2024.loc[date(2024, 5, 1):date(2024, 5, 31)]
    # 23 weekdays in May 2024, minus 1, 8, 9 and 20 May
    assert int(may["is_working_day"].sum()) == 23 - 4
    assert len(french_public_holidays(2024, 2024)) == 11


@pytest.mark.parametrize(
    ("day", "iso_year", "iso_week", "week_start"),
    [
        pytest.param(date(2024, 5, 2), 2024, 18, date(2024, 4, 29), id="thursday"),
        pytest.param(date(2024, 4, 29), 2024, 18, date(2024, 4, 29), id="monday"),
        pytest.param(date(2024, 5, 5), 2024, 18, date(2024, 4, 29), id="sunday"),
        pytest.param(date(2024, 12, 31), 2025, 1, date(2024, 12, 30), id="iso-2025-w1"),
        pytest.param(date(2021, 1, 3), 2020, 53, date(2020, 12, 28), id="iso-2020-w53"),
    ],
)
def test_iso_weeks(day: date, iso_year: int, iso_week: int, week_start: date) -> None:
    row = calendar_frame(day, day).iloc[0]
    assert (row["day"], int(row["iso_year"]), int(row["iso_week"]), row["week_start"]) == (
        day, iso_year, iso_week, week_start,
    )


def test_frame_shape() -> None:
    frame = calendar_frame(date(2023, 12, 30), date(2024, 1, 2))
    assert tuple(frame.columns) == CALENDAR_COLUMNS
    assert list(frame["day"]) == [
        date(2023, 12, 30), date(2023, 12, 31), date(2024, 1, 1), date(2024, 1, 2),
    ]
    assert list(frame["is_working_day"]) == [False, False, False, True]  # Sat, Sun, 1 Jan, Tue
    empty = calendar_frame(date(2024, 1, 2), date(2024, 1, 1))
    assert empty.empty
    assert tuple(empty.columns) == CALENDAR_COLUMNS
