"""Canonical templates to download: one CSV per table of :data:`analytics.schema.TABLES`, with its
exact column names and one example row, written the way a French spreadsheet expects (UTF-8 with a
BOM, ``;`` separator, decimal comma). Every template imports as is (a test checks it).

Also :func:`formula_safe`, the analytics-side guard for spreadsheet exports: no cell may start a
formula (``=``, ``+``, ``-``, ``@``, tab, carriage return).
"""

from __future__ import annotations

import io
import zipfile
from typing import Final

import pandas as pd

from analytics import schema
from analytics.i18n import Translator
from analytics.ingest.model import Reject
from analytics.schema import LOAD_ORDER, TABLES

EXAMPLE: Final[dict[str, object]] = {
    "service_id": "jeunesse", "service_name": "Jeunesse",
    "agent_id": "a001", "agent_name": "Camille Exemple",
    "valid_from": "2026-01-01", "valid_to": "", "weekly_hours": 35,
    "start_date": "2026-02-16", "end_date": "2026-02-20",
    "absence_kind": schema.ABSENCE_KINDS[0],
    "project_id": "jardins-partages", "project_name": "Jardins partagés", "theme": "Cadre de vie",
    "level": schema.LEVELS[-1], "initiative": schema.INITIATIVES[-1],
    "perimeter": schema.PERIMETERS[0], "status": schema.PROJECT_STATUSES[2],
    "planned_hours": 120.5, "priority": 1,
    "entry_id": "", "work_date": "2026-03-12", "start_time": "18:00", "end_time": "20:30",
    "hours": "", "activity": schema.ACTIVITIES[1],
    "event_id": "rdv-001", "event_date": "2026-03-12", "event_kind": schema.EVENT_KINDS[0],
    "quartier": "Centre", "attendees_count": 35,
    "participant_id": "habitante@example.org", "age_band": schema.AGE_BANDS[2],
    "role": schema.ROLES[0], "request_id": "S-2026-001", "received_on": "2026-03-02",
    "closed_on": "", "channel": schema.REQUEST_CHANNELS[0], "topic": "Éclairage rue des Écoles",
    "dimension": schema.POPULATION_DIMENSIONS[0], "category": "Centre", "population": 2300,
    "milestone_id": "c-001", "achieved_on": "2026-04-18", "title": "Première plantation",
}
"""One example value per canonical column (codes from analytics/schema.py)."""

OVERRIDES: Final[dict[tuple[str, str], object]] = {
    ("attendances", "status"): schema.ATTENDANCE_STATUSES[0],
    ("attendances", "hours"): "",
    ("requests", "status"): schema.REQUEST_STATUSES[0],
    ("requests", "project_id"): "",
    ("events", "start_time"): "18:00",
    ("events", "end_time"): "20:00",
    ("absences", "end_date"): "2026-02-20",
}
FORMULA_STARTS: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")


def template_frame(table: str) -> pd.DataFrame:
    """The template of ``table``: its columns (from analytics/schema.py) and one example row."""
    row = {column: OVERRIDES.get((table, column), EXAMPLE[column]) for column in TABLES[table]}
    return pd.DataFrame([row], columns=list(TABLES[table]))


def to_french_csv(frame: pd.DataFrame) -> bytes:
    """A frame as a CSV a French spreadsheet opens well (UTF-8 BOM, ';', decimal comma)."""
    return frame.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def template_csv(table: str) -> bytes:
    """The template of ``table`` as CSV bytes."""
    return to_french_csv(template_frame(table))


def templates_zip() -> bytes:
    """Every template in one zip (``01_services.csv`` … in dependency order)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, table in enumerate(LOAD_ORDER, start=1):
            archive.writestr(f"{index:02d}_{table}.csv", template_csv(table))
    return buffer.getvalue()


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy where no text cell can start a formula in a spreadsheet (a leading ' is added)."""
    def neutralise(value: object) -> object:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value

    return frame.map(neutralise)


def rejects_frame(rejects: list[Reject], t: Translator | None = None) -> pd.DataFrame:
    """Rejected rows as a table (line, column, reason, raw), reasons in ``t``'s language (English
    without a translator)."""
    texts: dict[int, str] = {}  # rows refused for the same bad value share one message

    def reason(reject: Reject) -> str:
        key = id(reject.message)
        if key not in texts:
            texts[key] = (reject.message.render(t, markdown=False) if t is not None
                         else reject.reason)
        return texts[key]

    return pd.DataFrame(
        [(r.line, r.column, reason(r), r.raw) for r in rejects],
        columns=["line", "column", "reason", "raw"],
    )


def rejects_csv(rejects: list[Reject], t: Translator | None = None) -> bytes:
    """Rejected rows as a formula-safe French CSV (reasons in ``t``'s language)."""
    return to_french_csv(formula_safe(rejects_frame(rejects, t)))
