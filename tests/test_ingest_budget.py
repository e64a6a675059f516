"""Hostile files are read within a budget: spreadsheet bombs are refused with a message and never end
the process, no plaintext copy of a file reaches the temp folder, JSON keys are handled in linear
time (issue 14, items 1 and 5)."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from analytics.ingest import import_file
from analytics.ingest.decode import FAST_THRESHOLD_BYTES, read_table
from analytics.ingest.model import Refusal
from analytics.settings import ReadBudget
from analytics.store.db import open_store
from tests.ingest_support import ROOT
from tests.test_ingest_decode import xlsx_bytes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def zip_bytes(members: dict[str, str]) -> bytes:
    """A zip archive (deflated) holding ``members`` (name → text)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():  # an ODS's mimetype comes first, not compressed
            archive.writestr(name, text, zipfile.ZIP_STORED if name == "mimetype" else None)
    return buffer.getvalue()


def bomb_xlsx(dimension: str | None, cells: dict[str, str]) -> bytes:
    """A minimal hand-written workbook: one sheet declaring ``dimension`` and holding ``cells``."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    rows = "".join(
        f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}" t="inlineStr">'
        f"<is><t>{value}</t></is></c></row>" for ref, value in cells.items()
    )
    return zip_bytes({
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
            '<sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{MAIN}">{declared}<sheetData>{rows}</sheetData></worksheet>'
        ),
    })


def bomb_ods(rows_repeated: int, columns_repeated: int) -> bytes:
    """An OpenDocument sheet whose one written row of one written cell repeats into a huge grid."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    row = (f'<table:table-row table:number-rows-repeated="{rows_repeated}">'
           f'<table:table-cell table:number-columns-repeated="{columns_repeated}" '
           'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
    return zip_bytes({
        "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
        "META-INF/manifest.xml": (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
            '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
        ),
        "content.xml": (
            f'<office:document-content {ns}><office:body><office:spreadsheet>'
            f'<table:table table:name="Feuille1">{row}</table:table>'
            "</office:spreadsheet></office:body></office:document-content>"
        ),
    })


def record(kind: int, body: bytes) -> bytes:
    """One BIFF record: type, length, body."""
    return struct.pack("<HH", kind, len(body)) + body

def biff(dimension: tuple[int, int, int, int] | None, cells: list[tuple[int, int, float]]) -> bytes:
    """A BIFF8 workbook stream: one sheet declaring ``dimension`` (first row, last row + 1, first
    column, last column + 1) and holding numbers at (row, column)."""
    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    name = b"Feuil1"

    def globals_(offset: int) -> bytes:
        sheet = struct.pack("<IBBBB", offset, 0, 0, len(name), 0) + name
        return bof(0x0005) + record(0x0085, sheet) + record(0x000A, b"")

    head = globals_(0)
    sheet = bof(0x0010)
    if dimension:
        sheet += record(0x0200, struct.pack("<IIHHH", *dimension, 0))
    for row, col, value in cells:
        sheet += record(0x0203, struct.pack("<HHHd", row, col, 0, value))
    sheet += record(0x000A, b"")
    return globals_(len(head)) + sheet

def cfb(stream: bytes) -> bytes:
    """An OLE compound file (the .xls container) holding one stream named Workbook."""
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    n = len(stream) // 512
    end, free, fatsect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fatsect] + [i + 2 for i in range(n - 1)] + [end] + [end]
    fat += [free] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, n + 1, 0, 0x1000, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0")
                + struct.pack("<HBBIII", len(encoded), kind, 1 if kind else 0, free, free, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 1, len(stream))
                 + entry("", 0, free, 0, 0) * 2)
    return header + struct.pack("<128I", *fat) + stream + directory


