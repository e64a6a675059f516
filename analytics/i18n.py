"""Translations and French/English formatting, without any global state.

A :class:`Translator` is made per user session (``Translator("fr")``); nothing here changes a
process-wide locale. Messages live in gettext catalogues, one per language and area:
``analytics/locales/<lang>/LC_MESSAGES/<area>.po``. Their msgids are symbolic keys
(``capacity.legal.count``), the msgstr is the text; a message that agrees with a number is a plural
entry (``msgid_plural``, ``msgstr[0]``, ``msgstr[1]``) whose form the ``count`` value chooses by the
catalogue's ``Plural-Forms`` rule (French ``n > 1``: « 0 agent », « 1 agent », « 2 agents »;
English ``n != 1``). The ``.po`` files are read with Babel at first use (no compile step).
Numbers and dates are formatted by babel with the ``fr_FR`` or ``en_GB`` conventions
(``1 234,5`` and ``26 nov. 2026`` in French).

Texts from data are escaped for Streamlit markdown where they are interpolated: ``t(key, **values)``
escapes every ``str`` value (:func:`escape_markdown`) and returns a :class:`Markdown`, so that a
service called ``![x](http://host/p.png)`` shows as typed and no image is fetched. ``t.plain`` fills
the same placeholders unescaped, for sinks that are not markdown (table cells, plotly text — see
``analytics.figures.chart_text`` —, the HTML report, the command line). A value that is already
markdown made by the app (a text ``t`` returned) is passed as a :class:`Markdown` and kept as is.
"""

from __future__ import annotations

import gettext
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Final

from babel.dates import format_date as _babel_date
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from analytics import formats

LANGUAGES: Final[tuple[str, ...]] = ("fr", "en")
BABEL_LOCALES: Final[dict[str, str]] = {"fr": "fr_FR", "en": "en_GB"}
MISSING: Final[str] = formats.MISSING
"""What a number that is undefined (None, NaN) is shown as."""


LOCALES_DIR: Final[Path] = Path(__file__).resolve().parent / "locales"
"""Where the catalogues are: ``<lang>/LC_MESSAGES/<area>.po``."""


def po_files(lang: str) -> list[Path]:
    """The catalogue files of ``lang``, one per area, in name order."""
    return sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po"))


@cache
def po_catalogue(lang: str, area: str) -> Catalog:
    """The Babel catalogue of one area of ``lang`` (``<lang>/LC_MESSAGES/<area>.po``), read once."""
    with (LOCALES_DIR / lang / "LC_MESSAGES" / f"{area}.po").open("rb") as handle:
        return read_po(handle, locale=lang, domain=area, abort_invalid=True)


@cache
def po_catalogues(lang: str) -> Mapping[str, Catalog]:
    """The Babel catalogues of ``lang`` by area (file name without ``.po``), as read from disk."""
    return {path.stem: po_catalogue(lang, path.stem) for path in po_files(lang)}


@cache
def area_texts(lang: str, area: str) -> Mapping[str, str]:
    """The translated plain texts of one area's catalogue by key: for a caller that needs one
    area (the importer's vocabulary labels) without reading every catalogue (a tenth of a
    second per language)."""
    return {key: message.string for message in po_catalogue(lang, area)
            if (key := message_key(message)) and isinstance(message.string, str) and message.string}


@dataclass(frozen=True)
class Messages:
    """The messages of one language: plain texts and plural forms by key, and the language's
    gettext plural rule (the form index of a whole count)."""

    texts: Mapping[str, str]
    plurals: Mapping[str, tuple[str, ...]]
    plural_index: Callable[[int], int]


def message_key(message: Message) -> str:
    """The key of a catalogue entry: its msgid (the singular msgid of a plural entry)."""
    return str(message.id[0]) if isinstance(message.id, tuple | list) else str(message.id)


@cache
def messages(lang: str) -> Messages:
    """Every entry of ``lang``'s catalogues, merged (a key defined twice is an error); an entry
    left untranslated (an empty msgstr) counts as missing."""
    texts: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    rule = "(n != 1)"
    for area, catalogue in po_catalogues(lang).items():
        rule = catalogue.plural_expr
        for message in catalogue:
            key = message_key(message)
            if not key:
                continue
            if key in texts or key in plurals:
                raise ValueError(f"message key {key!r} defined twice ({lang}, in {area}.po)")
            if isinstance(message.string, tuple | list):
                if all(message.string):
                    plurals[key] = tuple(message.string)
            elif message.string:
                texts[key] = message.string
    return Messages(texts, plurals, gettext.c2py(rule))


def plural_index(lang: str, count: float) -> int:
    """Which form of a plural entry ``count`` takes in ``lang``: the catalogue's ``Plural-Forms``
    rule applied to ``abs(count)``, as gettext's ``ngettext`` does. gettext's rules are for whole
    numbers; a fractional count (« 1,5 mois », « 2.5 months ») takes the last (plural) form."""
    number = abs(count)
    if float(number).is_integer():
        return messages(lang).plural_index(int(number))
    return -1


