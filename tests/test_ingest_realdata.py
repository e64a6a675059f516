"""Real exports written by others (../shared/realdata): the right rows and hours, or a clean refusal.

Expected figures are computed here from the raw files with the csv module and plain arithmetic,
independently of the importer.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from analytics.ingest import import_file
from tests.ingest_support import REALDATA, store_checksum

pytestmark = pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is absent")
SOLIDTIME = REALDATA / "solidtime"


def raw_rows(path: Path) -> list[dict[str, str]]:
    """The data rows of a CSV as dicts (BOM stripped), by the csv module alone."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def clock_hours(text: str) -> float:
    """'HH:MM:SS' → hours."""
    hours, minutes, seconds = (int(part) for part in text.split(":"))
    return hours + minutes / 60 + seconds / 3600


def stored(con: duckdb.DuckDBPyConnection, sql: str) -> tuple:
    return con.execute(sql).fetchall()[0]


def entries(con: duckdb.DuckDBPyConnection) -> tuple[int, float]:
    count, hours = stored(con, "SELECT count(*), coalesce(sum(hours), 0) FROM time_entries")
    return count, hours


# --- time entries --------------------------------------------------------------------------------

TOGGL = [
    REALDATA / "toggl-til-ubw" / "Toggl_time_entries_2018-10-08_to_2018-10-14.csv",
    SOLIDTIME / "toggl_time_entries_import_test_1.csv",
    SOLIDTIME / "toggl_time_entries_import_test_2.csv",
]


@pytest.mark.parametrize("path", TOGGL, ids=lambda p: p.name)
def test_toggl_detailed_exports(store: duckdb.DuckDBPyConnection, path: Path) -> None:
    rows = raw_rows(path)
    expected_hours = sum(clock_hours(row["Duration"]) for row in rows)
    result = import_file(store, path)
    assert (result.status, result.format) == ("imported", "toggl")
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (len(rows),) * 2 + (0,)
    assert entries(store) == (len(rows), pytest.approx(expected_hours))
    first, last = stored(store, "SELECT min(work_date), max(work_date) FROM time_entries")
    assert first.isoformat() == min(row["Start date"] for row in rows)
    assert last.isoformat() == max(row["Start date"] for row in rows)


def test_toggl_overlapping_entries_are_all_kept(store: duckdb.DuckDBPyConnection) -> None:
    """The genuine export has entries that overlap in time and come out of order: 21 entries."""
    import_file(store, TOGGL[0])
    assert stored(store, "SELECT count(DISTINCT entry_id) FROM time_entries") == (21,)
    assert stored(store, "SELECT agent_id, agent_name FROM agents") == (
        "eirikvageskar@gmail.com", "Eirikvageskar")


CLOCKIFY_DETAILED = [SOLIDTIME / f"clockify_time_entries_import_test_{n}.csv"
                     for n in (1, 2, 4, 5, 6, 7)]


def clockify_hours(row: dict[str, str | None]) -> float:
    """Duration (h) when the export has it, else end − start from the 12-hour clock times."""
    if row.get("Duration (h)"):
        return clock_hours(str(row["Duration (h)"]))

    def moment(day: str, clock: str) -> datetime:
        layout = "%I:%M:%S %p" if clock.count(":") == 2 else "%I:%M %p"
        return datetime.strptime(f"{day} {clock}", f"%m/%d/%Y {layout}")

    start = moment(str(row["Start Date"]), str(row["Start Time"]))
    end = moment(str(row["End Date"]), str(row["End Time"]))
    return (end - start).total_seconds() / 3600


@pytest.mark.parametrize("path", CLOCKIFY_DETAILED, ids=lambda p: p.name)
def test_clockify_detailed_reports(store: duckdb.DuckDBPyConnection, path: Path) -> None:
    rows = raw_rows(path)
    expected_hours = sum(clockify_hours(row) for row in rows)
    result = import_file(store, path)
    assert (result.status, result.format, result.rows_rejected) == ("imported", "clockify", 0)
    assert entries(store) == (len(rows), pytest.approx(expected_hours))
    dates = {datetime.strptime(row["Start Date"], "%m/%d/%Y").date() for row in rows}
    assert {d for (d,) in store.execute("SELECT work_date FROM time_entries").fetchall()} == dates


