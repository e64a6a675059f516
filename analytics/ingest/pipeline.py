"""Importing files: decode → detect → map → parse → validate → pseudonymise → one transaction.

:func:`import_file` is what the Data page and the ``import`` command call. A file is imported whole
or not at all: its accepted rows, its rejected rows (``import_rejects``) and its ``imports`` row are
written in one transaction, followed by :func:`analytics.store.db.bump_data_version` and the refresh
of the derived tables. A refused file (unreadable, unrecognised, ``strict`` with rejects, or any
failure while writing) leaves the store exactly as it was. Re-importing the same bytes (same sha256)
is reported as ``already_imported`` and changes nothing; an overlapping export adds only the rows
the store does not hold yet (deterministic ids).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from analytics.ingest.build import UPSERT_TABLES, Context, Staged, build, registered
from analytics.ingest.decode import read_table
from analytics.ingest.formats import GENERIC, Match, by_name, detect, not_recognised, score
from analytics.ingest.mapping import ColumnMapping, find_saved, load_mapping, match_for
from analytics.ingest.mapping import propose_mapping as _propose
from analytics.ingest.messages import Message, listing, position, quoted
from analytics.ingest.model import (
    ALREADY_IMPORTED,
    IMPORTED,
    REFUSED,
    ImportResult,
    Progress,
    Refusal,
    Reject,
    Table,
)
from analytics.privacy import load_or_create_secret
from analytics.schema import LOAD_ORDER, TABLES
from analytics.store.db import bump_data_version, read_sql, transaction

FILE_SUFFIXES: Final[frozenset[str]] = frozenset(
    {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".json"}
)
"""Files taken from a folder given to :func:`import_files` (others, like a README, are skipped)."""
NOT_DATA: Final[re.Pattern[str]] = re.compile(r"^(readme|licen[cs]e|copying|notice)", re.IGNORECASE)
"""Text files of a folder that are documentation, not data (skipped when expanding a folder)."""
KEYS: Final[dict[str, tuple[str, ...]]] = {
    "services": ("service_id",), "agents": ("agent_id",), "contracts": ("agent_id", "valid_from"),
    "absences": ("agent_id", "start_date", "absence_kind"), "projects": ("project_id",),
    "time_entries": ("entry_id",), "events": ("event_id",), "participants": ("participant_id",),
    "attendances": ("event_id", "participant_id"), "requests": ("request_id",),
    "population": ("dimension", "category"), "milestones": ("milestone_id",),
}
"""Primary key of each canonical table (migration 0001)."""
WRITE_ORDER: Final[tuple[str, ...]] = LOAD_ORDER
REJECTED: Final[str] = "rejected"
NOTE: Final[str] = "note"
"""Kinds of rows kept in ``import_rejects``: refused, or landed with a remark (migration 0005)."""


@dataclass
class Prepared:
    """A file read and recognised, not yet written."""

    name: str
    sha256: str
    table: Table | None = None
    match: Match | None = None
    refusal: Message | None = None
    notes: list[Message] = field(default_factory=list)

    @property
    def rank(self) -> int:
        """Position in dependency order (services first ... refused files last)."""
        if self.match is None:
            return len(LOAD_ORDER)
        return LOAD_ORDER.index(self.match.format.target)


STEPS: Final[dict[str, Message]] = {
    name: Message(key) for name, key in (
        ("read", "ingest.step.read"), ("parse", "ingest.step.parse"),
        ("write", "ingest.step.write"), ("derived", "ingest.step.derived"),
        ("done", "ingest.step.done"))}
"""The steps of an import, as the progress callback receives them."""


def step_name(step: Message) -> str:
    """The short name of a progress step ('read', 'parse', 'write', 'derived', 'done')."""
    return (step.key or "").rsplit(".", 1)[-1]


def _silent(fraction: float, step: Message) -> None:
    """A progress callback that does nothing."""


def read_source(source: str | Path | bytes, name: str | None) -> tuple[bytes, str]:
    """(bytes, display name) of a path or of bytes given with their name."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), name or "upload"
    path = Path(source)
    try:
        return path.read_bytes(), name or path.name
    except OSError as exc:
        raise Refusal("ingest.file.cannot_open", path=str(path), detail=exc.strerror or str(exc)) \
            from None


