"""Open residents' requests as portfolio candidates: which requests are open on the reference day
(tiny town, hand-read from tests/fixtures/tiny/requests.csv), how each becomes a candidate, and that
the solver chooses among projects and requests alike (hand-computed)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.arbitration.portfolio import (
    CROWDED_OUT,
    PROJECT_KIND,
    REQUEST_KIND,
    candidate_windows,
    choose,
    load_open_requests,
    request_candidates,
    with_requests,
)
from tests.test_arbitration_portfolio import one_month_team


# Q3 and Q4 are carried by a project (P_COPRO); Q8 (in_progress, received 10 May) has none; Q6 is
# received on 10 June; Q5 and Q9 close on 26 May (closed by the end of that day).
@pytest.mark.parametrize(
    ("as_of", "open_ids"),
    [
        (date(2024, 5, 9), []),              # Q2 closed 6 May; Q1 has a project
        (date(2024, 5, 26), ["Q8"]),
        (date(2024, 6, 30), ["Q8", "Q6"]),   # by date received
        (date(2024, 3, 1), []),              # before any request
    ],
)
def test_open_requests_on_the_reference_day(
    tiny_store: duckdb.DuckDBPyConnection, as_of: date, open_ids: list[str]
) -> None:
    assert list(load_open_requests(tiny_store, as_of)["request_id"]) == open_ids


REQUESTS = pd.DataFrame({
    "request_id": ["Q6", "Q8"], "received_on": [date(2024, 6, 10), date(2024, 5, 10)],
    "topic": ["animation", "skate*park"], "quartier": ["Q_NORD", None],
    "service_id": ["svc_jeu", "svc_jeu"],
})


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("project_id", ["req:Q6", "req:Q8"]),
        ("project_name", ["animation — Q_NORD", "skate*park"]),   # as written (escaped when shown)
        ("level", ["information", "information"]),
        ("perimeter", ["quartier", "commune"]),           # no quartier: the whole commune
        ("initiative", ["residents", "residents"]),
        ("priority", [2.0, 2.0]),
        ("kind", [REQUEST_KIND, REQUEST_KIND]),
    ],
)
def test_each_open_request_becomes_a_candidate(column: str, values: list[object]) -> None:
    frame = request_candidates(REQUESTS, level="information", priority=2.0)
    assert list(frame[column]) == values


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ({}, ["consultation", "consultation"]),                    # the default level
        ({"Q8": "coproduction"}, ["consultation", "coproduction"]),  # one request set apart
        ({"Q6": "information", "Q8": "information"}, ["information", "information"]),
    ],
)
def test_a_level_can_be_chosen_for_each_request(
    levels: dict[str, str], expected: list[str]
) -> None:
    assert list(request_candidates(REQUESTS, levels=levels)["level"]) == expected


@pytest.mark.parametrize(("level", "levels"), [("referendum", {}), ("consultation", {"Q6": "vote"})])
def test_an_unknown_level_is_refused(level: str, levels: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="unknown level"):
        request_candidates(REQUESTS, level=level, levels=levels)


def test_requests_without_dates_last_the_comparable_life_from_the_first_month() -> None:
    frame = request_candidates(REQUESTS)
    windows = candidate_windows(frame, date(2026, 12, 1), {"req:Q6": 2.6, "req:Q8": 0.2})
    assert list(windows["start"]) == [date(2026, 12, 1)] * 2
    assert list(windows["months"]) == [3, 1]


PROJECTS = pd.DataFrame({
    "project_id": ["P1"], "project_name": ["Parc"], "theme": ["parc"], "service_id": ["S"],
    "level": ["consultation"], "initiative": ["municipality"], "perimeter": ["commune"],
    "start_date": [pd.NaT], "end_date": [pd.NaT], "planned_hours": [float("nan")],
    "priority": [3.0],
})


# One team with 100 h left in January 2027 (one_month_team at a 100 % target). P1 (priority 3) costs 90 h at
# consultation, 30 h at information; each request (priority 2) costs 60 h at consultation (no
# finished information project to cost it lighter).
# Best total priority: P1 at information (30 h) + one request (60 h) = 5 > P1 at consultation (3)
# and > the two requests (120 h: do not fit). The request left out is crowded out.
def test_the_solver_chooses_among_projects_and_requests() -> None:
    horizon = [date(2027, 1, 1)]
    requests = request_candidates(REQUESTS, priority=2.0)
    candidates = with_requests(PROJECTS, requests).assign(team="T")
    assert list(candidates["kind"]) == [PROJECT_KIND, REQUEST_KIND, REQUEST_KIND]
    windows = candidate_windows(candidates, horizon[0], dict.fromkeys(candidates["project_id"], 1))
    hours = {("P1", "information"): 30.0, ("P1", "consultation"): 90.0}
    hours |= {(pid, "consultation"): 60.0 for pid in ("req:Q6", "req:Q8")}
    chosen = choose(windows, {"T": one_month_team()}, hours, 1.0, horizon)
    assert chosen.selection.total_priority == 5.0
    assert chosen.selection.chosen["P1"] == "information"
    taken = [pid for pid in ("req:Q6", "req:Q8") if pid in chosen.selection.chosen]
    assert len(taken) == 1
    left = chosen.table.set_index("project_id").loc[
        "req:Q8" if taken == ["req:Q6"] else "req:Q6"]
    assert left["reason"] == CROWDED_OUT
