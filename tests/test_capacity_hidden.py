"""Hidden work: outside 08:00–19:00, weekends, public holidays, traced to projects and events;
evenings per agent per month."""

from __future__ import annotations

from datetime import date, time

import pandas as pd
import pytest

from analytics.capacity.hidden import (
    evenings,
    evenings_matrix,
    hidden_by,
    hidden_by_agent,
    hidden_by_project,
    hidden_by_service,
    hidden_view,
    outside_entries,
)
from analytics.capacity.work import participation_by_agent
from analytics.indicators import compute_indicators
from analytics.scope import Scope
from analytics.settings import Thresholds
from analytics.store.db import transaction
from analytics.store.derived import refresh_derived
from tests.test_capacity_store import agent, contract, entry, make_store

START, END = date(2026, 3, 30), date(2026, 4, 12)


@pytest.fixture(scope="module")
def store():
    """Agent h (S1). Each entry, with the hours outside 08:00–19:00 worked out by hand:
    Mon 30 Mar 17:00–21:00, 4 h on P, P holds a workshop at 10:00 and a public meeting at 18:30
        → 2 h outside (19–21), traced to the public meeting (the latest event that day);
    Tue 31 Mar 07:00–09:00, 2 h ordinary work → 1 h outside (7–8), no project;
    Wed 1 Apr 7 h without times → inside;
    Thu 2 Apr 22:00–01:00, 3 h on P, no event → 3 h outside (past midnight), no event;
    Sat 4 Apr 09:00–13:00, 4 h on Q, Q holds a chantier → 4 h weekend, site work;
    Mon 6 Apr (Easter Monday) 10:00–12:00, 2 h on P → 2 h public holiday, no event.
    Agent k (S2): Tue 31 Mar 09:00–17:00, 8 h ordinary → nothing hidden."""
    return make_store(
        agents=[agent("h", "S1", "Hélène"), agent("k", "S2", "Karim")],
        contracts=[contract("h", date(2020, 1, 1), 35), contract("k", date(2020, 1, 1), 35)],
        projects=[
            {"project_id": "P", "project_name": "Jardin", "service_id": "S1", "level": "consultation"},
            {"project_id": "Q", "project_name": "Verger", "service_id": "S1", "level": "coproduction"},
        ],
        events=[
            {"event_id": "v1", "project_id": "P", "event_date": date(2026, 3, 30),
             "start_time": time(10, 0), "event_kind": "workshop"},
            {"event_id": "v2", "project_id": "P", "event_date": date(2026, 3, 30),
             "start_time": time(18, 30), "event_kind": "public_meeting"},
            {"event_id": "v3", "project_id": "Q", "event_date": date(2026, 4, 4),
             "start_time": time(9, 0), "event_kind": "site_work"},
        ],
        time_entries=[
            entry("h", date(2026, 3, 30), 4, "17:00", "21:00", project="P", activity="meeting"),
            entry("h", date(2026, 3, 31), 2, "07:00", "09:00"),
            entry("h", date(2026, 4, 1), 7),
            entry("h", date(2026, 4, 2), 3, "22:00", "01:00", project="P", activity="follow_up"),
            entry("h", date(2026, 4, 4), 4, "09:00", "13:00", project="Q", activity="site_work"),
            entry("h", date(2026, 4, 6), 2, "10:00", "12:00", project="P"),
            entry("k", date(2026, 3, 31), 8, "09:00", "17:00"),
        ],
    )


def by_agent(store, **filters):
    outside = outside_entries(store, Scope(START, END, **filters))
    return hidden_by_agent(outside, participation_by_agent(store, Scope(START, END))).set_index("agent_id")


def test_hidden_by_agent(store) -> None:
    agents = by_agent(store)
    h = agents.loc["h"]
    assert h["hours"] == pytest.approx(22)
    assert h["outside_hours"] == pytest.approx(2 + 1 + 3 + 4 + 2)
    assert h["weekday_outside_hours"] == pytest.approx(2 + 1 + 3)
    assert h["weekend_hours"] == pytest.approx(4)
    assert h["holiday_hours"] == pytest.approx(2)
    assert h["outside_share"] == pytest.approx(12 / 22)
    assert (agents.loc["k", "hours"], agents.loc["k", "outside_hours"]) == (8.0, 0.0)
    assert list(agents.index) == ["h", "k"]                 # most hidden hours first