def choose_match(
    con: duckdb.DuckDBPyConnection, headers: list[str], fmt: str = "auto",
    mapping: str | ColumnMapping | None = None,
) -> Match:
    """The format (or mapping) to read a file with; :class:`Refusal` with what was expected."""
    if isinstance(mapping, ColumnMapping):
        return match_for(mapping, headers)
    if mapping:
        return match_for(load_mapping(con, mapping), headers, name=mapping)
    if fmt == GENERIC:
        return match_for(_propose(headers), headers)
    if fmt and fmt != "auto":
        try:
            chosen = by_name(fmt)
        except KeyError:
            raise Refusal("ingest.format.unknown", format=fmt) from None
        match = score(chosen, headers, enforce_min=False)
        if match is None:
            raise Refusal("ingest.format.mismatch", format=fmt, expected=chosen.expected_groups(),
                          found=listing(quoted(header) for header in headers))
        return match
    saved = find_saved(con, headers)
    if saved:
        return match_for(load_mapping(con, saved), headers, name=saved)
    match = detect(headers)
    if match is None:
        raise Refusal(not_recognised(headers))
    return match


def prepare(
    con: duckdb.DuckDBPyConnection, source: str | Path | bytes, name: str | None = None,
    fmt: str = "auto", mapping: str | ColumnMapping | None = None,
) -> Prepared:
    """Read and recognise one file (nothing is written)."""
    try:
        data, display = read_source(source, name)
    except Refusal as exc:
        return Prepared(name or str(source), "", refusal=exc.message)
    prepared = Prepared(display, hashlib.sha256(data).hexdigest())
    try:
        prepared.table = read_table(data, display)
        prepared.notes = list(prepared.table.notes)
        prepared.match = choose_match(con, prepared.table.headers, fmt, mapping)
    except Refusal as exc:
        prepared.refusal = exc.message
    except (ValueError, RecursionError, MemoryError, UnicodeError) as exc:
        prepared.refusal = Message("ingest.file.read_failed", detail=str(exc))
    except Exception as exc:  # a reader's own error types: reported, never raised
        prepared.refusal = Message("ingest.file.internal_read", error=type(exc).__name__,
                                   detail=str(exc))
    return prepared


def _already_imported(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple[str, datetime] | None:
    """(file name, time) of the earlier import of the same bytes, if any."""
    cur = con.cursor()
    try:
        rows = cur.execute(
            "SELECT file_name, date_trunc('minute', imported_at) FROM imports "
            "WHERE sha256 = ? AND status = ? ORDER BY import_id LIMIT 1", [sha256, IMPORTED],
        ).fetchall()
    finally:
        cur.close()
    return (str(rows[0][0]), rows[0][1]) if rows else None


def _column_types(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = cur.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
        [table],
    ).fetchall()
    return {name: kind for name, kind in rows}


def _upsert(cur: duckdb.DuckDBPyConnection, table: str,
            frame: pd.DataFrame) -> tuple[int, int, pd.DataFrame]:
    """Insert new rows; complete existing ones with the file's non-empty cells. Returns (new rows,
    existing rows whose content the file changed, the file's rows that are new or changed)."""
    columns = [c for c in TABLES[table] if c in frame.columns]
    key = KEYS[table]
    frame = frame.drop_duplicates(subset=list(key), keep="last")
    types = _column_types(cur, table)
    before = cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    updates = [c for c in columns if c not in key]
    column_list = ", ".join(f'"{c}"' for c in columns)
    select_list = ", ".join(f'CAST("{c}" AS {types[c]}) AS "{c}"' for c in columns)
    action = ("DO UPDATE SET " + ", ".join(
        f'"{c}" = coalesce(excluded."{c}", "{table}"."{c}")' for c in updates)
    ) if updates else "DO NOTHING"
    differs = " OR ".join(
        f'coalesce(i."{c}", t."{c}") IS DISTINCT FROM t."{c}"' for c in updates) or "false"
    first_key = key[0]
    with registered(cur, "_incoming", frame[columns]):
        written = cur.execute(
            f'SELECT i.* FROM (SELECT {select_list} FROM _incoming) AS i '
            f'LEFT JOIN "{table}" AS t USING ({", ".join(key)}) '
            f'WHERE t."{first_key}" IS NULL OR {differs}'
        ).df()
        cur.execute(
            f'INSERT INTO "{table}" ({column_list}) SELECT {select_list} FROM _incoming '
            f'ON CONFLICT ({", ".join(key)}) {action}'
        )
    added = cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0] - before
    return int(added), len(written) - int(added), written


