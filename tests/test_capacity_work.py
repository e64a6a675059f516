"""Where participation lands: hours by activity and level, participation share, costly projects."""

from __future__ import annotations

import math
from datetime import date, time, timedelta

import pandas as pd
import pytest

from analytics.capacity.work import (
    hours_by_activity_level,
    hours_over_time,
    participation_by_agent,
    participation_by_service,
    time_grain,
    top_projects,
    work_view,
)
from analytics.scope import Scope
from tests.test_capacity_store import agent, contract, entry, make_store

W1 = date(2026, 3, 30)
SUNDAY = W1 + timedelta(days=6)


@pytest.mark.parametrize(
    ("start", "end", "grain"),
    [(date(2026, 1, 1), date(2026, 3, 31), "week"),
     (date(2026, 1, 1), date(2026, 7, 9), "week"),      # 190 days
     (date(2026, 1, 1), date(2026, 7, 10), "month"),    # 191 days
     (date(2025, 12, 1), date(2026, 11, 30), "month")],
)
def test_time_grain(start: date, end: date, grain: str) -> None:
    assert time_grain(start, end) == grain


@pytest.fixture(scope="module")
def store():
    """Week of 30 March 2026. a: 40 h, of which 2 h of meetings on P (coproduction); b: 30 h, of
    which 3 h preparing Q (information); c (S2): 3.5 h without activity. P's events: one on Tuesday
    with 2 attendees (+ 1 no-show), one on Thursday without a list (10 announced); one in May."""
    tuesday, thursday = W1 + timedelta(days=1), W1 + timedelta(days=3)
    entries = [entry("a", W1 + timedelta(days=i), 8.0, activity="ordinary") for i in (0, 2, 3, 4)]
    entries += [entry("a", tuesday, 6.0, activity="ordinary"),
                entry("a", tuesday, 2.0, project="P", activity="meeting")]
    entries += [entry("b", W1 + timedelta(days=i), 6.0, activity="ordinary") for i in (0, 1, 2, 4)]
    entries += [entry("b", thursday, 3.0, activity="ordinary"),
                entry("b", thursday, 3.0, project="Q", activity="preparation")]
    entries += [entry("c", date(2026, 4, 1), 3.5)]
    return make_store(
        agents=[agent("a", "S1", "Alice"), agent("b", "S1", "Bruno"), agent("c", "S2", "Chloé")],
        contracts=[contract(x, date(2020, 1, 1), 35) for x in "abc"],
        projects=[
            {"project_id": "P", "project_name": "Jardin", "service_id": "S1",
             "level": "coproduction", "status": "active"},
            {"project_id": "Q", "project_name": "Forum", "service_id": "S2",
             "level": "information", "status": "active"},
        ],
        events=[
            {"event_id": "v1", "project_id": "P", "event_date": tuesday,
             "start_time": time(18, 0), "event_kind": "workshop"},
            {"event_id": "v2", "project_id": "P", "event_date": thursday,
             "event_kind": "site_work", "attendees_count": 10},
            {"event_id": "v3", "project_id": "P", "event_date": date(2026, 5, 5),
             "event_kind": "workshop"},
        ],
        participants=[{"participant_id": p} for p in ("p1", "p2", "p3", "p4")],
        attendances=[
            {"event_id": "v1", "participant_id": "p1", "status": "attended"},
            {"event_id": "v1", "participant_id": "p2", "status": "attended"},
            {"event_id": "v1", "participant_id": "p3", "status": "no_show"},
            {"event_id": "v3", "participant_id": "p4", "status": "attended"},
        ],
        time_entries=entries,
    )


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("activity", {"ordinary": 38 + 27, "meeting": 2, "preparation": 3, "unspecified": 3.5}),
        ("level", {"none": 38 + 27 + 3.5, "coproduction": 2, "information": 3}),
    ],
)
def test_hours_over_time(store, by: str, expected: dict[str, float]) -> None:
    frame = hours_over_time(hours_by_activity_level(store, Scope(W1, SUNDAY)), by)
    assert set(frame["period_start"]) == {pd.Timestamp(W1)}
    assert dict(zip(frame[by], frame["hours"], strict=True)) == pytest.approx(expected)


