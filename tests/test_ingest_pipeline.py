"""The import pipeline end to end: good rows in, bad rows reported by line, nothing lost or doubled."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import duckdb
import pytest

from analytics.cli import main
from analytics.ingest import import_file, import_files
from analytics.ingest.mapping import load_mapping, propose_mapping, save_mapping
from analytics.ingest.templates import (
    formula_safe,
    rejects_csv,
    template_csv,
    template_frame,
)
from analytics.schema import LOAD_ORDER, TABLES
from analytics.store.db import open_store
from tests.ingest_support import FIXTURES, store_checksum
from tests.test_ingest_decode import ods_bytes, xlsx_bytes

FRENCH = FIXTURES / "french_excel_cp1252.csv"


def value(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> object:
    return con.execute(sql, params or []).fetchall()[0][0]


# --- the French spreadsheet saved by Excel -------------------------------------------------------


def test_french_excel_csv_imports_good_rows_and_reports_bad_ones(
    store: duckdb.DuckDBPyConnection,
) -> None:
    result = import_file(store, FRENCH)
    assert (result.status, result.format) == ("imported", "canonical_time_entries")
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (7, 5, 2)
    assert [(r.line, r.column) for r in result.rejects] == [(5, "Date"), (8, "Durée (h)")]
    assert "31/02/2025" in result.rejects[0].reason
    assert "deux heures" in result.rejects[1].reason
    assert "line 10: totals row skipped" in result.message
    assert value(store, "SELECT sum(hours) FROM time_entries") == pytest.approx(15.25)
    night = store.execute("SELECT start_time, end_time, hours, activity FROM time_entries "
                          "WHERE work_date = DATE '2025-02-05'").fetchall()
    assert [(str(a), str(b), h, k) for a, b, h, k in night] == [
        ("22:00:00", "01:30:00", 3.5, "site_work")]
    kept = store.execute("SELECT line, column_name, reason, raw FROM import_rejects "
                         "ORDER BY line").fetchall()
    assert [(line, column) for line, column, _, _ in kept] == [(5, "Date"), (8, "Durée (h)")]
    assert kept[0][3].startswith("31/02/2025;Gérard Lefèvre;")
    assert sorted(result.created_agents) == ["Amélie Poulain (amelie-poulain)",
                                             "Gérard Lefèvre (gerard-lefevre)",
                                             "Zoé Mercier (zoe-mercier)"]
    assert "Cœur de ville (coeur-de-ville)" in result.created_projects
    assert value(store, "SELECT count(*) FROM time_entries WHERE project_id IS NULL") == 1
    history = store.execute("SELECT file_name, status, rows_read, rows_accepted, rows_rejected "
                            "FROM imports").fetchall()
    assert history == [(FRENCH.name, "imported", 7, 5, 2)]


def test_reimporting_the_same_file_adds_nothing(store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, FRENCH)
    before = store_checksum(store)
    again = import_file(store, FRENCH.read_bytes(), "copie.csv")
    assert again.status == "already_imported"
    assert store_checksum(store) == before


def test_an_overlapping_export_adds_only_new_entries(
    store: duckdb.DuckDBPyConnection, tmp_path: Path,
) -> None:
    lines = FRENCH.read_bytes().decode("cp1252").splitlines()
    first = "\n".join([lines[0], *lines[1:4]]) + "\n"
    second = "\n".join([lines[0], *lines[2:9]]) + "\n"  # rows 3-4 again, plus later rows
    one = import_file(store, first.encode("cp1252"), "janvier.csv")
    two = import_file(store, second.encode("cp1252"), "fevrier.csv")
    assert (one.rows_added, two.rows_accepted, two.rows_added) == (3, 4, 2)
    assert value(store, "SELECT count(*) FROM time_entries") == 5
    assert value(store, "SELECT sum(hours) FROM time_entries") == pytest.approx(15.25)


def test_identical_entries_in_one_file_are_both_kept(store: duckdb.DuckDBPyConnection) -> None:
    data = b"date;agent;heures\n01/02/2025;A;2\n01/02/2025;A;2\n"
    result = import_file(store, data, "deux.csv")
    assert result.rows_added == 2
    assert import_file(store, data + b"\n", "deux-bis.csv").rows_added == 0


def test_strict_refuses_a_file_with_any_rejected_row(store: duckdb.DuckDBPyConnection) -> None:
    before = store_checksum(store)
    result = import_file(store, FRENCH, strict=True)
    assert result.status == "refused"
    assert result.rows_rejected == 2
    assert "line 5" in result.message
    assert store_checksum(store) == before
    assert import_file(store, FRENCH, strict=False).status == "imported"


def test_a_failure_while_writing_rolls_everything_back(
    store: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failure after the rows are inserted (here: in the derived refresh) undoes the file."""
    import_file(store, FIXTURES / "kimai1_en.csv")
    before = store_checksum(store)

    def broken(cur: duckdb.DuckDBPyConnection, changed: set[str], written: object) -> None:
        assert "time_entries" in changed
        assert value(cur, "SELECT count(*) FROM time_entries") > 2  # rows were written...
        raise RuntimeError("disk full")

    monkeypatch.setattr("analytics.ingest.pipeline._refresh_derived", broken)
    result = import_file(store, FRENCH)
    assert result.status == "refused"
    assert "disk full" in result.message and "nothing was changed" in result.message
    assert store_checksum(store) == before  # ...and are gone


