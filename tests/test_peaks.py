"""A monthly or period load beside the busiest week inside it, in one sentence with the numbers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.i18n import Translator
from analytics.peaks import WeeklyPeak, peak_text, weekly_peak

# March 2027: four weeks at 80 %, 90 %, 131 % and 67 % of 100 h; a week without capacity
WEEKS = pd.DataFrame({
    "week_start": pd.to_datetime(["2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22",
                                  "2027-03-29", "2027-04-05"]),
    "capacity_hours": [100.0, 100.0, 100.0, 100.0, 0.0, 100.0],
    "hours": [80.0, 90.0, 131.0, 67.0, 10.0, 200.0],
})


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2027, 3, 1), date(2027, 4, 1), WeeklyPeak(date(2027, 3, 15), 1.31)),
        (None, None, WeeklyPeak(date(2027, 4, 5), 2.0)),
        # the week without capacity has no ratio
        (date(2027, 3, 29), date(2027, 4, 1), None),
    ],
)
def test_the_busiest_week_of_a_span(start: date | None, end: date | None,
                                    expected: WeeklyPeak | None) -> None:
    assert weekly_peak(WEEKS, "hours", start=start, end=end) == expected


@pytest.mark.parametrize(
    ("lang", "average", "peak", "text"),
    [
        ("fr", 0.92, WeeklyPeak(date(2027, 3, 15), 1.31),
         "Charge moyenne sur la période : 92 % ; semaine la plus chargée : 131 % (2027-S11)."),
        ("en", 0.92, WeeklyPeak(date(2027, 3, 15), 1.31),
         "Average load over the period: 92%; busiest week: 131% (2027-W11)."),
        # nothing to reconcile: the busiest week reads as the average
        ("fr", 0.92, WeeklyPeak(date(2027, 3, 15), 0.9204), ""),
        ("fr", None, WeeklyPeak(date(2027, 3, 15), 1.31), ""),
    ],
)
def test_the_average_and_the_busiest_week_in_one_sentence(
    lang: str, average: float | None, peak: WeeklyPeak, text: str
) -> None:
    assert peak_text(Translator(lang), "overview.peak", average, peak) == text
