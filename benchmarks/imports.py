"""Import throughput: generated files through the project's importer, into a fresh store each run.

Two files, written once per benchmark run into a temporary folder:

* a canonical ``time_entries`` CSV (the template's column names; ISO dates, ``HH:MM`` clocks, hours
  left empty so that they are computed from the clocks, activity codes) — DESIGN's budget is a million
  rows in under 5 s;
* a Toggl Track detailed export (``User, Email, Client, Project, Task, Description, Billable, Start
  date, Start time, End date, End time, Duration, Tags, Amount ()``), agents and projects known only
  by name and e-mail, as the tool writes them.

Each run imports the file with :func:`analytics.ingest.import_file` into a new empty store (so every
run does the same work: decode, detect, parse, validate, create agents and projects, write, refresh
the derived tables) and checks that every row was accepted. When the importer is missing, the
measurement is recorded as skipped with the reason.

Issue 16's import targets, measured beside them: the canonical file through the command line
(``python -m analytics import``, a child process: wall time and peak memory, target
:data:`CLI_RATE_TARGET` rows/s); into each scale's store a month of entries (target
:data:`MONTH_TARGET_S`) and ten entries, the same ten also into an empty store, run after run (target:
:data:`TEN_RATIO_TARGET` × the empty store's time), and the peak memory of those imports through the
command line (the store's size must not drive it: :data:`MEMORY_RATIO_TARGET` × the empty store's).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from analytics.ingest.messages import Message
from analytics.ingest.pipeline import step_name
from benchmarks.results import Measurement
from benchmarks.timing import Stats, timed

Say = Callable[[str], None]

CANONICAL_HEADER: Final[tuple[str, ...]] = (
    "entry_id", "agent_id", "project_id", "work_date", "start_time", "end_time", "hours", "activity",
)
TOGGL_HEADER: Final[tuple[str, ...]] = (
    "User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date",
    "Start time", "End date", "End time", "Duration", "Tags", "Amount ()",
)
FILE_AGENTS: Final[int] = 170
"""Agents in the generated files (the headcount of a town of ~10,000 inhabitants)."""
FILE_PROJECTS: Final[int] = 400
FILE_DAYS: Final[int] = 730
"""The files cover two years of dates, from :data:`FILE_FIRST_DAY`."""
FILE_FIRST_DAY: Final[date] = date(2024, 1, 1)
FIRST_START_MINUTE: Final[int] = 7 * 60
"""Entries start between 07:00 and 21:59 and last from 15 minutes to 4 hours."""
LAST_START_MINUTE: Final[int] = 22 * 60
MAX_LENGTH_QUARTERS: Final[int] = 16
NO_PROJECT_SHARE: Final[float] = 0.3
"""Share of entries without a project (ordinary work)."""
ACTIVITY_CODES: Final[tuple[str, ...]] = ("preparation", "meeting", "follow_up", "site_work", "ordinary")
FIRST_NAMES: Final[tuple[str, ...]] = (
    "Camille", "Léa", "Hugo", "Chloé", "Louis", "Inès", "Jules", "Manon", "Nathan", "Zoé", "Théo",
    "Sarah", "Lucas", "Emma", "Mathis", "Jade", "Noé", "Lina", "Enzo", "Rose",
)
LAST_NAMES: Final[tuple[str, ...]] = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
)


def _draws(rows: int, seed: int) -> dict[str, np.ndarray]:
    """The random columns shared by both files (agent, project, day, start, length, activity)."""
    rng = np.random.default_rng(seed)
    start = rng.integers(FIRST_START_MINUTE // 15, LAST_START_MINUTE // 15, rows) * 15
    length = rng.integers(1, MAX_LENGTH_QUARTERS + 1, rows) * 15
    project = rng.integers(0, FILE_PROJECTS, rows)
    project[rng.random(rows) < NO_PROJECT_SHARE] = -1
    return {
        "agent": rng.integers(0, FILE_AGENTS, rows),
        "project": project,
        "day": rng.integers(0, FILE_DAYS, rows),
        "start": start,
        "end": start + length,
        "activity": rng.integers(0, len(ACTIVITY_CODES), rows),
    }


def _clock(minutes: np.ndarray, seconds: bool = False) -> pd.Series:
    """``HH:MM`` (or ``HH:MM:SS``) of minutes after midnight (wrapping past 24:00)."""
    wrapped = minutes % (24 * 60)
    text = (pd.Series(wrapped // 60).astype(str).str.zfill(2) + ":"
            + pd.Series(wrapped % 60).astype(str).str.zfill(2))
    return text + ":00" if seconds else text


def _dates(days: np.ndarray) -> pd.Series:
    return pd.Series(pd.Timestamp(FILE_FIRST_DAY) + pd.to_timedelta(days, unit="D")).dt.strftime(
        "%Y-%m-%d")


def canonical_time_entries(rows: int, seed: int = 7) -> pd.DataFrame:
    """``rows`` canonical time entries (unique ids, existing-looking agent and project ids)."""
    d = _draws(rows, seed)
    project = pd.Series(d["project"])
    return pd.DataFrame({
        "entry_id": "bench-" + pd.Series(np.arange(rows)).astype(str),
        "agent_id": "AG-B" + pd.Series(d["agent"]).astype(str).str.zfill(4),
        "project_id": ("PR-B" + project.astype(str).str.zfill(4)).where(project >= 0, ""),
        "work_date": _dates(d["day"]),
        "start_time": _clock(d["start"]),
        "end_time": _clock(d["end"]),
        "hours": "",
        "activity": pd.Series(np.array(ACTIVITY_CODES)[d["activity"]]),
    }, columns=list(CANONICAL_HEADER))


def toggl_time_entries(rows: int, seed: int = 11) -> pd.DataFrame:
    """``rows`` lines of a Toggl Track detailed export (people and projects by name only)."""
    d = _draws(rows, seed)
    first = np.array(FIRST_NAMES)[d["agent"] % len(FIRST_NAMES)]
    last = np.array(LAST_NAMES)[(d["agent"] // len(FIRST_NAMES)) % len(LAST_NAMES)]
    user = pd.Series(first) + " " + pd.Series(last) + " " + pd.Series(d["agent"]).astype(str)
    email = user.str.lower().str.replace(" ", ".", regex=False) + "@mairie.example"
    project = pd.Series(d["project"])
    minutes = d["end"] - d["start"]
    end_day = d["day"] + (d["end"] >= 24 * 60)
    return pd.DataFrame({
        "User": user,
        "Email": email,
        "Client": "Mairie",
        "Project": ("Projet " + project.astype(str)).where(project >= 0, ""),
        "Task": pd.Series(np.array(ACTIVITY_CODES)[d["activity"]]),
        "Description": "Saisie " + pd.Series(np.arange(rows)).astype(str),
        "Billable": "No",
        "Start date": _dates(d["day"]),
        "Start time": _clock(d["start"], seconds=True),
        "End date": _dates(end_day),
        "End time": _clock(d["end"], seconds=True),
        "Duration": _clock(minutes, seconds=True),
        "Tags": "",
        "Amount ()": "",
    }, columns=list(TOGGL_HEADER))


def write_files(folder: Path, canonical_rows: int, toggl_rows: int) -> dict[str, tuple[Path, int]]:
    """Write both files into ``folder``; {name: (path, rows)}."""
    files = {
        "canonical time_entries CSV": (folder / "time_entries.csv",
                                       canonical_time_entries(canonical_rows), canonical_rows),
        "Toggl detailed export CSV": (folder / "toggl_detailed.csv",
                                      toggl_time_entries(toggl_rows), toggl_rows),
    }
    written = {}
    for name, (path, frame, rows) in files.items():
        frame.to_csv(path, index=False)
        written[name] = (path, rows)
    return written


def measure_imports(
    canonical_rows: int, toggl_rows: int, runs: int, say: Say, scratch: Path | None = None
) -> list[Measurement]:
    """Import each generated file ``runs`` times into a fresh store; one measurement per file."""
    try:
        from analytics.ingest import import_file
        from analytics.store.db import open_store
    except ImportError as exc:
        reason = f"skipped: importer not available ({exc})"
        return [Measurement("import", "", name, "fresh store", status=reason, rows=rows)
                for name, rows in (("canonical time_entries CSV", canonical_rows),
                                   ("Toggl detailed export CSV", toggl_rows))]
    measurements = []
    with tempfile.TemporaryDirectory(dir=scratch) as tmp:
        folder = Path(tmp)
        say(f"import: writing {canonical_rows:,} canonical rows and {toggl_rows:,} Toggl rows")
        files = write_files(folder, canonical_rows, toggl_rows)
        for name, (path, rows) in files.items():
            samples, problem = [], ""
            phases: dict[str, list[float]] = {}
            size_mb = path.stat().st_size / 1e6
            for run in range(runs):
                store = folder / f"import-{run}.duckdb"
                con = open_store(store)
                marks: list[tuple[str, float]] = []
                try:
                    started = time.perf_counter()
                    def note(_fraction: float, step: Message, marks: list = marks) -> None:
                        marks.append((step_name(step), time.perf_counter()))

                    result, seconds = timed(lambda con=con, path=path, note=note: import_file(
                        con, path, progress=note))
                finally:
                    con.close()
                for (step, at), (_, following) in zip(marks, [*marks[1:], ("end", started + seconds)],
                                                       strict=True):
                    phases.setdefault(step, []).append(following - at)
                store.unlink(missing_ok=True)
                Path(f"{store}.wal").unlink(missing_ok=True)
                if result.status != "imported" or result.rows_accepted != rows:
                    problem = (f"error: {result.status}, {result.rows_accepted} of {rows} rows "
                               f"accepted: {result.message[:200]}")
                    break
                samples.append(seconds)
                say(f"import: {name} run {run + 1}/{runs}: {seconds:.2f} s "
                    f"({rows / seconds:,.0f} rows/s)")
            measurements.append(Measurement(
                "import", "", name, "fresh store",
                stats=Stats.of(samples) if samples and not problem else None,
                status=problem or "ok", rows=rows,
                note=f"{size_mb:.0f} MB file; includes the derived-table refresh",
                extra={"format": result.format,
                       "phases_median_seconds": {step: round(statistics.median(values), 3)
                                                 for step, values in phases.items()}}
                if samples else {},
            ))
    return measurements


MONTH_ENTRIES_PER_DAY: Final[int] = 2
"""Entries per agent and working day in the month imported into an existing store (morning, afternoon)."""
MONTH_RUNS_MAX: Final[int] = 3
"""Runs of the month import (each on a fresh copy of the store, which takes a while at city scale)."""


def month_of_entries(con: object, first_day: date) -> pd.DataFrame:
    """Canonical time entries for the calendar month starting ``first_day``: every agent of the
    store, two 3.5-hour entries per weekday (a third of them on a project), as a town's monthly
    export would add after the store's last recorded day."""
    from analytics.store.db import query_rows

    agents = [row[0] for row in query_rows(con, "SELECT agent_id FROM agents ORDER BY agent_id")]  # type: ignore[arg-type]
    projects = [row[0] for row in query_rows(  # type: ignore[arg-type]
        con, "SELECT project_id FROM projects ORDER BY project_id LIMIT 200")]
    days = pd.bdate_range(first_day, first_day + pd.offsets.MonthEnd(0))
    grid = pd.MultiIndex.from_product(
        [days.strftime("%Y-%m-%d"), agents, range(MONTH_ENTRIES_PER_DAY)],
        names=["work_date", "agent_id", "half"]).to_frame(index=False)
    number = np.arange(len(grid))
    on_project = (number % 3 == 0) & bool(projects)
    return pd.DataFrame({
        "entry_id": "month-" + pd.Series(number).astype(str),
        "agent_id": grid["agent_id"],
        "project_id": pd.Series(np.array(projects or [""])[number % max(len(projects), 1)]).where(
            on_project, ""),
        "work_date": grid["work_date"],
        "start_time": np.where(grid["half"] == 0, "08:30", "13:30"),
        "end_time": np.where(grid["half"] == 0, "12:00", "17:00"),
        "hours": 3.5,
        "activity": np.where(on_project, "meeting", "ordinary"),
    }, columns=list(CANONICAL_HEADER))


