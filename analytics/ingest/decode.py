"""From bytes to a :class:`~analytics.ingest.model.Table`: encodings, separators, sheets, JSON.

What real files throw at us, handled here once for every format:

* encodings: UTF-8 with or without BOM, UTF-16 (BOM or not), Windows-1252 (Excel), Latin-1;
* separators ``,`` ``;`` tab or ``|``, sniffed from the first lines outside quotes;
* blank lines (skipped), ragged rows (short rows padded; extra cells that are not empty rejected),
  totals rows at the bottom (skipped and noted);
* XLSX / XLS / ODS through python-calamine (first sheet, first non-empty row as header), in a child
  process capped in memory and time (:mod:`analytics.ingest.sheet_worker`);
* JSON: a list of objects (nested objects flattened as ``a/b``).

Reading has a budget (:class:`analytics.settings.ReadBudget`): too many columns, or a sheet or JSON
table of too many cells, is refused before it is built; no copy of a file is written to disk.

Line numbers are those of the file as a person sees it: the header is line 1; for sheets, the row
number; for JSON, the position of the object (1-based, plus one for an implied header line).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from analytics.ingest.messages import Message, Param, position
from analytics.ingest.model import Refusal, Reject, Table
from analytics.ingest.sheet_worker import cell_text
from analytics.settings import ReadBudget, load_read_budget

SEPARATORS: Final[tuple[str, ...]] = (";", ",", "\t", "|")
TOTAL_WORDS: Final[re.Pattern[str]] = re.compile(
    r"^\s*(total|totaux|totals|sous-total|sum|summe|gesamt|somme|grand total)\b", re.IGNORECASE
)
FAST_THRESHOLD_BYTES: Final[int] = 4_000_000
"""CSV files larger than this are read by DuckDB's reader (fast) instead of Python's csv module."""
_NUMERICISH: Final[re.Pattern[str]] = re.compile(r"^[\d\s.,:+\-\u00a0hH%€$]+$")
_ZIP_MAGIC: Final[bytes] = b"PK\x03\x04"
_OLE_MAGIC: Final[bytes] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
JSON_PROBLEMS: Final[dict[str, str]] = {
    "Expecting value": "ingest.json.expecting_value",
    "Extra data": "ingest.json.extra_data",
    "Unterminated string starting at": "ingest.json.unterminated_string",
    "Invalid control character at": "ingest.json.control_character",
    "Expecting property name enclosed in double quotes": "ingest.json.expecting_name",
    "Expecting ':' delimiter": "ingest.json.expecting_colon",
    "Expecting ',' delimiter": "ingest.json.expecting_comma",
}
"""What Python's JSON reader says (``JSONDecodeError.msg``) → a message of the catalogue."""
_FIELD_LIMIT: Final[re.Pattern[str]] = re.compile(r"^field larger than field limit \((\d+)\)$")


# --- encodings -----------------------------------------------------------------------------------


