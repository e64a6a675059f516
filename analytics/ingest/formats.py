"""The registry of recognised formats, detected from headers (never from the file name).

Each :class:`Format` names *roles* (what a column means for the canonical tables: ``work_date``,
``agent_email``, ``duration``...) and the header patterns that fill each role, normalised (lower case,
no accents, ``_``/``-`` read as spaces; ``*`` is a wildcard). Detection scores every format on a file's
headers: all its required roles must be found, and the format that recognises the largest share of
the headers wins (ties: the order of :data:`FORMATS`).

Canonical templates (one per table of :data:`analytics.schema.TABLES`) accept the English column
names and French synonyms of :data:`SYNONYMS`.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from analytics.ingest.messages import Listing, Message, choice, listing, quoted
from analytics.schema import LOAD_ORDER, TABLES

# --- header normalisation ------------------------------------------------------------------------


def normalise_header(header: str) -> str:
    """``"Nom de l’agent "`` → ``"nom de l'agent"``; ``"entry_id"`` → ``"entry id"``."""
    decomposed = unicodedata.normalize("NFKD", header.replace("’", "'"))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = re.sub(r"[\s_\-]+", " ", ascii_only.lower().strip().strip("\ufeff"))
    return text.strip(" .:")


def header_matches(header: str, pattern: str) -> bool:
    """Whether a normalised header matches one pattern (exact, or fnmatch when it holds ``*``)."""
    if "*" in pattern:
        return fnmatch.fnmatchcase(header, pattern)
    return header == pattern


# --- French synonyms of the canonical columns ----------------------------------------------------

SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "service_id": ("id service", "code service", "identifiant service"),
    "service_name": ("service", "nom du service", "nom service", "libelle service", "direction"),
    "agent_id": ("id agent", "matricule", "identifiant agent", "code agent", "identifiant"),
    "agent_name": ("agent", "nom", "nom de l'agent", "nom agent", "nom prenom", "prenom nom",
                   "nom complet", "salarie", "personne"),
    "agent_email": ("email", "e mail", "courriel", "mail", "adresse e mail", "adresse mail"),
    "first_name": ("prenom", "first name"),
    "last_name": ("nom de famille", "last name"),
    "valid_from": ("du", "debut", "date de debut", "valable du", "a partir du", "depuis"),
    "valid_to": ("au", "fin", "date de fin", "valable jusqu'au", "jusqu'au"),
    "weekly_hours": ("heures hebdomadaires", "heures par semaine", "duree hebdomadaire",
                     "temps de travail hebdomadaire", "quotite horaire", "heures hebdo"),
    "start_date": ("du", "debut", "date de debut", "premier jour"),
    "end_date": ("au", "fin", "date de fin", "dernier jour"),
    "absence_kind": ("type", "motif", "type d'absence", "nature", "nature de l'absence"),
    "project_id": ("id projet", "code projet", "identifiant projet", "n projet"),
    "project_name": ("projet", "nom du projet", "nom projet", "intitule du projet"),
    "theme": ("thematique", "domaine"),
    "level": ("niveau", "niveau d'implication", "niveau de participation", "implication"),
    "initiative": ("a l'initiative de", "porteur"),
    "perimeter": ("perimetre", "echelle"),
    "status": ("statut", "etat"),
    "planned_hours": ("heures prevues", "heures planifiees", "charge prevue", "heures estimees"),
    "priority": ("priorite", "poids"),
    "entry_id": ("id saisie", "identifiant saisie", "n saisie"),
    "work_date": ("date", "jour", "date de travail", "date de la saisie"),
    "start_time": ("heure de debut", "heure debut", "debut", "de", "arrivee"),
    "end_time": ("heure de fin", "heure fin", "fin", "a", "depart"),
    "hours": ("heures", "duree", "nombre d'heures", "nb heures", "temps", "temps passe",
              "duree (h)", "heures travaillees"),
    "activity": ("activite", "type d'activite", "tache", "nature du travail"),
    "description": ("commentaire", "commentaires", "libelle", "observations", "remarque"),
    "event_id": ("id rendez vous", "identifiant rendez vous", "id evenement", "n rendez vous"),
    "event_date": ("date", "date du rendez vous", "date de l'evenement", "jour"),
    "event_kind": ("type", "type de rendez vous", "nature", "type d'evenement", "format"),
    "quartier": ("quartier", "secteur", "iris"),
    "attendees_count": ("participants", "nombre de participants", "nb participants", "presents",
                        "nombre de presents", "nb presents", "affluence", "frequentation"),
    "title": ("titre", "intitule", "objet", "libelle"),
    "participant_id": ("id participant", "identifiant participant", "participant", "habitant"),
    "participant_name": ("nom", "nom prenom", "prenom nom", "nom du participant", "nom complet"),
    "participant_email": ("email", "e mail", "courriel", "mail", "adresse e mail"),
    "age_band": ("tranche d'age", "classe d'age", "age"),
    "role": ("role", "qualite"),
    "received_on": ("recu le", "date de reception", "date de la demande", "date", "arrivee le"),
    "closed_on": ("clos le", "date de cloture", "traite le", "date de reponse", "cloture le"),
    "channel": ("canal", "moyen", "origine", "mode de saisine"),
    "topic": ("objet", "sujet", "thematique", "theme"),
    "request_id": ("id sollicitation", "identifiant sollicitation", "n sollicitation", "numero"),
    "dimension": ("dimension", "variable"),
    "category": ("categorie", "modalite", "classe"),
    "population": ("population", "effectif", "habitants", "nombre d'habitants"),
    "milestone_id": ("id caillou", "identifiant caillou", "id jalon"),
    "achieved_on": ("date", "atteint le", "date de realisation", "realise le"),
}
"""French (and a few plain English) header synonyms per canonical column or pseudo-column."""

PSEUDO_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "agents": ("agent_email",),
    "contracts": ("agent_name", "agent_email"),
    "absences": ("agent_name", "agent_email"),
    "projects": ("service_name",),
    "time_entries": ("agent_name", "agent_email", "first_name", "last_name", "project_name",
                     "description"),
    "events": ("project_name", "title"),
    "participants": ("participant_name", "participant_email"),
    "attendances": ("participant_name", "participant_email"),
    "requests": ("project_name",),
    "milestones": ("project_name",),
}
"""Columns a canonical template may hold besides the table's own (names instead of ids...)."""

