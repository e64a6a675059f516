"""Period presets of the sidebar, relative to a reference day (the latest day with data), and the
partial buckets (weeks, months, quarters, years) of a chart at the edges of a period.

The one home of period computation: the sidebar, the benchmarks and any page asking "which dates
does *last month* mean" call :func:`preset_period`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

PRESETS: Final[tuple[str, ...]] = (
    "this_month", "last_month", "last_3_months", "last_12_months", "this_year", "last_year",
    "custom",
)
"""The presets in the order the sidebar lists them."""
DEFAULT_PRESET: Final[str] = "last_3_months"
"""The preset chosen when a session starts."""


def _months_back(day: date, months: int) -> date:
    """The day ``months`` months before ``day`` (clamped to the month's end), plus one day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day) + timedelta(days=1)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def preset_period(preset: str, reference: date) -> tuple[date, date]:
    """The inclusive period [start, end] of a preset.

    ``this_month`` is the 1st of the reference's month to the reference; ``last_month`` the whole
    calendar month before it; ``last_3_months`` ending on ``reference`` is (reference − 3 months +
    1 day, reference); ``this_year`` is 1 January of the reference's year to the reference;
    ``last_year`` the whole previous calendar year. ``custom`` returns the last 3 months as the
    starting point.
    """
    if preset == "this_month":
        return reference.replace(day=1), reference
    if preset == "last_month":
        last_day = reference.replace(day=1) - timedelta(days=1)
        return last_day.replace(day=1), last_day
    if preset == "last_12_months":
        return _months_back(reference, 12), reference
    if preset == "this_year":
        return date(reference.year, 1, 1), reference
    if preset == "last_year":
        return date(reference.year - 1, 1, 1), date(reference.year - 1, 12, 31)
    if preset in ("last_3_months", "custom"):
        return _months_back(reference, 3), reference
    raise ValueError(f"unknown period preset {preset!r}; expected one of {PRESETS}")


def chosen_period(start: date | None, end: date | None) -> tuple[date, date] | None:
    """A custom period from two typed dates, in order whichever was typed first; None while one of
    them is missing (being typed or cleared)."""
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


GRAINS: Final[tuple[str, ...]] = ("week", "month", "quarter", "year")
"""Time buckets of the charts: ISO week (from Monday), calendar month, quarter and year."""


def bucket_end(start: date, grain: str) -> date:
    """The last day (inclusive) of the ``grain`` bucket starting on ``start`` (a Monday, or the
    first day of a month, quarter or year)."""
    if grain == "week":
        return start + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[grain]
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    return date(year, month + 1, 1) - timedelta(days=1)


@dataclass(frozen=True)
class PartialPeriod:
    """A chart's bucket that the data cover only in part: ``covered_days`` of its ``days``."""

    start: date
    grain: str
    covered_days: int
    days: int


def partial_periods(
    starts: Iterable[date], grain: str, first: date, last: date
) -> list[PartialPeriod]:
    """The buckets among ``starts`` (of ``grain``) that [first, last] — the period, or the span of the
    data — covers only in part, in order: their bars add up fewer days than the others and must not
    be read as a drop. A bucket wholly outside [first, last] is not listed."""
    found = []
    for start in sorted(set(starts)):
        end = bucket_end(start, grain)
        covered = (min(end, last) - max(start, first)).days + 1
        days = (end - start).days + 1
        if 0 < covered < days:
            found.append(PartialPeriod(start, grain, covered, days))
    return found


def partial_weeks_of_data(
    mondays: Iterable[date], start: date, end: date, first_data: date | None, last_data: date | None
) -> list[PartialPeriod]:
    """The weeks (by their Mondays in [start, end]) of a chart summing each whole week — days up to
    ``end`` + 6 included, as the overview's weekly load — that the period and the recorded time
    (``first_data`` .. ``last_data``, the first and last days with time entries) cover only in
    part: the week of the last import, cut on its Saturday, is not a drop in workload."""
    first = max(start, first_data) if first_data else start
    last = min(end + timedelta(days=6), last_data) if last_data else end + timedelta(days=6)
    return partial_periods(mondays, "week", first, last)
