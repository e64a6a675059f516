"""Coded values read from files: codes, their French and English labels, and common synonyms.

``coproduction``, ``Coproduction``, ``Co-production`` and ``co production`` all read as the code
``coproduction``; the labels come from the message catalogue (``analytics/locales/vocab.py``), so the
words shown in the app are always accepted back.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import numpy as np
import pandas as pd

from analytics import schema
from analytics.ingest.formats import normalise_header
from analytics.ingest.messages import Code, choice
from analytics.ingest.parse import ParseError, column_values

CODES: Final[dict[str, tuple[str, ...]]] = {
    "level": schema.LEVELS,
    "initiative": schema.INITIATIVES,
    "perimeter": schema.PERIMETERS,
    "status": schema.PROJECT_STATUSES,
    "event_kind": schema.EVENT_KINDS,
    "activity": schema.ACTIVITIES,
    "role": schema.ROLES,
    "attendance_status": schema.ATTENDANCE_STATUSES,
    "absence_kind": schema.ABSENCE_KINDS,
    "channel": schema.REQUEST_CHANNELS,
    "request_status": schema.REQUEST_STATUSES,
    "age_band": schema.AGE_BANDS,
    "dimension": schema.POPULATION_DIMENSIONS,
}
"""Vocabulary name → the codes the store holds."""

COLUMN_VOCABULARY: Final[dict[tuple[str, str], str]] = {
    ("projects", "level"): "level",
    ("projects", "initiative"): "initiative",
    ("projects", "perimeter"): "perimeter",
    ("projects", "status"): "status",
    ("time_entries", "activity"): "activity",
    ("events", "event_kind"): "event_kind",
    ("participants", "age_band"): "age_band",
    ("attendances", "role"): "role",
    ("attendances", "status"): "attendance_status",
    ("absences", "absence_kind"): "absence_kind",
    ("requests", "channel"): "channel",
    ("requests", "status"): "request_status",
    ("population", "dimension"): "dimension",
}
"""(table, column) → vocabulary name."""

EXTRA: Final[dict[str, dict[str, str]]] = {
    "level": {"info": "information", "co production": "coproduction", "fifty fifty": "coproduction",
              "concertation": "consultation"},
    "initiative": {"mairie": "municipality", "ville": "municipality", "commune": "municipality",
                   "municipalite": "municipality", "habitants": "residents", "habitant": "residents",
                   "town": "municipality", "citizens": "residents"},
    "perimeter": {"ville": "commune", "town": "commune", "intercommunalite": "intercommunal",
                  "agglomeration": "intercommunal", "neighbourhood": "quartier"},
    "status": {"propose": "proposed", "prevu": "planned", "programme": "planned",
               "planifie": "planned", "actif": "active", "en cours": "active",
               "termine": "done", "fini": "done", "acheve": "done", "refuse": "declined",
               "abandonne": "declined"},
    "event_kind": {"reunion": "public_meeting", "reunion publique": "public_meeting",
                   "atelier": "workshop", "chantier": "site_work", "balade": "walk",
                   "marche": "walk", "fete": "festivity", "festivite": "festivity",
                   "meeting": "public_meeting"},
    "activity": {"reunion": "meeting", "reunions": "meeting", "suivi": "follow_up",
                 "chantier": "site_work", "chantiers": "site_work", "ordinaire": "ordinary",
                 "prepa": "preparation", "follow up": "follow_up"},
    "role": {"habitante": "resident", "benevole": "volunteer", "volontaire": "volunteer",
             "asso": "association"},
    "attendance_status": {"present": "attended", "presente": "attended", "oui": "attended",
                          "yes": "attended", "absent": "no_show", "absente": "no_show",
                          "non": "no_show", "no": "no_show", "no show": "no_show"},
    "absence_kind": {"conge": "leave", "conges": "leave", "cp": "leave", "rtt": "leave",
                     "vacances": "leave", "arret maladie": "sickness", "malade": "sickness",
                     "stage": "training"},
    "channel": {"lettre": "letter", "rue": "street", "mail": "email", "e mail": "email",
                "tel": "phone", "site": "website", "web": "website", "internet": "website"},
    "request_status": {"nouvelle": "open", "ouvert": "open", "en attente": "open",
                       "fermee": "closed", "traitee": "closed", "close": "closed",
                       "refuse": "declined", "refusee": "declined"},
    "dimension": {"tranche d'age": "age_band", "age": "age_band", "classe d'age": "age_band"},
}
"""Common synonyms beyond the app's own labels (normalised spelling → code)."""

_LABEL_PREFIX: Final[dict[str, str]] = {"request_status": "request_status"}


@cache
def lookup(vocabulary: str) -> dict[str, str]:
    """Normalised spelling → code for one vocabulary (codes, app labels, synonyms)."""
    from analytics.i18n import catalogue

    table: dict[str, str] = {}
    for code in CODES[vocabulary]:
        table[normalise_header(code)] = code
        for texts in (catalogue().get(f"vocab.{vocabulary}.{code}"),):
            for text in texts or ():
                table.setdefault(normalise_header(text), code)
    for spelling, code in EXTRA.get(vocabulary, {}).items():
        table.setdefault(spelling, code)
    if vocabulary == "age_band":
        for code in CODES[vocabulary]:
            table.setdefault(normalise_header(code.replace("-", " a ") + " ans"), code)
            table.setdefault(normalise_header(code + " ans"), code)
    return table


def to_code(text: str, vocabulary: str, strict: bool) -> str | None:
    """The code of one cell; unknown values raise (strict) or read as None (lenient).

    The refusal lists what is accepted by its labels in the reader's language (labels are read
    back as well as codes).
    """
    value = text.strip()
    if not value:
        return None
    key = normalise_header(value)
    if vocabulary == "age_band":
        key = key.replace(" ", "")
        key = {k.replace(" ", ""): v for k, v in lookup(vocabulary).items()}.get(key, key)
        if key in CODES[vocabulary]:
            return key
    code = lookup(vocabulary).get(key)
    if code is None and vocabulary == "level" and key in ("none", "aucun", "aucune", "sans"):
        return None
    if code is None and strict:
        allowed = choice(Code(vocabulary, code) for code in CODES[vocabulary])
        raise ParseError("ingest.cell.unknown_value", value=value, allowed=allowed)
    return code


def map_column(values: pd.Series, vocabulary: str, strict: bool) -> tuple[pd.Series, np.ndarray]:
    """(codes per row, error per row) of a column read against a vocabulary."""
    return column_values(values, lambda text: to_code(text, vocabulary, strict), kind="str")
