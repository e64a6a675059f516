"""The demo's time axis: days as integer indexes, weekdays, French public holidays, snapping.

Every generator module counts days as ``int`` offsets from the first day of the history (index 0);
the as-of day (the demo's "today") is index ``n_days - 1``. Dates before the history (hiring dates)
are negative, planned dates after the as-of day are ``>= n_days``. Converting to real dates happens
only when the canonical frames are built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays
import numpy as np

PAD_DAYS = 3 * 366
"""Days covered before the history and after the as-of day (hiring dates, planned projects)."""


def years_before(day: date, years: int) -> date:
    """``day`` moved ``years`` back (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Timeline:
    """Days of the history ``[start, as_of]`` plus a padding on both sides."""

    start: date
    as_of: date
    weekday: np.ndarray = field(repr=False)
    """Weekday (0 = Monday) of each day of the padded range; index with :meth:`ext`."""
    holiday: np.ndarray = field(repr=False)
    """True on French public holidays (``holidays.France``, metropolitan) of the padded range."""

    @classmethod
    def build(cls, as_of: date, years: int) -> Timeline:
        """The timeline of ``years`` years ending on ``as_of`` (included)."""
        start = years_before(as_of, years) + timedelta(days=1)
        first = start - timedelta(days=PAD_DAYS)
        count = (as_of - start).days + 1 + 2 * PAD_DAYS
        days = np.datetime64(first, "D") + np.arange(count)
        weekday = ((days.astype(np.int64) + 3) % 7).astype(np.int8)
        found = holidays.France(years=range(first.year, first.year + count // 365 + 2))
        offsets = [(d - first).days for d in found if 0 <= (d - first).days < count]
        holiday = np.zeros(count, dtype=bool)
        holiday[offsets] = True
        return cls(start=start, as_of=as_of, weekday=weekday, holiday=holiday)

    @property
    def n_days(self) -> int:
        """Days in the history; the as-of day is ``n_days - 1``."""
        return (self.as_of - self.start).days + 1

    @property
    def origin(self) -> np.datetime64:
        """Day 0 as a numpy date."""
        return np.datetime64(self.start, "D")

    def ext(self, idx: np.ndarray | int) -> np.ndarray | int:
        """Position of day indexes in the padded arrays (``weekday``, ``holiday``)."""
        return np.clip(np.asarray(idx) + PAD_DAYS, 0, len(self.weekday) - 1)

    def dates(self, idx: np.ndarray) -> np.ndarray:
        """Day indexes as ``datetime64[us]`` (the dtype DuckDB gives for DATE)."""
        return (self.origin + np.asarray(idx, dtype=np.int64)).astype("datetime64[us]")

    def years(self, idx: np.ndarray) -> np.ndarray:
        """Calendar year of each day index."""
        return (self.origin + np.asarray(idx, dtype=np.int64)).astype("datetime64[Y]").astype(
            np.int64
        ) + 1970

    def date_index(self, year: np.ndarray, month: int, day: np.ndarray | int) -> np.ndarray:
        """Index of the dates (year, month, day) — vectorised over ``year`` (and ``day``)."""
        first = ((np.asarray(year) - 1970) * 12 + (month - 1)).astype("datetime64[M]")
        first = first.astype("datetime64[D]") + (np.asarray(day) - 1)
        return (first - self.origin).astype(np.int64)

    def years_since_start(self, idx: np.ndarray) -> np.ndarray:
        """Fractional years elapsed since day 0 (drives the trends)."""
        return np.asarray(idx, dtype=np.float64) / 365.25

    def next_matching(self, idx: np.ndarray, allowed: np.ndarray) -> np.ndarray:
        """For each day index, the first day on or after it whose padded ``allowed`` flag is True."""
        size = len(allowed)
        positions = np.where(allowed, np.arange(size), size)
        nxt = np.minimum.accumulate(positions[::-1])[::-1]
        ext = np.asarray(self.ext(idx))
        found = nxt[ext]
        found = np.where(found >= size, ext, found)
        return found - PAD_DAYS

    def allowed_days(self, weekdays: tuple[int, ...], *, avoid_august: bool = True) -> np.ndarray:
        """Padded flags: weekday in ``weekdays``, not a public holiday, optionally not 1–24 August."""
        ok = np.isin(self.weekday, weekdays) & ~self.holiday
        if avoid_august:
            first = np.datetime64(self.start, "D") - PAD_DAYS
            days = first + np.arange(len(self.weekday))
            month = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
            dom = (days - days.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
            ok &= ~((month == 8) & (dom <= 24))
        return ok

    def working_days(self) -> np.ndarray:
        """History flags (length ``n_days``): Monday–Friday and not a public holiday."""
        ext = np.arange(self.n_days) + PAD_DAYS
        return (self.weekday[ext] < 5) & ~self.holiday[ext]
