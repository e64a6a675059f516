"""Parsing the cells real files hold: French/US numbers, dates, clock times and durations.

Scalar parsers take one stripped text and return a value, ``None`` for an empty cell, or raise
:class:`ParseError` with a reason meant for a person (a message key of the ``ingest.po`` catalogues
and the value as typed). Column helpers apply a scalar parser to the
*distinct* values of a column only (a million rows hold a few thousand dates), so every format shares
one implementation and large files stay fast.

Styles are decided per column from its values: a date column is day-first (``dmy``), month-first
(``mdy``) or ISO; a number column uses a decimal comma or a decimal point.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from analytics.ingest.messages import Message, MessageError, Position

T = TypeVar("T")

SPACES: Final[str] = " \u00a0\u202f\u2009'’"
"""Characters used as thousands separators besides dot and comma (spaces, NBSP, apostrophes)."""
_SPACE_TABLE: Final[dict[int, None]] = {ord(ch): None for ch in SPACES}
_COMMA_NUMBER: Final[re.Pattern[str]] = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d*)(,\d+)?$")
_POINT_NUMBER: Final[re.Pattern[str]] = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?$")
_ISO_DATE: Final[re.Pattern[str]] = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC_DATE: Final[re.Pattern[str]] = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_CLOCK: Final[re.Pattern[str]] = re.compile(
    r"^(\d{1,2})\s*[:hH]\s*(\d{2})?(?:\s*:\s*(\d{2})(?:[.,]\d+)?)?\s*([aApP]\.?\s*[mM]\.?)?$"
)
_DURATION_CLOCK: Final[re.Pattern[str]] = re.compile(
    r"^(\d+):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?\s*([aApP]\.?\s*[mM]\.?)?$"
)
_DURATION_WORDS: Final[re.Pattern[str]] = re.compile(
    r"^(?:(\d+(?:[.,]\d+)?)\s*h(?:eures?|ours?|rs?)?)?\s*(?:(\d+)\s*(?:m|mn|min|minutes?)?)?$",
    re.IGNORECASE,
)
_MINUTES_ONLY: Final[re.Pattern[str]] = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:m|mn|min|minutes?)$")
_TIME_SUFFIX: Final[re.Pattern[str]] = re.compile(r"^(.*?\d)[T ]+(\d{1,2}[:hH]\d{2}.*)$")

FIRST_YEAR: Final[int] = 1900
LAST_YEAR: Final[int] = 2100
"""Dates outside these years (a year 1 or 9999 typed for "unknown" or "never") are refused on their
row: no town record is that old, and the calendars built from the dates would not be."""
MAX_NUMBER: Final[float] = 1e12
"""Largest magnitude a number cell may have (a 400-digit number is a typing accident, not data)."""
DAY_FIRST: Final[str] = "dmy"
MONTH_FIRST: Final[str] = "mdy"
SECONDS_PER_DAY: Final[int] = 86_400
STYLE_LABELS: Final[dict[str, str]] = {DAY_FIRST: "ingest.style.dmy", MONTH_FIRST: "ingest.style.mdy"}
"""How each date style is written for a person (DD/MM/YYYY, JJ/MM/AAAA...)."""


class ParseError(MessageError, ValueError):
    """A cell that cannot be read; ``message`` is the reason shown to the user."""


def clean(text: object) -> str:
    """The cell as stripped text ('' for None/NaN)."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return str(text).strip().strip("\ufeff").strip()


# --- numbers -------------------------------------------------------------------------------------


def parse_number(text: str, decimal: str = ".") -> float | None:
    """A number written with ``decimal`` ('.' or ',') and optional thousands separators.

    ``1 234,5`` / ``1.234,5`` / ``1234,5`` with ``decimal=','``; ``1,234.5`` / ``1234.5`` with '.'.
    Spaces, non-breaking spaces and apostrophes are always thousands separators.
    """
    value = clean(text).translate(_SPACE_TABLE)
    if not value:
        return None
    pattern = _COMMA_NUMBER if decimal == "," else _POINT_NUMBER
    if not pattern.match(value) or not any(ch.isdigit() for ch in value):
        raise ParseError("ingest.cell.not_number", value=text)
    value = value.replace(".", "").replace(",", ".") if decimal == "," else value.replace(",", "")
    number = float(value)
    if not abs(number) <= MAX_NUMBER:
        raise ParseError("ingest.cell.number_too_large", value=text, max=MAX_NUMBER)
    return number


