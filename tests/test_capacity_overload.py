"""Sustained overload: runs of ≥ 4 weeks over 110 % of capacity, what was worked on, and agreement
with the catalogue's agents.sustained_overload."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from analytics.capacity.overload import overload_runs
from analytics.indicators import compute_indicators
from analytics.scope import Scope
from tests.test_capacity_store import agent, contract, entry, make_store


def week(who: str, monday: date, hours_per_day: list[float], project: str | None = None) -> list:
    return [entry(who, monday + timedelta(days=i), h, project=project)
            for i, h in enumerate(hours_per_day) if h]


FULL = [8, 8, 8, 8, 8]          # 40 h > 110 % × 35 h = 38.5 h
JUST_UNDER = [8, 8, 8, 8, 6]    # 38 h: not over


@pytest.fixture(scope="module")
def store():
    """Agent o (35 h): over in the weeks of 2 and 9 March, just under on 16 March, then over for
    five weeks, 23 March – 20 April (the Easter week has 28 h of capacity: 32 h > 30.8 h), with 10 h
    on project P in the week of 23 March.
    Agent q (35 h): over for five weeks from 2 March, but on leave the whole week of 16 March
    (capacity 0, 10 h worked): the run is broken into 2 + 2 weeks."""
    o = [*week("o", date(2026, 3, 2), FULL), *week("o", date(2026, 3, 9), FULL),
         *week("o", date(2026, 3, 16), JUST_UNDER),
         *week("o", date(2026, 3, 23), FULL),
         *week("o", date(2026, 3, 30), FULL), *week("o", date(2026, 4, 6), [0, 8, 8, 8, 8]),
         *week("o", date(2026, 4, 13), FULL), *week("o", date(2026, 4, 20), FULL)]
    o = [e if e["work_date"] != date(2026, 3, 24) else {**e, "hours": 0.0} for e in o]
    o += [entry("o", date(2026, 3, 24), 10.0, project="P")]          # 8 → 10 h on Tuesday 24
    q = [*week("q", date(2026, 3, 2), FULL), *week("q", date(2026, 3, 9), FULL),
         *week("q", date(2026, 3, 16), [10, 0, 0, 0, 0]),
         *week("q", date(2026, 3, 23), FULL), *week("q", date(2026, 3, 30), FULL)]
    return make_store(
        agents=[agent("o", "S1", "Odile"), agent("q", "S2", "Quentin")],
        contracts=[contract("o", date(2020, 1, 1), 35), contract("q", date(2020, 1, 1), 35)],
        absences=[{"agent_id": "q", "start_date": date(2026, 3, 16), "end_date": date(2026, 3, 20),
                   "absence_kind": "leave"}],
        projects=[{"project_id": "P", "project_name": "Jardin", "service_id": "S1",
                   "level": "coproduction"}],
        time_entries=o + q,
    )


def test_one_run_with_its_length_and_what_was_worked_on(store) -> None:
    runs = overload_runs(store, Scope(date(2026, 3, 1), date(2026, 4, 30)))
    assert len(runs) == 1
    run = runs.iloc[0]
    assert run["agent_id"] == "o"
    assert (run["run_start"], run["run_end"]) == (pd.Timestamp(2026, 3, 23),
                                                  pd.Timestamp(2026, 4, 20))
    assert run["weeks"] == 5
    # 42 + 40 + 32 + 40 + 40 hours against 35 + 35 + 28 + 35 + 35 of capacity.
    assert run["run_hours"] == pytest.approx(194)
    assert run["run_capacity_hours"] == pytest.approx(168)
    assert run["load_ratio"] == pytest.approx(194 / 168)
    assert run["max_load_ratio"] == pytest.approx(42 / 35)
    assert run["top_projects"] == [("Jardin", 10.0)]
    assert run["participation_share"] == pytest.approx(10 / 194)


@pytest.mark.parametrize(
    ("start", "end", "weeks"),
    [
        (date(2026, 3, 1), date(2026, 4, 30), [5]),
        (date(2026, 3, 30), date(2026, 4, 30), [4]),   # only weeks starting in the period count
        (date(2026, 4, 6), date(2026, 4, 30), []),     # 3 weeks left: not sustained
        # March: o is over 2 + 2 weeks (16 March breaks), q 2 + 2 (leave breaks): none sustained.
        (date(2026, 3, 1), date(2026, 3, 31), []),
    ],
)
def test_runs_and_the_catalogue_agree(store, start: date, end: date, weeks: list[int]) -> None:
    runs = overload_runs(store, Scope(start, end))
    assert runs["weeks"].tolist() == weeks
    values = compute_indicators(store, Scope(start, end))
    assert runs["agent_id"].nunique() == values["agents.sustained_overload"]


def test_service_filter(store) -> None:
    assert overload_runs(store, Scope(date(2026, 3, 1), date(2026, 4, 30), service="S2")).empty


def test_a_run_of_ordinary_work_names_no_project() -> None:
    """r (35 h): over for four weeks from 2 March, no project: the run is listed with no project
    and no participation, and counted."""
    entries = [e for monday in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16),
                                date(2026, 3, 23)) for e in week("r", monday, FULL)]
    store = make_store(agents=[agent("r", "S1", "Rémi")],
                       contracts=[contract("r", date(2020, 1, 1), 35)], time_entries=entries)
    scope = Scope(date(2026, 3, 1), date(2026, 3, 31))
    runs = overload_runs(store, scope)
    assert runs[["agent_id", "weeks", "top_projects", "participation_share"]].to_dict("records") == [
        {"agent_id": "r", "weeks": 4, "top_projects": [], "participation_share": 0.0}]
    assert compute_indicators(store, scope)["agents.sustained_overload"] == 1
