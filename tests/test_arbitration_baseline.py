"""What a team already carries in the coming months, read from a small hand-made store.

The team S1 has two agents: A1 (35 h a week, then 28 h from 1 June 2027; on leave 11–15 January
2027) and A2 (20 h a week until 31 January 2027). The reference day is 31 December 2026. Over the
12 recent weeks both logged ordinary work every working day for half their daily capacity (3.5 h
and 2 h), plus some project hours that are not ordinary work: the ordinary share is 50 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest

from analytics.arbitration.baseline import (
    RECENT_WEEKS,
    add_months,
    committed_windows,
    horizon,
    team_days,
    teams_capacity,
    with_committed,
    working_days,
)
from analytics.arbitration.context import load_baseline
from analytics.calendar import calendar_frame
from analytics.schema import LOAD_ORDER
from analytics.store.db import insert_frame, open_store, transaction
from analytics.store.derived import refresh_derived

AS_OF = date(2026, 12, 31)


def make_store(tables: Mapping[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """An in-memory store holding ``tables`` (canonical names), with derived tables refreshed."""
    con = open_store(":memory:")
    with transaction(con) as cur:
        for table in LOAD_ORDER:
            if table in tables:
                insert_frame(cur, table, tables[table])
        refresh_derived(cur)
    return con


def recent_entries() -> pd.DataFrame:
    """Half-capacity ordinary work every working day of the 12 recent weeks, plus project work."""
    first = AS_OF - timedelta(weeks=RECENT_WEEKS) + timedelta(days=1)
    calendar = calendar_frame(first, AS_OF)
    days = list(calendar.loc[calendar["is_working_day"].astype(bool), "day"])
    rows = []
    for day in days:
        rows.append((f"a1-{day}", "A1", None, day, 3.5, "ordinary"))
        rows.append((f"a2-{day}", "A2", None, day, 2.0, "ordinary"))
    rows.append(("p1-oct", "A1", "P1", date(2026, 10, 20), 40.0 / 4, "meeting"))
    rows += [(f"p1-{k}", "A2", "P1", date(2026, 10, 21 + k), 10.0, "meeting") for k in range(3)]
    return pd.DataFrame(rows, columns=["entry_id", "agent_id", "project_id", "work_date", "hours",
                                       "activity"])


def project(pid: str, level: str | None, status: str, start: date, end: date,
            planned: float | None) -> dict[str, object]:
    return {"project_id": pid, "project_name": pid, "service_id": "S1", "level": level,
            "status": status, "start_date": start, "end_date": end, "planned_hours": planned,
            "perimeter": "quartier", "priority": 1.0}


TABLES = {
    "services": pd.DataFrame({"service_id": ["S1"], "service_name": ["Jeunesse"]}),
    "agents": pd.DataFrame({"agent_id": ["A1", "A2"], "agent_name": ["Ana", "Bob"],
                            "service_id": ["S1", "S1"]}),
    "contracts": pd.DataFrame({
        "agent_id": ["A1", "A1", "A2"],
        "valid_from": [date(2020, 1, 1), date(2027, 6, 1), date(2020, 1, 1)],
        "valid_to": [None, None, date(2027, 1, 31)],
        "weekly_hours": [35.0, 28.0, 20.0],
    }),
    "absences": pd.DataFrame({"agent_id": ["A1"], "start_date": [date(2027, 1, 11)],
                              "end_date": [date(2027, 1, 15)], "absence_kind": ["leave"]}),
    "projects": pd.DataFrame([
        # active, 100 h planned, 40 h spent: 60 h left over the 20 working days of January 2027
        project("P1", "consultation", "active", date(2026, 10, 1), date(2027, 1, 29), 100.0),
        # planned for March 2027 (22 working days: Easter Monday 29 March is off): 2 h a day
        project("P2", "information", "planned", date(2027, 3, 1), date(2027, 3, 31), 44.0),
        # ended in December with 50 h left: spread over January 2027 (20 working days), 2.5 h a day
        project("P6", "coproduction", "active", date(2026, 9, 1), date(2026, 12, 15), 50.0),
        # neither finished, proposed nor ordinary projects are committed
        project("P3", "coproduction", "done", date(2025, 1, 1), date(2025, 6, 30), 500.0),
        project("P4", "coproduction", "proposed", date(2027, 2, 1), date(2027, 6, 30), 500.0),
        project("P5", None, "active", date(2026, 1, 1), date(2027, 12, 31), 500.0),
    ]),
}


@pytest.fixture(scope="module")
def days() -> pd.DataFrame:
    con = make_store({**TABLES, "time_entries": recent_entries()})
    try:
        baseline = load_baseline(con, AS_OF)
    finally:
        con.close()
    return team_days(baseline, ["S1"]).set_index("day")


@pytest.mark.parametrize(
    ("day", "capacity", "ordinary", "committed"),
    [
        (date(2027, 1, 4), 7.0 + 4.0, 5.5, 3.0 + 2.5),    # both agents; P1 and P6 in January
        (date(2027, 1, 12), 4.0, 2.0, 3.0 + 2.5),         # A1 on leave
        (date(2027, 2, 1), 7.0, 3.5, 0.0),                # A2's contract has ended
        (date(2027, 3, 1), 7.0, 3.5, 2.0),                # P2 planned in March
        (date(2027, 6, 1), 5.6, 2.8, 0.0),                # A1's new 28-hour contract
    ],
)
def test_team_days_capacity_ordinary_and_committed(
    days: pd.DataFrame, day: date, capacity: float, ordinary: float, committed: float
) -> None:
    row = days.loc[pd.Timestamp(day)]
    assert row["capacity_hours"] == pytest.approx(capacity)
    assert row["ordinary_hours"] == pytest.approx(ordinary)
    assert row["committed_hours"] == pytest.approx(committed)


@pytest.mark.parametrize("day", [date(2027, 1, 1), date(2027, 1, 9), date(2027, 7, 14)])
def test_weekends_and_public_holidays_are_not_working_days(days: pd.DataFrame, day: date) -> None:
    assert pd.Timestamp(day) not in days.index


def test_committed_hours_add_up_to_what_is_left(days: pd.DataFrame) -> None:
    assert days["committed_hours"].sum() == pytest.approx(60.0 + 44.0 + 50.0)


def test_horizon_runs_to_a_month_end() -> None:
    first, last = horizon(date(2026, 11, 30), months=2)
    assert (first, last) == (date(2026, 12, 1), date(2027, 1, 31))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(date(2027, 1, 31), 1, date(2027, 2, 28)), (date(2026, 11, 15), 3, date(2027, 2, 15))],
)
def test_add_months_clamps_to_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("first", "last"),
    [(date(2026, 12, 1), date(2029, 12, 31)), (date(2027, 3, 26), date(2027, 4, 6)),  # Easter
     (date(2027, 5, 1), date(2027, 5, 1)), (date(2027, 5, 2), date(2027, 5, 1))],      # none
)
def test_working_days_are_the_calendars(first: date, last: date) -> None:
    calendar = calendar_frame(first, last)
    calendar = calendar[calendar["is_working_day"].astype(bool)]
    days = working_days(first, last)
    assert list(days["day"].dt.date) == list(calendar["day"])
    assert list(days["week_start"].dt.date) == list(calendar["week_start"])
    assert list(days["month_start"].dt.date) == [day.replace(day=1) for day in calendar["day"]]


@pytest.mark.parametrize(
    ("project_id", "from_day", "to_day", "hours_left", "estimated"),
    [
        ("P1", date(2027, 1, 1), date(2027, 1, 29), 60.0, False),   # started: from the first day
        ("P2", date(2027, 3, 1), date(2027, 3, 31), 44.0, False),   # planned: its own window
        ("P6", date(2027, 1, 1), date(2027, 1, 31), 50.0, False),   # late: the next month
        # no planned hours: 10 h a month of coproduction over its window (0.5 month on 1–15 Feb)
        ("P7", date(2027, 2, 1), date(2027, 2, 15), 10.0 * 15 / (365.25 / 12), True),
        ("P8", date(2027, 1, 1), date(2027, 1, 31), 0.0, True),      # no dates, no rate for its level
    ],
)
def test_committed_windows(
    project_id: str, from_day: date, to_day: date, hours_left: float, estimated: bool
) -> None:
    committed = pd.DataFrame({
        "project_id": ["P1", "P2", "P6", "P7", "P8"],
        "level": ["consultation", "information", "coproduction", "coproduction", "information"],
        "start_date": pd.to_datetime(["2026-10-01", "2027-03-01", "2026-09-01", "2027-02-01", None]),
        "end_date": pd.to_datetime(["2027-01-29", "2027-03-31", "2026-12-15", "2027-02-15", None]),
        "remaining_hours": [60.0, 44.0, 50.0, None, None],
    })
    windows = committed_windows(committed, date(2027, 1, 1), {"coproduction": 10.0})
    row = windows.set_index("project_id").loc[project_id]
    assert (row["from_day"].date(), row["to_day"].date()) == (from_day, to_day)
    assert row["hours_left"] == pytest.approx(hours_left)
    assert row["estimated"] == estimated


def test_teams_capacity_is_team_days_for_every_team() -> None:
    """The capacity of all teams at once, then one team's committed hours: the same days as
    team_days for that team (two services in one team, one alone, one without a team)."""
    con = make_store({**TABLES, "time_entries": recent_entries()})
    try:
        baseline = load_baseline(con, AS_OF)
    finally:
        con.close()
    # A2 moved to a second service S2 of the same team, a third service S3 has nobody
    capacity = baseline.capacity.copy()
    capacity.loc[capacity.index[::3], "service_id"] = "S2"
    baseline = type(baseline)(**{**vars(baseline), "capacity": capacity})
    teams = {"S1": "T", "S2": "T", "S3": None}
    all_teams = teams_capacity(baseline, teams)
    assert set(all_teams["team_id"]) == {"T"}
    days = all_teams.drop(columns="team_id")
    pd.testing.assert_frame_equal(
        with_committed(days, baseline, ["S1", "S2"]), team_days(baseline, ["S1", "S2"])
    )
