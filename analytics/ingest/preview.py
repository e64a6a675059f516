"""What the Data page shows before committing a file: detected format, a preview, a proposed mapping.

Nothing is written. Residents' names and e-mails are masked in the preview as they will be in the
store. The upload size bound is a setting (:func:`analytics.settings.max_upload_mb`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import duckdb
import pandas as pd

from analytics.ingest.formats import Match
from analytics.ingest.mapping import ColumnMapping, propose_mapping
from analytics.ingest.messages import Message
from analytics.ingest.model import Table
from analytics.ingest.pipeline import FILE_SUFFIXES, prepare
from analytics.ingest.vocabulary import COLUMN_VOCABULARY, unplaced_labels
from analytics.settings import max_upload_mb

__all__ = ["UPLOAD_TYPES", "Preview", "max_upload_mb", "preview_file"]

PREVIEW_ROWS: Final[int] = 8
MASK: Final[str] = "•••"
IDENTITY_ROLES: Final[tuple[str, ...]] = ("participant_name", "participant_email", "participant_id")
UPLOAD_TYPES: Final[list[str]] = sorted(suffix.lstrip(".") for suffix in FILE_SUFFIXES)
"""File types offered by the uploader."""


@dataclass(frozen=True)
class UnplacedColumn:
    """A coded column of the file and the labels in it that no code matches."""

    header: str
    vocabulary: str
    labels: dict[str, int]
    """Label as first written → rows holding it, most frequent first."""


@dataclass
class Preview:
    """A file read and recognised (or not), ready to show."""

    name: str
    headers: list[str] = field(default_factory=list)
    rows: int = 0
    format: str | None = None
    label: Message | None = None
    """What the format is (render it in the reader's language)."""
    target: str | None = None
    sample: pd.DataFrame = field(default_factory=pd.DataFrame)
    refusal: Message | None = None
    """Why the file cannot be imported as it is (render it in the reader's language)."""
    proposed: ColumnMapping | None = None
    notes: list[Message] = field(default_factory=list)
    encoding: str | None = None
    separator: str | None = None
    mapping_name: str | None = None
    """The saved mapping the file was recognised by, if any."""
    unplaced: list[UnplacedColumn] = field(default_factory=list)
    """Coded columns holding labels the importer cannot place (a person may map them)."""

    @property
    def recognised(self) -> bool:
        """True when the file can be imported as it is."""
        return self.format is not None and self.refusal is None

    @property
    def needs_mapping(self) -> bool:
        """True when the file was read but no format matched: a column mapping is needed."""
        return bool(self.headers) and not self.recognised


def preview_file(
    con: duckdb.DuckDBPyConnection, data: bytes, name: str,
    mapping: ColumnMapping | None = None,
) -> Preview:
    """Read and recognise ``data`` (with ``mapping`` when given); never raises for bad input."""
    prepared = prepare(con, data, name, mapping=mapping)
    preview = Preview(name=name, refusal=prepared.refusal, notes=prepared.notes)
    table = prepared.table
    if table is None:
        return preview
    preview.headers, preview.rows = list(table.headers), len(table.frame)
    preview.encoding, preview.separator = table.encoding, table.separator
    sample = table.frame.head(PREVIEW_ROWS).copy()
    sample.columns = table.headers
    match = prepared.match
    if match is not None:
        preview.format, preview.label = match.name, match.format.label()
        preview.target = match.format.target
        preview.unplaced = unplaced_columns(table, match)
        preview.mapping_name = match.mapping_name
        for role in IDENTITY_ROLES:
            if role in match.columns:
                sample.iloc[:, match.columns[role]] = MASK
    else:
        preview.proposed = propose_mapping(preview.headers)
    preview.sample = sample
    return preview


def unplaced_columns(table: Table, match: Match) -> list[UnplacedColumn]:
    """The file's coded columns (level, status, initiative, role…) with the labels that no code
    matches, given the codes already chosen in ``match.values``."""
    found = []
    for (target, column), vocabulary in COLUMN_VOCABULARY.items():
        if target != match.format.target or column not in match.columns:
            continue
        index = match.columns[column]
        labels = unplaced_labels(table.column(index), vocabulary,
                                 match.values.get(vocabulary))
        if labels:
            found.append(UnplacedColumn(table.headers[index], vocabulary, labels))
    return found
