"""An import refreshes only the derived rows of what it wrote, and they equal a whole rebuild.

Seeded random imports into a copy of the demo town (time entries for a few agents on scattered dates,
the store's first and last dates, a Sunday followed by a Monday, a new agent, absences, a contract,
attendances); after them every derived table must hold, row for row, what rebuilding it whole
from the canonical tables gives.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import duckdb
import pytest

from analytics.ingest import import_file
from analytics.settings import Thresholds
from analytics.store.db import open_store, query_rows, query_value, transaction
from analytics.store.derived import DERIVED_TABLES, refresh_derived

SEEDS = (1, 2, 3, 4, 5)


@pytest.fixture
def town(demo_db: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private copy of the demo town store."""
    path = tmp_path / "town.duckdb"
    shutil.copyfile(demo_db, path)
    con = open_store(path)
    yield con
    con.close()


def csv(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def time_entries(con: duckdb.DuckDBPyConnection, rng: random.Random, seed: int) -> bytes:
    """About forty entries: four agents and a new one, on the store's first and last dates, a
    Sunday and the Monday after it, and scattered days; clocks inside, outside, past midnight or
    missing; with or without a project."""
    first, last = query_rows(con, "SELECT min(work_date), max(work_date) FROM time_entries")[0]
    agents = [row[0] for row in query_rows(con, "SELECT agent_id FROM agents ORDER BY agent_id")]
    projects = [row[0] for row in query_rows(con, "SELECT project_id FROM projects ORDER BY 1")]
    chosen = [*rng.sample(agents, 4), f"A-NEW-{seed}"]
    span = (last - first).days
    sunday = first + timedelta(days=rng.randrange(span - 7))
    sunday += timedelta(days=(6 - sunday.weekday()) % 7)
    days = [first, last, sunday, sunday + timedelta(days=1)]
    days += [first + timedelta(days=rng.randrange(span + 1)) for _ in range(6)]
    rows = []
    for number in range(40):
        agent = chosen[number % len(chosen)]
        day = days[number % len(days)] if number < 20 else rng.choice(days)
        start = rng.choice([6, 8, 9, 13, 17, 22])
        length = rng.choice([1, 2, 3, 4])
        clock = rng.random()
        times = ("", "") if clock < 0.15 else (f"{start:02d}:00", f"{(start + length) % 24:02d}:30")
        project = rng.choice(projects) if rng.random() < 0.6 else ""
        activity = rng.choice(["meeting", "preparation", "ordinary", ""])
        rows.append(f"R{seed}-{number},{agent},{project},{day.isoformat()},{times[0]},{times[1]},"
                    f"{length + 0.5},{activity}")
    return csv("entry_id,agent_id,project_id,work_date,start_time,end_time,hours,activity", rows)


def absences(con: duckdb.DuckDBPyConnection, rng: random.Random) -> bytes:
    first, last = query_rows(con, "SELECT min(work_date), max(work_date) FROM time_entries")[0]
    agents = [row[0] for row in query_rows(con, "SELECT agent_id FROM agents ORDER BY agent_id")]
    rows = []
    for _ in range(3):
        start = first + timedelta(days=rng.randrange((last - first).days))
        end = start + timedelta(days=rng.randrange(1, 15))
        rows.append(f"{rng.choice(agents)},{start.isoformat()},{end.isoformat()},leave")
    return csv("agent_id,start_date,end_date,absence_kind", rows)


def contract(con: duckdb.DuckDBPyConnection, rng: random.Random) -> bytes:
    first, last = query_rows(con, "SELECT min(work_date), max(work_date) FROM time_entries")[0]
    agent = rng.choice([row[0] for row in query_rows(con, "SELECT agent_id FROM agents ORDER BY 1")])
    start = first + timedelta(days=rng.randrange((last - first).days))
    return csv("agent_id,valid_from,valid_to,weekly_hours", [f"{agent},{start.isoformat()},,28"])


def attendances(con: duckdb.DuckDBPyConnection, rng: random.Random) -> bytes:
    events = [row[0] for row in query_rows(con, "SELECT event_id FROM events ORDER BY 1")]
    people = [row[0] for row in query_rows(con, "SELECT participant_id FROM participants ORDER BY 1")]
    rows = [f"{rng.choice(events)},{rng.choice(people)},resident,"
            f"{rng.choice(['attended', 'attended', 'no_show'])},{rng.choice(['', '1.5'])}"
            for _ in range(12)]
    return csv("event_id,participant_id,role,status,hours", rows)


def rounded(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """SELECT of ``table`` with its DOUBLE columns rounded to 1e-9: two whole rebuilds already differ
    in the last bit of some sums (parallel aggregation adds in any order: 27.999999999999996 h)."""
    schema, name = table.split(".")
    doubles = [row[0] for row in query_rows(
        con, "SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
             "AND table_name = ? AND data_type = 'DOUBLE'", [schema, name])]
    replace = ", ".join(f'round("{column}", 9) AS "{column}"' for column in doubles)
    return f"SELECT * {f'REPLACE ({replace})' if doubles else ''} FROM {table}"


def differences(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Rebuild every derived table whole and count, per table, the rows only the incremental
    result has and the rows only the whole rebuild has (EXCEPT ALL both ways)."""
    with transaction(con) as cur:
        cur.execute("CREATE SCHEMA IF NOT EXISTS kept")
        for table in DERIVED_TABLES:
            cur.execute(f"CREATE OR REPLACE TABLE kept.{table} AS SELECT * FROM main.{table}")
        refresh_derived(cur, thresholds=Thresholds())
    found = {}
    for table in DERIVED_TABLES:
        kept, whole = rounded(con, f"kept.{table}"), rounded(con, f"main.{table}")
        only_kept = query_value(con, f"SELECT count(*) FROM ({kept} EXCEPT ALL {whole})")
        only_whole = query_value(con, f"SELECT count(*) FROM ({whole} EXCEPT ALL {kept})")
        if only_kept or only_whole:
            found[table] = (only_kept, only_whole)
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_incremental_refresh_equals_a_whole_rebuild(
    town: duckdb.DuckDBPyConnection, seed: int, refreshes: list[tuple[str, ...]],
) -> None:
    rng = random.Random(seed)
    files = [("time_entries.csv", time_entries(town, rng, seed)),
             ("absences.csv", absences(town, rng)),
             ("contracts.csv", contract(town, rng)),
             ("attendances.csv", attendances(town, rng))]
    rng.shuffle(files)
    for name, data in files:
        result = import_file(town, data, name=f"{seed}-{name}")
        assert result.status == "imported", result.message
        assert result.rows_added > 0, name
    assert len(refreshes) == len(files)
    assert differences(town) == {}


def test_reimporting_the_same_rows_adds_nothing(
    town: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analytics.store import derived

    rng = random.Random(7)
    data = time_entries(town, rng, 7)
    assert import_file(town, data, name="entries.csv").status == "imported"
    before = {table: query_value(town, f"SELECT count(*) FROM {table}") for table in DERIVED_TABLES}
    assert import_file(town, data, name="entries.csv").status == "already_imported"
    calls: list[object] = []
    monkeypatch.setattr(derived, "refresh_derived", lambda cur, **options: calls.append(options))
    header, *rows = data.decode().splitlines()
    again = import_file(town, csv(header, rows[::-1]), name="entries-again.csv")  # same rows
    assert (again.status, again.rows_added, calls) == ("imported", 0, [])
    assert {table: query_value(town, f"SELECT count(*) FROM {table}")
            for table in DERIVED_TABLES} == before
    assert differences(town) == {}


def test_an_import_refreshes_only_the_rows_it_touches(town: duckdb.DuckDBPyConnection) -> None:
    """Ten entries for one agent on one day: the rows of other agents and days stay as they were
    (not rewritten: their row ids in entry_facts do not move)."""
    agent, day = query_rows(town, "SELECT agent_id, max(work_date) FROM time_entries "
                                  "GROUP BY agent_id ORDER BY agent_id LIMIT 1")[0]
    rows = [f"ONE-{n},{agent},,{day.isoformat()},,,0.5,meeting" for n in range(10)]
    before = query_value(town, "SELECT count(*) FROM entry_facts")
    kept = query_value(town, "SELECT max(rowid) FROM entry_facts")
    result = import_file(town, csv("entry_id,agent_id,project_id,work_date,start_time,end_time,"
                                   "hours,activity", rows), name="ten.csv")
    assert result.rows_added == 10
    assert query_value(town, "SELECT count(*) FROM entry_facts") == before + 10
    rewritten = query_value(town, "SELECT count(*) FROM entry_facts WHERE rowid > ?", [kept])
    same_day = query_value(town, "SELECT count(*) FROM entry_facts WHERE agent_id = ? "
                                 "AND work_date = ?", [agent, day])
    assert rewritten == same_day
    assert differences(town) == {}


def test_a_changed_workday_window_rebuilds_whole(town: duckdb.DuckDBPyConnection) -> None:
    with transaction(town) as cur:
        rebuilt = refresh_derived(cur, thresholds=Thresholds(workday_end=time(18, 0)),
                                  changed={"time_entries"})
    assert rebuilt == DERIVED_TABLES


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_completing_agents_and_projects_equals_a_whole_rebuild(
    town: duckdb.DuckDBPyConnection, seed: int,
) -> None:
    """The Data page's answers (an agent moved to another service, a new contract, a project's
    level) refresh by key too: the agent's former service loses its rows."""
    from analytics.ingest.completion import AgentAnswer, ProjectAnswer, complete

    rng = random.Random(seed)
    agents = query_rows(town, "SELECT agent_id, service_id FROM agents ORDER BY agent_id")
    services = [row[0] for row in query_rows(town, "SELECT service_id FROM services ORDER BY 1")]
    projects = [row[0] for row in query_rows(
        town, "SELECT project_id FROM projects WHERE project_id IN (SELECT project_id FROM "
              "time_entries) ORDER BY 1")]
    moved, service = rng.choice(agents)
    first = query_value(town, "SELECT min(work_date) FROM time_entries")
    answers = [AgentAnswer(moved, service_id=rng.choice([s for s in services if s != service])),
               AgentAnswer(rng.choice(agents)[0], weekly_hours=17.5,
                           valid_from=first + timedelta(days=rng.randrange(300)))]
    complete(town, agents=answers,
             projects=[ProjectAnswer(rng.choice(projects), level=rng.choice(["information", "none"]))])
    assert differences(town) == {}
