"""The command line refuses bad input with one readable line and exit code 2, never a traceback
(issue 14): a missing store, an unknown service or level or team, a non-finite number, a demo date
out of range, and a store that cannot be opened (locked, not a DuckDB file, a directory)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from analytics.cli import EXIT_USAGE, main
from tests.store_support import held_open

PERIOD = ["--from", "2026-01-01", "--to", "2026-03-31"]
SIMULATE = ["--team", "SVC-DG", "--level", "information", "--start", "2027-01-04", "--months", "3"]


@pytest.fixture(scope="module")
def store(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store (the test process may hold the demo file open for writing)."""
    target = tmp_path_factory.mktemp("cli_errors") / "demo.duckdb"
    shutil.copyfile(demo_db, target)
    return target


@pytest.fixture
def places(store: Path, tmp_path: Path) -> dict[str, str]:
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n", encoding="utf-8")
    folder = tmp_path / "folder.duckdb"
    folder.mkdir()
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    older = tmp_path / "older.duckdb"
    shutil.copyfile(store, older)
    con = duckdb.connect(str(older))
    con.execute("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM "
                "schema_migrations)")
    con.close()
    return {"db": str(store), "missing": str(tmp_path / "absent" / "store.duckdb"),
            "new": str(tmp_path / "new.duckdb"), "text": str(text), "dir": str(folder),
            "foreign": str(foreign), "older": str(older),
            "csv": str(Path(__file__).parent / "fixtures" / "tiny" / "services.csv")}


def run(args: list[str], places: dict[str, str],
        capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([arg.format(**places) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, out: str, err: str, fragment: str) -> None:
    assert code == EXIT_USAGE, (code, err)
    assert fragment in err, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Another program may be writing" not in err
    assert out == ""


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["indicators", "--db", "{missing}", *PERIOD], "no store at {missing}"),
        (["simulate", "--db", "{missing}", *SIMULATE], "no store at {missing}"),
        (["indicators", "--db", "{db}", *PERIOD, "--service", "NOPE"],
         "unknown service 'NOPE'; valid services: SVC-CCAS (CCAS), SVC-CULT (Culture), "
         "SVC-DG (Direction générale), "),
        (["indicators", "--db", "{db}", "--from", "2026-03-31", "--to", "2026-01-01"],
         "--to 2026-01-01 is before --from 2026-03-31"),
        (["indicators", "--db", "{db}", *PERIOD, "--level", "bad"],
         "argument --level: invalid choice: 'bad' (choose from 'information', "),
        (["simulate", "--db", "{db}", *SIMULATE[2:], "--team", "NOPE"],
         "unknown team 'NOPE'; valid teams: "),
        (["simulate", "--db", "{db}", *SIMULATE, "--capacity-change", "nan"],
         "argument --capacity-change: not a finite number: 'nan'"),
        (["simulate", "--db", "{db}", *SIMULATE, "--capacity-change", "inf"],
         "argument --capacity-change: not a finite number: 'inf'"),
        (["simulate", "--db", "{db}", *SIMULATE, "--capacity-change=-Infinity"],
         "argument --capacity-change: not a finite number: '-Infinity'"),
        (["simulate", "--db", "{db}", *SIMULATE, "--capacity-change", "1e999"],
         "argument --capacity-change: not a finite number: '1e999'"),
        (["demo", "--db", "{new}", "--as-of", "9999-12-31"],
         "--as-of 9999-12-31: the demo's date must be between 2000-01-01 and 2099-12-31"),
        (["demo", "--db", "{new}", "--seed", "-1"],
         "--seed -1: the demo seed must be a non-negative integer"),
        (["demo", "--db", "{new}", "--as-of", "1789-07-14"],
         "--as-of 1789-07-14: the demo's date must be between 2000-01-01 and 2099-12-31"),
        (["indicators", "--db", "{dir}", *PERIOD], "{dir} is a directory, not a store file"),
        (["demo", "--db", "{dir}"], "{dir} is a directory, not a store file"),
        (["indicators", "--db", "{text}", *PERIOD], "{text} is not a DuckDB database file"),
        (["simulate", "--db", "{text}", *SIMULATE], "{text} is not a DuckDB database file"),
        (["import", "--db", "{text}", "{csv}"], "{text} is not a DuckDB database file"),
        (["demo", "--db", "{text}"], "{text} is not a DuckDB database file"),
        (["indicators", "--db", "{foreign}", *PERIOD],
         "{foreign} is a DuckDB database but not a store of this app"),
        (["simulate", "--db", "{foreign}", *SIMULATE],
         "{foreign} is a DuckDB database but not a store of this app"),
        (["indicators", "--db", "{older}", *PERIOD],
         "{older} was written by an older version of the app: open it once for writing"),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(
    args: list[str], fragment: str, places: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert_one_line_error(*run(args, places, capsys), fragment.format(**places))
    assert not Path(places["missing"]).exists() and not Path(places["new"]).exists()


@pytest.fixture
def locked(store: Path, tmp_path: Path) -> Iterator[Path]:
    """A store held open for writing by another process."""
    with held_open(store, tmp_path) as path:
        yield path


@pytest.mark.parametrize(
    "args",
    [["indicators", *PERIOD], ["simulate", *SIMULATE], ["demo"], ["import", "{csv}"]],
)
def test_a_locked_store_says_another_program_is_using_it(
    args: list[str], locked: Path, places: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([args[0], "--db", str(locked), *args[1:]], places, capsys)
    assert_one_line_error(code, out, err, f"{locked} is in use by another program")
    assert "PID" not in err


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ('IO Error: Could not set lock on file "/s.duckdb": Conflicting lock is held in '
         "/usr/bin/python3 (PID 4242)", "locked"),
        ('IO Error: The file "/s.duckdb" exists, but it is not a valid DuckDB database file!',
         "not_duckdb"),
        ('IO Error: Could not read enough bytes from file "/s.duckdb": attempted to read 262144 '
         "bytes from location 48508928", "not_duckdb"),
        ('IO Error: Could not read from file "/tmp": Is a directory', "directory"),
        ('IO Error: Cannot open file "/s.duckdb": Permission denied', "permission"),
        ('IO Error: Cannot open database "/s.duckdb" in read-only mode: database does not exist',
         "missing"),
        ("Serialization Error: Failed to deserialize", "other"),
    ],
)
def test_store_open_errors_are_classified(message: str, kind: str) -> None:
    from analytics.store.db import store_problem

    assert store_problem(message) == kind


@pytest.mark.parametrize("service", ["SVC-DG", "svc-dg", "Direction générale", "direction GÉNÉRALE"])
def test_a_service_is_named_by_its_id_or_its_name(
    service: str, places: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    everyone = run(["indicators", "--db", "{db}", *PERIOD, "--json"], places, capsys)
    one = run(["indicators", "--db", "{db}", *PERIOD, "--json", "--service", service], places, capsys)
    assert everyone[0] == one[0] == 0
    hours_all = json.loads(everyone[1])["hours.total"]
    hours_dg = json.loads(one[1])["hours.total"]
    assert 0 < hours_dg < hours_all