def insert_new(cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame,
               distinct: bool = False) -> int:
    """Insert the rows whose key the table does not hold yet; return how many were added.
    ``distinct``: the frame holds each key once already (the first row of each key is kept
    otherwise).

    Same effect as :func:`analytics.store.db.insert_frame` (duplicates ignored). A file larger than
    the table is written as an anti-join, which DuckDB runs several times faster than
    ``ON CONFLICT DO NOTHING`` on big files; a smaller one with ``ON CONFLICT DO NOTHING``, which
    looks its keys up in the primary-key index instead of scanning the whole table (a month into a
    city's ten million entries: 1.5 → 0.5 s; ten rows: 1.4 s → 0.07 s).
    """
    if frame.empty:
        return 0
    columns = [c for c in TABLES[table] if c in frame.columns]
    key = list(KEYS[table])
    rows = frame[columns] if distinct else frame[columns].drop_duplicates(subset=key, keep="first")
    types = _column_types(cur, table)
    column_list = ", ".join(f'"{c}"' for c in columns)
    typed = ", ".join(f'CAST("{c}" AS {types[c]}) AS "{c}"' for c in columns)
    select_list = ", ".join(f'incoming."{c}"' for c in columns)
    before = cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    with registered(cur, "_incoming", rows):
        if len(rows) > before:
            cur.execute(
                f'INSERT INTO "{table}" ({column_list}) SELECT {select_list} '
                f"FROM (SELECT {typed} FROM _incoming) AS incoming "
                f'ANTI JOIN "{table}" AS existing USING ({", ".join(key)})'
            )
        else:
            cur.execute(f'INSERT INTO "{table}" ({column_list}) SELECT {typed} FROM _incoming '
                        f'ON CONFLICT ({", ".join(key)}) DO NOTHING')
    return int(cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0] - before)


def write_staged(
    cur: duckdb.DuckDBPyConnection, staged: Staged,
) -> tuple[dict[str, int], set[str], dict[str, pd.DataFrame]]:
    """Write a batch's rows table by table in dependency order; (rows added per table, the tables
    whose content changed: rows added or existing rows completed, and per changed table the rows
    the file wrote — what the derived tables of :func:`analytics.store.derived.refresh_derived`
    must follow; for the tables only inserted into, all of the file's rows, already there or not)."""
    added: dict[str, int] = {}
    changed: set[str] = set()
    written: dict[str, pd.DataFrame] = {}
    for table in WRITE_ORDER:
        frame = staged.frames.get(table)
        if frame is None or frame.empty:
            continue
        rows = frame.drop(columns=["_line"], errors="ignore")
        updated = 0
        if table in UPSERT_TABLES:
            added[table], updated, written[table] = _upsert(cur, table, rows)
        else:
            added[table] = insert_new(cur, table, rows, distinct=table in staged.distinct)
            written[table] = rows
        if added[table] or updated:
            changed.add(table)
    return added, changed, {table: written[table] for table in changed}


def _bookkeeping(
    cur: duckdb.DuckDBPyConnection, prepared: Prepared, result: ImportResult
) -> int:
    """The ``imports`` row and the ``import_rejects`` rows of one file; returns the import id."""
    detail = result.detail
    import_id = cur.execute(
        "INSERT INTO imports (file_name, sha256, format, rows_read, rows_accepted, rows_rejected,"
        " status, message, message_key, message_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING import_id",
        [prepared.name, prepared.sha256, result.format or "", result.rows_read,
         result.rows_accepted, result.rows_rejected, result.status, result.message,
         detail.key if detail else None, detail.params_json() if detail else None],
    ).fetchall()[0][0]
    for kind, rows in ((REJECTED, result.rejects), (NOTE, result.remarks)):
        if not rows:
            continue
        messages = [r.message for r in rows]
        frame = pd.DataFrame({
            "import_id": import_id, "kind": kind,
            "line": [r.line for r in rows],
            "column_name": [r.column for r in rows],
            "reason": [str(m) for m in messages],
            "raw": [r.raw for r in rows],
            "reason_key": [m.key for m in messages],
            "reason_params": _params_json(messages),
        })
        with registered(cur, "_rejects", frame):
            cur.execute(
                "INSERT INTO import_rejects (import_id, kind, line, column_name, reason, raw,"
                " reason_key, reason_params) SELECT import_id, kind, line, column_name, reason, raw,"
                " reason_key, reason_params FROM _rejects")
    return int(import_id)