REQUIRED: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "services": (("service_name",),),
    "agents": (("agent_id", "agent_name"),),
    "contracts": (("agent_id", "agent_name", "agent_email"), ("valid_from",), ("weekly_hours",)),
    "absences": (("agent_id", "agent_name", "agent_email"), ("start_date",), ("absence_kind",)),
    "projects": (("project_id", "project_name"),),
    "time_entries": (
        ("agent_id", "agent_name", "agent_email", "last_name"), ("work_date",),
        ("hours", "start_time"),
    ),
    "events": (("event_date",),),
    "participants": (("participant_id", "participant_name", "participant_email"),),
    "attendances": (("event_id",), ("participant_id", "participant_name", "participant_email")),
    "requests": (("received_on",),),
    "population": (("dimension",), ("category",), ("population",)),
    "milestones": (("achieved_on",),),
}
"""Roles a canonical template must hold (each inner tuple: at least one of them)."""


def canonical_roles(table: str) -> dict[str, tuple[str, ...]]:
    """Header patterns of each role of a canonical table: the column name, then its synonyms."""
    roles: dict[str, tuple[str, ...]] = {}
    for column in (*TABLES[table], *PSEUDO_COLUMNS.get(table, ())):
        own = normalise_header(column)
        roles[column] = (own, *SYNONYMS.get(column, ()))
    if table == "time_entries":
        roles["hours"] = (*roles["hours"], "duration")
    if table == "agents":
        roles["service_id"] = (*roles["service_id"], "service")
    return roles


# --- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """One recognised format: roles and header patterns, required roles, how to build rows."""

    name: str
    label_key: str
    """The message key of what the format is, for a person (``ingest.format_label.*``)."""
    builder: str
    """'time_entries', 'events', 'attendances', 'shifts' or 'canonical'."""
    target: str
    """The canonical table it mainly feeds (orders several files: services before time entries)."""
    roles: Mapping[str, tuple[str, ...]]
    required: tuple[tuple[str, ...], ...]
    known: tuple[str, ...] = ()
    """Other headers of the export, recognised but unused (they raise the detection score)."""
    options: Mapping[str, Any] = field(default_factory=dict)
    min_score: float = 0.3
    """Share of the file's headers the format must recognise (canonical templates: half)."""

    def label(self) -> Message:
        """What the format is, for a person (canonical templates name their table)."""
        if self.builder == "canonical" or self.name.startswith("canonical_"):
            return Message(self.label_key, table=Message(f"data.table.{self.target}"))
        return Message(self.label_key)

    def expected_groups(self) -> Listing:
        """The headers a file needs to be recognised as this format: 'a' or 'b', 'c'..."""
        return listing(choice(quoted(self.roles[role][0]) for role in group)
                       for group in self.required)

    def expected(self) -> Message:
        """This format's name and the headers it needs (for refusal messages)."""
        return Message("ingest.format.needs", format=self.name, headers=self.expected_groups())

    def expected_headers(self) -> str:
        """:meth:`expected` in English."""
        return str(self.expected())