def test_clockify_invalid_date_is_reported_by_line(store: duckdb.DuckDBPyConnection) -> None:
    result = import_file(store, SOLIDTIME / "clockify_time_entries_import_test_3.csv")
    assert (result.status, result.rows_read, result.rows_accepted) == ("imported", 1, 0)
    [reject] = result.rejects
    assert (reject.line, reject.column) == (2, "Start Date")
    assert "13/15/2024" in reject.reason
    assert stored(store, "SELECT line, column_name FROM import_rejects") == (2, "Start Date")
    assert entries(store) == (0, 0)


def test_clockify_summary_report(store: duckdb.DuckDBPyConnection) -> None:
    path = REALDATA / "ClockifyExport" / "Clockify.csv"
    rows = raw_rows(path)
    expected = sum(clock_hours(row["Time (h)"]) for row in rows)
    result = import_file(store, path)
    assert (result.status, result.format, result.rows_accepted) == ("imported", "clockify_summary",
                                                                    99)
    assert len(rows) == 99
    assert entries(store) == (99, pytest.approx(expected))
    # the decimal column agrees to its 4 printed decimals
    assert expected == pytest.approx(sum(float(row["Time (decimal)"]) for row in rows), abs=0.01)
    assert result.created_agents == ["Agent non précisé (agent-non-precise)"]


def test_harvest_time_report_with_german_numbers(store: duckdb.DuckDBPyConnection) -> None:
    path = SOLIDTIME / "harvest_time_entries_import_test_1.csv"
    rows = raw_rows(path)
    expected = sum(float(row["Hours"].replace(".", "").replace(",", ".")) for row in rows)
    result = import_file(store, path)
    assert (result.status, result.format) == ("imported", "harvest")
    assert entries(store) == (len(rows), pytest.approx(expected))
    assert expected == pytest.approx(20.01)


def test_harvest_trimmed_report(store: duckdb.DuckDBPyConnection) -> None:
    path = REALDATA / "harvest-overtime" / "harvest-example.csv"
    rows = raw_rows(path)
    result = import_file(store, path)
    assert (result.status, result.format, result.rows_accepted) == ("imported", "harvest", 12)
    assert entries(store) == (len(rows), pytest.approx(sum(float(r["Hours"]) for r in rows)))
    per_person = dict(store.execute(
        "SELECT a.agent_name, sum(t.hours) FROM time_entries t JOIN agents a USING (agent_id) "
        "GROUP BY 1").fetchall())
    for name in ("Jane Austen", "Emily Bronte"):
        first, last = name.split()
        assert per_person[name] == pytest.approx(sum(
            float(r["Hours"]) for r in rows if (r["First Name"], r["Last Name"]) == (first, last)))


def test_solidtime_generic_export(store: duckdb.DuckDBPyConnection) -> None:
    path = SOLIDTIME / "generic_time_entries_import_test_1.csv"
    rows = raw_rows(path)
    expected = sum((datetime.fromisoformat(r["end"]) - datetime.fromisoformat(r["start"]))
                   .total_seconds() / 3600 for r in rows)
    result = import_file(store, path)
    assert (result.status, result.format) == ("imported", "solidtime")
    assert entries(store) == (len(rows), pytest.approx(expected))
    # 09:23 UTC is 10:23 in Paris (winter time)
    assert stored(store, "SELECT min(start_time) FROM time_entries")[0].isoformat() == "10:23:00"


# --- meetings and volunteer shifts ---------------------------------------------------------------