def _params_json(messages: list[Message]) -> list[str | None]:
    """The parameters of each message as JSON, computed once per distinct message object (the
    rows refused for the same bad value share one message)."""
    done: dict[int, str | None] = {}
    result = []
    for message in messages:
        key = id(message)
        if key not in done:
            done[key] = message.params_json()
        result.append(done[key])
    return result


def _refresh_derived(cur: duckdb.DuckDBPyConnection, changed: set[str],
                     written: dict[str, pd.DataFrame]) -> None:
    """Refresh the derived rows that depend on the ``written`` rows of the ``changed`` tables."""
    from analytics.store.derived import refresh_derived

    if changed:
        refresh_derived(cur, changed=changed, written=written)


def _names(created: list[str]) -> str:
    """The first ten names created, and an ellipsis when there are more."""
    return ", ".join(created[:10]) + (" …" if len(created) > 10 else "")


def _summary(file: str, result: ImportResult, added: int, notes: list[Message],
             unplaced: list[Message]) -> Message:
    """One readable sentence about an import: counts, what was created, what landed empty, notes."""
    parts: list[Message] = [Message(
        "ingest.import.counts", read=result.rows_read, accepted=result.rows_accepted, added=added,
        rejected=result.rows_rejected)]
    if result.created_agents:
        parts.append(Message("ingest.import.agents_created", names=_names(result.created_agents)))
    if result.created_projects:
        parts.append(Message("ingest.import.projects_created",
                             names=_names(result.created_projects)))
    parts.extend(unplaced)
    if result.remarks:
        parts.append(Message("ingest.import.notes", count=len(result.remarks)))
    parts.extend(notes)
    return Message("ingest.import.done", file=file, details=listing(parts, sep="; "))


LABELS_SHOWN: Final[int] = 5


def _unplaced(cur: duckdb.DuckDBPyConnection, staged: Staged) -> list[Message]:
    """What landed empty because no code matched its label: rows per column with the labels, and
    the hours already recorded on projects whose level is now empty (counted as ordinary work)."""
    found: list[Message] = []
    for item in staged.unplaced:
        labels = [quoted(label) for label in list(item.labels)[:LABELS_SHOWN]]
        if len(item.labels) > LABELS_SHOWN:
            labels.append("…")
        found.append(Message("ingest.import.unplaced", count=item.rows, column=item.column,
                             labels=listing(labels)))
        if item.vocabulary == "level" and item.keys:
            hours = cur.execute(read_sql("data/hours_of_projects"),
                                {"project_ids": list(item.keys)}).fetchall()[0][0]
            if hours:
                found.append(Message("ingest.import.unplaced_hours", hours=float(hours)))
    if staged.same_as:
        pairs = [Message("ingest.import.same_as_pair", given=given, existing=existing)
                 for given, existing in staged.same_as[:10]]
        found.append(Message("ingest.import.same_as", pairs=listing(pairs)))
    return found


def _result_from(prepared: Prepared, staged: Staged, status: str) -> ImportResult:
    rejects = sorted(staged.rejects, key=lambda r: (r.line is None, r.line or 0))
    return ImportResult(
        file=prepared.name, format=prepared.match.name if prepared.match else None,
        status=status, rows_read=staged.rows_read, rows_accepted=staged.rows_accepted,
        rows_rejected=len(rejects), rejects=rejects, remarks=list(staged.remarks),
        unplaced_rows=sum(item.rows for item in staged.unplaced),
        created_agents=staged.created_agents,
        created_projects=staged.created_projects,
        target=prepared.match.format.target if prepared.match else None,
    )


def refused(prepared: Prepared, reason: Message, rejects: Sequence[Reject] = ()) -> ImportResult:
    """The result of a refused file (nothing written)."""
    match = prepared.match
    result = ImportResult(
        file=prepared.name, format=match.name if match else None, status=REFUSED,
        rows_read=0, rows_rejected=len(rejects), rejects=list(rejects),
        target=match.format.target if match else None,
    )
    result.explain(Message("ingest.import.refused", file=prepared.name, reason=reason))
    return result


