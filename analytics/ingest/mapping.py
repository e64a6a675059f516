"""Column mappings for generic sheets: proposed from the headers, corrected by a person, saved by name.

A :class:`ColumnMapping` says which header fills each canonical column (or pseudo-column such as
``agent_name``) of one target table. :func:`propose_mapping` guesses it from French and English
synonyms; :func:`save_mapping` stores it in the ``import_mappings`` table (migration 0002) with the
file's headers, so that :func:`find_saved` recognises the next file of the same shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Final

import duckdb
import pandas as pd

from analytics.ingest.formats import (
    GENERIC,
    PSEUDO_COLUMNS,
    REQUIRED,
    Format,
    Match,
    assign_roles,
    by_name,
    canonical_roles,
    normalise_header,
    score,
)
from analytics.ingest.messages import Message, choice, listing, quoted
from analytics.ingest.model import Refusal
from analytics.schema import LOAD_ORDER, TABLES

ENGLISH: Final[dict[str, tuple[str, ...]]] = {
    "agent_name": ("user", "employee", "name", "staff", "person", "full name", "worker"),
    "agent_email": ("email", "e mail", "user email", "mail"),
    "agent_id": ("user id", "employee id", "staff id", "staff number"),
    "work_date": ("date", "day", "start date", "work date"),
    "start_time": ("start", "start time", "from", "begin", "time in", "clock in"),
    "end_time": ("end", "end time", "to", "time out", "clock out"),
    "hours": ("hours", "duration", "time", "time (h)", "duration (h)", "total hours"),
    "project_name": ("project", "project name", "job"),
    "project_id": ("project id", "project code", "job code"),
    "activity": ("activity", "task", "category"),
    "description": ("description", "notes", "note", "comment"),
    "event_date": ("date", "event date", "start date"),
    "attendees_count": ("attendees", "attendance", "participants", "count", "attended"),
    "participant_name": ("name", "full name", "participant"),
    "participant_email": ("email", "e mail"),
}
"""Extra English header guesses used only to *propose* a mapping (a person confirms it)."""


@dataclass(frozen=True)
class ColumnMapping:
    """How to read one kind of file: which header fills each column of one canonical table, and which
    code each unknown label of a coded column stands for.

    ``format`` names a recognised format when the mapping was made for such a file: the format reads
    the columns (``columns`` is empty) and the mapping only adds ``values``.
    """

    target: str
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    """Vocabulary → normalised label → code ('' = leave empty); see ``vocabulary.ValueMap``."""
    format: str | None = None

    @classmethod
    def for_values(cls, target: str, format_name: str, values: dict[str, dict[str, str]],
                   ) -> ColumnMapping:
        """A mapping for a file of a recognised format that only says which code each unknown
        label stands for (``values``: vocabulary → label → code, '' = leave empty)."""
        return cls(target, {}, _keyed(values), format_name)

    def with_values(self, values: dict[str, dict[str, str]]) -> ColumnMapping:
        """The same mapping with the codes chosen for unknown labels."""
        return replace(self, values=_keyed(values))

    def roles(self) -> list[str]:
        """The columns and pseudo-columns a mapping may fill for its target, in order."""
        return list(mapping_roles(self.target))

    def to_json(self) -> str:
        """The ``columns`` as stored."""
        return json.dumps(self.columns, ensure_ascii=False, sort_keys=True)

    def values_json(self) -> str:
        """The ``values`` as stored."""
        return json.dumps(self.values, ensure_ascii=False, sort_keys=True)


def _keyed(values: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Chosen codes keyed by the label's spelling (accents, case, dashes ignored)."""
    from analytics.ingest.vocabulary import label_key

    return {vocabulary: {label_key(label): code for label, code in chosen.items()}
            for vocabulary, chosen in values.items() if chosen}


def mapping_roles(target: str) -> tuple[str, ...]:
    """The canonical columns of ``target`` followed by its pseudo-columns (names instead of ids)."""
    return (*TABLES[target], *PSEUDO_COLUMNS.get(target, ()))


def _roles_with_english(target: str) -> dict[str, tuple[str, ...]]:
    roles = dict(canonical_roles(target))
    for role, extra in ENGLISH.items():
        if role in roles:
            roles[role] = (*roles[role], *extra)
    return roles


def propose_mapping(headers: list[str], target: str | None = None) -> ColumnMapping:
    """The most plausible mapping of ``headers`` (onto ``target``, or the best-fitting table)."""
    best: ColumnMapping | None = None
    best_score = (-1, -1)
    for table in [target] if target else LOAD_ORDER:
        assigned, _ = assign_roles(headers, _roles_with_english(table))
        complete = all(any(role in assigned for role in group) for group in REQUIRED[table])
        score = (int(complete), len(assigned))
        if score > best_score:
            best_score = score
            best = ColumnMapping(table, {role: headers[i] for role, i in assigned.items()})
    assert best is not None
    return best