def test_decidim_barcelona_meetings(store: duckdb.DuckDBPyConnection) -> None:
    path = REALDATA / "decidim-barcelona-dataviz" / "meetings.csv"
    rows = raw_rows(path)
    counts = [row["Assistents"].strip() for row in rows]
    result = import_file(store, path)
    assert (result.status, result.format) == ("imported", "decidim_meetings")
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (410, 410, 0)
    assert len(rows) == 410
    assert stored(store, "SELECT count(*), sum(attendees_count), count(*) - count(attendees_count)"
                         " FROM events") == (410, sum(int(c) for c in counts if c),
                                             sum(1 for c in counts if not c))
    assert sum(1 for c in counts if not c) == 22
    ids = {f"decidim-{row['ID de cita']}" for row in rows}
    assert {i for (i,) in store.execute("SELECT event_id FROM events").fetchall()} == ids


def test_leeds_volunteer_shifts(store: duckdb.DuckDBPyConnection) -> None:
    path = REALDATA / "leeds-2023" / "volunteers__shifts.csv"
    rows = raw_rows(path)
    hours = sum(float(row["volunteer_hours"]) for row in rows)
    attended = sum(int(row["attended"]) for row in rows)
    result = import_file(store, path)
    assert (result.status, result.format) == ("imported", "volunteer_shifts")
    assert (result.rows_read, result.rows_accepted, result.rows_rejected) == (1081, 1081, 0)
    assert stored(store, "SELECT count(*), sum(attendees_count) FROM events") == (1081, attended)
    assert stored(store, "SELECT count(*), sum(hours) FROM attendances") == (
        1081, pytest.approx(hours))
    assert round(hours) == 17767
    assert stored(store, "SELECT count(*) FROM participants") == (1,)


# --- files that hold no time entries, meetings or shifts -----------------------------------------

REFUSED = sorted(
    [*SOLIDTIME.glob("clockify_projects_import_test_*.csv"),
     SOLIDTIME / "harvest_projects_import_test_1.csv",
     SOLIDTIME / "harvest_clients_import_test_1.csv",
     SOLIDTIME / "generic_projects_import_test_1.csv",
     *SOLIDTIME.glob("toggl_data_import_test_1/**/*.json")]
) if REALDATA.is_dir() else []


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: str(p.relative_to(SOLIDTIME)))
def test_other_exports_are_refused_cleanly(store: duckdb.DuckDBPyConnection, path: Path) -> None:
    before = store_checksum(store)
    result = import_file(store, path)
    assert result.status == "refused"
    assert result.message.startswith(f"{path.name}: refused")
    assert "internal error" not in result.message
    assert store_checksum(store) == before


def test_every_realdata_file_is_covered() -> None:
    """Each data file of the folder is in one of the lists above (new files need a test)."""
    covered = {*TOGGL, *CLOCKIFY_DETAILED, *REFUSED,
               SOLIDTIME / "clockify_time_entries_import_test_3.csv",
               REALDATA / "ClockifyExport" / "Clockify.csv",
               SOLIDTIME / "harvest_time_entries_import_test_1.csv",
               REALDATA / "harvest-overtime" / "harvest-example.csv",
               SOLIDTIME / "generic_time_entries_import_test_1.csv",
               REALDATA / "decidim-barcelona-dataviz" / "meetings.csv",
               REALDATA / "leeds-2023" / "volunteers__shifts.csv"}
    files = {p for p in REALDATA.rglob("*") if p.is_file() and p.suffix in (".csv", ".json")}
    assert files == covered


def test_whole_folder_imports_in_one_call(store: duckdb.DuckDBPyConnection) -> None:
    """Importing every realdata folder at once: each file imported or refused, never an error."""
    from analytics.ingest import import_files

    results = import_files(store, [p for p in REALDATA.iterdir() if p.is_dir()])
    assert {r.status for r in results} <= {"imported", "refused"}
    assert not [r.message for r in results if "internal error" in r.message]
    assert sum(r.status == "imported" for r in results) == 16  # 14 time-entry files, 2 others
