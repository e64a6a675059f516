"""Translations and French/English formatting."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.i18n import Translator, catalogue

NBSP_CHARS = {"\u00a0", "\u202f"}


def plain(text: str) -> str:
    """Replace the non-breaking spaces babel uses with ordinary spaces, for readable asserts."""
    return "".join(" " if ch in NBSP_CHARS else ch for ch in text)


@pytest.mark.parametrize(
    ("lang", "value", "digits", "expected"),
    [
        ("fr", 1234.56, 1, "1 234,6"),
        ("en", 1234.56, 1, "1,234.6"),
        ("fr", 1234567, 0, "1 234 567"),
        ("fr", None, 0, "–"),
        ("fr", float("nan"), 0, "–"),
    ],
)
def test_number(lang: str, value: float | None, digits: int, expected: str) -> None:
    assert plain(Translator(lang).number(value, digits)) == expected


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [("fr", 0.8531, "85,3 %"), ("en", 0.8531, "85.3%"), ("fr", None, "–")],
)
def test_percent(lang: str, value: float | None, expected: str) -> None:
    assert plain(Translator(lang).percent(value)) == expected


@pytest.mark.parametrize(
    ("lang", "fmt", "expected"),
    [("fr", "medium", "26 nov. 2026"), ("fr", "short", "26/11/2026"), ("en", "short", "26/11/2026")],
)
def test_date(lang: str, fmt: str, expected: str) -> None:
    assert Translator(lang).date(date(2026, 11, 26), fmt) == expected


def test_translators_are_independent() -> None:
    """Two sessions in two languages never see each other's language (no global locale)."""
    fr, en = Translator("fr"), Translator("en")
    assert fr("nav.overview") == "Vue d'ensemble"
    assert en("nav.overview") == "Overview"
    assert fr("nav.overview") == "Vue d'ensemble"


def test_every_message_has_both_languages() -> None:
    missing = [key for key, texts in catalogue().items() if len(texts) != 2 or not all(texts)]
    assert missing == []


def test_unknown_key_is_visible_not_fatal() -> None:
    assert Translator("fr")("no.such.key") == "no.such.key"


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        Translator("de")


@pytest.mark.parametrize(
    ("code", "fr", "en"),
    [("coproduction", "Coproduction", "Co-production"), (None, "Travail ordinaire", "Ordinary work")],
)
def test_vocabulary_labels(code: str | None, fr: str, en: str) -> None:
    assert Translator("fr").label("level", code) == fr
    assert Translator("en").label("level", code) == en