# --- people, projects and residents --------------------------------------------------------------


def test_agents_are_found_by_id_email_or_name(store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, b"agent_id;agent_name;service_id\na42;Anna Schmidt;jeunesse\n", "a.csv")
    result = import_file(store, FIXTURES / "kimai2_de.csv")
    assert result.created_agents == ["Jonas Weber (jonas.weber@example.org)"]
    rows = dict(store.execute("SELECT agent_id, sum(hours) FROM time_entries GROUP BY 1")
                .fetchall())
    assert rows == {"a42": pytest.approx(7.75), "jonas.weber@example.org": pytest.approx(1.5)}
    by_email = import_file(store, b"date;courriel;heures\n05/02/2025;JONAS.WEBER@example.org;2\n",
                           "b.csv")
    assert by_email.created_agents == []


def test_agents_created_by_an_import_are_completed_later(store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, FIXTURES / "kimai2_de.csv")
    assert value(store, "SELECT service_id FROM agents WHERE agent_name = 'Jonas Weber'") is None
    import_file(store, b"agent_id;service_id\njonas.weber@example.org;fetes\n", "agents.csv")
    assert store.execute("SELECT agent_name, service_id FROM agents WHERE agent_id = ?",
                         ["jonas.weber@example.org"]).fetchall() == [("Jonas Weber", "fetes")]


def test_projects_by_id_or_name(store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, template_csv("projects"), "projets.csv")
    data = ("date;agent;projet;heures\n01/02/2025;A;Jardins partagés;1\n"
            "02/02/2025;A;jardins  PARTAGES;1\n03/02/2025;A;Nouveau projet;1\n").encode()
    result = import_file(store, data, "t.csv")
    assert result.created_projects == ["Nouveau projet (nouveau-projet)"]
    assert value(store, "SELECT count(*) FROM time_entries WHERE project_id = ?",
                 ["jardins-partages"]) == 2


def test_residents_are_pseudonymised(store: duckdb.DuckDBPyConnection, keys: Path) -> None:
    result = import_file(store, FIXTURES / "decidim_registrations_meeting_42.csv")
    assert (result.status, result.format, result.rows_accepted) == (
        "imported", "decidim_registrations", 2)
    assert result.rejects[0].line == 4 and "duplicate" in result.rejects[0].reason
    attendances = store.execute("SELECT event_id, participant_id FROM attendances").fetchall()
    assert {event for event, _ in attendances} == {"decidim-42"}
    elise = attendances[0][1]
    assert elise.startswith("p_") and len(elise) == 26
    # the same person, by the same e-mail written differently, in another kind of file
    import_file(store, b"event_id;courriel;role\nrdv-1;ELISE.martin@example.org;benevole\n",
                "presences.csv")
    assert value(store, "SELECT participant_id FROM attendances WHERE event_id = 'rdv-1'") == elise
    dump = json.dumps([store.execute(f'SELECT * FROM "{t}"').fetchall()
                       for t in (*TABLES, "imports", "import_rejects")], default=str).lower()
    for secret in ("martin", "durand", "example.org", "élise", "elise"):
        assert secret not in dump
    key_file = keys / "pseudonym.key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


