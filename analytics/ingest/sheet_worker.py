"""Read the first sheet of a workbook in a child process capped in memory, processor time and files.

The spreadsheet reader (python-calamine) builds the whole grid of a sheet's used range at once: one
cell far away (``XFD1048576``) makes it ask for hundreds of GiB and abort the process. So a workbook
is never read in the server's process: :func:`analytics.ingest.decode.read_workbook` runs this file
as a script (``python -I sheet_worker.py MAX_CELLS MAX_COLUMNS MEMORY_BYTES CPU_SECONDS``), sends the
file's bytes on stdin and reads JSON lines back on stdout:

* ``{"refusal": KEY, "params": {...}}`` — the sheet is over budget or unreadable (one line);
* ``[LINE, [CELL, ...]]`` — one non-empty row: its row number in the sheet (1-based) and its cells as
  text, padded on the left so that column A is the first cell; then ``{"end": ROWS}``.

Before the reader builds the grid, the sheet's declared dimension (``<dimension ref="A1:D40"/>`` of
an XLSX) or the span of its repeated rows and cells (an ODS) is checked against the budget; the used
range the reader then builds is checked again before any cell becomes a Python object. A file that
fools these checks (an XLS, or an XLSX whose declaration lies) meets the memory cap (the child
aborts) or the processor cap (the child is killed); the parent turns either into a refusal. The
child may not write any file (``RLIMIT_FSIZE`` = 0): nothing it reads reaches the disk.

This module imports only the standard library and python-calamine, so that the child starts fast.
"""

from __future__ import annotations

import io
import json
import math
import re
import sys
import zipfile
from datetime import date, datetime, time, timedelta
from typing import Any, Final

_SHEET_TAG: Final[re.Pattern[bytes]] = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]+)\"")
_RELATIONSHIP: Final[re.Pattern[bytes]] = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE: Final[re.Pattern[bytes]] = re.compile(rb"\b(Id|Target)=\"([^\"]*)\"")
_DIMENSION: Final[re.Pattern[bytes]] = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\""
)
_HEAD_BYTES: Final[int] = 65_536
"""How much of a sheet's XML is read to find its ``<dimension>`` (it comes before the cells)."""


def cell_text(value: Any) -> str:
    """A spreadsheet cell as text: dates ISO, times HH:MM:SS, whole floats without '.0'."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, datetime):  # pandas' Timestamp is a datetime too
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, timedelta):
        total = round(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value).strip()


def column_number(letters: str) -> int:
    """1-based number of a column written in letters (A → 1, XFD → 16384)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