HEADER = {"A1": "Date"}
BOMBS: list[tuple[str, bytes, str]] = [
    # (file, bytes, what the English message says)
    ("declared.xlsx", bomb_xlsx("A1:XFD1048576", {**HEADER, "XFD1048576": "x"}),
     "declares 17,179,869,184 cells"),
    # no declaration, or a false one: the reader's grid (512 GiB) meets the memory cap
    ("undeclared.xlsx", bomb_xlsx(None, {**HEADER, "XFD1048576": "x"}), "more than 4,096 MB"),
    ("understated.xlsx", bomb_xlsx("A1:B2", {**HEADER, "XFD1048576": "x"}), "more than 4,096 MB"),
    # a 5.6 KB .xls whose DIMENSIONS record declares 4 billion rows × 65,535 columns
    ("declared.xls", cfb(biff((0, 0xFFFFFFFF, 0, 0xFFFF), [(0, 0, 1.0)])), "more than 4,096 MB"),
    # repeated rows × repeated cells: calamine itself refuses the biggest; below its own limit it
    # would spend 11 s and 4 GB before the caps stopped it: the span is checked first
    ("repeated.ods", bomb_ods(1_048_576, 16_384), "17,179,869,184 cells (1,048,576 rows"),
    ("repeated_50M.ods", bomb_ods(50_000, 1_000), "50,000,000 cells (50,000 rows"),
    ("repeated_wide.ods", bomb_ods(1, 20_000), "20,000 columns"),
]