# --- other formats and files ---------------------------------------------------------------------


def test_spreadsheets(store: duckdb.DuckDBPyConnection) -> None:
    xlsx = import_file(store, xlsx_bytes(), "temps.xlsx")
    assert (xlsx.status, xlsx.rows_accepted) == ("imported", 2)
    ods = import_file(store, ods_bytes([["Date", "Agent", "Heures"],
                                        [__import__("datetime").date(2025, 3, 3), "Léa", 1.5]]),
                      "temps.ods")
    assert (ods.status, ods.rows_accepted) == ("imported", 1)
    assert value(store, "SELECT sum(hours) FROM time_entries") == pytest.approx(8.0)
    assert value(store, "SELECT min(start_time) FROM time_entries").isoformat() == "18:00:00"


def test_utf16_events_with_thousands_separator(store: duckdb.DuckDBPyConnection) -> None:
    result = import_file(store, FIXTURES / "events_utf16.txt")
    assert (result.status, result.format) == ("imported", "canonical_events")
    rows = store.execute("SELECT event_kind, quartier, attendees_count FROM events "
                         "ORDER BY event_date").fetchall()
    assert rows == [("public_meeting", "Centre", 1234), ("workshop", "Base 11/19", 18),
                    ("site_work", "Cité 5", None)]


def test_kimai_and_twelve_hour_clockify(store: duckdb.DuckDBPyConnection) -> None:
    assert import_file(store, FIXTURES / "kimai1_en.csv").rows_accepted == 2
    assert import_file(store, FIXTURES / "kimai2_de.csv").rows_accepted == 3
    assert value(store, "SELECT sum(hours) FROM time_entries") == pytest.approx(2.75 + 9.25)
    import_file(store, FIXTURES / "clockify_ampm.csv")
    rows = store.execute("SELECT work_date, start_time, end_time, hours FROM time_entries "
                         "WHERE agent_id = 'amelie.poulain@example.org' ORDER BY 1").fetchall()
    assert [(str(d), str(s), str(e), h) for d, s, e, h in rows] == [
        ("2025-02-03", "23:45:00", "00:00:00", 0.25), ("2025-02-04", "10:00:00", "13:30:00", 3.5)]


def test_templates_import_in_dependency_order(store: duckdb.DuckDBPyConnection,
                                              tmp_path: Path) -> None:
    for index, table in enumerate(reversed(LOAD_ORDER)):
        (tmp_path / f"{index:02d}_{table}.csv").write_bytes(template_csv(table))
    (tmp_path / "README.md").write_text("not data")
    results = import_files(store, [tmp_path])
    assert [r.target for r in results] == list(LOAD_ORDER)
    assert all(r.status == "imported" and r.rows_rejected == 0 for r in results)
    assert all(value(store, f'SELECT count(*) FROM "{t}"') == 1 for t in TABLES)
    assert list(template_frame("time_entries").columns) == list(TABLES["time_entries"])


def test_tiny_town_through_the_importer_equals_the_direct_load(keys: Path) -> None:
    """The colleagues' hand-made canonical CSVs import to the same rows as a direct load."""
    from tests.conftest import TINY_DIR, load_tiny

    direct, imported = open_store(":memory:"), open_store(":memory:")
    load_tiny(direct)
    results = import_files(imported, sorted(TINY_DIR.glob("*.csv")))
    assert all(r.status == "imported" and not r.rejects for r in results), [
        r.message for r in results if r.rejects or r.status != "imported"]
    for table in TABLES:
        if table in ("participants", "attendances"):  # ids are pseudonymised on import
            assert value(direct, f"SELECT count(*) FROM {table}") == value(
                imported, f"SELECT count(*) FROM {table}")
            continue
        columns = ", ".join(TABLES[table])
        query = f"SELECT {columns} FROM {table} ORDER BY ALL"
        assert direct.execute(query).fetchall() == imported.execute(query).fetchall(), table