def run_prepared(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, strict: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a prepared file in one transaction (see the module docstring)."""
    report = progress or _silent
    if prepared.refusal or prepared.table is None or prepared.match is None:
        return refused(prepared, prepared.refusal or Message("ingest.file.unreadable"))
    earlier = _already_imported(con, prepared.sha256)
    if earlier:
        already = ImportResult(
            file=prepared.name, format=prepared.match.name, status=ALREADY_IMPORTED,
            target=prepared.match.format.target,
        )
        already.explain(Message("ingest.import.already", file=prepared.name, earlier=earlier[0],
                                at=earlier[1]))
        return already
    table, match = prepared.table, prepared.match
    try:
        with transaction(con) as cur:
            report(0.3, STEPS["parse"])
            staged = build(table, match, Context(cur, prepared.name, load_or_create_secret))
            staged.rejects = [*table.rejects, *staged.rejects]
            staged.rows_read += len(table.rejects)
            result = _result_from(prepared, staged, IMPORTED)
            if strict and result.rejects:
                raise _StrictRefusal(result)
            report(0.6, STEPS["write"])
            added, changed, written = write_staged(cur, staged)
            result.rows_added = added.get(match.format.target, 0)
            result.explain(_summary(prepared.name, result, result.rows_added,
                                    [*prepared.notes, *staged.notes], _unplaced(cur, staged)))
            result.import_id = _bookkeeping(cur, prepared, result)
            report(0.8, STEPS["derived"])
            bump_data_version(cur)
            _refresh_derived(cur, changed, written)
        report(1.0, STEPS["done"])
        return result
    except _StrictRefusal as exc:
        first = exc.result.rejects[0]
        exc.result.status = REFUSED
        exc.result.explain(Message("ingest.import.refused", file=prepared.name, reason=Message(
            "ingest.import.strict", count=exc.result.rows_rejected, line=position(first.line),
            column=first.column or "-", reason=first.message)))
        exc.result.created_agents, exc.result.created_projects = [], []
        return exc.result
    except Refusal as exc:
        return refused(prepared, exc.message)
    except Exception as exc:  # any failure while writing: rolled back, reported, never raised
        return refused(prepared, Message("ingest.import.internal", error=type(exc).__name__,
                                         detail=str(exc)))


class _StrictRefusal(Exception):
    """Raised inside the transaction to roll it back when ``strict`` meets a rejected row."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__(result.message)
        self.result = result


def import_file(
    con: duckdb.DuckDBPyConnection, path_or_bytes: str | Path | bytes, name: str | None = None,
    format: str = "auto", mapping: str | ColumnMapping | None = None,
    strict: bool = False, progress: Progress | None = None,
) -> ImportResult:
    """Import one file (a path, or bytes with their ``name``) into the store; never raises for bad
    input. ``format`` is 'auto' or a registry name; ``mapping`` a saved mapping's name or a
    :class:`ColumnMapping`; ``strict`` refuses a file with any rejected row."""
    report = progress or _silent
    report(0.05, STEPS["read"])
    prepared = prepare(con, path_or_bytes, name, format, mapping)
    return run_prepared(con, prepared, strict, report)


def expand(sources: Sequence[str | Path]) -> list[Path]:
    """Paths with each folder replaced by its data files (sorted; hidden files, README and LICENSE
    files and other types skipped)."""
    files: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files.extend(sorted(
                p for p in path.iterdir()
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in FILE_SUFFIXES
                and not NOT_DATA.match(p.name)
            ))
        else:
            files.append(path)
    return files


def import_batch(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[str | Path | bytes, str | None, str | ColumnMapping | None]],
    strict: bool = False, progress: Progress | None = None, fmt: str = "auto",
) -> list[ImportResult]:
    """Import several (source, name, mapping) items in dependency order: services and agents before
    contracts and time entries, events before attendances; refused files are reported last."""
    report = progress or _silent
    prepared = [prepare(con, source, name, fmt, mapping) for source, name, mapping in items]
    ordered = sorted(prepared, key=lambda p: p.rank)
    results = []
    for index, item in enumerate(ordered):
        def scaled(fraction: float, step: Message, index: int = index,
                   item: Prepared = item) -> None:
            report((index + fraction) / max(1, len(ordered)),
                   Message("ingest.step.of_file", file=item.name, step=step))

        results.append(run_prepared(con, item, strict, scaled))
    return results


def import_files(
    con: duckdb.DuckDBPyConnection, sources: Sequence[str | Path], format: str = "auto",
    mapping: str | ColumnMapping | None = None, strict: bool = False,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import files and folders (expanded) in dependency order (see :func:`import_batch`)."""
    items = [(path, None, mapping) for path in expand(sources)]
    return import_batch(con, items, strict, progress, format)