def measure_month_import(
    scale: str, store: Path, runs: int, scratch: Path, say: Say
) -> list[Measurement]:
    """A month of time entries imported into a copy of the ``scale`` store (what a town does every
    month): the import and the refresh of only the derived tables those rows reach."""
    from analytics.ingest import import_file
    from analytics.store.db import open_store, query_value
    from benchmarks.stores import copy_store
    from dashboard.store import connection

    name = month_name(scale)
    shared = connection(str(store))  # the process's connection (the pages' measurements use it too)
    last = query_value(shared, "SELECT max(work_date) FROM time_entries")
    frame = month_of_entries(shared, (pd.Timestamp(last) + pd.offsets.MonthBegin(1)).date())
    path = scratch / f"month-{scale}.csv"
    frame.to_csv(path, index=False)
    samples: list[float] = []
    phases: dict[str, list[float]] = {}
    problem = ""
    for run in range(min(runs, MONTH_RUNS_MAX)):
        copy = copy_store(store, scratch / f"month-{scale}.duckdb")
        con = open_store(copy)
        marks: list[tuple[str, float]] = []
        try:
            started = time.perf_counter()

            def note(_fraction: float, step: Message, marks: list = marks) -> None:
                marks.append((step_name(step), time.perf_counter()))

            result, seconds = timed(lambda con=con, note=note: import_file(con, path, progress=note))
        finally:
            con.close()
            for leftover in scratch.glob(f"month-{scale}.duckdb*"):
                leftover.unlink(missing_ok=True)
        if result.status != "imported" or result.rows_added != len(frame):
            problem = f"error: {result.status}, {result.rows_added} of {len(frame)} rows added"
            break
        for (step, at), (_, following) in zip(marks, [*marks[1:], ("end", started + seconds)],
                                               strict=True):
            phases.setdefault(step, []).append(following - at)
        samples.append(seconds)
        say(f"import: {name} run {run + 1}: {seconds:.2f} s")
    path.unlink(missing_ok=True)
    return [Measurement(
        "import", scale, name, "existing store",
        stats=Stats.of(samples) if samples and not problem else None, status=problem or "ok",
        rows=len(frame), note="only the derived tables the rows reach are rebuilt",
        extra={"phases_median_seconds": {step: round(statistics.median(values), 3)
                                         for step, values in phases.items()}} if samples else {},
    )]