def _looks_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like BOM-less UTF-16 text, else None."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file; raises :class:`Refusal` for binary content.

    BOMs decide first; then UTF-8 strict; then Windows-1252 (what Excel writes in France) when
    the bytes are valid for it; else Latin-1.
    """
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    candidates: list[str] = [name for bom, name in boms if data.startswith(bom)][:1]
    utf16 = _looks_utf16(data)
    if not candidates and utf16:
        candidates = [utf16]
    candidates += ["utf-8", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, UnicodeError):
            continue
        if "\x00" in text:
            raise Refusal("ingest.file.binary")
        return text.lstrip("\ufeff"), encoding
    raise Refusal("ingest.file.encoding")  # pragma: no cover


# --- separators and CSV --------------------------------------------------------------------------


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            count += 1
    return count


def sniff_separator(text: str) -> str:
    """The separator of a delimited text: the candidate found most consistently in the first lines.

    The header line weighs most: a separator absent from it is never chosen.
    """
    lines = [line for line in text[:65536].splitlines()[:30] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for sep in SEPARATORS:
        header = _count_outside_quotes(lines[0], sep)
        if header == 0:
            continue
        counts = [_count_outside_quotes(line, sep) for line in lines[1:]]
        consistent = sum(1 for c in counts if c == header) / max(1, len(counts))
        score = header * (0.5 + consistent)
        if score > best_score:
            best, best_score = sep, score
    return best


def _dedupe_headers(headers: list[str]) -> list[str]:
    """Headers made unique ('Name', 'Name (2)') and never empty ('column 3')."""
    seen: dict[str, int] = {}
    result = []
    for index, header in enumerate(headers):
        name = header.strip().strip("\ufeff").strip() or f"column {index + 1}"
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result


def _rows_with_lines(text: str, sep: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for each record; blank records are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, quotechar='"', strict=False)
    previous_end = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise Refusal("ingest.file.not_delimited", detail=_csv_problem(exc)) from None
        start = previous_end + 1
        previous_end = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        yield start, row


def _csv_problem(exc: csv.Error) -> Param:
    """What the csv module says, as a message when it is one we know."""
    limit = _FIELD_LIMIT.match(str(exc))
    if limit:
        return Message("ingest.csv.field_too_large", limit=int(limit[1]))
    return str(exc)


def _frame_from_rows(rows: list[list[str]], width: int) -> pd.DataFrame:
    """Columns c0..c(width-1) of string cells (short rows padded with '').

    Built through Arrow: a few times faster than pandas' own constructor, whose cost per column
    dominates for wide files (16,384 columns: 2 s instead of 5 s).
    """
    import pyarrow as pa

    columns = {
        f"c{i}": pa.array([row[i] if i < len(row) else "" for row in rows], type=pa.string())
        for i in range(width)
    }
    return pa.table(columns).to_pandas() if columns else pd.DataFrame()


def _finish(
    headers: list[str], rows: list[list[str]], lines: list[int], kind: str, **extra: Any
) -> Table:
    """Pad/clip ragged rows, drop totals rows at the bottom, build the Table."""
    width = len(headers)
    rejects: list[Reject] = []
    kept_rows: list[list[str]] = []
    kept_lines: list[int] = []
    separator = extra.get("separator") or ";"
    for line, row in zip(lines, rows, strict=True):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            rejects.append(Reject(
                line, None, Message("ingest.row.too_many_cells", cells=len(row), width=width),
                separator.join(row),
            ))
            continue
        kept_rows.append(row[:width])
        kept_lines.append(line)
    notes: list[Message] = []
    while kept_rows and _is_totals_row(kept_rows[-1]):
        notes.append(Message("ingest.note.totals_skipped", line=position(kept_lines[-1])))
        kept_rows.pop()
        kept_lines.pop()
    table = Table(
        headers=headers,
        frame=_frame_from_rows(kept_rows, width),
        lines=np.asarray(kept_lines, dtype=np.int64),
        kind=kind,
        rejects=rejects,
        notes=notes,
        **extra,
    )
    return table


def _is_totals_row(row: list[str]) -> bool:
    """A row that sums the others: starts with 'Total'/'Summe'..., or holds only a few numbers."""
    cells = [cell.strip() for cell in row]
    filled = [cell for cell in cells if cell]
    if not filled:
        return False
    if TOTAL_WORDS.match(filled[0]):
        return True
    return len(filled) * 2 <= len(cells) and not cells[0] and all(
        _NUMERICISH.match(cell) for cell in filled
    )


def _check_size(rows: int, columns: int, budget: ReadBudget, cells: bool = True) -> None:
    """Refuse a table wider than ``budget.max_columns`` or (``cells``) larger than ``max_cells``."""
    if columns > budget.max_columns:
        raise Refusal("ingest.file.too_many_columns", columns=columns, limit=budget.max_columns)
    if cells and rows * columns > budget.max_cells:
        raise Refusal("ingest.file.too_many_cells", cells=rows * columns, rows=rows,
                      columns=columns, limit=budget.max_cells)


def read_delimited(
    text: str, sep: str | None = None, encoding: str | None = None,
    budget: ReadBudget | None = None,
) -> Table:
    """A delimited text (CSV/TSV) read with Python's csv module, with exact line numbers.

    Refused when its header is wider than ``budget.max_columns`` (its rows are bounded by the
    upload size).
    """
    separator = sep or sniff_separator(text)
    records = _rows_with_lines(text, separator)
    first = next(records, None)
    if first is None:
        raise Refusal("ingest.file.no_header")
    _check_size(1, len(first[1]), budget or load_read_budget(), cells=False)
    headers = _dedupe_headers(first[1])
    lines: list[int] = []
    rows: list[list[str]] = []
    for line, row in records:
        lines.append(line)
        rows.append(row)
    return _finish(headers, rows, lines, "csv", separator=separator, encoding=encoding)


# --- the fast path for big CSV files (DuckDB's reader) ------------------------------------------


def _nonblank_lines(data: bytes) -> np.ndarray:
    """Line numbers (1-based) of the lines of a text that are not empty."""
    array = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(array == 10)
    starts = np.concatenate(([0], newlines + 1))
    ends = np.concatenate((newlines, [len(array)]))
    lengths = ends - starts
    has_cr = np.zeros(len(starts), dtype=bool)
    nonempty = lengths > 0
    has_cr[nonempty] = array[np.maximum(ends[nonempty] - 1, 0)] == 13
    blank = (lengths == 0) | ((lengths == 1) & has_cr)
    return np.flatnonzero(~blank) + 1


def read_delimited_fast(
    data: bytes, text: str, encoding: str, budget: ReadBudget | None = None
) -> Table | None:
    """Read a big delimited file with DuckDB (private in-memory connection); None to fall back.

    DuckDB reads the bytes from an in-memory file (``memfd_create``, by its ``/proc/self/fd`` path),
    and may not spill to disk: no copy of the file (residents' names, e-mails) reaches the disk, not
    even when the process is killed half-way. Where there is no in-memory file, None.

    Line numbers are exact because the fast path is kept only when every record lies on one
    line (as many records as non-blank lines) and every row has the header's width; anything else
    (quoted line breaks, ragged rows, odd quoting) falls back to :func:`read_delimited`.
    """
    import duckdb

    if "\r" in text.replace("\r\n", "\n"):
        return None
    separator = sniff_separator(text)
    first_line = text[: text.find("\n") + 1 or None]
    header = next(csv.reader(io.StringIO(first_line), delimiter=separator), [])
    if not header or ('"' in first_line and first_line.count('"') % 2):
        return None
    _check_size(1, len(header), budget or load_read_budget(), cells=False)
    headers = _dedupe_headers(header)
    names = [f"c{i}" for i in range(len(headers))]
    payload = data if encoding in ("utf-8", "utf-8-sig") else text.encode("utf-8")
    payload = payload.removeprefix(b"\xef\xbb\xbf")
    try:
        fd = os.memfd_create("delimited", os.MFD_CLOEXEC)
    except (AttributeError, OSError):  # no in-memory file here: the csv module reads it instead
        return None
    con = None
    try:
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(payload)
        con = duckdb.connect(":memory:", config={  # no spill of the file's rows to disk either
            "autoinstall_known_extensions": "false", "temp_directory": ""})
        arrow = con.sql(
            "SELECT * FROM read_csv(?, delim = ?, header = true, all_varchar = true, "
            "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, "
            "auto_detect = false, columns = ?)",
            params=[f"/proc/self/fd/{fd}", separator, dict.fromkeys(names, "VARCHAR")],
        ).to_arrow_table()
    except duckdb.Error:
        return None
    finally:
        if con is not None:
            con.close()
        os.close(fd)
    lines = _nonblank_lines(payload)[1:]
    if len(lines) != arrow.num_rows:
        return None
    frame = arrow.to_pandas().fillna("").astype("str")
    frame.columns = names
    notes: list[Message] = []
    while len(frame) and _is_totals_row([str(cell) for cell in frame.iloc[-1].tolist()]):
        notes.append(Message("ingest.note.totals_skipped", line=position(lines[len(frame) - 1])))
        frame = frame.iloc[:-1]
    return Table(
        headers=headers, frame=frame, lines=lines[: len(frame)].astype(np.int64), kind="csv",
        encoding=encoding, separator=separator, notes=notes,
    )


# --- spreadsheets and JSON -----------------------------------------------------------------------


_WORKER: Final[Path] = Path(__file__).with_name("sheet_worker.py")
_KILLED_FOR_TIME: Final[frozenset[int]] = frozenset({-signal.SIGXCPU, -signal.SIGKILL})


def _run_worker(data: bytes, budget: ReadBudget) -> list[str]:
    """The JSON lines the sheet worker wrote; :class:`Refusal` when it was stopped by a cap."""
    command = [sys.executable, "-I", str(_WORKER), str(budget.max_cells), str(budget.max_columns),
               str(budget.sheet_memory_mb * 2**20), str(budget.sheet_seconds)]
    try:
        done = subprocess.run(command, input=data, capture_output=True,
                              timeout=2 * budget.sheet_seconds, check=False)
    except subprocess.TimeoutExpired:  # the child is killed by subprocess.run
        raise Refusal("ingest.file.sheet_time", seconds=budget.sheet_seconds) from None
    lines = done.stdout.decode("utf-8", "surrogatepass").splitlines()
    ended = bool(lines) and lines[-1].startswith("{")
    if done.returncode == 0 and ended:
        return lines
    if done.returncode in _KILLED_FOR_TIME:
        raise Refusal("ingest.file.sheet_time", seconds=budget.sheet_seconds)
    problem = done.stderr.decode("utf-8", "replace")
    if done.returncode == -signal.SIGABRT or "memory allocation" in problem:
        raise Refusal("ingest.file.sheet_memory", mb=budget.sheet_memory_mb)
    last = [line for line in problem.splitlines() if line.strip()][-1:] or [str(done.returncode)]
    raise Refusal("ingest.file.spreadsheet_unreadable", detail=last[0][:500])


def read_workbook(data: bytes, budget: ReadBudget | None = None) -> Table:
    """The first sheet of an XLSX/XLS/ODS workbook; the first non-empty row is the header.

    The sheet is read by :mod:`analytics.ingest.sheet_worker` in a child process held to ``budget``
    (default: :func:`~analytics.settings.load_read_budget`); a sheet over budget is refused with a
    message and never ends this process.
    """
    budget = budget or load_read_budget()
    lines = _run_worker(data, budget)
    last = json.loads(lines[-1])
    if "refusal" in last:
        params = last.get("params") or {}
        if last["refusal"] == "ingest.file.sheet_memory":
            params = {"mb": budget.sheet_memory_mb}
        raise Refusal(last["refusal"], **params)
    numbered: list[list[Any]] = json.loads("[" + ",".join(lines[:-1]) + "]")  # [line, cells]
    if not numbered:
        raise Refusal("ingest.file.sheet_empty")
    _header_line, header = numbered[0]
    width = max(i + 1 for i, cell in enumerate(header) if cell) if any(header) else len(header)
    headers = _dedupe_headers(header[:width])
    body = numbered[1:]
    return _finish(
        headers, [row for _, row in body], [line for line, _ in body], "sheet", separator=";"
    )


def _flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """A JSON object flattened to ``a/b`` keys with text values (lists joined by ', ')."""
    flat: dict[str, str] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}/{key}" if prefix else str(key)))
        return flat
    if isinstance(value, list):
        flat[prefix] = ", ".join(cell_text(item) if not isinstance(item, (dict, list)) else
                                 json.dumps(item, ensure_ascii=False) for item in value)
        return flat
    flat[prefix] = cell_text(value)
    return flat


def read_json(text: str, budget: ReadBudget | None = None) -> Table:
    """A JSON list of objects (or an object holding one such list) as a table.

    Refused when its table (records × distinct keys) is over ``budget``, before it is built.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        detail: Param = Message(JSON_PROBLEMS[exc.msg]) if exc.msg in JSON_PROBLEMS else exc.msg
        raise Refusal("ingest.file.json_unreadable", detail=detail, line=position(exc.lineno),
                      column=position(exc.colno)) from None
    except RecursionError:
        raise Refusal("ingest.file.json_too_deep") from None
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        document = lists[0] if len(lists) == 1 else [document]
    if not isinstance(document, list) or not document:
        raise Refusal("ingest.file.json_no_list")
    if not all(isinstance(item, dict) for item in document):
        raise Refusal("ingest.file.json_not_records")
    flat = [_flatten(item) for item in document]
    seen: dict[str, None] = {}  # keys in order of first appearance, found in constant time
    for record in flat:
        seen.update(dict.fromkeys(record))
    headers = list(seen)
    if not headers:
        raise Refusal("ingest.file.json_no_field")
    _check_size(len(flat), len(headers), budget or load_read_budget())
    rows = [[record.get(key, "") for key in headers] for record in flat]
    return _finish(
        _dedupe_headers(headers), rows, list(range(2, len(rows) + 2)), "json", separator=";"
    )


# --- dispatch ------------------------------------------------------------------------------------


def read_table(data: bytes, name: str = "", budget: ReadBudget | None = None) -> Table:
    """Decode any supported file into a Table; raises :class:`Refusal` with a reason otherwise.

    ``budget`` (default: :func:`~analytics.settings.load_read_budget`) bounds what reading may cost.
    """
    if not data or not data.strip():
        raise Refusal("ingest.file.empty")
    budget = budget or load_read_budget()
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC):
        return read_workbook(data, budget)
    text, encoding = decode_bytes(data)
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{") or Path(name).suffix.lower() == ".json":
        table = read_json(text, budget)
        table.encoding = encoding
        return table
    if len(data) > FAST_THRESHOLD_BYTES:
        fast = read_delimited_fast(data, text, encoding, budget)
        if fast is not None:
            return fast
    return read_delimited(text, encoding=encoding, budget=budget)