class OverBudget(Exception):
    """The sheet is refused: a message key of the ``ingest.po`` catalogues and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def _first_sheet_path(archive: zipfile.ZipFile) -> str | None:
    """Path inside an XLSX of its first sheet's XML (the sheet calamine reads first)."""
    with archive.open("xl/workbook.xml") as handle:
        sheet = _SHEET_TAG.search(handle.read(1_000_000))
    if sheet is None:
        return None
    with archive.open("xl/_rels/workbook.xml.rels") as handle:
        relationships = handle.read(1_000_000)
    for tag in _RELATIONSHIP.findall(relationships):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get(b"Id") == sheet[1] and b"Target" in attributes:
            target = attributes[b"Target"].decode("utf-8", "replace")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def check_declared(data: bytes, max_cells: int, max_columns: int) -> None:
    """Refuse an XLSX whose first sheet declares more cells or columns than the budget.

    Reads at most the first 64 KB of the sheet's XML; a file without a readable declaration passes
    (the used range is checked after reading, and the caps stand behind both checks).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _first_sheet_path(archive)
            if path is None:
                return
            with archive.open(path) as handle:
                head = handle.read(_HEAD_BYTES)
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return
    found = _DIMENSION.search(head)
    if found is None:
        return
    first_col, first_row = column_number(found[1].decode()), int(found[2])
    last_col = column_number(found[3].decode()) if found[3] else first_col
    last_row = int(found[4]) if found[4] else first_row
    reference = found[0].split(b'"')[1].decode()
    if last_col > max_columns:
        raise OverBudget("ingest.file.too_many_columns", columns=last_col, limit=max_columns)
    cells = (abs(last_row - first_row) + 1) * (abs(last_col - first_col) + 1)
    if cells > max_cells:
        raise OverBudget("ingest.file.sheet_too_large", range=reference, cells=cells,
                         limit=max_cells)


_TABLE: Final[str] = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE: Final[str] = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def check_repeated(data: bytes, max_cells: int, max_columns: int) -> None:
    """Refuse an ODS whose first sheet's repeated rows and cells span more than the budget.

    An ODS writes ``number-rows-repeated`` / ``number-columns-repeated`` instead of repeating a row
    or a cell: a few bytes can stand for billions of cells. The XML is walked row by row (memory
    stays small) and the walk stops as soon as the cells used from A1 pass the budget; a file it
    cannot walk passes (the caps stand behind).
    """
    from xml.etree.ElementTree import ParseError, iterparse

    rows_before = 0
    widest = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                if element.tag == f"{_TABLE}table" and event == "end":
                    return  # the first sheet is all calamine reads
                if event != "end" or element.tag != f"{_TABLE}table-row":
                    continue
                rows = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                column = used = 0
                for cell in element:
                    column += int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
                    if cell.get(f"{_OFFICE}value-type") or len(cell) or (cell.text or "").strip():
                        used = column
                element.clear()
                if used:
                    widest = max(widest, used)
                    if widest > max_columns:
                        raise OverBudget("ingest.file.too_many_columns", columns=widest,
                                         limit=max_columns)
                    if (rows_before + rows) * widest > max_cells:
                        raise OverBudget("ingest.file.too_many_cells",
                                         cells=(rows_before + rows) * widest,
                                         rows=rows_before + rows, columns=widest, limit=max_cells)
                rows_before += rows
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError, ParseError):
        return


def read_rows(data: bytes, max_cells: int, max_columns: int) -> int:
    """Write the first sheet's non-empty rows on stdout as JSON lines; return how many."""
    from python_calamine import CalamineWorkbook

    if data.startswith(b"PK"):
        check_declared(data, max_cells, max_columns)
        check_repeated(data, max_cells, max_columns)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise OverBudget("ingest.file.no_sheet")
        sheet = workbook.get_sheet_by_index(0)
        start_row, start_col = sheet.start or (0, 0)
        height, width = sheet.height, sheet.width
        if start_col + width > max_columns:
            raise OverBudget("ingest.file.too_many_columns", columns=start_col + width,
                             limit=max_columns)
        if height * width > max_cells:
            raise OverBudget("ingest.file.too_many_cells", cells=height * width, rows=height,
                             columns=width, limit=max_cells)
        rows = sheet.to_python(skip_empty_area=True)
    except (OverBudget, MemoryError):
        raise
    except BaseException as exc:  # calamine's errors, and its panics (a BaseException)
        raise OverBudget("ingest.file.spreadsheet_unreadable", detail=str(exc)[:500]) from None
    padding = [""] * start_col
    written = 0
    out = sys.stdout
    for index, row in enumerate(rows):
        texts = [cell_text(cell) for cell in row]
        if any(texts):
            out.write(json.dumps([start_row + index + 1, padding + texts], ensure_ascii=False))
            out.write("\n")
            written += 1
    return written


def _cap(memory_bytes: int, cpu_seconds: float) -> None:
    """Limit this process: address space, processor time, no file written, no core dump.

    Where ``resource`` does not exist (Windows) only the parent's wall-clock limit applies.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Linux
        return

    def lower(kind: int, soft: int, hard: int) -> None:  # never above a limit already in force
        _, current = resource.getrlimit(kind)
        if current != resource.RLIM_INFINITY:
            soft, hard = min(soft, current), min(hard, current)
        resource.setrlimit(kind, (soft, hard))

    cpu = max(1, math.ceil(cpu_seconds))
    lower(resource.RLIMIT_AS, memory_bytes, memory_bytes)
    lower(resource.RLIMIT_CPU, cpu, cpu + 1)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv: list[str]) -> int:
    """The child: ``MAX_CELLS MAX_COLUMNS MEMORY_BYTES CPU_SECONDS``, the file on stdin."""
    max_cells, max_columns, memory_bytes = (int(value) for value in argv[:3])
    _cap(memory_bytes, float(argv[3]))
    sys.stdout.reconfigure(encoding="utf-8", errors="surrogatepass")  # type: ignore[union-attr]
    try:
        data = sys.stdin.buffer.read()
        count = read_rows(data, max_cells, max_columns)
    except OverBudget as refusal:
        sys.stdout.write(json.dumps({"refusal": refusal.key, "params": refusal.params}) + "\n")
        return 0
    except MemoryError:
        sys.stdout.write(json.dumps({"refusal": "ingest.file.sheet_memory", "params": {}}) + "\n")
        return 0
    sys.stdout.write(json.dumps({"end": count}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
