"""What the store kept about past imports, read back in the reader's language.

Refused rows (``import_rejects``) and the sentence about each import (``imports.message``) are stored
with their message key and parameters (migration 0004), so that the Data page shows them in the
session's language; rows stored before that migration have no key and show their stored English text.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.i18n import Translator
from analytics.ingest.formats import by_name
from analytics.ingest.messages import Message
from analytics.ingest.model import Reject
from analytics.store.db import query_rows, read_sql

MESSAGE_COLUMNS: tuple[str, str] = ("message_key", "message_params")
"""Columns of the import history that only serve to rebuild its ``message``."""


def kept_rejects(con: duckdb.DuckDBPyConnection, import_id: int,
                 kind: str = "rejected") -> list[Reject]:
    """The rows kept for one import, in file order, each with its message: the refused ones
    (``kind`` 'rejected') or those that landed with a remark ('note')."""
    rows = query_rows(con, read_sql("data/rejects"), {"import_id": int(import_id), "kind": kind})
    messages: dict[tuple[str | None, str | None, str], Message] = {}
    rejects = []
    for line, column, reason, raw, key, params in rows:
        identity = (key, params, reason)
        if identity not in messages:
            messages[identity] = Message.stored(key, params, reason)
        rejects.append(Reject(line, column, messages[identity], raw))
    return rejects


def localised_history(history: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The import history (``analytics.data_health.import_history``) with each ``message``,
    format and status in ``t``'s language, without the columns that rebuild the message."""
    shown = history.drop(columns=[c for c in MESSAGE_COLUMNS if c in history.columns])
    if "format" in shown.columns:
        shown["format"] = [_format_label(value, t) for value in shown["format"]]
    if "status" in shown.columns:
        shown["status"] = [_status_label(value, t) for value in shown["status"]]
    if not set(MESSAGE_COLUMNS) <= set(history.columns):
        return shown
    if "message" in history.columns:
        shown["message"] = [
            Message.stored(_text(key), _text(params), _text(text)).render(t, markdown=False)
            for key, params, text in zip(history["message_key"], history["message_params"],
                                         history["message"], strict=True)
        ]
    return shown


def _format_label(value: object, t: Translator) -> object:
    """A stored format name ('kimai', 'canonical_projects', 'generic:Ma feuille') as a person
    reads it; a name no format has (the demo, an old store) is kept as it is."""
    if not isinstance(value, str):
        return value
    try:
        return by_name(value.split(":", 1)[0]).label().render(t, markdown=False)
    except KeyError:
        return value


def _status_label(value: object, t: Translator) -> object:
    """A stored import status ('imported', 'refused'…) in ``t``'s language (others as stored)."""
    if not isinstance(value, str):
        return value
    key = f"data.status.{value}"
    text = t.plain(key)
    return value if text == key else text


def _text(value: object) -> str | None:
    """A cell of a query result as text (None for SQL NULL, which pandas reads as None or NaN)."""
    return value if isinstance(value, str) else None