def match_for(mapping: ColumnMapping, headers: list[str], name: str | None = None) -> Match:
    """The :class:`Match` of a mapping on a file; refused when a mapped header is missing or a
    required column is not mapped (or, for a recognised format's mapping, when the file is not of
    that format)."""
    if mapping.format:
        return _format_match(mapping, headers, name)
    if mapping.target not in TABLES:
        raise Refusal("ingest.mapping.unknown_target", table=mapping.target)
    positions = {header: index for index, header in enumerate(headers)}
    normalised = {normalise_header(h): i for i, h in enumerate(headers)}
    columns: dict[str, int] = {}
    for role, header in mapping.columns.items():
        if not header:
            continue
        index = positions.get(header, normalised.get(normalise_header(header)))
        if index is None:
            raise Refusal("ingest.mapping.missing_header", header=header, role=role,
                          headers=listing(headers))
        columns[role] = index
    missing = [choice(group) for group in REQUIRED[mapping.target]
               if not any(role in columns for role in group)]
    if missing:
        raise Refusal("ingest.mapping.incomplete", table=Message(f"data.table.{mapping.target}"),
                      missing=listing(missing, sep="; "))
    base = by_name(f"canonical_{mapping.target}")
    fmt = Format(
        name=GENERIC, label_key="ingest.format_label.generic", builder=base.builder, target=base.target,
        roles={role: (normalise_header(headers[i]),) for role, i in columns.items()},
        required=base.required, options=base.options,
    )
    return Match(fmt, columns, 1.0, mapping_name=name, values=mapping.values)


def _format_match(mapping: ColumnMapping, headers: list[str], name: str | None) -> Match:
    """The match of a recognised format's mapping: the format's columns, the mapping's values."""
    try:
        fmt = by_name(str(mapping.format))
    except KeyError:
        raise Refusal("ingest.format.unknown", format=str(mapping.format)) from None
    found = score(fmt, headers, enforce_min=False)
    if found is None:
        raise Refusal("ingest.format.mismatch", format=fmt.name, expected=fmt.expected_groups(),
                      found=listing(quoted(header) for header in headers))
    return replace(found, mapping_name=name, values=mapping.values)


# --- saved mappings ------------------------------------------------------------------------------


def _shape(headers: list[str]) -> str:
    return json.dumps(sorted(normalise_header(h) for h in headers), ensure_ascii=False)


def save_mapping(
    con: duckdb.DuckDBPyConnection, name: str, mapping: ColumnMapping, headers: list[str]
) -> None:
    """Store (or replace) a mapping under ``name`` with the shape of the file it was made for;
    :class:`Refusal` without a name or when the mapping is incomplete."""
    clean_name = name.strip()
    if not clean_name:
        raise Refusal("ingest.mapping.needs_name")
    match_for(mapping, headers)  # refuse an incomplete mapping before saving it
    cur = con.cursor()
    try:
        cur.execute(
            "INSERT INTO import_mappings (name, target_table, columns, headers, format, value_map) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET target_table = excluded.target_table, "
            "columns = excluded.columns, headers = excluded.headers, format = excluded.format, "
            "value_map = excluded.value_map, saved_at = CAST(now() AS TIMESTAMP)",
            [clean_name, mapping.target, mapping.to_json(), _shape(headers), mapping.format,
             mapping.values_json()],
        )
    finally:
        cur.close()


def load_mapping(con: duckdb.DuckDBPyConnection, name: str) -> ColumnMapping:
    """The mapping saved as ``name``; :class:`Refusal` when there is none."""
    cur = con.cursor()
    try:
        rows = cur.execute(
            "SELECT target_table, columns, value_map, format FROM import_mappings WHERE name = ?",
            [name.strip()],
        ).fetchall()
    finally:
        cur.close()
    if not rows:
        raise Refusal("ingest.mapping.not_found", name=name)
    target, columns, values, fmt = rows[0]
    return ColumnMapping(target, json.loads(columns), json.loads(values or "{}"), fmt)


def saved_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the saved mappings, alphabetically."""
    cur = con.cursor()
    try:
        return [r[0] for r in cur.execute("SELECT name FROM import_mappings ORDER BY name")
                .fetchall()]
    finally:
        cur.close()


def find_saved(con: duckdb.DuckDBPyConnection, headers: list[str]) -> str | None:
    """The name of a saved mapping made for a file with exactly these headers, if any."""
    cur = con.cursor()
    try:
        rows = cur.execute(
            "SELECT name FROM import_mappings WHERE headers = ? ORDER BY saved_at DESC LIMIT 1",
            [_shape(headers)],
        ).fetchall()
    finally:
        cur.close()
    return rows[0][0] if rows else None


def mapping_table(headers: list[str], target: str) -> pd.DataFrame:
    """The proposed mapping onto ``target`` as an editable table: column, header (None = absent)."""
    proposed = propose_mapping(headers, target).columns
    roles = list(mapping_roles(target))
    return pd.DataFrame({"column": roles, "header": [proposed.get(role) for role in roles]})


def mapping_from_table(target: str, table: pd.DataFrame) -> ColumnMapping:
    """The mapping an edited :func:`mapping_table` describes (empty headers dropped)."""
    return ColumnMapping(target, {
        str(column): header for column, header in zip(table["column"], table["header"],
                                                      strict=True)
        if isinstance(header, str) and header
    })
