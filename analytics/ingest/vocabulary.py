"""Labels read from files: codes, their French and English labels, common synonyms, and the rest.

``coproduction``, ``Coproduction``, ``Co-production`` and ``co production`` all read as the code
``coproduction``; the labels come from the message catalogue (``vocab.po``), so the
words shown in the app are always accepted back. A town's data is data, not an error: what happens
to a label the importer does not know depends on what the column is for.

* Descriptive columns (:data:`OPEN`: activity, event kind, absence kind, request channel, age band,
  perimeter) keep the label as written ("animation", a quartier's name as perimeter, "18-29").
* Columns that drive a computation (:data:`CODED`: level, project status, initiative, attendance
  role and status, request status) take the code a person chose for the label (a
  :data:`ValueMap`, saved by name with a column mapping), else land empty and are counted in the
  import's summary: hours are never lost to a label.
* Only a population row of an unknown ``dimension`` is refused (:data:`STRICT`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final, TypeAlias

import numpy as np
import pandas as pd

from analytics import schema
from analytics.ingest.formats import normalise_header
from analytics.ingest.messages import Code, choice
from analytics.ingest.parse import ParseError, parse_column

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
    "activity": {"reunion": "meeting", "reunions": "meeting", "reunion publique": "meeting",
                 "reunions publiques": "meeting", "rencontre": "meeting", "meetings": "meeting",
                 "suivi": "follow_up",
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

OPEN: Final[frozenset[str]] = frozenset(
    {"activity", "event_kind", "absence_kind", "channel", "age_band", "perimeter"})
"""Descriptive vocabularies: a known spelling becomes its code, any other label is kept as written
(a town's own activity, a quartier's name as perimeter, a registration form's age band)."""
CODED: Final[tuple[str, ...]] = (
    "level", "status", "initiative", "role", "attendance_status", "request_status")
"""Vocabularies that drive a computation: a value the importer cannot place lands empty (level
empty = ordinary work) unless a person maps it to a code (:class:`ValueMap`)."""
STRICT: Final[frozenset[str]] = frozenset({"dimension"})
"""Vocabularies whose unknown values make the row unusable (a population row of another dimension)."""
_NO_LEVEL: Final[frozenset[str]] = frozenset({"none", "aucun", "aucune", "sans", "ordinaire"})
_AGE_RANGE: Final[re.Pattern[str]] = re.compile(
    r"^(?:de )?(\d{1,3}) (?:a |to |au )?(\d{1,3})(?: ans?| years?| yrs?)?$")
_AGE_OVER: Final[re.Pattern[str]] = re.compile(
    r"^(?:plus de |over |>=? ?)?(\d{1,3}) ?(?:ans?|years?)? ?(?:\+|et \+|et plus|and over|or more|ou plus)?$")
_AGE_UNDER: Final[re.Pattern[str]] = re.compile(r"^(?:moins de |under |< ?)(\d{1,3})(?: ans?| years?)?$")

ValueMap: TypeAlias = Mapping[str, Mapping[str, str]]
"""Codes chosen by a person for labels the importer could not place: vocabulary → normalised label
(:func:`label_key`) → code ('' = leave empty)."""


@cache
def lookup(vocabulary: str) -> dict[str, str]:
    """Normalised spelling → code for one vocabulary (codes, app labels, synonyms)."""
    from analytics.i18n import LANGUAGES, area_texts

    labels = [area_texts(lang, "vocab") for lang in LANGUAGES]
    table: dict[str, str] = {}
    for code in CODES[vocabulary]:
        table[normalise_header(code)] = code
        for texts in labels:
            text = texts.get(f"vocab.{vocabulary}.{code}")
            if text:
                table.setdefault(normalise_header(text), code)
    for spelling, code in EXTRA.get(vocabulary, {}).items():
        table.setdefault(spelling, code)
    return table


def label_key(text: str) -> str:
    """The spelling a label is recognised by: accents, case, dashes and spacing ignored."""
    return normalise_header(text)


def age_band(text: str) -> str:
    """An age band written the one way: ``18 à 29 ans`` / ``18-29`` → ``18-29``; ``75 ans et plus`` /
    ``75+`` → ``75+``; ``moins de 15 ans`` → ``0-14``. Anything else is kept as written, so that the
    participants' bands and the population table's categories meet whatever bands a town uses."""
    key = label_key(text)
    if match := _AGE_RANGE.match(key):
        return f"{int(match[1])}-{int(match[2])}"
    if (match := _AGE_UNDER.match(key)) and int(match[1]) > 0:
        return f"0-{int(match[1]) - 1}"
    if (match := _AGE_OVER.match(key)) and (key.endswith(("+", "plus", "over", "more"))
                                            or key.startswith(("plus de", "over", ">"))):
        return f"{int(match[1])}+"
    return " ".join(text.split())


def _as_written(text: str) -> str:
    """A label kept as the file writes it (inner runs of spaces made one)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Reading:
    """How one cell of a vocabulary column was read: ``code`` is what the store gets (None = empty),
    ``unplaced`` is True for a label of a coded vocabulary the importer could not place."""

    code: str | None
    unplaced: bool = False


def read_label(text: str, vocabulary: str, chosen: Mapping[str, str] | None = None) -> Reading:
    """The stored value of one cell of ``vocabulary``.

    Known spellings (codes, the app's French and English labels, common synonyms; accents and case
    ignored) give the code. Otherwise: an open vocabulary keeps the label as written; a coded one
    takes the code a person chose for it (``chosen``: :func:`label_key` → code, '' = empty), else
    lands empty and is reported as unplaced; a strict one is refused (:class:`ParseError`).
    """
    value = text.strip()
    if not value:
        return Reading(None)
    key = label_key(value)
    if vocabulary == "age_band":
        return Reading(age_band(value))
    code = lookup(vocabulary).get(key)
    if code is not None:
        return Reading(code)
    if vocabulary == "level" and key in _NO_LEVEL:
        return Reading(None)
    if vocabulary in OPEN:
        return Reading(_as_written(value))
    if chosen is not None and key in chosen:
        return Reading(chosen[key] or None)
    if vocabulary in STRICT:
        allowed = choice(Code(vocabulary, code) for code in CODES[vocabulary])
        raise ParseError("ingest.cell.unknown_value", value=value, allowed=allowed)
    return Reading(None, unplaced=True)


def map_column(values: pd.Series, vocabulary: str,
               chosen: Mapping[str, str] | None = None) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(stored value per row, error per row, True where the row's label could not be placed) of a
    column read against a vocabulary (:func:`read_label`)."""
    readings, rows, messages = parse_column(values, lambda text: read_label(text, vocabulary, chosen))
    # per distinct label, then spread to the rows (a million rows hold a handful of labels)
    codes = pd.array([r.code if r is not None else None for r in readings], dtype="str")
    unplaced = np.array([bool(r is not None and r.unplaced) for r in readings], dtype=bool)
    errors = np.empty(len(messages), dtype=object)
    errors[:] = messages
    if not len(rows):
        return pd.Series(codes[:0]), errors[:0], unplaced[:0]
    return pd.Series(codes.take(rows)), errors[rows], unplaced[rows]


def unplaced_labels(values: pd.Series, vocabulary: str,
                    chosen: Mapping[str, str] | None = None) -> dict[str, int]:
    """The distinct labels of a coded column that cannot be placed (as first written) and their
    number of rows, most frequent first."""
    if vocabulary not in CODED:
        return {}
    counts = values.astype("str").fillna("").str.strip().value_counts()
    found: dict[str, int] = {}
    seen: dict[str, str] = {}
    for text, rows in counts.items():
        if not text or not read_label(str(text), vocabulary, chosen).unplaced:
            continue
        key = label_key(str(text))
        first = seen.setdefault(key, str(text))
        found[first] = found.get(first, 0) + int(rows)
    return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))
