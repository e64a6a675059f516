"""What the importer says, as a message key and its parameters, rendered in the reader's language.

Every reason the importer gives — a refused row, a refused file, a note, the summary of an import — is a
:class:`Message`: a key of the catalogue (``ingest.po``, keys ``ingest.*``) and the
parameters that fill its ``{placeholders}``. It is built where the problem is found::

    raise ParseError("ingest.cell.not_date", value=text)
    rows.fail_where(mask, "work_date", Message("ingest.row.no_date"))

``str(message)`` is the English text (the command line, logs, the ``reason`` column of the store);
:meth:`Message.render` gives it in a :class:`~analytics.i18n.Translator`'s language, with numbers and
dates written the French or the English way, as markdown for the page by default (every text from the
file escaped, see :func:`analytics.i18n.escape_markdown`) or as plain text (``markdown=False``) for a
table cell or a download. :meth:`Message.params_json` and :meth:`Message.stored`
carry a message through the store (``import_rejects.reason_key/reason_params``, migration 0004), so
that rows reviewed later read in the reader's language too; a stored row without a key keeps its
stored English text.

Parameter values:

* ``str`` — shown verbatim (what the user typed, a header of the file, a file name), control
  characters written as escapes (``\\x00``, ``\\t``) so that they stay visible;
* ``int`` / ``float`` — numbers (``1 234,5`` in French); ``None`` — shown as ``–``;
* :class:`Position` — a line or column number, written as is (``line 2003``, not ``2,003``);
* ``date`` / ``datetime`` — ``4 mars 2024`` / ``4 Mar 2024`` (``… à 10:05`` with a time);
* a nested :class:`Message` — rendered in the same language (``Message("ingest.quoted", value=v)``
  quotes a value: « v » in French, 'v' in English);
* :class:`Code` — the label of a coded value (``vocab.<vocabulary>.<code>``, else the code);
* :class:`Choice` — alternatives, ``a, b or c`` / ``a, b ou c``;
* :class:`Listing` — items joined by a separator (``, `` or ``; ``, written `` ; `` in French).
"""

from __future__ import annotations

import json
import string
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, TypeAlias

import numpy as np
from babel.dates import format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal

from analytics.i18n import (
    MISSING,
    Markdown,
    Translator,
    escape_markdown,
    template,
)

PREFIX: Final[str] = "ingest."
"""The prefix of the importer's own message keys."""
ENGLISH: Final[Translator] = Translator("en")
_DATETIME_PATTERNS: Final[dict[str, str]] = {"fr": "d MMM y 'à' HH:mm", "en": "d MMM y, HH:mm"}
_SEPARATORS: Final[dict[str, dict[str, str]]] = {"fr": {"; ": " ; "}}
"""Separators written differently in a language (a space before a semicolon in French)."""


@dataclass(frozen=True)
class Position:
    """A line or column number of a file: an identifier, written without thousands separators."""

    number: int


@dataclass(frozen=True)
class Code:
    """A coded value shown by its label: ``Code("level", "coproduction")`` → Coproduction."""

    vocabulary: str
    code: str


@dataclass(frozen=True)
class Choice:
    """Alternatives: ``a, b or c`` in English, ``a, b ou c`` in French."""

    items: tuple[Param, ...]


@dataclass(frozen=True)
class Listing:
    """Items joined by ``sep`` (``, `` or ``; ``; the latter is `` ; `` in French)."""

    items: tuple[Param, ...]
    sep: str = ", "


