"""An agent's card (direction only): contracts, absences, weekly load with what makes each week's
capacity, legal findings — on the tiny town (tests/conftest.py), worked out by hand."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from analytics.capacity.agent_card import agent_card, agent_list, capacity_causes
from analytics.capacity.legal import legal_findings
from analytics.capacity.load import agent_weeks
from analytics.i18n import Translator
from analytics.scope import Scope
from analytics.settings import Thresholds

MAY = (date(2024, 4, 29), date(2024, 5, 26))  # ISO weeks 18–21; holidays 1, 8, 9 and 20 May
FR = Translator("fr")


def card(con: duckdb.DuckDBPyConnection, agent: str, period: tuple[date, date] = MAY):
    return agent_card(con, agent, Scope(*period), legal_findings(con, Scope(*period), Thresholds()))


@pytest.mark.parametrize(
    ("agent", "week", "contract", "holidays", "absence", "capacity", "hours"),
    [
        # Bruno, 28 h: 1 May off (4 days), 8 and 9 May (3 days), on leave 13–17 May (logs 3 h anyway)
        ("A2", date(2024, 4, 29), 28.0, 1, 0, 22.4, 32.0),
        ("A2", date(2024, 5, 6), 28.0, 2, 0, 16.8, 24.0),
        ("A2", date(2024, 5, 13), 28.0, 0, 5, 0.0, 3.0),
        ("A2", date(2024, 5, 20), 28.0, 1, 0, 22.4, 32.0),
        # Chloé: her 39 h contract from Monday 13 May takes over the 35 h one
        ("A3", date(2024, 5, 6), 35.0, 2, 0, 21.0, None),
        ("A3", date(2024, 5, 13), 39.0, 0, 0, 39.0, None),
    ],
)
def test_the_weeks_of_a_card_say_what_makes_their_capacity(
    tiny_store: duckdb.DuckDBPyConnection, agent: str, week: date, contract: float, holidays: int,
    absence: int, capacity: float, hours: float | None,
) -> None:
    weeks = card(tiny_store, agent).weeks.set_index("week_start")
    row = weeks.loc[week]
    assert (row["contract_hours"], row["holiday_days"], row["absence_days"]) == (
        contract, holidays, absence)
    assert row["capacity_hours"] == pytest.approx(capacity)
    if hours is not None:
        assert row["hours"] == pytest.approx(hours)


@pytest.mark.parametrize("period", [MAY, (date(2024, 5, 1), date(2024, 5, 31))])
@pytest.mark.parametrize("agent", ["A1", "A2", "A3", "A4", "A5"])
def test_a_card_shows_the_load_tabs_numbers(
    tiny_store: duckdb.DuckDBPyConnection, agent: str, period: tuple[date, date]
) -> None:
    ours = card(tiny_store, agent, period).weeks.set_index("week_start")
    load = agent_weeks(tiny_store, Scope(*period))
    theirs = load[load["agent_id"] == agent].set_index("week_start")
    theirs.index = theirs.index.map(lambda d: d.date() if hasattr(d, "date") else d)
    assert list(ours.index) == list(theirs.index)
    assert ours["capacity_hours"].tolist() == pytest.approx(theirs["capacity_hours"].tolist())
    assert ours["hours"].tolist() == pytest.approx(theirs["hours"].tolist())
    assert ours["band"].tolist() == theirs["band"].tolist()


@pytest.mark.parametrize(("agent", "week", "causes"), [
    ("A2", date(2024, 4, 29), "1 jour férié"),
    ("A2", date(2024, 5, 6), "2 jours fériés"),
    ("A2", date(2024, 5, 13), "absence : 5 jours"),
    ("A3", date(2024, 5, 13), "contrat : 35\u00a0h → 39\u00a0h"),
    ("A5", date(2024, 5, 13), "contrat à partir du 15 mai 2024"),
])
def test_each_week_says_why_its_capacity_is_what_it_is(
    tiny_store: duckdb.DuckDBPyConnection, agent: str, week: date, causes: str
) -> None:
    c = card(tiny_store, agent)
    explained = capacity_causes(c.weeks, c.contracts, FR)
    assert causes in explained[list(c.weeks["week_start"]).index(week)]


def test_a_card_lists_contracts_absences_and_findings(tiny_store: duckdb.DuckDBPyConnection) -> None:
    bruno = card(tiny_store, "A2")
    assert (bruno.agent_name, bruno.service_name) == ("Bruno Petit", "Jeunesse")
    assert bruno.contracts["weekly_hours"].tolist() == [28.0]
    assert bruno.absences[["absence_kind", "working_days"]].values.tolist() == [["leave", 5]]
    david = card(tiny_store, "A4")
    assert len(david.findings["weeks_over_48h"]) == 0 or set(
        david.findings["weeks_over_48h"]["agent_id"]) == {"A4"}
    assert all(set(frame["agent_id"]) <= {"A4"} for frame in david.findings.values())
    assert sum(len(frame) for frame in david.findings.values()) > 0


def test_the_agent_list_follows_the_service_filter(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert agent_list(tiny_store, None)["agent_name"].tolist() == [
        "Alice Martin", "Bruno Petit", "Chloé Durand", "David Leroy", "Emma Moreau"]
    assert agent_list(tiny_store, "svc_jeu")["agent_id"].tolist() == ["A1", "A2"]


def test_an_unknown_agent_has_no_card(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert card(tiny_store, "nobody") is None
