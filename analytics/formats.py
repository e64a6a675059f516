"""One formatting rule per kind of number, for every place a number is written for a person.

Tiles, tables, figures' labels, the report and the command line all write a value through one of
these functions (usually by way of :class:`analytics.i18n.Translator`, which passes its locale), so
that one number reads the same everywhere. CSV downloads do not: they hold the raw number, in the
unit their column name says (:data:`CSV_UNITS`).

==============  ==================================  ======================  ===================
kind            rule                                French                  English
==============  ==================================  ======================  ===================
``share``       a part of a whole, or a load       « 45,3 % », « 120 % »   « 45.3% », « 120% »
                against capacity, as a percentage
                with at most one decimal
``ratio``       a coefficient (Gini index),         « 0,23 »                « 0.23 »
                two decimals
``hours``       hours with at most one decimal      « 1 234 h », « 10,5 h » « 1,234 h »
``count``       a whole number                      « 1 234 »               « 1,234 »
``days``        days, one decimal                   « 12,5 j »              « 12.5 d »
``signed``      a change, always signed,            « +1,77 », « −1,77 »    « +1.77 », « −1.77 »
                two decimals
==============  ==================================  ======================  ===================

Every negative number is written with the minus sign U+2212 (« −1,77 »), never a hyphen; thousands
are separated as Babel says for the locale (a narrow no-break space U+202F in French). An undefined
value (None, NaN) is written :data:`MISSING`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final, Literal

import pandas as pd
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol

Kind = Literal["share", "ratio", "hours", "count", "days", "signed"]
KINDS: Final[tuple[Kind, ...]] = ("share", "ratio", "hours", "count", "days", "signed")

MISSING: Final[str] = "–"
"""How an undefined value is written (an en dash)."""
MINUS: Final[str] = "\u2212"
"""The minus sign of every negative number."""
NBSP: Final[str] = "\u00a0"

PERCENT_SUFFIX: Final[str] = " (%)"
"""Ending of the name of a downloaded (or numeric on-screen) column of shares."""

CSV_UNITS: Final[dict[Kind, str]] = {
    "share": "percentage points, to 0.1 (45.3 = 45.3 %); the column name ends with « (%) »",
    "ratio": "a coefficient, as computed (0.23)",
    "hours": "hours, to 0.1",
    "count": "a whole number",
    "days": "days, as computed",
    "signed": "a number in the column's unit, negative below zero, as computed",
}
"""What a downloaded column of each kind holds: a number, never formatted text (the spreadsheet
writes it the user's way: « 45,3 » in a French CSV)."""


def _missing(value: float | int | None) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _minus(text: str) -> str:
    """Babel's hyphen-minus replaced by the minus sign U+2212."""
    return text.replace("-", MINUS)


def decimal(value: float | int | None, locale: str, digits: int = 0) -> str:
    """A plain number with ``digits`` decimals and the locale's separators (the base of the kinds
    below; also for numbers of no kind, such as a slope's confidence bounds)."""
    if _missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return _minus(format_decimal(value, format=pattern, locale=locale))


def share(value: float | None, locale: str) -> str:
    """A share (0.4531) as a percentage with at most one decimal: « 45,3 % » / « 45.3% »;
    « 120 % » for 1.2."""
    if _missing(value):
        return MISSING
    pattern = "#,##0.#%" if locale.startswith("en") else "#,##0.#\u202f%"
    return _minus(format_percent(value, format=pattern, locale=locale))


def share_column(values: pd.Series, locale: str) -> pd.Series:
    """:func:`share` of every value of a column, for big grids (a heatmap's cells): the same text as
    :func:`share` value by value, each distinct value (to a tenth of a percent) written once."""
    point, sign = (".", "%") if locale.startswith("en") else (",", "\u202f%")
    seen: dict[float, str] = {}

    def text(tenths: float) -> str:
        whole, part = divmod(abs(tenths), 10)
        number = format_decimal(int(whole), format="#,##0", locale=locale) if whole >= 1000 \
            else str(int(whole))
        if part:
            number += point + str(int(part))
        return (MINUS if tenths < 0 else "") + number + sign

    out = []
    for tenths in (values.to_numpy(dtype=float, na_value=math.nan) * 1000).round().tolist():
        if tenths != tenths:  # undefined
            out.append(MISSING)
            continue
        try:
            out.append(seen[tenths])
        except KeyError:
            out.append(seen.setdefault(tenths, text(tenths)))
    return pd.Series(out, index=values.index, dtype=object)


def ratio(value: float | None, locale: str) -> str:
    """A coefficient with two decimals: « 0,23 »."""
    return decimal(value, locale, 2)


def hours(value: float | None, locale: str) -> str:
    """Hours with at most one decimal: « 1 234 h », « 10,5 h » (a legal excess of half an hour is
    not rounded away)."""
    if _missing(value):
        return MISSING
    return f"{_minus(format_decimal(value, format='#,##0.#', locale=locale))}{NBSP}h"


def count(value: float | int | None, locale: str) -> str:
    """A whole number: « 1 234 »."""
    return decimal(value, locale)


def days(value: float | None, locale: str) -> str:
    """Days with one decimal: « 12,5 j » / « 12.5 d »."""
    if _missing(value):
        return MISSING
    unit = "d" if locale.startswith("en") else "j"
    return f"{decimal(value, locale, 1)}{NBSP}{unit}"


def signed(value: float | None, locale: str) -> str:
    """A change, always with its sign and two decimals: « +1,77 », « −1,77 », « 0,00 »."""
    if _missing(value):
        return MISSING
    text = decimal(value, locale, 2)
    return text if text.startswith(MINUS) or float(value or 0) == 0 else f"+{text}"


FORMATS: Final[dict[Kind, Callable[[float | None, str], str]]] = {
    "share": share, "ratio": ratio, "hours": hours, "count": count, "days": days, "signed": signed,
}
"""The one function of each kind."""


def export_column(kind: str, header: str, values: pd.Series) -> tuple[str, pd.Series]:
    """A column as downloads (and numeric on-screen tables) hold it, by :data:`CSV_UNITS`: the
    header (with :data:`PERCENT_SUFFIX` for shares) and the numbers."""
    if kind == "share":
        return header + PERCENT_SUFFIX, (values.astype(float) * 100).round(1)
    if kind == "hours":
        return header, values.astype(float).round(1)
    if kind == "count":
        return header, values.astype(float).round().astype("Int64")
    return header, values


def plotly_separators(locale: str) -> str:
    """Plotly's decimal and thousands separators, as Babel writes numbers in ``locale`` (« 4 000,5 »
    with a narrow no-break space in French, « 4,000.5 » in English): a chart's ticks read as the
    tiles do."""
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def by_kind(kind: str, value: float | int | None, locale: str) -> str:
    """``value`` written by the rule of ``kind`` (one of :data:`KINDS`)."""
    if kind not in FORMATS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return FORMATS[kind](value, locale)  # type: ignore[index]