class Message:
    """A key of the catalogue and its parameters (see the module docstring).

    ``text`` is a fixed text instead: a message without a key (:meth:`plain`, e.g. a reason stored
    before messages had keys), or the English text stored with a key, used if that key is unknown.
    """

    __slots__ = ("_english", "key", "params", "text")

    def __init__(self, key: str | None, /, **params: Param) -> None:
        self.key = key
        self.params: dict[str, Param] = {name: _normalise(value) for name, value in params.items()}
        self.text: str | None = None
        self._english: str | None = None

    @classmethod
    def plain(cls, text: str) -> Message:
        """A message that is a fixed text, the same in every language."""
        message = cls(None)
        message.text = text
        return message

    @classmethod
    def stored(cls, key: str | None, params: str | None, text: str | None) -> Message:
        """A message read back from the store: its key, its parameters as JSON and its English text.

        Without a key (rows written before migration 0004) or with unreadable parameters, the stored
        text is the message.
        """
        if not key:
            return cls.plain(text or "")
        try:
            decoded = json.loads(params) if params else {}
            message = cls(key, **{name: _decode(value) for name, value in decoded.items()})
        except (TypeError, ValueError, KeyError, AttributeError):
            return cls.plain(text or key)
        message.text = text
        return message

    # --- rendering -----------------------------------------------------------------------------

    def render(self, t: Translator, *, markdown: bool = True) -> str:
        """The message in ``t``'s language; never raises (a broken message falls back to English,
        then to the stored text, then to its key).

        With ``markdown`` (the default: a page's caption, warning or error) every text that came
        from the file — values, a stored reason, an unknown code — is escaped and the result is a
        :class:`~analytics.i18n.Markdown`; without it the text is plain (a table cell, the store).
        """
        shown = _markdown if markdown else str
        if self.key is None:
            return shown(self.text or "")
        text = template(self.key, t.lang, self.params)
        if text is None:
            return shown(self.text or self.key)
        try:
            values = {name: _render_value(value, t, markdown) for name, value in self.params.items()}
            rendered = text.format(**values)
            return Markdown(rendered) if markdown else rendered
        except Exception:  # a missing or wrong parameter: shown somehow, never raised to a page
            if t.lang != ENGLISH.lang:
                return self.render(ENGLISH, markdown=markdown)
            return shown(self.text or f"{self.key} {self.params!r}")

    def __str__(self) -> str:
        """The English text, plain (computed once: a million rows may share one message)."""
        if self._english is None:
            self._english = self.render(ENGLISH, markdown=False)
        return self._english

    def params_json(self) -> str | None:
        """The parameters as JSON for the store (None for a message without a key)."""
        if self.key is None:
            return None
        return json.dumps({name: _encode(value) for name, value in self.params.items()},
                          ensure_ascii=False, sort_keys=True)

    def keys(self) -> set[str]:
        """This message's key and those of every nested message (for the catalogue tests)."""
        found = {self.key} if self.key else set()
        for value in self.params.values():
            found |= _nested_keys(value)
        return found

    # --- value semantics -------------------------------------------------------------------------

    def _identity(self) -> tuple[Any, ...]:
        """Key and parameters (the text too for a message without a key; a keyed message's stored
        text is only its fallback)."""
        text = self.text if self.key is None else None
        return (self.key, text, tuple(sorted(self.params.items(), key=lambda item: item[0])))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        if self.key is None:
            return f"Message.plain({self.text!r})"
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"Message({self.key!r}{params})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params, self.text))


Param: TypeAlias = (
    str | int | float | date | datetime | Message | Position | Code | Choice | Listing | None
)
"""What a message parameter may be (see the module docstring)."""


def _rebuild(key: str | None, params: dict[str, Param], text: str | None) -> Message:
    """Unpickle a :class:`Message` (Streamlit caches previews by pickling them)."""
    message = Message(key, **params)
    message.text = text
    return message


class MessageError(Exception):
    """An error whose text is a :class:`Message`: ``str(error)`` is English, ``error.message`` the
    message to render in the reader's language."""

    def __init__(self, key: str | Message, /, **params: Param) -> None:
        message = key if isinstance(key, Message) else Message(key, **params)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def position(number: int | None) -> Position | None:
    """A line or column number (None stays None)."""
    return None if number is None else Position(int(number))


def quoted(value: str) -> Message:
    """A value as typed, between quotes: « value » in French, 'value' in English."""
    return Message("ingest.quoted", value=value)


def choice(items: Iterable[Param]) -> Choice:
    """``Choice`` of any iterable."""
    return Choice(tuple(items))


def listing(items: Iterable[Param], sep: str = ", ") -> Listing:
    """``Listing`` of any iterable."""
    return Listing(tuple(items), sep)


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a catalogue text uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- values ------------------------------------------------------------------------------------


