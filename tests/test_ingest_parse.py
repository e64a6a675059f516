"""Parsing cells: French/US numbers, dates, clock times, durations, and style detection."""

from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.ingest.parse import (
    ParseError,
    detect_date_style,
    detect_decimal,
    parse_date,
    parse_datetime,
    parse_duration,
    parse_number,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("3,5", ",", 3.5),
        ("1 234,5", ",", 1234.5),
        ("1\u00a0234,5", ",", 1234.5),
        ("1\u202f234", ",", 1234.0),
        ("2.000,0", ",", 2000.0),
        ("1.234.567,89", ",", 1234567.89),
        ("1,234.5", ".", 1234.5),
        ("0.667", ".", 0.667),
        ("-12", ".", -12.0),
        ("", ",", None),
        ("  ", ".", None),
    ],
)
def test_numbers(text: str, decimal: str, expected: float | None) -> None:
    assert parse_number(text, decimal) == expected


@pytest.mark.parametrize(("text", "decimal"), [("1.5", ","), ("1,5", "."), ("abc", "."), ("-", ",")])
def test_bad_numbers(text: str, decimal: str) -> None:
    with pytest.raises(ParseError, match="not a number"):
        parse_number(text, decimal)


def test_decimal_detection() -> None:
    assert detect_decimal(["20,0", "2.000,0", "0,01"]) == ","
    assert detect_decimal(["2.0", "0.667", "60.0"]) == "."
    assert detect_decimal(["2.000"], default=",") == ","
    assert detect_decimal(["12"], default=".") == "."


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_french_number_round_trip(value: object) -> None:
    """A number printed the French way (space thousands, decimal comma) reads back exactly."""
    text = f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")
    assert math.isclose(parse_number(text, ","), float(value), abs_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("31/03/2024", "dmy", "2024-03-31"),
        ("03/31/2024", "mdy", "2024-03-31"),
        ("2024-03-31", "mdy", "2024-03-31"),
        ("31.03.2024", "dmy", "2024-03-31"),
        ("1/2/24", "dmy", "2024-02-01"),
        ("2024-03-04T09:23:52Z", "dmy", "2024-03-04"),
        ("04/03/2024 10:00", "dmy", "2024-03-04"),
        ("", "dmy", None),
    ],
)
def test_dates(text: str, style: str, expected: str | None) -> None:
    assert parse_date(text, style) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "13/15/2024", "2024-13-01", "demain", "32/01/2024"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ParseError):
        parse_date(text, "mdy" if text.startswith("13") else "dmy")


def test_date_style_detection() -> None:
    assert detect_date_style(["03/04/2024", "25/04/2024"]) == "dmy"
    assert detect_date_style(["03/04/2024", "04/25/2024"]) == "mdy"
    assert detect_date_style(["03/04/2024"], default="mdy") == "mdy"
    assert detect_date_style(["2024-03-04"], default="dmy") == "dmy"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("08:30", 8 * 3600 + 30 * 60),
        ("8h30", 8 * 3600 + 30 * 60),
        ("18h", 18 * 3600),
        ("10:23:52 AM", 10 * 3600 + 23 * 60 + 52),
        ("10:23 PM", 22 * 3600 + 23 * 60),
        ("12:05 AM", 5 * 60),
        ("12:05 PM", 12 * 3600 + 5 * 60),
        ("24:00", 0),
        ("2024-03-04 10:23:00", 10 * 3600 + 23 * 60),
        ("", None),
    ],
)
def test_times(text: str, seconds: int | None) -> None:
    assert parse_time(text) == seconds


@pytest.mark.parametrize("text", ["25:00", "10:75", "13:00 PM", "midi", "1030"])
def test_bad_times(text: str) -> None:
    with pytest.raises(ParseError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "unit", "decimal", "hours"),
    [
        ("1:30", "hours", ".", 1.5),
        ("01:30:00", "hours", ".", 1.5),
        ("00:00:02", "hours", ".", 2 / 3600),
        ("12:15:00 AM", "hours", ".", 0.25),
        ("1:30:00 PM", "hours", ".", 13.5),
        ("1,5", "hours", ",", 1.5),
        ("2.75", "hours", ".", 2.75),
        ("5400", "seconds", ".", 1.5),
        ("90", "minutes", ".", 1.5),
        ("90 min", "hours", ".", 1.5),
        ("1h30", "hours", ".", 1.5),
        ("2 h", "hours", ".", 2.0),
        ("26:15", "hours", ".", 26.25),
        ("", "hours", ".", None),
    ],
)
def test_durations(text: str, unit: str, decimal: str, hours: float | None) -> None:
    result = parse_duration(text, unit, decimal)
    assert result == pytest.approx(hours) if hours is not None else result is None


@pytest.mark.parametrize("text", ["deux heures", "1:75", "-2", "1;30"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ParseError):
        parse_duration(text, "hours", ",")


def test_datetimes_convert_utc_to_local_wall_clock() -> None:
    assert parse_datetime("2024-03-04T09:23:52Z") == ("2024-03-04", 10 * 3600 + 23 * 60 + 52)
    assert parse_datetime("2024-07-01T22:30:00Z") == ("2024-07-02", 30 * 60)  # summer time
    assert parse_datetime("2024-03-04 10:00") == ("2024-03-04", 10 * 3600)
    assert parse_datetime("04/03/2024 10:00", "dmy") == ("2024-03-04", 10 * 3600)


@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))
def test_twelve_hour_clock_round_trip(hour: int, minute: int, second: int) -> None:
    """Every time of day printed on a 12-hour clock reads back as the same time."""
    shown = (hour % 12) or 12
    text = f"{shown}:{minute:02d}:{second:02d} {'AM' if hour < 12 else 'PM'}"
    assert parse_time(text) == hour * 3600 + minute * 60 + second
    assert parse_duration(text) == pytest.approx(hour + minute / 60 + second / 3600)


@given(st.text(max_size=30))
def test_parsers_raise_only_parse_errors(text: str) -> None:
    """Any text either parses or raises ParseError (never another exception)."""
    for parse in (
        lambda v: parse_number(v, ","), lambda v: parse_number(v, "."), lambda v: parse_date(v),
        lambda v: parse_date(v, "mdy"), parse_time, parse_duration, parse_datetime,
    ):
        with contextlib.suppress(ParseError):
            parse(text)