@pytest.mark.parametrize(("name", "data", "says"), BOMBS, ids=[b[0] for b in BOMBS])
def test_spreadsheet_bomb_is_refused_with_a_message_and_the_process_lives_on(
    name: str, data: bytes, says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("MAX_CELLS", "MAX_COLUMNS", "SHEET_MEMORY_MB", "SHEET_SECONDS"):
        monkeypatch.delenv(f"PARTICIPATION_{variable}", raising=False)
    assert len(data) < 6_000
    with pytest.raises(Refusal) as refused:
        read_table(data, name)
    assert says in str(refused.value)
    assert "Traceback" not in str(refused.value)
    # still alive, and a real workbook still reads
    assert read_table(xlsx_bytes(), "temps.xlsx").headers[:2] == ["Date", "Agent"]


def test_a_small_xls_reads_through_the_child() -> None:
    cells = [(0, 0, 1.0), (0, 1, 2.0), (2, 0, 3.0), (2, 1, 2.5)]
    table = read_table(cfb(biff((0, 3, 0, 2), cells)), "t.xls")
    assert table.headers == ["1", "2"]
    assert (table.lines.tolist(), table.frame.iloc[0].tolist()) == ([3], ["3", "2.5"])


def test_one_cell_in_the_last_corner_is_read_not_raised() -> None:
    """The reader used to panic (a BaseException no handler catches) on this sheet; it is now read
    (16,384 columns, no row), and the importer says which headers it found."""
    data = bomb_xlsx("XFD1048576", {"XFD1048576": "x"})
    table = read_table(data, "corner.xlsx")
    assert (len(table.headers), table.headers[-1], len(table.frame)) == (16_384, "x", 0)


@pytest.mark.parametrize(
    ("data", "budget", "key", "says"),
    [
        (bomb_xlsx("A1:B3", {"A1": "Date", "B3": "x"}), ReadBudget(max_cells=4),
         "ingest.file.sheet_too_large", "declares 6 cells (A1:B3)"),
        (xlsx_bytes(), ReadBudget(max_columns=4), "ingest.file.too_many_columns", "5 columns"),
        (bomb_xlsx("A1:B2", {"A1": "Date", "E5": "x"}), ReadBudget(max_cells=24),
         "ingest.file.too_many_cells", "25 cells (5 rows × 5 columns)"),
    ],
    ids=["declared", "columns", "used range"],
)
def test_a_workbook_over_a_small_budget_is_refused(
    data: bytes, budget: ReadBudget, key: str, says: str
) -> None:
    with pytest.raises(Refusal) as refused:
        read_table(data, "temps.xlsx", budget=budget)
    assert refused.value.message.key == key
    assert says in str(refused.value)


@pytest.mark.parametrize(
    ("far_cell", "budget", "key"),
    [
        # 256 × 1,048,576 cells: 8 GiB for the reader's grid
        ("IV1048576", ReadBudget(max_cells=10**12, sheet_memory_mb=256), "ingest.file.sheet_memory"),
        # 100 × 40,000 cells: fits in memory, not in a fifth of a second
        ("CV40000", ReadBudget(max_cells=10**12, sheet_seconds=0.2), "ingest.file.sheet_time"),
    ],
)
def test_the_reader_is_capped_in_memory_and_time(
    far_cell: str, budget: ReadBudget, key: str
) -> None:
    with pytest.raises(Refusal) as refused:
        read_table(bomb_xlsx(None, {**HEADER, far_cell: "x"}), "grid.xlsx", budget=budget)
    assert refused.value.message.key == key


def test_the_bomb_on_the_command_line_is_a_refusal_not_an_abort(tmp_path: Path) -> None:
    bomb = tmp_path / "temps.xlsx"
    bomb.write_bytes(BOMBS[0][1])
    env = {**os.environ, "PARTICIPATION_SECRET_DIR": str(tmp_path / "keys")}
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "import", "--db", str(tmp_path / "s.duckdb"),
         str(bomb)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "temps.xlsx: refused" in done.stdout
    assert "17,179,869,184 cells" in done.stdout
    assert "Traceback" not in done.stderr + done.stdout


def test_the_bomb_through_the_importer_leaves_a_refusal(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", str(tmp_path / "keys"))
    con = open_store(":memory:")
    try:
        result = import_file(con, BOMBS[1][1], "undeclared.xlsx")
    finally:
        con.close()
    assert result.status == "refused"
    assert "internal error" not in result.message


# --- no plaintext copy in the temp folder --------------------------------------------------------

READ_FOREVER = """
import sys
from analytics.ingest.decode import read_table
data = open(sys.argv[1], 'rb').read()
table = read_table(data, 'registrations.csv')
assert table.kind == 'csv' and len(table.frame) > 50_000, len(table.frame)
print('read', flush=True)
while True:
    read_table(data, 'registrations.csv')
"""


@pytest.fixture(scope="module")
def big_registrations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registrations export over the fast-path threshold: residents' names and e-mails."""
    path = tmp_path_factory.mktemp("exports") / "registrations.csv"
    lines = ["id,name,email,meeting"] + [
        f"{i},Résidente Numéro{i},resident{i}@example.org,m{i % 40}" for i in range(120_000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > FAST_THRESHOLD_BYTES
    return path


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.7, 1.3])
def test_a_kill_while_reading_a_big_file_leaves_nothing_in_the_temp_folder(
    big_registrations: Path, tmp_path: Path, delay: float
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TMP": str(temp), "TEMP": str(temp)}
    process = subprocess.Popen(
        [sys.executable, "-c", READ_FOREVER, str(big_registrations)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    seen: set[str] = set()
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"read", process.stderr.read()  # type: ignore[union-attr]
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline:
            seen.update(str(p) for p in temp.rglob("*"))
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    left = [p for p in temp.rglob("*") if p.is_file() and p.stat().st_size]
    assert left == []
    assert seen == set()  # not even while reading


# --- JSON keys in linear time --------------------------------------------------------------------


def many_keys(count: int) -> bytes:
    """One JSON record with ``count`` distinct keys."""
    return json.dumps([{f"field {i}": i for i in range(count)}]).encode()


def test_json_keys_are_read_in_linear_time() -> None:
    """Above the default column budget on purpose: 50,000 keys took 30 s (quadratic) before."""
    budget = ReadBudget(max_columns=300_000)
    timings: dict[int, float] = {}
    for count in (5_000, 50_000):
        started = time.perf_counter()
        table = read_table(many_keys(count), "wide.json", budget=budget)
        timings[count] = time.perf_counter() - started
        assert len(table.headers) == count
        assert table.headers[-1] == f"field {count - 1}"
    # 10 times the keys: linear ≈ 10 times the time, quadratic 100 times
    assert timings[50_000] < 30 * max(timings[5_000], 0.01), timings


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (many_keys(200_000), "ingest.file.too_many_columns"),
        (json.dumps([{f"k{i}": 1} for i in range(10_000)]).encode(), "ingest.file.too_many_cells"),
    ],
    ids=["200000 keys", "10000 records, each its own key"],
)
def test_json_over_the_default_budget_is_refused_at_once(data: bytes, key: str) -> None:
    started = time.perf_counter()
    with pytest.raises(Refusal) as refused:
        read_table(data, "wide.json", budget=ReadBudget(max_cells=20_000_000, max_columns=16_384))
    assert refused.value.message.key == key
    assert time.perf_counter() - started < 30