TIME_TOOL_KNOWN: Final[tuple[str, ...]] = (
    "client", "tags", "billable", "billable?", "invoiced", "invoiced?", "approved?",
    "type", "invoice id", "date of creation", "billable rate (*)", "billable amount (*)",
    "amount (*)", "amount", "project code", "roles", "employee?", "billable rate", "cost rate",
    "billable amount", "cost amount", "currency", "external reference url", "task", "rate",
)

_CANONICAL_FORMATS: Final[tuple[Format, ...]] = tuple(
    Format(
        name=f"canonical_{table}", label_key="ingest.format_label.canonical",
        builder={"time_entries": "time_entries", "events": "events",
                 "attendances": "attendances"}.get(table, "canonical"),
        target=table,
        roles=canonical_roles(table),
        required=REQUIRED[table],
        options={"date_style": "dmy", "source": "canonical"},
        min_score=0.5,
    )
    for table in LOAD_ORDER
)

_TOOL_FORMATS: Final[tuple[Format, ...]] = (
    Format(
        name="toggl", label_key="ingest.format_label.toggl", builder="time_entries",
        target="time_entries",
        roles={
            "agent_name": ("user",), "agent_email": ("email",), "project_name": ("project",),
            "activity": ("task",), "description": ("description",),
            "work_date": ("start date",), "start_time": ("start time",),
            "end_date": ("end date",), "end_time": ("end time",), "hours": ("duration",),
        },
        required=(("agent_name", "agent_email"), ("work_date",), ("start_time", "hours")),
        known=TIME_TOOL_KNOWN,
        options={"date_style": "dmy"},
    ),
    Format(
        name="clockify", label_key="ingest.format_label.clockify", builder="time_entries",
        target="time_entries",
        roles={
            "agent_name": ("user",), "agent_email": ("email",), "project_name": ("project",),
            "activity": ("task", "activity"), "description": ("description",),
            "work_date": ("start date",), "start_time": ("start time",),
            "end_date": ("end date",), "end_time": ("end time",),
            "hours": ("duration (h)",), "hours_decimal": ("duration (decimal)",),
        },
        required=(("agent_name", "agent_email"), ("work_date",), ("start_time", "hours")),
        known=(*TIME_TOOL_KNOWN, "group"),
        options={"date_style": "mdy"},
    ),
    Format(
        name="clockify_summary", label_key="ingest.format_label.clockify_summary",
        builder="time_entries", target="time_entries",
        roles={
            "work_date": ("date",), "project_name": ("project",), "description": ("description",),
            "hours": ("time (h)",), "hours_decimal": ("time (decimal)",),
            "agent_name": ("user",), "agent_email": ("email",), "activity": ("task",),
        },
        required=(("work_date",), ("hours", "hours_decimal")),
        known=(*TIME_TOOL_KNOWN, "amount (*)"),
        options={"date_style": "mdy", "anonymous_agent": True},
    ),
    Format(
        name="harvest", label_key="ingest.format_label.harvest", builder="time_entries",
        target="time_entries",
        roles={
            "work_date": ("date",), "project_name": ("project",), "activity": ("task",),
            "description": ("notes",), "hours_decimal": ("hours",),
            "first_name": ("first name",), "last_name": ("last name",),
        },
        required=(("work_date",), ("hours_decimal",), ("last_name",)),
        known=TIME_TOOL_KNOWN,
        options={"date_style": "mdy"},
    ),
    Format(
        name="kimai", label_key="ingest.format_label.kimai",
        builder="time_entries", target="time_entries",
        roles={
            "work_date": ("date", "datum"),
            "start_time": ("from", "begin", "von", "beginn", "start"),
            "end_time": ("to", "end", "bis", "ende"),
            "hours": ("duration", "dauer"),
            "agent_email": ("e mail", "email"),
            "agent_name": ("name", "user", "benutzer"),
            "project_name": ("project", "projekt"),
            "activity": ("activity", "tatigkeit", "taetigkeit"),
            "description": ("description", "beschreibung"),
        },
        required=(("work_date",), ("agent_name", "agent_email"), ("project_name",),
                  ("activity",), ("hours", "start_time")),
        known=(
            "currency", "price", "internal price", "hourly price", "fixed price", "staff number",
            "customer", "billable", "tags", "type", "category", "account", "project number",
            "vat id", "order number", "rate", "exported", "hourly rate", "fixed rate",
            "wahrung", "preis", "interner preis", "stundenpreis", "festpreis", "personalnummer",
            "kunde", "abrechenbar", "schlagworte", "typ", "kategorie", "konto", "projektnummer",
            "ust idnr", "bestellnummer", "lohn", "exportiert", "stundenlohn", "stundensatz",
            "interner lohn",
        ),
        options={"date_style": "dmy"},
    ),
    Format(
        name="solidtime", label_key="ingest.format_label.solidtime", builder="time_entries",
        target="time_entries",
        roles={
            "description": ("description",), "project_name": ("project",), "activity": ("task",),
            "start_datetime": ("start",), "end_datetime": ("end",),
            "agent_name": ("user name",), "agent_email": ("user email",),
        },
        required=(("start_datetime",), ("end_datetime",), ("agent_name", "agent_email")),
        known=("billable", "client", "tags"),
        options={"date_style": "dmy"},
    ),
    Format(
        name="decidim_meetings", label_key="ingest.format_label.decidim_meetings",
        builder="events", target="events",
        roles={
            "event_id": ("id", "id de cita", "id de la cita", "identificador", "reference"),
            "title": ("title/*", "title", "titol", "titulo"),
            "event_date": ("data", "fecha", "date"),
            "start_datetime": ("start time", "start_time"),
            "end_datetime": ("end time", "end_time"),
            "quartier": ("districte", "distrito", "district", "scope/name/*", "barri", "barrio"),
            "attendees_count": ("assistents", "asistentes", "attendees", "attendees count",
                                "attending", "participants"),
        },
        required=(("event_id",), ("event_date", "start_datetime"), ("attendees_count",)),
        known=(
            "descripcio", "descripcion", "description/*", "adreca", "direccion", "address",
            "categoria", "subcategoria", "category/*", "propostes", "propuestas",
            "intervencions", "intervenciones", "url", "contributions", "contributions count",
            "attending organizations", "organizations", "comments", "followers", "attachments",
            "related proposals", "related results", "published", "withdrawn", "location/*",
            "scope/id", "category/id", "participatory space/*", "component/*", "type of meeting",
            "registration terms/*", "registrations enabled", "closing report/*", "author/*",
        ),
        options={"date_style": "dmy", "id_prefix": "decidim-", "event_kind": "public_meeting"},
    ),
    Format(
        name="decidim_registrations", label_key="ingest.format_label.decidim_registrations",
        builder="attendances", target="attendances",
        roles={
            "registration_code": ("code",),
            "participant_name": ("user/name",), "participant_email": ("user/email",),
            "event_id": ("meeting/id", "meeting id", "decidim meetings meeting id"),
        },
        required=(("registration_code",), ("participant_name", "participant_email")),
        known=("id", "registration form answers/*", "user/*", "created at", "validated at",
               "public participation", "meeting/*"),
        options={"id_prefix": "decidim-", "role": "resident"},
    ),
    Format(
        name="volunteer_shifts", label_key="ingest.format_label.volunteer_shifts", builder="shifts",
        target="events",
        roles={
            "event_date": ("date",), "shift_id": ("shift id",), "hours": ("volunteer hours",),
            "attendees_count": ("attended",), "project_id": ("event id",),
            "project_name": ("event name",), "quartier": ("postcode",),
        },
        required=(("shift_id",), ("event_date",), ("hours",)),
        known=("demand", "event type", "requested"),
        options={"date_style": "dmy", "id_prefix": "shift-"},
    ),
)

