"""Sidebar period presets."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.periods import (
    PRESETS,
    chosen_period,
    partial_periods,
    partial_weeks_of_data,
    preset_period,
)


@pytest.mark.parametrize(
    ("preset", "reference", "expected"),
    [
        ("this_month", date(2026, 11, 30), (date(2026, 11, 1), date(2026, 11, 30))),
        ("this_month", date(2026, 12, 1), (date(2026, 12, 1), date(2026, 12, 1))),
        ("last_month", date(2026, 11, 30), (date(2026, 10, 1), date(2026, 10, 31))),
        ("last_month", date(2026, 1, 15), (date(2025, 12, 1), date(2025, 12, 31))),
        ("last_month", date(2024, 3, 31), (date(2024, 2, 1), date(2024, 2, 29))),
        ("last_3_months", date(2026, 11, 30), (date(2026, 8, 31), date(2026, 11, 30))),
        ("last_3_months", date(2026, 5, 31), (date(2026, 3, 1), date(2026, 5, 31))),  # 28 Feb + 1
        ("last_12_months", date(2026, 11, 30), (date(2025, 12, 1), date(2026, 11, 30))),
        ("this_year", date(2026, 11, 30), (date(2026, 1, 1), date(2026, 11, 30))),
        ("last_year", date(2026, 11, 30), (date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_presets(preset: str, reference: date, expected: tuple[date, date]) -> None:
    assert preset_period(preset, reference) == expected


def test_unknown_preset() -> None:
    with pytest.raises(ValueError, match="unknown period preset"):
        preset_period("fortnight", date(2026, 1, 1))


def test_every_preset_of_the_sidebar_gives_a_period() -> None:
    for preset in PRESETS:
        start, end = preset_period(preset, date(2026, 11, 30))
        assert start <= end


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 9, 1), date(2026, 9, 30), (date(2026, 9, 1), date(2026, 9, 30))),
        (date(2026, 9, 30), date(2026, 9, 1), (date(2026, 9, 1), date(2026, 9, 30))),  # typed reversed
        (date(2026, 9, 1), None, None),  # the end is being typed
        (None, date(2026, 9, 30), None),
    ],
)
def test_typed_custom_dates(start: date | None, end: date | None, expected: object) -> None:
    assert chosen_period(start, end) == expected


# A bucket (week, month, quarter, year) is partial when the data cover only some of its days: a
# December with 5 days must not read as a collapse.
@pytest.mark.parametrize(
    ("bucket", "grain", "first", "last", "expected"),
    [
        (date(2026, 12, 1), "month", date(2026, 9, 6), date(2026, 12, 5), (5, 31)),
        (date(2026, 9, 1), "month", date(2026, 9, 6), date(2026, 12, 5), (25, 30)),
        (date(2026, 10, 1), "month", date(2026, 9, 6), date(2026, 12, 5), None),  # whole
        (date(2026, 11, 30), "week", date(2026, 9, 6), date(2026, 12, 5), (6, 7)),
        (date(2024, 1, 1), "year", date(2024, 3, 10), date(2025, 12, 31), (297, 366)),
        (date(2025, 10, 1), "quarter", date(2024, 3, 10), date(2025, 11, 30), (61, 92)),
    ],
)
def test_partial_periods(
    bucket: date, grain: str, first: date, last: date, expected: tuple[int, int] | None
) -> None:
    found = partial_periods([bucket], grain, first, last)
    assert [(p.covered_days, p.days) for p in found] == ([expected] if expected else [])


# The overview's weekly chart sums whole weeks (Mondays in the period, days up to end + 6): a week is
# partial only where the recorded time stops (or starts) inside it.
@pytest.mark.parametrize(
    ("end", "first_data", "last_data", "expected"),
    [
        (date(2026, 12, 5), date(2016, 12, 6), date(2026, 12, 5), [(date(2026, 11, 30), 6)]),
        (date(2026, 11, 20), date(2016, 12, 6), date(2026, 12, 5), []),  # data go on after
        (date(2026, 12, 5), date(2026, 11, 18), date(2026, 12, 5),
         [(date(2026, 11, 16), 5), (date(2026, 11, 30), 6)]),
        (date(2026, 12, 5), None, None, []),
    ],
)
def test_partial_weeks_of_data(
    end: date, first_data: date | None, last_data: date | None, expected: list[tuple[date, int]]
) -> None:
    mondays = [d for d in (date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)) if d <= end]
    found = partial_weeks_of_data(mondays, date(2026, 11, 16), end, first_data, last_data)
    assert [(p.start, p.covered_days) for p in found] == expected