def test_hours_by_month_with_service_and_level(store) -> None:
    frame = hours_by_activity_level(store, Scope(W1, date(2026, 12, 31), service="S1", level="information"))
    assert frame.to_dict("records") == [{"period_start": pd.Timestamp(date(2026, 4, 1)),
                                         "activity": "preparation", "level": "information",
                                         "hours": 3.0}]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        # agent: (all hours, hours in scope, participation hours, share of all hours)
        (None, {"a": (40, 40, 2, 2 / 40), "b": (30, 30, 3, 3 / 30), "c": (3.5, 3.5, 0, 0.0)}),
        ("coproduction", {"a": (40, 2, 2, 2 / 40), "b": (30, 0, 0, 0.0), "c": (3.5, 0, 0, 0.0)}),
        ("none", {"a": (40, 38, 0, 0.0), "b": (30, 27, 0, 0.0), "c": (3.5, 3.5, 0, 0.0)}),
    ],
)
def test_participation_by_agent(store, level, expected) -> None:
    frame = participation_by_agent(store, Scope(W1, SUNDAY, level=level))
    got = {row.agent_id: (row.all_hours, row.hours, row.participation_hours,
                          row.participation_share) for row in frame.itertuples()}
    assert got == pytest.approx(expected)


def test_participation_by_service(store) -> None:
    services = participation_by_service(participation_by_agent(store, Scope(W1, SUNDAY)))
    s1 = services.iloc[0]                                    # the higher share comes first
    assert (s1["service_id"], s1["agents"]) == ("S1", 2)
    assert s1["participation_share"] == pytest.approx((2 + 3) / 70)
    assert services.iloc[1]["participation_share"] == 0.0


def test_top_projects_with_residents_reached(store) -> None:
    frame = top_projects(store, Scope(W1, SUNDAY))
    assert list(frame["project_id"]) == ["Q", "P"]           # 3 h before 2 h
    q, p = frame.iloc[0], frame.iloc[1]
    assert (q["hours"], q["participants_reached"]) == (3.0, 0)
    assert math.isnan(q["hours_per_participant"])            # reached nobody: undefined
    # P: p1 and p2 attended Tuesday (p3 did not show), 10 announced on Thursday; May is outside.
    assert (p["hours"], p["agents"], p["participants_reached"]) == (2.0, 1, 12)
    assert p["hours_per_participant"] == pytest.approx(2 / 12)
    assert (p["project_name"], p["service_name"], p["level"]) == ("Jardin", "S1", "coproduction")


def test_top_projects_filters(store) -> None:
    assert list(top_projects(store, Scope(W1, SUNDAY, service="S2"))["project_id"]) == []
    assert list(top_projects(store, Scope(W1, SUNDAY, level="coproduction"))["project_id"]) == ["P"]
    assert list(top_projects(store, Scope(W1, SUNDAY), limit=1)["project_id"]) == ["Q"]


def test_work_view_holds_what_the_tab_draws(store) -> None:
    """The cached loader's view: the same frames as the functions the tab used to apply on every
    rerun."""
    by_period = hours_by_activity_level(store, Scope(W1, SUNDAY))
    agents = participation_by_agent(store, Scope(W1, SUNDAY))
    view = work_view(by_period, agents, top_projects(store, Scope(W1, SUNDAY)))
    pd.testing.assert_frame_equal(view.by_activity, hours_over_time(by_period, "activity"))
    pd.testing.assert_frame_equal(view.by_level, hours_over_time(by_period, "level"))
    assert view.services["participation_share"].tolist() == pytest.approx([(2 + 3) / 70, 0.0])
    assert list(view.projects["project_id"]) == ["Q", "P"]
    assert view.by_period["hours"].sum() == pytest.approx(40 + 30 + 3.5)
