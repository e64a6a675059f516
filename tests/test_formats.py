"""One formatting rule per kind of number, the same in every language's conventions and in every
place (tiles, tables, report, figures' labels): kind × language → the text a person reads."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import formats
from analytics.i18n import Translator

NNBSP, NBSP, MINUS = "\u202f", "\u00a0", "\u2212"


@pytest.mark.parametrize(
    ("kind", "lang", "value", "expected"),
    [
        ("share", "fr", 0.4531, f"45,3{NNBSP}%"),
        ("share", "en", 0.4531, "45.3%"),
        ("share", "fr", 1.2, f"120{NNBSP}%"),
        ("share", "fr", 0.0471, f"4,7{NNBSP}%"),
        ("share", "fr", 12.345, f"1{NNBSP}234,5{NNBSP}%"),
        ("share", "fr", -0.03, f"{MINUS}3{NNBSP}%"),
        ("share", "fr", None, "–"),
        ("ratio", "fr", 0.2345, "0,23"),
        ("ratio", "en", 0.2345, "0.23"),
        ("ratio", "fr", float("nan"), "–"),
        ("hours", "fr", 1234.4, f"1{NNBSP}234,4{NBSP}h"),
        ("hours", "en", 1234.0, f"1,234{NBSP}h"),
        ("hours", "fr", 10.5, f"10,5{NBSP}h"),
        ("hours", "fr", 48.0, f"48{NBSP}h"),
        ("count", "fr", 4000, f"4{NNBSP}000"),
        ("count", "en", 4000, "4,000"),
        ("count", "fr", 1234567, f"1{NNBSP}234{NNBSP}567"),
        ("count", "fr", -12, f"{MINUS}12"),
        ("days", "fr", 12.46, f"12,5{NBSP}j"),
        ("days", "en", 12.46, f"12.5{NBSP}d"),
        ("signed", "fr", -1.77, f"{MINUS}1,77"),
        ("signed", "en", -1.77, f"{MINUS}1.77"),
        ("signed", "fr", 0.12, "+0,12"),
        ("signed", "fr", 0.0, "0,00"),
        ("signed", "fr", -1234.5, f"{MINUS}1{NNBSP}234,50"),
    ],
)
def test_each_kind_has_one_rule(kind: str, lang: str, value: float | None, expected: str) -> None:
    t = Translator(lang)
    assert formats.by_kind(kind, value, t.locale) == expected
    assert t.indicator(kind, value) == expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_translator_methods_follow_the_rules(lang: str) -> None:
    t = Translator(lang)
    assert t.percent(0.4531) == t.share(0.4531) == formats.share(0.4531, t.locale)
    assert t.ratio(0.2345) == formats.ratio(0.2345, t.locale)
    assert t.hours(10.46) == formats.hours(10.46, t.locale)
    assert t.count(4000) == formats.count(4000, t.locale)
    assert t.signed(-1.77) == formats.signed(-1.77, t.locale)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_negative_number_is_written_with_a_hyphen(lang: str) -> None:
    t = Translator(lang)
    for text in (t.number(-1.77, 2), t.percent(-0.5), t.hours(-3), t.signed(-0.01), t.ratio(-0.2)):
        assert "-" not in text and MINUS in text


@pytest.mark.parametrize("dtype", ["float64", "Float64"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_column_of_shares_reads_as_each_share(lang: str, dtype: str) -> None:
    """The heatmap's vectorised labels are the same text as the tiles' shares."""
    locale = Translator(lang).locale
    values = pd.Series([1.14, 1.1412, 0.0471, 0.0, -0.25, None, 12.345, 0.99999, 1.14,
                        123.4567], dtype=dtype)
    assert formats.share_column(values, locale).tolist() == [
        formats.share(None if pd.isna(v) else float(v), locale) for v in values
    ]


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        formats.by_kind("percent", 0.5, "fr_FR")


@pytest.mark.parametrize(
    ("kind", "values", "header", "expected"),
    [
        ("share", [0.4531, None], "Part (%)", [45.3, None]),
        ("hours", [12.345, 3.0], "Heures", [12.3, 3.0]),
        ("count", [4.0, None], "Participants", [4, None]),
        ("ratio", [0.2345], "Gini", [0.2345]),
    ],
)
def test_downloads_hold_numbers_in_a_documented_unit(
    kind: str, values: list[float | None], header: str, expected: list[float | None]
) -> None:
    base = header.removesuffix(formats.PERCENT_SUFFIX)
    name, column = formats.export_column(kind, base, pd.Series(values, dtype="float64"))
    assert name == header
    assert [None if pd.isna(v) else v for v in column] == expected


def test_engagement_and_capacity_downloads_name_shares_alike() -> None:
    """A share column is « … (%) » with 45.3 in both pages' downloads."""
    from analytics.capacity.tables import present
    from analytics.engagement.tables import Table, export_frame

    t = Translator("fr")
    capacity = present(pd.DataFrame({"load_ratio": [0.4531]}),
                       [("load_ratio", "capacity.col.load", "share")], t)
    engagement = export_frame(Table("x", "X", pd.DataFrame({"Part": [0.4531], "N": [3.0]}),
                                    {"Part": "share", "N": "count"}))
    assert list(capacity.columns) == [f"{t('capacity.col.load')} (%)"]
    assert list(engagement.columns) == ["Part (%)", "N"]
    assert capacity.iloc[0, 0] == engagement.iloc[0, 0] == 45.3
    assert engagement["N"].tolist() == [3]