def test_hidden_by_service(store) -> None:
    services = hidden_by_service(by_agent(store).reset_index()).set_index("service_id")
    assert services.loc["S1", "outside_share"] == pytest.approx(12 / 22)
    assert services.loc["S2", "outside_share"] == 0.0


def test_outside_hours_agree_with_the_catalogue(store) -> None:
    agents = by_agent(store)
    values = compute_indicators(store, Scope(START, END))
    assert agents["outside_hours"].sum() / agents["hours"].sum() == pytest.approx(
        values["hours.outside_share"]
    )


def test_a_wider_window_is_honoured() -> None:
    """With a 07:00–22:00 window, Monday's 17:00–21:00 is inside and Tuesday's 07:00 start too."""
    con = make_store(
        agents=[agent("h")], contracts=[contract("h", date(2020, 1, 1), 35)],
        time_entries=[entry("h", date(2026, 3, 30), 4, "17:00", "21:00"),
                      entry("h", date(2026, 3, 31), 2, "07:00", "09:00")],
    )
    assert outside_entries(con, Scope(START, END))["outside_hours"].sum() == pytest.approx(2 + 1)
    wide = Thresholds(workday_start=time(7, 0), workday_end=time(22, 0))
    with pytest.raises(ValueError, match="workday window 08:00-19:00, not 07:00-22:00"):
        outside_entries(con, Scope(START, END), thresholds=wide)  # the tables must be refreshed first
    with transaction(con) as cur:
        refresh_derived(cur, thresholds=wide)
    assert outside_entries(con, Scope(START, END), thresholds=wide).empty


@pytest.mark.parametrize(
    ("kind", "outside"),
    [("public_meeting", 2.0), ("no_event", 3.0 + 2.0), ("site_work", 4.0), ("no_project", 1.0),
     ("workshop", 0.0)],
)
def test_hidden_hours_traced_to_kinds_of_event(store, kind: str, outside: float) -> None:
    kinds = hidden_by(outside_entries(store, Scope(START, END)), ["event_kind"]).set_index("event_kind")
    assert kinds["outside_hours"].get(kind, 0.0) == pytest.approx(outside)


def test_hidden_hours_traced_to_projects(store) -> None:
    projects = hidden_by_project(outside_entries(store, Scope(START, END)))
    assert list(projects["project_id"]) == ["P", "Q"]       # 7 h before 4 h
    assert projects["outside_hours"].tolist() == pytest.approx([7.0, 4.0])
    assert projects["main_event_kind"].tolist() == ["no_event", "site_work"]


def test_level_filter(store) -> None:
    frame = outside_entries(store, Scope(START, END, level="coproduction"))
    assert frame["outside_hours"].sum() == pytest.approx(4)   # only Q's Saturday


def test_evenings_per_agent_and_month(store) -> None:
    """Evenings: Monday 30 March (ends 21:00) and Thursday 2 April (ends 01:00 on Friday)."""
    frame = evenings(store, Scope(START, END))
    got = {(row.agent_id, row.month): row.evenings for row in frame.itertuples()}
    assert got == {("h", pd.Timestamp(2026, 3, 1)): 1, ("h", pd.Timestamp(2026, 4, 1)): 1}
    matrix = evenings_matrix(frame)
    assert matrix.loc[0, "total"] == 2
    assert matrix.loc[0, "agent_name"] == "Hélène"


def test_no_evenings() -> None:
    assert evenings_matrix(pd.DataFrame(columns=["agent_id", "agent_name", "service_name",
                                                 "month", "evenings"])).empty


def test_hidden_view_holds_what_the_tab_draws(store) -> None:
    scope = Scope(START, END)
    view = hidden_view(outside_entries(store, scope), participation_by_agent(store, scope),
                       evenings(store, scope))
    assert view.by_agent.set_index("agent_id").loc["h", "outside_hours"] == pytest.approx(12)
    assert view.by_service.set_index("service_id").loc["S1", "outside_share"] == pytest.approx(12 / 22)
    assert list(view.by_project["project_id"]) == ["P", "Q"]
    assert view.by_kind.set_index("event_kind")["outside_hours"].sum() == pytest.approx(12)
    assert view.evenings["evenings"].sum() == 2
