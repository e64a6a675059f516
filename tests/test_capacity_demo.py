"""On the demo town: the page's figures agree with the indicator catalogue for the same period and
filters, and the page shows the overloaded team and agent the demo was built to contain."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.capacity.hidden import hidden_by_agent, outside_entries
from analytics.capacity.legal import RULES, legal_findings
from analytics.capacity.load import agent_weeks, load_over_period
from analytics.capacity.overload import overload_runs
from analytics.capacity.work import hours_by_activity_level, participation_by_agent
from analytics.demo import STORY_SERVICE_ID
from analytics.indicators import compute_indicators
from analytics.scope import Scope

LAST_3_MONTHS = (date(2026, 9, 1), date(2026, 11, 30))
FIRST_HALF = (date(2026, 1, 1), date(2026, 6, 30))
CASES = [
    (LAST_3_MONTHS, None, None),
    (LAST_3_MONTHS, STORY_SERVICE_ID, None),
    (LAST_3_MONTHS, None, "coproduction"),
    (FIRST_HALF, "SVC-TECH", "none"),
    (FIRST_HALF, None, None),
]


@pytest.fixture(scope="module", params=CASES, ids=lambda case: f"{case[0][0]}-{case[1]}-{case[2]}")
def case(request, demo_con):
    (start, end), service, level = request.param
    values = compute_indicators(demo_con, Scope(start, end, service, level))
    return demo_con, start, end, service, level, values


def test_heatmap_adds_up_to_hours_and_capacity(case) -> None:
    con, start, end, service, level, values = case
    weeks = agent_weeks(con, Scope(start, end, service=service, level=level))
    assert weeks["hours"].sum() == pytest.approx(values["hours.total"])
    assert weeks["capacity_hours"].sum() == pytest.approx(values["capacity.hours"])
    assert weeks["hours"].sum() / weeks["capacity_hours"].sum() == pytest.approx(
        values["capacity.load_ratio"]
    )


def test_participation_tables_add_up(case) -> None:
    con, start, end, service, level, values = case
    agents = participation_by_agent(con, Scope(start, end, service=service, level=level))
    assert agents["hours"].sum() == pytest.approx(values["hours.total"])
    assert agents["participation_hours"].sum() == pytest.approx(values["hours.participation"])
    by_period = hours_by_activity_level(con, Scope(start, end, service=service, level=level))
    assert by_period["hours"].sum() == pytest.approx(values["hours.total"])


def test_hidden_work_matches_the_outside_share(case) -> None:
    con, start, end, service, level, values = case
    scope = Scope(start, end, service=service, level=level)
    outside = outside_entries(con, scope)
    agents = hidden_by_agent(outside, participation_by_agent(con, scope))
    assert agents["outside_hours"].sum() / agents["hours"].sum() == pytest.approx(
        values["hours.outside_share"]
    )
    parts = outside[["weekday_outside_hours", "weekend_hours", "holiday_hours"]].sum().sum()
    assert parts == pytest.approx(outside["outside_hours"].sum())


def test_legal_lists_match_the_counts(case) -> None:
    con, start, end, service, _level, values = case
    findings = legal_findings(con, Scope(start, end, service=service))
    assert {rule: len(findings[rule]) for rule in RULES} == {
        rule: values[f"legal.{rule}"] for rule in RULES
    }


def test_overload_list_matches_the_count(case) -> None:
    con, start, end, service, _level, values = case
    runs = overload_runs(con, Scope(start, end, service=service))
    assert runs["agent_id"].nunique() == values["agents.sustained_overload"]


def test_the_story_team_is_the_most_loaded(demo_con) -> None:
    weeks = agent_weeks(demo_con, Scope(*LAST_3_MONTHS))
    services = load_over_period(weeks, ["service_id", "service_name"])
    assert services.iloc[0]["service_id"] == STORY_SERVICE_ID
    assert services.iloc[0]["load_ratio"] >= 0.95          # near saturation


def test_the_story_agent_is_in_the_longest_sustained_overload(demo_con) -> None:
    runs = overload_runs(demo_con, Scope(*LAST_3_MONTHS))
    longest = runs.iloc[0]
    assert longest["service_id"] == STORY_SERVICE_ID
    assert longest["weeks"] >= 8                            # built for ten weeks over 115 %
    assert longest["load_ratio"] > 1.15
    agents = load_over_period(agent_weeks(demo_con, Scope(*LAST_3_MONTHS)), ["agent_id"])
    assert agents.iloc[0]["agent_id"] == longest["agent_id"]   # also the most loaded agent