CLI_NAME: Final[str] = "canonical time_entries CSV through the command line"
CLI_RATE_TARGET: Final[float] = 200_000
"""Issue 16: a million canonical time entries at 200,000 rows/s or more, end to end (command line)."""
MONTH_TARGET_S: Final[float] = 2.0
"""Issue 16: a month of a city's entries imported in under 2 s."""
TEN_ROWS: Final[int] = 10
TEN_RATIO_TARGET: Final[float] = 2.0
"""Issue 16: ten rows into a city-sized store within 2× of ten rows into an empty store."""
MEMORY_RATIO_TARGET: Final[float] = 1.5
"""Peak memory of ten rows into the store ÷ into an empty store: bounded by the file, not the store."""
ROOT: Final[Path] = Path(__file__).resolve().parent.parent


def month_name(scale: str) -> str:
    return f"a month of time entries (every agent) into the {scale} store"


def ten_name(scale: str) -> str:
    return f"{TEN_ROWS} time entries into the {scale} store"


def ten_empty_name(scale: str) -> str:
    return f"the same {TEN_ROWS} time entries into an empty store"


_MEASURED: Final[str] = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)
"""A small interpreter that runs a command and prints its peak memory in KB: a child forked from
this (large) process would report this process's memory as its own peak."""


def run_cli(db: Path, files: list[Path]) -> tuple[float, float, int]:
    """(seconds, peak resident memory in MB, exit code) of ``python -m analytics import --db DB
    FILES`` in a child process: the import as a town's administrator runs it, startup included."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, sys.executable, "-m", "analytics", "import", "--db",
         str(db), "--json", *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [
            str(ROOT), os.environ.get("PYTHONPATH")]))})
    seconds = time.perf_counter() - started
    peak = float(done.stdout.strip().splitlines()[-1]) / 1024 if done.stdout.strip() else 0.0
    return seconds, peak, done.returncode


def measure_cli_import(rows: int, runs: int, say: Say, scratch: Path) -> list[Measurement]:
    """The canonical file of ``rows`` entries imported ``runs`` times through the command line into
    a new store: wall time (rows/s against :data:`CLI_RATE_TARGET`) and peak memory."""
    folder = Path(tempfile.mkdtemp(dir=scratch))
    path = folder / "time_entries.csv"
    canonical_time_entries(rows).to_csv(path, index=False)
    samples: list[float] = []
    memory: list[float] = []
    problem = ""
    for run in range(runs):
        db = folder / f"cli-{run}.duckdb"
        seconds, peak, code = run_cli(db, [path])
        for leftover in folder.glob(f"cli-{run}.duckdb*"):
            leftover.unlink(missing_ok=True)
        if code != 0:
            problem = f"error: the import command exited with {code}"
            break
        samples.append(seconds)
        memory.append(peak)
        say(f"import: {CLI_NAME} run {run + 1}/{runs}: {seconds:.2f} s ({rows / seconds:,.0f} rows/s, "
            f"peak {peak:,.0f} MB)")
    path.unlink(missing_ok=True)
    return [Measurement(
        "import", "", CLI_NAME, "command line, fresh store",
        stats=Stats.of(samples) if samples and not problem else None, status=problem or "ok",
        rows=rows, note="python -m analytics import: interpreter start, read, parse, write, refresh",
        extra={"peak_rss_mb": round(max(memory), 1)} if memory else {})]


def ten_entries(con: object) -> pd.DataFrame:
    """Ten canonical entries for five agents of the store on its last recorded day (a small daily
    correction, what a town sends between monthly exports)."""
    from analytics.store.db import query_rows, query_value

    agents = [row[0] for row in query_rows(  # type: ignore[arg-type]
        con, "SELECT agent_id FROM agents ORDER BY agent_id LIMIT 5")] or ["AG-T0001"]
    last = query_value(con, "SELECT max(work_date) FROM time_entries") or FILE_FIRST_DAY  # type: ignore[arg-type]
    number = np.arange(TEN_ROWS)
    return pd.DataFrame({
        "entry_id": "ten-" + pd.Series(number).astype(str),
        "agent_id": [agents[i % len(agents)] for i in number],
        "project_id": "", "work_date": str(last)[:10],
        "start_time": np.where(number % 2 == 0, "08:00", "18:00"),
        "end_time": np.where(number % 2 == 0, "12:00", "20:30"),
        "hours": "", "activity": "meeting",
    }, columns=list(CANONICAL_HEADER))


def _timed_import(db: Path, path: Path) -> tuple[Any, float]:
    """(result, seconds) of :func:`import_file` in this process (the store opened before timing)."""
    from analytics.ingest import import_file
    from analytics.store.db import open_store

    con = open_store(db)
    try:
        return timed(lambda: import_file(con, path))
    finally:
        con.close()


def measure_small_imports(
    scale: str, store: Path, runs: int, scratch: Path, say: Say
) -> list[Measurement]:
    """Ten entries into a copy of the ``scale`` store and into an empty store, alternately
    (``runs`` each, in this process), then once each through the command line for the peak memory,
    with the month of :func:`measure_month_import` (its memory)."""
    from analytics.store.db import query_value
    from benchmarks.stores import copy_store
    from dashboard.store import connection

    shared = connection(str(store))  # the process's connection (as measure_month_import)
    ten = ten_entries(shared)
    last = query_value(shared, "SELECT max(work_date) FROM time_entries")
    month = month_of_entries(shared, (pd.Timestamp(last) + pd.offsets.MonthBegin(1)).date())
    ten_path, month_path = scratch / f"ten-{scale}.csv", scratch / f"month-{scale}-cli.csv"
    ten.to_csv(ten_path, index=False)
    month.to_csv(month_path, index=False)
    copy, empty = scratch / f"ten-{scale}.duckdb", scratch / f"ten-empty-{scale}.duckdb"
    timings: dict[str, list[float]] = {"store": [], "empty": []}
    problem = ""

    def clean(db: Path) -> None:
        for leftover in scratch.glob(f"{db.name}*"):
            leftover.unlink(missing_ok=True)

    for _run in range(runs):
        for kind, db in (("store", copy), ("empty", empty)):
            if kind == "store":
                copy_store(store, db)
            result, seconds = _timed_import(db, ten_path)
            clean(db)
            if result.status != "imported" or result.rows_added != TEN_ROWS:
                problem = f"error: {result.status}, {result.rows_added} of {TEN_ROWS} rows added"
                break
            timings[kind].append(seconds)
        if problem:
            break
        say(f"import: ten rows into the {scale} store {timings['store'][-1] * 1000:.0f} ms, into an "
            f"empty store {timings['empty'][-1] * 1000:.0f} ms")
    memory: dict[str, float] = {}
    for kind, path in (("store", ten_path), ("empty", ten_path), ("month", month_path)):
        db = empty if kind == "empty" else copy
        if kind != "empty":
            copy_store(store, db)
        _, peak, code = run_cli(db, [path])
        clean(db)
        if code == 0:
            memory[kind] = round(peak, 1)
    say(f"import: peak memory (command line) ten rows into the {scale} store {memory.get('store')} MB,"
        f" into an empty store {memory.get('empty')} MB, a month {memory.get('month')} MB")
    for path in (ten_path, month_path):
        path.unlink(missing_ok=True)
    found = []
    for kind, name, variant in (("store", ten_name(scale), "existing store"),
                                ("empty", ten_empty_name(scale), "empty store")):
        found.append(Measurement(
            "import", scale, name, variant,
            stats=Stats.of(timings[kind]) if timings[kind] and not problem else None,
            status=problem or "ok", rows=TEN_ROWS,
            note="in process, store opened; runs alternate with the other store",
            extra={"peak_rss_mb": memory[kind]} if kind in memory else {}))
    if "month" in memory:
        found.append(Measurement("import", scale, month_name(scale), "peak memory (command line)",
                                 status="ok", rows=len(month),
                                 extra={"peak_rss_mb": memory["month"]}))
    return found

