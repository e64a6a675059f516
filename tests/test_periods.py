"""Sidebar period presets."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.periods import preset_period


@pytest.mark.parametrize(
    ("preset", "reference", "expected"),
    [
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
