"""The audit log: who signed in, imported or downloaded what, and when.

Events go to the ``audit_log`` table of the store (migration 0003) with bound values only. The log is
not data: writing to it never changes the data version, so no cached page is recomputed. Only the
``direction`` role reads it (``pages/audit.py``).
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Final, Literal, Protocol, get_args

import duckdb
import pandas as pd

from analytics.i18n import Translator
from analytics.store.db import execute, query_df, read_sql

Action = Literal["sign_in", "sign_out", "denied", "import", "download"]
ACTIONS: Final[tuple[Action, ...]] = get_args(Action)
"""sign_in: a session opened with a role; sign_out; denied: a signed-in user without a role, or a
refused request for data; import: a file imported; download: a table downloaded."""

DISPLAY_TIMEZONE: Final[str] = "Europe/Paris"
"""Times are stored in UTC and shown in the town's time."""
DEFAULT_LIMIT: Final[int] = 1000
"""How many recent events the audit page shows."""


def log_event(
    con: duckdb.DuckDBPyConnection,
    user: str,
    role: str | None,
    action: Action,
    target: str | None = None,
    details: Mapping[str, object] | None = None,
    *,
    at: datetime | None = None,
) -> None:
    """Record one event. ``at`` defaults to now; an aware ``at`` is converted to UTC.

    ``details`` is stored as a JSON object (anything not JSON-native is written as text).
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; expected one of {ACTIONS}")
    when = at or datetime.now(UTC)
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    payload = json.dumps(dict(details), ensure_ascii=False, sort_keys=True, default=str) if details else None
    execute(
        con,
        "INSERT INTO audit_log (at_utc, user_id, role, action, target, details) VALUES (?, ?, ?, ?, ?, ?)",
        [when, user, role, action, target, payload],
    )


class ImportOutcome(Protocol):
    """What the audit log keeps of an import (``analytics.ingest.ImportResult`` has it)."""

    file: str
    format: str | None
    status: str
    rows_read: int
    rows_added: int
    rows_rejected: int
    import_id: int | None


def import_details(result: ImportOutcome) -> dict[str, object]:
    """The details of an ``import`` event: status, format, rows read, added and rejected, import id."""
    return {
        "status": result.status, "format": result.format, "import_id": result.import_id,
        "rows_read": result.rows_read, "rows_added": result.rows_added,
        "rows_rejected": result.rows_rejected,
    }


def cli_user() -> str:
    """How the command line is written in the audit log: ``cli:<system user>``."""
    return f"cli:{getpass.getuser()}"


def recent_events(
    con: duckdb.DuckDBPyConnection, limit: int = DEFAULT_LIMIT, actions: Sequence[Action] | None = None
) -> pd.DataFrame:
    """The ``limit`` most recent events, newest first, optionally only some ``actions``.

    Columns: event_id, at_utc (naive UTC), user_id, role, action, target, details (JSON text).
    """
    return query_df(
        con,
        read_sql("audit/recent_events"),
        {"limit": int(limit), "actions": list(actions) if actions is not None else None},
    )


_DETAIL_VALUES: Final[dict[str, str]] = {
    "status": "import_status", "mode": "auth_mode", "by": "auth_reason",
}
"""The details whose values are codes, and the vocabulary that labels them."""


def details_text(details: str | None, t: Translator) -> str:
    """An event's details (JSON text) as a reader reads them: « Statut : Importé · Lignes lues :
    1 200 » — each detail labelled (``audit.detail.<name>``), coded values labelled, numbers the
    language's way, empty ones left out; text that is not a JSON object is shown as it is."""
    if not details:
        return ""
    try:
        values = json.loads(details)
    except ValueError:
        return details
    if not isinstance(values, dict):
        return details
    sep = "\u00a0: " if t.lang == "fr" else ": "
    parts = []
    for name, value in values.items():
        if value is None or value == "":
            continue
        label = t(f"audit.detail.{name}")
        label = name if label == f"audit.detail.{name}" else label
        if name in _DETAIL_VALUES:
            shown = t.label(_DETAIL_VALUES[name], str(value))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            shown = t.number(value)
        else:
            shown = str(value)
        parts.append(f"{label}{sep}{shown}")
    return " · ".join(parts)


def audit_table(events: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The events as the audit page shows and downloads them: local time, labelled role and action,
    columns named in the session's language."""
    local = pd.to_datetime(events["at_utc"]).dt.tz_localize("UTC").dt.tz_convert(DISPLAY_TIMEZONE)
    return pd.DataFrame({
        t("audit.col.when"): local.dt.strftime("%Y-%m-%d %H:%M:%S"),
        t("audit.col.user"): events["user_id"],
        t("audit.col.role"): [t.label("user_role", role) if role else "–" for role in events["role"]],
        t("audit.col.action"): [t.label("audit_action", action) for action in events["action"]],
        t("audit.col.target"): events["target"].fillna(""),
        t("audit.col.details"): [details_text(d if isinstance(d, str) else None, t)
                                 for d in events["details"]],
    })