# --- mappings ------------------------------------------------------------------------------------

BADGE = b"Employee;Day;Start;End;Job\nAnna;03/02/2025;08:00;12:00;Accueil\nJo;03/02/2025;14:00;15:30;\n"


def test_generic_sheet_with_a_saved_mapping(store: duckdb.DuckDBPyConnection) -> None:
    refused = import_file(store, BADGE, "badgeuse.csv")
    assert refused.status == "refused" and "Expected the headers" in refused.message
    headers = ["Employee", "Day", "Start", "End", "Job"]
    mapping = propose_mapping(headers)
    assert mapping.target == "time_entries"
    save_mapping(store, "badgeuse", mapping, headers)
    assert load_mapping(store, "badgeuse") == mapping
    result = import_file(store, BADGE.replace(b"Anna", b"Anne"), "badgeuse-mars.csv")
    assert (result.status, result.format) == ("imported", "generic:badgeuse")
    assert value(store, "SELECT sum(hours) FROM time_entries") == pytest.approx(5.5)


def test_incomplete_mapping_is_refused(store: duckdb.DuckDBPyConnection) -> None:
    from analytics.ingest.mapping import ColumnMapping

    result = import_file(store, BADGE, "b.csv", mapping=ColumnMapping("time_entries",
                                                                      {"agent_name": "Employee"}))
    assert result.status == "refused" and "lacks" in result.message
    with pytest.raises(Exception, match="lacks"):
        save_mapping(store, "x", ColumnMapping("time_entries", {"agent_name": "Employee"}),
                     ["Employee"])


def test_rejects_export_is_formula_safe() -> None:
    import pandas as pd

    from analytics.ingest.model import Reject

    frame = formula_safe(pd.DataFrame({"a": ["=1+1", "+33", "-2", "@x", "\tx", "ok", 3]}))
    assert frame["a"].tolist() == ["'=1+1", "'+33", "'-2", "'@x", "'\tx", "ok", 3]
    data = rejects_csv([Reject(3, "Date", "bad", '=HYPERLINK("http://x")')]).decode("utf-8-sig")
    assert "'=HYPERLINK" in data


# --- command line --------------------------------------------------------------------------------


def test_cli_json_and_exit_codes(tmp_path: Path, keys: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "store.duckdb")
    bad = tmp_path / "inconnu.csv"
    bad.write_text("foo;bar\n1;2\n")
    code = main(["import", "--db", db, "--json", str(FRENCH), str(FIXTURES / "kimai1_en.csv")])
    output = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [item["file"] for item in output] == [FRENCH.name, "kimai1_en.csv"]
    first = output[0]
    assert {"file", "format", "status", "rows_read", "rows_accepted", "rows_rejected", "rejects",
            "message"} <= set(first)
    assert first["rejects"] == [
        {"line": 5, "column": "Date", "reason": "invalid date '31/02/2025'"},
        {"line": 8, "column": "Durée (h)",
         "reason": "not a duration: 'deux heures' (expected H:MM or decimal hours)"}]
    assert main(["import", "--db", db, "--json", str(bad), str(FRENCH)]) == 1
    output = json.loads(capsys.readouterr().out)
    assert [item["status"] for item in output] == ["already_imported", "refused"]
    assert main(["import", "--db", db, "--strict", str(FIXTURES / "clockify_ampm.csv")]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["import", "--db", db, "--format", "toggl", str(FIXTURES / "kimai1_en.csv")]) == 1
    assert "not a toggl file" in capsys.readouterr().out