FORMATS: Final[tuple[Format, ...]] = (*_TOOL_FORMATS, *_CANONICAL_FORMATS)
"""Every recognised format, in detection tie-break order."""

GENERIC: Final[str] = "generic"
"""The name of the generic sheet with a column mapping (see :mod:`analytics.ingest.mapping`)."""


def format_names() -> list[str]:
    """The names accepted by ``--format`` (besides 'auto')."""
    return [fmt.name for fmt in FORMATS] + [GENERIC]


def by_name(name: str) -> Format:
    """The format called ``name`` (KeyError when unknown)."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(name)


# --- detection -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """A format matched on a file: which column (index) fills each role, and the score."""

    format: Format
    columns: dict[str, int]
    score: float
    mapping_name: str | None = None
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Codes a person chose for labels of coded columns (see ``vocabulary.ValueMap``)."""

    @property
    def name(self) -> str:
        """The format name reported to the user (with the saved mapping's name if the mapping says
        which header fills each column; a recognised format keeps its own name)."""
        if self.mapping_name and self.format.name == GENERIC:
            return f"{GENERIC}:{self.mapping_name}"
        return self.format.name


def assign_roles(
    headers: Sequence[str], roles: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, int], set[int]]:
    """Role → column index, each column used once, patterns tried in order of preference.

    Returns (assignments, indices of headers recognised by some role). Exact patterns are looked
    up, not scanned, so that a sheet of thousands of columns is recognised (or not) at once.
    """
    return _assign(_normalised(headers), roles)