def detect_decimal(values: Iterable[str], default: str = ".") -> str:
    """Whether a column writes decimals with ',' or '.', judged from its values.

    ``3,5`` or ``2.000,0`` say comma; ``0.667`` or ``12.5`` say point; ``2.000`` alone is ambiguous
    and leaves ``default``.
    """
    comma = point = 0
    for raw in values:
        value = clean(raw).translate(_SPACE_TABLE).lstrip("+-")
        if re.fullmatch(r"\d*,\d{1,2}|\d*,\d{4,}|\d{1,3}(\.\d{3})+,\d+|0,\d+", value):
            comma += 1
        elif re.fullmatch(r"\d*\.\d{1,2}|\d*\.\d{4,}|\d{1,3}(,\d{3})+\.\d+|0\.\d+", value):
            point += 1
    if comma == point:
        return default
    return "," if comma > point else "."


# --- dates ---------------------------------------------------------------------------------------


def _split_datetime(value: str) -> str:
    """Drop a time part after a date (``2024-03-04T10:00:00Z``, ``04/03/2024 10:00``)."""
    match = _TIME_SUFFIX.match(value)
    return match.group(1) if match else value


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make_date(year: int, month: int, day: int, text: str) -> str:
    try:
        value = date(year, month, day)
    except ValueError:
        raise ParseError("ingest.cell.invalid_date", value=text) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ParseError("ingest.cell.date_out_of_range", value=text, first=Position(FIRST_YEAR),
                         last=Position(LAST_YEAR))
    return value.isoformat()


def parse_date(text: str, style: str = DAY_FIRST) -> str | None:
    """An ISO date string from ``2024-03-31``, ``31/03/2024`` (style dmy) or ``03/31/2024`` (mdy).

    Separators '/', '-' and '.' are accepted, two-digit years are read as 20xx (19xx from 70), and a
    time part after the date is ignored.
    """
    value = _split_datetime(clean(text))
    if not value:
        return None
    iso = _ISO_DATE.match(value)
    if iso:
        return _make_date(int(iso[1]), int(iso[2]), int(iso[3]), text)
    numeric = _NUMERIC_DATE.match(value)
    if not numeric:
        raise ParseError("ingest.cell.not_date", value=text)
    first, second, year = int(numeric[1]), int(numeric[2]), _year(numeric[3])
    day, month = (second, first) if style == MONTH_FIRST else (first, second)
    if month > 12 and day <= 12:
        style_label = STYLE_LABELS[MONTH_FIRST if style == MONTH_FIRST else DAY_FIRST]
        raise ParseError("ingest.cell.invalid_month", value=text, month=month,
                         style=Message(style_label))
    return _make_date(year, month, day, text)


def detect_date_style(values: Iterable[str], default: str = DAY_FIRST) -> str:
    """Day-first or month-first, judged from the values: a first part over 12 says day-first."""
    day_first = month_first = 0
    for raw in values:
        match = _NUMERIC_DATE.match(_split_datetime(clean(raw)))
        if not match:
            continue
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first += 1
    if day_first == month_first:
        return default
    return DAY_FIRST if day_first > month_first else MONTH_FIRST


# --- clock times and durations -------------------------------------------------------------------


def _meridiem(hours: int, suffix: str | None, text: str) -> int:
    """Hours of a 12-hour clock reading turned into 0–23."""
    if not suffix:
        return hours
    if not 1 <= hours <= 12:
        raise ParseError("ingest.cell.invalid_12h_time", value=text)
    pm = suffix.lower().startswith("p")
    return hours % 12 + (12 if pm else 0)


def parse_time(text: str) -> int | None:
    """Seconds since midnight of a wall-clock time: ``08:30``, ``8h30``, ``10:23:52 AM``, ``18h``.

    ``24:00`` is midnight at the end of the day (read as 0, i.e. the next day). A date before the
    time (``2024-03-04 10:23``) is ignored.
    """
    value = clean(text)
    if not value:
        return None
    match = _TIME_SUFFIX.match(value)
    if match and ("-" in match.group(1) or "/" in match.group(1) or "." in match.group(1)):
        value = match.group(2)
    value = re.sub(r"(Z|[+-]\d{2}:?\d{2})$", "", value).strip()
    clock = _CLOCK.match(value)
    if not clock or (clock[2] is None and "h" not in value.lower()):
        raise ParseError("ingest.cell.not_time", value=text)
    hours = _meridiem(int(clock[1]), clock[4], text)
    minutes, seconds = int(clock[2] or 0), int(clock[3] or 0)
    if hours == 24 and minutes == 0 and seconds == 0:
        return 0
    if hours > 23 or minutes > 59 or seconds > 59:
        raise ParseError("ingest.cell.invalid_time", value=text)
    return hours * 3600 + minutes * 60 + seconds


