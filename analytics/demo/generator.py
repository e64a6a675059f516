"""The deterministic demo town: :func:`generate_town` (canonical frames) and :func:`load_demo`.

The same ``(scale, seed, as_of)`` always gives the same town: every part draws from its own numpy
generator seeded with ``[seed, stream]``, and nothing depends on the clock except the default
``as_of`` (today). The history covers the ten years up to and including ``as_of``; planned and
proposed projects, booked leave and scheduled events reach a few months beyond it.

What the town tells (see each module's docstring for the mechanics):

* people.py — services, agents with turnover, part-time contracts and their changes, absences;
* projects.py — ten years of projects of every level, their events and milestones;
* work.py — ordinary and project time entries, evenings and Saturdays, the overloaded team/agent;
* participation.py — participants (pseudonyms), attendances, population, requests.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from analytics.demo.catalogue import SCALES, STORY_QUARTIER, STORY_SERVICE_ID, ScaleSpec
from analytics.demo.events import build_events, build_milestones
from analytics.demo.participation import build_participation, build_population, build_requests
from analytics.demo.people import build_staff
from analytics.demo.projects import build_projects
from analytics.demo.timeline import Timeline
from analytics.demo.work import EntryArrays, build_work
from analytics.schema import ACTIVITIES, LOAD_ORDER, TABLES
from analytics.settings import DEMO_SEED
from analytics.store.db import bump_data_version, insert_frame, set_meta, transaction

Progress = Callable[[float, str], None]

_STREAMS = {
    "staff": 1, "projects": 2, "events": 3, "milestones": 4, "work": 5, "participation": 6,
    "requests": 7,
}

_INSERT_ENTRIES = """
INSERT INTO time_entries
    (entry_id, agent_id, project_id, work_date, start_time, end_time, hours, activity)