def _normalise(value: Any) -> Param:
    """NumPy scalars as Python ones (a line number from an array is an ``np.int64``)."""
    if isinstance(value, np.generic):
        return value.item()  # type: ignore[no-any-return]
    return value  # type: ignore[no-any-return]


def _markdown(text: str) -> Markdown:
    """A text from the file as literal text in markdown."""
    return Markdown(escape_markdown(_visible(text)))


def _render_value(value: Param, t: Translator, markdown: bool) -> str:
    """One parameter as text; with ``markdown``, a text from the file is escaped (the app's own
    texts — catalogue labels, nested messages already rendered — are not escaped twice)."""
    if value is None:
        return MISSING
    if isinstance(value, str):
        return _markdown(value) if markdown else _visible(value)
    if isinstance(value, Message):
        return value.render(t, markdown=markdown)
    if isinstance(value, Position):
        return str(value.number)
    if isinstance(value, Code):
        label = t.label(value.vocabulary, value.code)
        return _markdown(label) if markdown and label == value.code else label
    if isinstance(value, Choice):
        rendered = [_render_value(item, t, markdown) for item in value.items]
        return format_list(rendered, style="or", locale=t.locale) if rendered else MISSING
    if isinstance(value, Listing):
        sep = _SEPARATORS.get(t.lang, {}).get(value.sep, value.sep)
        return sep.join(_render_value(item, t, markdown) for item in value.items)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return format_decimal(value, format="#,##0", locale=t.locale)
    if isinstance(value, float):
        if value != value:
            return MISSING
        return format_decimal(value, format="#,##0.###", locale=t.locale)
    if isinstance(value, datetime):
        return format_datetime(value, _DATETIME_PATTERNS[t.lang], locale=t.locale)
    if isinstance(value, date):
        return t.date(value, "medium")
    return str(value)


def _visible(text: str) -> str:
    """``text`` with control characters (and lone surrogates) escaped, everything else as is."""
    if text.isprintable():
        return text
    return "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cs") else ch.encode("unicode_escape",
                                                                           "backslashreplace")
        .decode("ascii") for ch in text)


def _encode(value: Param) -> Any:
    """A parameter as JSON-ready data (tagged objects for anything beyond text and numbers)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if value == value else None
    if isinstance(value, Message):
        if value.key is None:
            return {"$text": value.text}
        return {"$message": value.key,
                "params": {name: _encode(inner) for name, inner in value.params.items()}}
    if isinstance(value, Position):
        return {"$position": value.number}
    if isinstance(value, Code):
        return {"$code": [value.vocabulary, value.code]}
    if isinstance(value, Choice):
        return {"$or": [_encode(item) for item in value.items]}
    if isinstance(value, Listing):
        return {"$list": [_encode(item) for item in value.items], "sep": value.sep}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    return str(value)


def _decode(data: Any) -> Param:
    """The inverse of :func:`_encode`."""
    if not isinstance(data, Mapping):
        if isinstance(data, list):
            return Listing(tuple(_decode(item) for item in data))
        return data  # type: ignore[no-any-return]
    if "$text" in data:
        return Message.plain(str(data["$text"]))
    if "$message" in data:
        params = data.get("params") or {}
        return Message(str(data["$message"]), **{name: _decode(v) for name, v in params.items()})
    if "$position" in data:
        return Position(int(data["$position"]))
    if "$code" in data:
        vocabulary, code = data["$code"]
        return Code(str(vocabulary), str(code))
    if "$or" in data:
        return Choice(tuple(_decode(item) for item in data["$or"]))
    if "$list" in data:
        return Listing(tuple(_decode(item) for item in data["$list"]), str(data.get("sep", ", ")))
    if "$datetime" in data:
        return datetime.fromisoformat(str(data["$datetime"]))
    if "$date" in data:
        return date.fromisoformat(str(data["$date"]))
    raise ValueError(f"unknown message parameter {data!r}")


def _nested_keys(value: Param) -> set[str]:
    if isinstance(value, Message):
        return value.keys()
    if isinstance(value, Code):
        return {f"vocab.{value.vocabulary}.{value.code}"}
    if isinstance(value, (Choice, Listing)):
        found: set[str] = set()
        for item in value.items:
            found |= _nested_keys(item)
        return found
    return set()
