"""Decoding files: encodings, separators, blank lines, totals and ragged rows, sheets, JSON."""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
import xlsxwriter

from analytics.ingest.decode import (
    decode_bytes,
    read_delimited,
    read_delimited_fast,
    read_table,
    sniff_separator,
)
from analytics.ingest.model import Refusal

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
TEXT = "Date;Agent;Durée\n03/02/2025;Amélie Cœur;2,5\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("Cœur", "Coeur").encode("latin-1"), "cp1252"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert text.startswith("Date;Agent;Durée")
    assert "Amélie" in text


def test_latin1_when_not_windows_1252() -> None:
    # 0x81 is undefined in Windows-1252: such bytes can only be Latin-1.
    text, found = decode_bytes("Nom\nB\u0081b\n".encode("latin-1"))
    assert found == "latin-1"
    assert text.splitlines()[1] == "B\u0081b"


def test_binary_is_refused() -> None:
    with pytest.raises(Refusal, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03\x00\x00\xff\xfe\x00")


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_separators(sep: str) -> None:
    text = sep.join(["a", "b", '"c,d;e"']) + "\n" + sep.join(["1", '"2,5"', "x"]) + "\n"
    assert sniff_separator(text) == sep
    table = read_delimited(text)
    assert table.headers == ["a", "b", "c,d;e"]
    assert table.column(1).tolist() == ["2,5"]


def test_lines_blank_lines_quoted_newlines_and_ragged_rows() -> None:
    text = (
        "a;b;c\r\n"
        "1;2;3\r\n"
        "\r\n"
        '4;"multi\r\nline";6\r\n'
        "7;8\r\n"  # short: padded
        "9;10;11;12\r\n"  # one cell too many, not empty: rejected
        "13;14;15;;\r\n"  # trailing empty cells: fine
    )
    table = read_delimited(text)
    assert table.lines.tolist() == [2, 4, 6, 8]
    assert table.column(1).tolist() == ["2", "multi\r\nline", "8", "14"]
    assert table.column(2).tolist() == ["3", "6", "", "15"]
    assert [(r.line, r.raw) for r in table.rejects] == [(7, "9;10;11;12")]


def test_totals_rows_at_the_bottom_are_skipped() -> None:
    text = "Date;Agent;Heures\n01/02/2025;A;2\n02/02/2025;B;3\nTotal;;5\n;;5\n"
    table = read_delimited(text)
    assert len(table.frame) == 2
    assert [str(note) for note in table.notes] == ["line 5: totals row skipped",
                                                  "line 4: totals row skipped"]


def test_duplicate_and_empty_headers_are_named() -> None:
    table = read_delimited("Nom;Nom;;x\n1;2;3;4\n")
    assert table.headers == ["Nom", "Nom (2)", "column 3", "x"]


def test_fast_reader_matches_csv_module() -> None:
    """The DuckDB reader used for big files gives the same cells and line numbers."""
    rows = ["entry_id,agent_id,work_date,hours"] + [f"e{i},a{i % 7},2025-02-0{1 + i % 9},1.5"
                                                     for i in range(2000)]
    rows.insert(500, "")
    rows.append("Total,,,3000")
    data = ("\n".join(rows) + "\n").encode()
    fast = read_delimited_fast(data, data.decode(), "utf-8")
    slow = read_delimited(data.decode())
    assert fast is not None
    assert fast.headers == slow.headers
    assert fast.lines.tolist() == slow.lines.tolist()
    assert fast.frame.astype(str).equals(slow.frame.astype(str))
    assert [str(n) for n in fast.notes] == [str(n) for n in slow.notes] == [
        "line 2003: totals row skipped"]


def test_fast_reader_handles_quotes_and_declines_what_it_cannot_number() -> None:
    quoted = 'a,b\n"1,5",2\n\n"x ""y""",3\n'
    fast = read_delimited_fast(quoted.encode(), quoted, "utf-8")
    assert fast is not None
    assert fast.column(0).tolist() == ["1,5", 'x "y"']
    assert fast.lines.tolist() == [2, 4]
    for text in ('a,b\n"multi\nline",2\n', "a,b\n1,2,3\n", "a,b\n1\n", 'a,b\n"open,2\n'):
        assert read_delimited_fast(text.encode(), text, "utf-8") is None, text


def test_utf16_fixture() -> None:
    table = read_table((FIXTURES / "events_utf16.txt").read_bytes())
    assert table.encoding == "utf-16"
    assert table.separator == "\t"
    assert table.headers[3] == "Nombre de participants"
    assert table.column(3).tolist()[0] == "1\u00a0234"


def xlsx_bytes() -> bytes:
    """A workbook written by xlsxwriter with real dates, times, numbers and a totals row."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Temps")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    time_format = workbook.add_format({"num_format": "hh:mm"})
    sheet.write_row(0, 0, ["Date", "Agent", "Début", "Fin", "Heures"])
    sheet.write_datetime(2, 0, datetime(2025, 2, 3), date_format)  # row 2 is blank: line 3
    sheet.write_string(2, 1, "Amélie Poulain")
    sheet.write_datetime(2, 2, datetime.combine(date(1899, 12, 31), time(18, 0)), time_format)
    sheet.write_datetime(2, 3, datetime.combine(date(1899, 12, 31), time(20, 30)), time_format)
    sheet.write_number(2, 4, 2.5)
    sheet.write_datetime(3, 0, datetime(2025, 2, 4), date_format)
    sheet.write_string(3, 1, "Zoé Mercier")
    sheet.write_number(3, 4, 4)
    sheet.write_string(4, 0, "Total")
    sheet.write_formula(4, 4, "=SUM(E3:E4)", None, 6.5)
    workbook.close()
    return buffer.getvalue()


def test_xlsx() -> None:
    table = read_table(xlsx_bytes(), "temps.xlsx")
    assert table.kind == "sheet"
    assert table.headers == ["Date", "Agent", "Début", "Fin", "Heures"]
    assert table.lines.tolist() == [3, 4]
    assert table.column(0).tolist() == ["2025-02-03", "2025-02-04"]
    assert table.column(2).tolist()[0] in ("18:00:00", "1899-12-31 18:00:00")
    assert table.column(4).tolist() == ["2.5", "4"]
    assert [str(note) for note in table.notes] == ["line 5: totals row skipped"]


def ods_bytes(rows: list[list[object]]) -> bytes:
    """A minimal OpenDocument spreadsheet (mimetype, manifest, content) written by hand."""
    def cell(value: object) -> str:
        if isinstance(value, date):
            return (f'<table:table-cell office:value-type="date" office:date-value='
                    f'"{value.isoformat()}"><text:p>{value:%d/%m/%Y}</text:p></table:table-cell>')
        if isinstance(value, int | float):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Feuille1">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_ods() -> None:
    data = ods_bytes([["Date", "Agent", "Heures"], [date(2025, 2, 3), "Amélie Poulain", 2.5],
                      [date(2025, 2, 4), "Zoé Mercier", 4]])
    table = read_table(data, "temps.ods")
    assert table.headers == ["Date", "Agent", "Heures"]
    assert table.column(0).tolist() == ["2025-02-03", "2025-02-04"]
    assert table.column(2).tolist() == ["2.5", "4"]


def test_corrupt_workbook_is_refused() -> None:
    with pytest.raises(Refusal, match="spreadsheet"):
        read_table(xlsx_bytes()[:300], "broken.xlsx")


def test_json_records_flattened() -> None:
    data = json.dumps([{"id": 1, "user": {"name": "A", "email": "a@x"}, "tags": ["x", "y"]},
                       {"id": 2, "extra": True}]).encode()
    table = read_table(data, "x.json")
    assert table.headers == ["id", "user/name", "user/email", "tags", "extra"]
    assert table.column(3).tolist() == ["x, y", ""]
    assert table.lines.tolist() == [2, 3]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"[]", b"{}", b"[1, 2]", b"{not json"])
def test_empty_or_meaningless_files_are_refused(data: bytes) -> None:
    with pytest.raises(Refusal):
        read_table(data, "x.json" if data.strip()[:1] in (b"[", b"{") else "x.csv")