def _normalised(headers: Sequence[str]) -> tuple[list[str], dict[str, list[int]]]:
    """The normalised headers, and the positions of each."""
    normalised = [normalise_header(h) for h in headers]
    positions: dict[str, list[int]] = {}
    for index, header in enumerate(normalised):
        positions.setdefault(header, []).append(index)
    return normalised, positions


def _assign(
    headers: tuple[list[str], dict[str, list[int]]], roles: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, int], set[int]]:
    normalised, positions = headers
    taken: set[int] = set()
    assigned: dict[str, int] = {}
    depth = max((len(patterns) for patterns in roles.values()), default=0)
    for level in range(depth):
        for role, patterns in roles.items():
            if role in assigned or level >= len(patterns):
                continue
            pattern = patterns[level]
            if "*" in pattern:
                candidates: Iterable[int] = (
                    i for i, header in enumerate(normalised) if header_matches(header, pattern))
            else:
                candidates = positions.get(pattern, ())
            index = next((i for i in candidates if i not in taken), None)
            if index is not None:
                assigned[role] = index
                taken.add(index)
    return assigned, taken


def score(fmt: Format, headers: Sequence[str], enforce_min: bool = True,
          normalised: tuple[list[str], dict[str, list[int]]] | None = None) -> Match | None:
    """The match of ``fmt`` on ``headers``, or None when a required role is missing (or, when
    ``enforce_min``, when too few of the headers are the format's own)."""
    normalised = normalised or _normalised(headers)
    assigned, taken = _assign(normalised, fmt.roles)
    if not all(any(role in assigned for role in group) for group in fmt.required):
        return None
    exact = {pattern for pattern in fmt.known if "*" not in pattern}
    wildcards = [pattern for pattern in fmt.known if "*" in pattern]
    known = sum(
        1 for index, header in enumerate(normalised[0])
        if index in taken or header in exact
        or any(header_matches(header, pattern) for pattern in wildcards)
    )
    share = known / max(1, len(headers))
    return Match(fmt, assigned, share) if share >= fmt.min_score or not enforce_min else None


def detect(headers: Sequence[str]) -> Match | None:
    """The best matching format for these headers (None when nothing matches)."""
    best: Match | None = None
    normalised = _normalised(headers)
    for fmt in FORMATS:
        match = score(fmt, headers, normalised=normalised)
        if match is not None and (best is None or match.score > best.score + 1e-9):
            best = match
    return best


def not_recognised(headers: Sequence[str]) -> Message:
    """Why a file was not recognised, and the headers each known format needs."""
    shown = list(headers)[:12]
    found = listing(quoted(header) for header in shown) if shown else Message("ingest.none")
    return Message(
        "ingest.format.unrecognised", found=found,
        formats=listing((fmt.expected() for fmt in _TOOL_FORMATS), sep="; "),
        templates=listing(fmt.target for fmt in _CANONICAL_FORMATS),
    )


def expected_message(headers: Sequence[str]) -> str:
    """:func:`not_recognised` in English."""
    return str(not_recognised(headers))