SELECT 'TE' || lpad(CAST(t.seq AS VARCHAR), $width, '0'),
       a.agent_id,
       p.project_id,
       CAST($origin AS DATE) + CAST(t.day AS INTEGER),
       CASE WHEN t.start_min >= 0 THEN make_time(t.start_min // 60, t.start_min % 60, 0) END,
       CASE WHEN t.end_min >= 0 THEN make_time(t.end_min // 60, t.end_min % 60, 0) END,
       t.hours,
       c.activity
FROM _demo_entries AS t
JOIN _demo_agents AS a ON a.idx = t.agent
LEFT JOIN _demo_projects AS p ON p.idx = t.project
JOIN _demo_activities AS c ON c.idx = t.activity
ON CONFLICT DO NOTHING
"""


@dataclass
class DemoTown:
    """A generated town: canonical frames (all tables but time_entries) + compact time entries."""

    spec: ScaleSpec
    seed: int
    timeline: Timeline
    frames: dict[str, pd.DataFrame]
    entries: EntryArrays
    story: dict[str, str] = field(default_factory=dict)
    """Who carries the story: agent_id, agent_name, service_id, service_name, quartier."""

    def time_entries_frame(self) -> pd.DataFrame:
        """The canonical time_entries frame (heavy at city scale: millions of Python times)."""
        return self.entries.to_frame(
            self.timeline,
            self.frames["agents"]["agent_id"].to_numpy(dtype=object),
            self.frames["projects"]["project_id"].to_numpy(dtype=object),
        )


def _rng(seed: int, stream: str) -> np.random.Generator:
    return np.random.default_rng([seed, _STREAMS[stream]])


def _spec(scale: str) -> ScaleSpec:
    try:
        return SCALES[scale]
    except KeyError:
        raise ValueError(f"unknown demo scale {scale!r}; choose one of {sorted(SCALES)}") from None


AS_OF_RANGE: tuple[date, date] = (date(2000, 1, 1), date(2099, 12, 31))
"""The demo's 'today' lies in this range: the town's history (contracts back some thirty years)
and its planned future, padded by the calendar's year each side, must stay within the dates that
pandas and the public-holiday calendar handle (both ends measured to build)."""


def check_as_of(as_of: date) -> None:
    """Raise ValueError when ``as_of`` is outside :data:`AS_OF_RANGE`."""
    first, last = AS_OF_RANGE
    if not first <= as_of <= last:
        raise ValueError(f"the demo's date must be between {first} and {last}")


def build_town(
    scale: str = "town", seed: int = DEMO_SEED, as_of: date | None = None,
    progress: Progress | None = None,
) -> DemoTown:
    """Generate every table of the demo town (time entries kept as compact arrays)."""
    spec = _spec(scale)
    if seed < 0:
        raise ValueError("the demo seed must be a non-negative integer")
    check_as_of(as_of or date.today())
    report = progress or (lambda _fraction, _step: None)
    tl = Timeline.build(as_of or date.today(), spec.years)

    report(0.0, "Generating staff, contracts and absences")
    staff = build_staff(spec, tl, _rng(seed, "staff"))
    report(0.1, "Generating projects and events")
    projects = build_projects(spec, tl, staff, _rng(seed, "projects"))
    events = build_events(spec, tl, projects, _rng(seed, "events"))
    milestones = build_milestones(tl, projects, _rng(seed, "milestones"))
    report(0.2, "Generating time entries")
    entries = build_work(spec, tl, staff, projects, events, _rng(seed, "work"))
    report(0.7, "Generating participants and attendances")
    participants, attendances = build_participation(
        spec, tl, projects, events, seed, _rng(seed, "participation")
    )
    report(0.9, "Generating requests and population")
    requests = build_requests(spec, tl, projects, staff.service_ids, _rng(seed, "requests"))
    frames = {
        "services": staff.services,
        "agents": staff.agents,
        "contracts": staff.contracts,
        "absences": staff.absences,
        "projects": projects.frame,
        "events": events.frame,
        "participants": participants,
        "attendances": attendances,
        "requests": requests,
        "population": build_population(spec),
        "milestones": milestones,
    }
    for table, frame in frames.items():
        if tuple(frame.columns) != TABLES[table]:
            raise AssertionError(f"demo frame {table} has columns {list(frame.columns)}")
    story = staff.story_agent
    story_service = staff.services.set_index("service_id")["service_name"]
    report(1.0, "Generated")
    return DemoTown(
        spec=spec, seed=seed, timeline=tl, frames=frames, entries=entries,
        story={
            "agent_id": str(staff.agents["agent_id"].iloc[story]),
            "agent_name": str(staff.agents["agent_name"].iloc[story]),
            "service_id": STORY_SERVICE_ID,
            "service_name": str(story_service[STORY_SERVICE_ID]),
            "quartier": STORY_QUARTIER,
        },
    )


def generate_town(
    scale: str = "town", seed: int = DEMO_SEED, as_of: date | None = None
) -> dict[str, pd.DataFrame]:
    """One canonical DataFrame per table of ``schema.TABLES`` (same keys, columns and order).

    ``as_of`` is the demo's "today" (default: today); the same ``(scale, seed, as_of)`` gives
    identical frames. Dates are ``datetime64[us]``, clock times ``datetime.time`` objects (None when
    absent), as DuckDB returns them.
    """
    town = build_town(scale, seed, as_of)
    frames = dict(town.frames)
    frames["time_entries"] = town.time_entries_frame()
    return {table: frames[table] for table in TABLES}


def _insert_entries(cur: duckdb.DuckDBPyConnection, town: DemoTown) -> int:
    """Bulk-insert the time entries from integer columns, converting to canonical types in SQL."""
    before = cur.execute("SELECT count(*) FROM time_entries").fetchall()[0][0]
    lookups = {
        "_demo_entries": town.entries.compact_frame(),
        "_demo_agents": pd.DataFrame({
            "idx": np.arange(len(town.frames["agents"]), dtype=np.int32),
            "agent_id": town.frames["agents"]["agent_id"],
        }),
        "_demo_projects": pd.DataFrame({
            "idx": np.arange(len(town.frames["projects"]), dtype=np.int32),
            "project_id": town.frames["projects"]["project_id"],
        }),
        "_demo_activities": pd.DataFrame({
            "idx": np.arange(len(ACTIVITIES), dtype=np.int8),
            "activity": pd.Series(ACTIVITIES, dtype="str"),
        }),
    }
    for name, frame in lookups.items():
        cur.register(name, frame)
    try:
        cur.execute(_INSERT_ENTRIES, {
            "width": town.entries.id_width, "origin": town.timeline.start.isoformat(),
        })
    finally:
        for name in lookups:
            with contextlib.suppress(duckdb.Error):  # an aborted transaction refuses it
                cur.unregister(name)
    after = cur.execute("SELECT count(*) FROM time_entries").fetchall()[0][0]
    return int(after - before)


def _refresh_derived() -> Callable[[duckdb.DuckDBPyConnection], None] | None:
    """``analytics.store.derived.refresh_derived`` when that module exists, else None."""
    try:
        from analytics.store.derived import refresh_derived
    except ModuleNotFoundError as exc:
        if exc.name != "analytics.store.derived":
            raise
        return None
    return refresh_derived


def load_demo(
    con: duckdb.DuckDBPyConnection, scale: str = "town", seed: int = DEMO_SEED,
    as_of: date | None = None, progress: Progress | None = None,
) -> dict[str, int]:
    """Generate the demo town and insert it into the store in one transaction.

    Inserts every canonical table in ``schema.LOAD_ORDER`` (rows whose key already exists are
    skipped), records an ``imports`` row (file ``demo:<scale>:<seed>``, format and status ``demo``),
    sets store_meta ``origin``/``demo_scale``/``demo_seed``/``demo_as_of``, bumps the data version
    and refreshes the derived tables. ``progress(fraction, step)`` is called between steps.
    Returns the rows inserted per table.
    """
    report = progress or (lambda _fraction, _step: None)
    day = as_of or date.today()
    town = build_town(scale, seed, day, lambda f, step: report(0.6 * f, step))
    counts: dict[str, int] = {}
    with transaction(con) as cur:
        for i, table in enumerate(LOAD_ORDER):
            report(0.6 + 0.3 * i / len(LOAD_ORDER), f"Inserting {table}")
            if table == "time_entries":
                counts[table] = _insert_entries(cur, town)
            else:
                counts[table] = insert_frame(cur, table, town.frames[table])
        file_name = f"demo:{scale}:{seed}"
        total = sum(counts.values())
        summary = ", ".join(f"{table} {count}" for table, count in counts.items())
        cur.execute(
            "INSERT INTO imports (file_name, sha256, format, rows_read, rows_accepted,"
            " rows_rejected, status, message) VALUES (?, ?, 'demo', ?, ?, 0, 'demo', ?)",
            [file_name, hashlib.sha256(file_name.encode("utf-8")).hexdigest(), total, total,
             f"Demo town '{scale}' (seed {seed}, as of {day.isoformat()}): {summary}"],
        )
        set_meta(cur, "origin", "demo")
        set_meta(cur, "demo_scale", scale)
        set_meta(cur, "demo_seed", str(seed))
        set_meta(cur, "demo_as_of", day.isoformat())
        bump_data_version(cur)
        report(0.92, "Refreshing derived tables")
        refresh = _refresh_derived()
        if refresh is not None:
            refresh(cur)
    report(1.0, "Demo town ready")
    return counts
