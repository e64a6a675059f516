"""The French working calendar: weekends, public holidays and working days.

Public holidays come from the ``holidays`` library (``holidays.France``, metropolitan France: no
sub-division, so Alsace-Moselle's Good Friday and 26 December are *not* holidays here), never from a
hand-made list. Holiday names are in French, as the UI is.

A *working day* is a Monday to Friday that is not a public holiday. Capacity (``capacity.hours``) is
only counted on working days, and hours dated on a non-working day count wholly as outside hours
(``hours.outside_share``).
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pandas as pd

CALENDAR_COLUMNS: tuple[str, ...] = (
    "day", "iso_year", "iso_week", "week_start", "is_weekend", "is_public_holiday",
    "holiday_name", "is_working_day",
)
"""Columns of :func:`calendar_frame`, in order (also those of the derived table ``calendar_days``)."""


def french_public_holidays(first_year: int, last_year: int) -> dict[date, str]:
    """Metropolitan French public holidays of the years ``first_year..last_year`` (inclusive).

    Returns ``{day: French name}``, e.g. ``{date(2024, 5, 9): "Ascension", ...}``; empty when
    ``last_year < first_year``.
    """
    if last_year < first_year:
        return {}
    found = holidays.France(years=range(first_year, last_year + 1), language="fr")
    return {day: str(name) for day, name in found.items()}


def calendar_frame(first: date, last: date) -> pd.DataFrame:
    """One row per calendar day from ``first`` to ``last`` (both included).

    Columns: ``day`` (date), ``iso_year`` and ``iso_week`` (ISO 8601 week numbering, weeks start on
    Monday), ``week_start`` (the Monday of that ISO week), ``is_weekend`` (Saturday or Sunday),
    ``is_public_holiday`` and ``holiday_name`` (French name, None on ordinary days),
    ``is_working_day`` (Monday–Friday and not a public holiday: a day that carries capacity).

    An empty frame (with these columns) when ``last`` is before ``first``.
    """
    if last < first:
        return pd.DataFrame({column: [] for column in CALENDAR_COLUMNS})
    names = french_public_holidays(first.year, last.year)
    rows = []
    day = first
    one_day = timedelta(days=1)
    while day <= last:
        iso_year, iso_week, iso_weekday = day.isocalendar()
        name = names.get(day)
        is_weekend = iso_weekday >= 6
        rows.append(
            (
                day,
                iso_year,
                iso_week,
                day - timedelta(days=iso_weekday - 1),
                is_weekend,
                name is not None,
                name,
                not is_weekend and name is None,
            )
        )
        day += one_day
    frame = pd.DataFrame(rows, columns=list(CALENDAR_COLUMNS))
    return frame.astype({"iso_year": "int32", "iso_week": "int32"})
