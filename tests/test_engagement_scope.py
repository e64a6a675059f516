"""Time windows of the engagement page: months back, trailing and preceding windows."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.engagement.scope import (
    Scope,
    Window,
    months_before,
    preceding_window,
    trailing_windows,
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 30), 12, date(2025, 12, 1)),  # [1 Dec 2025, 30 Nov 2026] = 12 months
        (date(2026, 11, 30), 24, date(2024, 12, 1)),
        (date(2026, 3, 31), 1, date(2026, 3, 1)),  # 28 Feb (clamped from 31) + 1 day
        (date(2024, 3, 31), 1, date(2024, 3, 1)),  # leap year: 29 Feb + 1 day
        (date(2026, 1, 15), 3, date(2025, 10, 16)),
    ],
)
def test_months_before_gives_the_first_day_of_the_window(
    day: date, months: int, expected: date
) -> None:
    assert months_before(day, months) == expected


def test_trailing_windows_are_two_consecutive_twelve_month_windows() -> None:
    earlier, recent = trailing_windows(date(2026, 11, 30), 12)
    assert recent == Window(date(2025, 12, 1), date(2026, 11, 30))
    assert earlier == Window(date(2024, 12, 1), date(2025, 11, 30))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # 2025 has 365 days; the 365 days before 1 Jan 2025 start on 2 Jan 2024 (2024 is leap)
        (date(2025, 1, 1), date(2025, 12, 31), Window(date(2024, 1, 2), date(2024, 12, 31))),
        # 91 days (30 + 31 + 30) before 1 Sept: August 31, July 31, then 29 days of June (2–30)
        (date(2026, 9, 1), date(2026, 11, 30), Window(date(2026, 6, 2), date(2026, 8, 31))),
        (date(2026, 5, 1), date(2026, 5, 1), Window(date(2026, 4, 30), date(2026, 4, 30))),
    ],
)
def test_preceding_window_has_the_same_number_of_days(
    start: date, end: date, expected: Window
) -> None:
    assert preceding_window(start, end) == expected


def test_a_scope_refuses_a_period_ending_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Scope(date(2026, 2, 1), date(2026, 1, 1))