def parse_duration(text: str, unit: str = "hours", decimal: str = ".") -> float | None:
    """A duration in hours from ``1:30``, ``01:30:00``, ``1,5``, ``1h30``, ``90 min`` or seconds.

    ``unit`` says what a bare number means ('hours', 'minutes' or 'seconds'). A duration printed as
    a 12-hour time of day (``12:15:00 AM``) is read as such: 15 minutes.
    """
    value = clean(text)
    if not value:
        return None
    clock = _DURATION_CLOCK.match(value)
    if clock:
        hours = int(clock[1])
        if clock[4]:
            hours = _meridiem(hours, clock[4], text)
        minutes, seconds = int(clock[2]), int(clock[3] or 0)
        if minutes > 59 or seconds > 59:
            raise ParseError("ingest.cell.invalid_duration", value=text)
        return hours + minutes / 60 + seconds / 3600
    minutes_only = _MINUTES_ONLY.match(value)
    if minutes_only:
        return float(minutes_only[1].replace(",", ".")) / 60
    if re.search(r"\d\s*h", value, re.IGNORECASE):
        words = _DURATION_WORDS.match(value)
        if words and (words[1] or words[2]):
            hours_part = float((words[1] or "0").replace(",", "."))
            return hours_part + int(words[2] or 0) / 60
    try:
        number = parse_number(value, decimal)
    except ParseError:
        raise ParseError("ingest.cell.not_duration", value=text) from None
    if number is None:
        return None
    if number < 0:
        raise ParseError("ingest.cell.negative_duration", value=text)
    return number / {"hours": 1, "minutes": 60, "seconds": 3600}[unit]


def parse_datetime(text: str, style: str = DAY_FIRST, tz: str = "Europe/Paris") -> tuple[str, int]:
    """(ISO date, seconds since midnight) of a timestamp, in local wall-clock time.

    A timestamp with ``Z`` or an offset is converted to the zone ``tz``; a naive one is taken as
    local already.
    """
    value = clean(text)
    iso = value.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", value) else value
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is not None:
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise ParseError("ingest.cell.date_out_of_range", value=text,
                             first=Position(FIRST_YEAR), last=Position(LAST_YEAR))
        if moment.tzinfo is not None:
            moment = moment.astimezone(ZoneInfo(tz))
        return moment.date().isoformat(), moment.hour * 3600 + moment.minute * 60 + moment.second
    match = _TIME_SUFFIX.match(value)
    if not match:
        day = parse_date(value, style)
        if day is None:
            raise ParseError("ingest.cell.not_datetime", value=text)
        return day, 0
    day = parse_date(match.group(1), style)
    seconds = parse_time(match.group(2))
    if day is None or seconds is None:
        raise ParseError("ingest.cell.not_datetime", value=text)
    return day, seconds


def seconds_to_clock(seconds: float) -> str:
    """``HH:MM:SS`` of seconds since midnight."""
    whole = round(seconds) % SECONDS_PER_DAY
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def add_days(iso: str, days: int) -> str:
    """The ISO date ``days`` after ``iso``."""
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


# --- whole columns -------------------------------------------------------------------------------


def parse_column(
    values: pd.Series, parser: Callable[[str], T | None]
) -> tuple[list[T | None], np.ndarray, list[Message | None]]:
    """Apply ``parser`` to each distinct value of a column.

    Returns (the parsed value of each distinct value, the distinct-value code of each row, the error
    message of each distinct value). Row ``i`` failed when ``errors[codes[i]]`` is not None.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    parsed: list[T | None] = []
    errors: list[Message | None] = []
    for raw in uniques:
        try:
            parsed.append(parser(clean(raw)))
            errors.append(None)
        except ParseError as exc:
            parsed.append(None)
            errors.append(exc.message)
    return parsed, np.asarray(codes), errors


def column_values(
    values: pd.Series, parser: Callable[[str], T | None], kind: str = "object"
) -> tuple[Any, np.ndarray]:
    """(parsed value of each row, error message or None of each row).

    ``kind`` chooses the container of the values: 'str' (a pandas string array, NaN for None),
    'float' (a float array, NaN for None) or 'object' (an object array).
    """
    parsed, codes, errors = parse_column(values, parser)
    error_array = np.empty(len(errors), dtype=object)
    error_array[:] = errors
    row_errors = error_array[codes] if len(codes) else np.empty(0, dtype=object)
    if kind == "str":
        texts = pd.array([None if v is None else str(v) for v in parsed], dtype="str")
        return pd.Series(texts.take(codes) if len(codes) else texts[:0]), row_errors
    if kind == "float":
        numbers = np.array([np.nan if v is None else float(v) for v in parsed], dtype=float)
        return (numbers[codes] if len(codes) else numbers[:0]), row_errors
    objects = np.empty(len(parsed), dtype=object)
    objects[:] = parsed
    return (objects[codes] if len(codes) else objects[:0]), row_errors


def distinct_sample(values: pd.Series, limit: int = 5000) -> list[str]:
    """Up to ``limit`` distinct non-empty values of a column (for style detection)."""
    uniques = pd.unique(values)
    return [str(v) for v in uniques[:limit] if clean(v)]
