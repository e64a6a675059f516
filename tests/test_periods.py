"""Sidebar period presets."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.periods import PRESETS, chosen_period, preset_period


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