def test_cli_mapping_option_and_missing_file(tmp_path: Path, keys: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "store.duckdb"
    con = open_store(db)
    save_mapping(con, "badgeuse", propose_mapping(["Employee", "Day", "Start", "End", "Job"]),
                 ["Employee", "Day", "Start", "End", "Job"])
    con.close()
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(BADGE.replace(b"Employee", b"Agent name"))
    assert main(["import", "--db", str(db), "--mapping", "badgeuse", str(sheet)]) == 1
    assert "no such column" in capsys.readouterr().out
    sheet.write_bytes(BADGE)
    assert main(["import", "--db", str(db), "--mapping", "badgeuse", str(sheet)]) == 0
    assert main(["import", "--db", str(db), str(tmp_path / "absent.csv")]) == 1
    assert "cannot read" in capsys.readouterr().out


@pytest.mark.parametrize("path", [FRENCH, FIXTURES / "kimai2_de.csv", FIXTURES / "clockify_ampm.csv"],
                         ids=lambda p: p.name)
def test_fast_reader_gives_the_same_import(keys: Path, path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Big files go through DuckDB's CSV reader: same rows, rejects and line numbers."""
    slow_store, fast_store = open_store(":memory:"), open_store(":memory:")
    slow = import_file(slow_store, path)
    monkeypatch.setattr("analytics.ingest.decode.FAST_THRESHOLD_BYTES", 0)
    fast = import_file(fast_store, path)
    assert (fast.rows_read, fast.rows_accepted, fast.rejects) == (
        slow.rows_read, slow.rows_accepted, slow.rejects)
    assert fast.message == slow.message
    query = "SELECT * FROM time_entries ORDER BY entry_id"
    assert fast_store.execute(query).fetchall() == slow_store.execute(query).fetchall()


def test_decidim_open_data_meetings(store: duckdb.DuckDBPyConnection) -> None:
    data = (
        b"id;category/name/ca;title/ca;title/es;start_time;end_time;attendees;contributions;"
        b"address;url\n"
        b'7;Bon viure;"Consell de barri";"Consejo";2021-03-02 18:00:00 +0100;'
        b"2021-03-02 20:30:00 +0100;45;3;Carrer X;https://x\n"
        b"8;;Taller;Taller;2021-03-09T17:00:00Z;2021-03-09T19:00:00Z;;;;\n"
    )
    result = import_file(store, data, "meetings-open-data.csv")
    assert (result.status, result.format, result.rows_accepted) == (
        "imported", "decidim_meetings", 2)
    rows = store.execute("SELECT event_id, event_date, start_time, end_time, attendees_count "
                         "FROM events ORDER BY event_id").fetchall()
    assert [(i, str(d), str(s), str(e), n) for i, d, s, e, n in rows] == [
        ("decidim-7", "2021-03-02", "18:00:00", "20:30:00", 45),
        ("decidim-8", "2021-03-09", "18:00:00", "20:00:00", None)]


def test_overlapping_canonical_files_add_nothing_twice(store: duckdb.DuckDBPyConnection) -> None:
    """Keys of several columns (contracts, absences, population, attendances) are compared with
    the stored rows' types: a second file with the same rows adds none of them."""
    files = {
        "contracts": b"agent_id;valid_from;valid_to;weekly_hours\na1;01/01/2026;;35\n",
        "absences": b"agent_id;start_date;end_date;absence_kind\na1;2026-02-16;2026-02-20;leave\n",
        "population": b"dimension;category;population\nquartier;Centre;2\xc2\xa0300\n",
        "attendances": b"event_id;participant_id;role\nrdv-1;p_0123456789abcdef01234567;resident\n",
    }
    for table, data in files.items():
        first = import_file(store, data, f"{table}-1.csv")
        second = import_file(store, data + b"\n\n", f"{table}-2.csv")
        assert (first.rows_added, second.rows_accepted, second.rows_added) == (1, 1, 0), table
        assert value(store, f"SELECT count(*) FROM {table}") == 1
    assert value(store, "SELECT population FROM population") == 2300