def plural_form(lang: str, count: float) -> str:
    """'one' when ``count`` takes the singular form in ``lang`` (French: 0 and 1; English: only
    1), 'other' otherwise."""
    return "one" if plural_index(lang, count) == 0 else "other"


@cache
def catalogue() -> Mapping[str, tuple[str, str]]:
    """A flat view of both languages, for checks and tools: key → (French, English); a plural
    entry shows as ``key.one`` (its first form) and ``key.other`` (its last). A key missing in one
    language has an empty text there."""
    flat = [_flat(messages(lang)) for lang in LANGUAGES]
    return {key: (flat[0].get(key, ""), flat[1].get(key, "")) for key in sorted(set().union(*flat))}


def _flat(entries: Messages) -> dict[str, str]:
    flat = dict(entries.texts)
    for key, forms in entries.plurals.items():
        flat[f"{key}.one"], flat[f"{key}.other"] = forms[0], forms[-1]
    return flat


def placeholders(text: str) -> frozenset[str]:
    """The names of the ``{name}`` placeholders of a message text: what a caller must pass (a
    definition written as a template of the thresholds in force names them, « plus de
    {max_daily_hours} h »); values it does not name are ignored."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def template(key: str, lang: str, values: Mapping[str, object]) -> str | None:
    """The text of ``key`` in ``lang``; a plural entry takes the form of its ``count`` value
    (:func:`plural_index`). None when the catalogue has no such key, or when a plural entry is
    given no number as ``count``."""
    entries = messages(lang)
    text = entries.texts.get(key)
    if text is not None:
        return text
    forms = entries.plurals.get(key)
    count = values.get("count")
    if forms is None or isinstance(count, bool) or not isinstance(count, int | float):
        return None
    return forms[plural_index(lang, count)]


_FIRST_DAY = re.compile(r"(?<!\d)1(?=[ \u00a0\u202f][^\W\d_])")


def french_first(text: str) -> str:
    """A French date of the first of a month with the ordinal French writes: « 1 janv. 2027 » →
    « 1er janv. 2027 », « mardi 1 juin » → « mardi 1er juin »; numeric dates (« 01/06/2027 »)
    are left as they are."""
    return _FIRST_DAY.sub("1er", text, count=1)


class Markdown(str):
    """A text that is already safe markdown, made by the app (``t``'s own result, a bold label…):
    interpolated as is by ``t``. Never wrap a text that comes from data. Two of them added are
    still one (``t(a) + t(b)``); anything else added to one is a plain ``str``."""

    __slots__ = ()

    def __add__(self, other: str) -> str:
        joined = str.__add__(self, other)
        return Markdown(joined) if isinstance(other, Markdown) else joined

    @staticmethod
    def join(separator: str, parts: Iterable[Markdown]) -> Markdown:
        """``separator.join(parts)`` (the separator is the app's own text), still markdown."""
        return Markdown(separator.join(parts))


WORD_JOINER: Final[str] = "\u2060"
"""An invisible character that stops GFM autolinks (``http://``, ``www.``, ``a@b.fr``) and
Streamlit's ``:directives:`` from forming, without changing what the reader sees."""
_MD_SPECIAL: Final[re.Pattern[str]] = re.compile(r"([\\`*_\[\]<>$~|&#])")
"""Characters that open markdown or HTML inline anywhere in a line (CommonMark lets a backslash
escape any of them)."""
_MD_LINE_START: Final[re.Pattern[str]] = re.compile(
    r"^(\s*)(?:([-+=])(?=[\s\-+=]|$)|(\d+)([.)])(?=\s|$))")
"""What starts a list or a heading underline when a value opens a line (``- ``, ``1. ``, ``===``;
not ``-0,5``)."""
_AUTOLINK: Final[re.Pattern[str]] = re.compile(r"(?i)(:)(?=[a-z/])|(w)(?=ww\.)|(@)")


def escape_markdown(text: str) -> str:
    """``text`` as literal text in Streamlit markdown: markdown and HTML specials backslash-escaped,
    a value opening a line cannot start a list or quote, autolinks and ``:directives:`` broken by a
    word joiner (after ``:`` before a letter, inside ``www.``, before ``@``), line breaks as spaces.
    What the reader sees is ``text`` unchanged (:func:`plain_text` gives it back)."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(
        lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"),
        text, count=1)
    return _AUTOLINK.sub(
        lambda m: f"{m.group(1)}{WORD_JOINER}" if m.group(1) else (
            f"{m.group(2)}{WORD_JOINER}" if m.group(2) else f"{WORD_JOINER}@"), text)


_UNESCAPE: Final[re.Pattern[str]] = re.compile(r"\\([\\`*_\[\]<>$~|&#+\-=.)])|\u2060")


def plain_text(markdown: str) -> str:
    """The text a reader sees of an escaped value (:func:`escape_markdown` undone): for a text
    built for markdown that must go to a sink that is not markdown (the HTML report escapes it
    again its own way)."""
    return _UNESCAPE.sub(lambda m: m.group(1) or "", markdown)


def _md_value(value: object) -> object:
    """A placeholder value for markdown: a data ``str`` escaped, a :class:`Markdown` kept, numbers
    and dates as they are (their format spec applies)."""
    if isinstance(value, str) and not isinstance(value, Markdown):
        return escape_markdown(value)
    return value


@dataclass(frozen=True)
class Translator:
    """Text and number formatting for one language ('fr' by default)."""

    lang: str = "fr"

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"unsupported language {self.lang!r}; expected one of {LANGUAGES}")

    @property
    def locale(self) -> str:
        return BABEL_LOCALES[self.lang]

    def __call__(self, key: str, **values: object) -> Markdown:
        """The message ``key`` in this language, as markdown: ``{name}`` placeholders filled with
        the values, every ``str`` value escaped (:func:`escape_markdown`) unless it is already
        :class:`Markdown` (such as another call's result).

        A plural entry takes the form of ``count`` (:func:`plural_index`).
        An unknown key is returned as is, so that a missing translation is visible, not fatal.
        """
        return Markdown(self._fill(key, {name: _md_value(v) for name, v in values.items()}))

    def plain(self, key: str, **values: object) -> str:
        """The message ``key`` with its values as they are, for a sink that is not markdown
        (a table cell, a file name, plotly text after ``chart_text``, the command line)."""
        return self._fill(key, values)

    def _fill(self, key: str, values: Mapping[str, object]) -> str:
        text = template(key, self.lang, values)
        if text is None:
            return key
        return text.format(**values) if values else text

    def label(self, vocabulary: str, code: str | None) -> str:
        """The display label of a coded value, e.g. ``label('level', 'coproduction')``."""
        if code is None:
            code = "none"
        key = f"vocab.{vocabulary}.{code}"
        text = self(key)
        return code if text == key else text

    def number(self, value: float | int | None, digits: int = 0) -> str:
        """A number of no particular kind: ``1 234,5`` in French, ``1,234.5`` in English, a minus
        sign U+2212 when negative; ``–`` when undefined (:func:`analytics.formats.decimal`)."""
        return formats.decimal(value, self.locale, digits)

    def percent(self, value: float | None) -> str:
        """A share as a percentage, at most one decimal: 0.4531 → ``45,3 %`` in French, ``45.3%``
        in English (:func:`analytics.formats.share`, the one rule of shares)."""
        return formats.share(value, self.locale)

    def share(self, value: float | None) -> str:
        """A share: :func:`analytics.formats.share`."""
        return formats.share(value, self.locale)

    def ratio(self, value: float | None) -> str:
        """A coefficient such as a Gini index: ``0,23`` (:func:`analytics.formats.ratio`)."""
        return formats.ratio(value, self.locale)

    def count(self, value: float | int | None) -> str:
        """A whole number: ``1 234`` (:func:`analytics.formats.count`)."""
        return formats.count(value, self.locale)

    def signed(self, value: float | None) -> str:
        """A change, always signed: ``+1,77``, ``−1,77`` (:func:`analytics.formats.signed`)."""
        return formats.signed(value, self.locale)

    def hours(self, value: float | None) -> str:
        """A number of hours, at most one decimal: ``1 234 h``, ``10,5 h``
        (:func:`analytics.formats.hours`)."""
        return formats.hours(value, self.locale)

    def date(self, value: date | datetime | None, fmt: str = "medium") -> str:
        """A date: ``26 nov. 2026`` (medium) or ``26/11/2026`` (short) in French; the first of a
        month written with its name is ``1er janv. 2027`` (:func:`french_first`)."""
        if value is None:
            return MISSING
        text = _babel_date(value, format=fmt, locale=self.locale)
        return french_first(text) if self.lang == "fr" and value.day == 1 else text

    def indicator(self, kind: str, value: float | int | None) -> str:
        """A value written by the rule of its kind (share, ratio, hours, count, days, signed:
        :func:`analytics.formats.by_kind`)."""
        return formats.by_kind(kind, value, self.locale)


def iso_week(t: Translator, day: date) -> str:
    """The ISO week of ``day`` as a label: « 2026-S36 » in French (semaine), « 2026-W36 » in
    English; the year is the ISO week's year (« 2027-S01 » for Monday 4 January 2027)."""
    year, week, _ = day.isocalendar()
    return t("common.iso_week", year=str(year), week=f"{week:02d}")


def counted(t: Translator, key: str, count: float, digits: int = 0, **values: object) -> str:
    """The plural entry ``key`` in the form of ``count`` (« 1 constat », « 3 constats »), its
    ``{n}`` placeholder being ``count`` written the language's way (``1 234``) with ``digits``
    decimals; ``values`` fill the other placeholders."""
    number = float(count) if digits else round(float(count))
    return t(key, count=number, n=t.number(number, digits), **values)
