"""Hand-made stores for the capacity tests, and checks of the capacity the derived layer gives.

``make_store`` builds an in-memory store from a few rows per canonical table and refreshes the derived
tables exactly as an import does, so each capacity module is tested through the real derived layer.
The tests below verify ``agent_day_capacity`` against capacity worked out by hand (issue 4: contract
history, part time, French public holidays, absences, arrivals and departures).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from typing import Any

import duckdb
import pandas as pd
import pytest

from analytics.store.db import insert_frame, open_store, query_value, transaction
from analytics.store.derived import refresh_derived

Row = Mapping[str, Any]


def entry(
    agent: str, day: date, hours: float, start: str | None = None, end: str | None = None,
    project: str | None = None, activity: str | None = None,
) -> dict[str, Any]:
    """A time entry row (entry_id is given by make_store); times as 'HH:MM'."""
    return {
        "agent_id": agent, "work_date": day, "hours": hours, "project_id": project,
        "start_time": time.fromisoformat(start) if start else None,
        "end_time": time.fromisoformat(end) if end else None, "activity": activity,
    }


def make_store(**tables: Iterable[Row]) -> duckdb.DuckDBPyConnection:
    """An in-memory store holding these canonical rows, with its derived tables refreshed.

    Each keyword is a canonical table name; time entries get ids e1, e2, ... in order. Missing
    services are created from the agents' service ids (named after them).
    """
    frames = {name: pd.DataFrame(list(rows)) for name, rows in tables.items()}
    if "time_entries" in frames and "entry_id" not in frames["time_entries"]:
        entries = frames["time_entries"]
        frames["time_entries"] = entries.assign(entry_id=[f"e{i + 1}" for i in range(len(entries))])
    if "services" not in frames and "agents" in frames:
        ids = sorted(set(frames["agents"]["service_id"].dropna()))
        frames["services"] = pd.DataFrame({"service_id": ids, "service_name": ids})
    con = open_store(":memory:")
    with transaction(con) as cur:
        for table in ("services", "agents", "contracts", "absences", "projects", "time_entries",
                      "events", "participants", "attendances"):
            if table in frames and not frames[table].empty:
                insert_frame(cur, table, frames[table])
        refresh_derived(cur)
    return con


def agent(agent_id: str, service: str = "S1", name: str | None = None) -> dict[str, Any]:
    return {"agent_id": agent_id, "agent_name": name or agent_id.upper(), "service_id": service}


def contract(agent_id: str, valid_from: date, weekly: float, valid_to: date | None = None) -> dict:
    return {"agent_id": agent_id, "valid_from": valid_from, "valid_to": valid_to,
            "weekly_hours": weekly}


def week_capacity(con: duckdb.DuckDBPyConnection, agent_id: str, monday: date) -> float:
    value = query_value(
        con,
        "SELECT coalesce(sum(capacity_hours), 0) FROM agent_day_capacity "
        "WHERE agent_id = ? AND day BETWEEN ? AND ? + 6",
        [agent_id, monday, monday],
    )
    return round(float(value), 6)


WEEK_MAR30 = date(2026, 3, 30)   # Monday 30 March 2026: an ordinary five-day week
WEEK_APR6 = date(2026, 4, 6)     # Monday 6 April 2026 is Easter Monday (lundi de Pâques)
WEEK_MAY4 = date(2026, 5, 4)     # Friday 8 May 2026: Victoire 1945


@pytest.mark.parametrize(
    ("case", "contracts", "absences", "monday", "expected"),
    [
        ("full time, ordinary week: 5 days × 35/5",
         [contract("a", date(2020, 1, 1), 35)], [], WEEK_MAR30, 35.0),
        ("full time, Easter Monday off: 4 × 7",
         [contract("a", date(2020, 1, 1), 35)], [], WEEK_APR6, 28.0),
        ("8 May (a Friday) off: 4 × 7",
         [contract("a", date(2020, 1, 1), 35)], [], WEEK_MAY4, 28.0),
        ("part time 28 h, Easter week: 4 × 5.6",
         [contract("a", date(2020, 1, 1), 28)], [], WEEK_APR6, 22.4),
        ("35 h until Wed 1 Apr, then 17.5 h: 3 × 7 + 2 × 3.5",
         [contract("a", date(2020, 1, 1), 35, date(2026, 4, 1)),
          contract("a", date(2026, 4, 2), 17.5)], [], WEEK_MAR30, 28.0),
        ("the change does not rewrite the week before it",
         [contract("a", date(2020, 1, 1), 35, date(2026, 4, 1)),
          contract("a", date(2026, 4, 2), 17.5)], [], date(2026, 3, 23), 35.0),
        ("open contract overlapped by a newer one from Thursday: newest wins",
         [contract("a", date(2020, 1, 1), 35), contract("a", date(2026, 4, 2), 17.5)], [],
         WEEK_MAR30, 28.0),
        ("leave Tue 31 Mar – Thu 2 Apr: 2 days × 7",
         [contract("a", date(2020, 1, 1), 35)],
         [{"agent_id": "a", "start_date": date(2026, 3, 31), "end_date": date(2026, 4, 2),
           "absence_kind": "leave"}], WEEK_MAR30, 14.0),
        ("sickness over the weekend only: nothing removed",
         [contract("a", date(2020, 1, 1), 35)],
         [{"agent_id": "a", "start_date": date(2026, 4, 4), "end_date": date(2026, 4, 5),
           "absence_kind": "sickness"}], WEEK_MAR30, 35.0),
        ("joined on Wed 1 Apr: 3 × 7",
         [contract("a", date(2026, 4, 1), 35)], [], WEEK_MAR30, 21.0),
        ("left on Tue 31 Mar (last day): 2 × 7",
         [contract("a", date(2020, 1, 1), 35, date(2026, 3, 31))], [], WEEK_MAR30, 14.0),
        ("gone before the week: nothing",
         [contract("a", date(2020, 1, 1), 35, date(2026, 3, 27))], [], WEEK_MAR30, 0.0),
    ],
)
def test_agent_day_capacity_matches_contracts_holidays_and_absences(
    case: str, contracts: list[dict], absences: list[dict], monday: date, expected: float
) -> None:
    con = make_store(agents=[agent("a")], contracts=contracts, absences=absences,
                     time_entries=[entry("a", date(2026, 6, 1), 1.0)])
    assert week_capacity(con, "a", monday) == pytest.approx(expected), case


def test_capacity_reaches_the_coming_weeks() -> None:
    """The forecast needs capacity after the last recorded day: the calendar runs a year past it."""
    con = make_store(agents=[agent("a")], contracts=[contract("a", date(2020, 1, 1), 35)],
                     time_entries=[entry("a", date(2026, 11, 30), 7.0)])
    # Christmas week 2026: Friday 25 December is a holiday → 4 × 7.
    assert week_capacity(con, "a", date(2026, 12, 21)) == pytest.approx(28.0)
    # Week of 15 February 2027, eleven weeks ahead: 5 × 7.
    assert week_capacity(con, "a", date(2027, 2, 15)) == pytest.approx(35.0)
