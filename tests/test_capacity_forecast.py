"""The coming weeks: projects spread over their remaining weeks on top of recent ordinary load."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd
import pytest

from analytics.capacity.forecast import (
    baseline_ratios,
    first_forecast_week,
    forecast,
    forecast_view,
    forecast_weeks,
    peak_reasons,
    project_team_weeks,
    schedule_projects,
    spread_projects,
)
from analytics.capacity.tables import peak_why_text
from analytics.i18n import Translator
from analytics.scope import Scope
from analytics.settings import Thresholds
from tests.test_capacity_store import agent, contract, entry, make_store

DEC7 = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("as_of", "first"),
    [(date(2026, 12, 6), DEC7),                    # Sunday → the next Monday
     (date(2026, 11, 30), date(2026, 11, 30)),     # Monday → the rest of this week comes
     (date(2026, 12, 3), date(2026, 11, 30))],     # Thursday → Friday is in the same week
)
def test_first_forecast_week(as_of: date, first: date) -> None:
    assert first_forecast_week(as_of) == first


def test_forecast_weeks() -> None:
    weeks = forecast_weeks(date(2026, 12, 6))
    assert (len(weeks), weeks[0], weeks[-1]) == (12, DEC7, date(2027, 2, 22))


PROJECTS = pd.DataFrame([
    # A: 300 planned, 180 spent → 120 over 7 Dec … week of 31 Jan 2027 (Monday 25 Jan): 8 weeks.
    {"project_id": "A", "service_id": "S1", "start_date": date(2026, 9, 1),
     "end_date": date(2027, 1, 31), "planned_hours": 300.0, "remaining_hours": 120.0},
    # B: 80 over 4 Jan … week of Friday 26 Feb 2027 (Monday 22 Feb): 8 weeks.
    {"project_id": "B", "service_id": "S1", "start_date": date(2027, 1, 4),
     "end_date": date(2027, 2, 26), "planned_hours": 80.0, "remaining_hours": 80.0},
    # C ended before the coming weeks, D has no end: neither can be spread.
    {"project_id": "C", "service_id": "S1", "start_date": date(2026, 1, 1),
     "end_date": date(2026, 11, 30), "planned_hours": 50.0, "remaining_hours": 20.0},
    {"project_id": "D", "service_id": "S2", "start_date": date(2026, 1, 1),
     "end_date": None, "planned_hours": 50.0, "remaining_hours": 20.0},
    # E has spent more than planned: nothing left to spread.
    {"project_id": "E", "service_id": "S2", "start_date": None,
     "end_date": date(2027, 1, 10), "planned_hours": 50.0, "remaining_hours": 0.0},
])


@pytest.mark.parametrize(
    ("project", "scheduled", "from_week", "weeks_left", "weekly"),
    [("A", True, DEC7, 8, 15.0), ("B", True, date(2027, 1, 4), 8, 10.0),
     ("C", False, DEC7, None, None), ("D", False, DEC7, None, None),
     ("E", True, DEC7, 5, 0.0)],                   # 7 Dec … 4 Jan: 5 weeks
)
def test_schedule_projects(project, scheduled, from_week, weeks_left, weekly) -> None:
    row = schedule_projects(PROJECTS, DEC7).set_index("project_id").loc[project]
    assert bool(row["scheduled"]) is scheduled
    assert row["from_week"] == pd.Timestamp(from_week)
    if weeks_left is None:
        assert math.isnan(row["weeks_left"]) and math.isnan(row["weekly_hours"])
    else:
        assert (row["weeks_left"], row["weekly_hours"]) == (weeks_left, weekly)


def test_spread_projects() -> None:
    weeks = forecast_weeks(date(2026, 12, 6))
    spread = spread_projects(schedule_projects(PROJECTS, DEC7), weeks)
    per_week = spread.groupby("week_start")["hours"].sum()
    assert per_week[pd.Timestamp(DEC7)] == 15.0                 # A only
    assert per_week[pd.Timestamp(2027, 1, 4)] == 25.0           # A + B
    assert per_week[pd.Timestamp(2027, 2, 1)] == 10.0           # A has ended
    assert spread.groupby("project_id")["hours"].sum().to_dict() == {"A": 120.0, "B": 80.0}
    assert set(spread["service_id"]) == {"S1"}


def test_baseline_ratios() -> None:
    history = pd.DataFrame({
        "service_id": ["S1"] * 5,
        "capacity_hours": [100.0, 100.0, 50.0, 100.0, 0.0],
        "ordinary_hours": [80.0, 90.0, 30.0, None, 5.0],        # 0.8, 0.9, 0.6; no timesheet; no capacity
    })
    assert baseline_ratios(history).to_dict("records") == [
        {"service_id": "S1", "baseline_ratio": 0.8}
    ]


def test_project_team_weeks() -> None:
    weeks = [DEC7, DEC7 + timedelta(weeks=1)]
    team_weeks = pd.DataFrame({
        "service_id": ["S1"] * 4, "service_name": ["Team"] * 4,
        "week_start": pd.to_datetime([date(2026, 11, 23), date(2026, 11, 30), *weeks]),
        "capacity_hours": [100.0, 100.0, 100.0, 80.0],
        "ordinary_hours": [80.0, 80.0, None, None],
    })
    spread = pd.DataFrame({"project_id": ["A", "A"], "service_id": ["S1", "S1"],
                           "week_start": pd.to_datetime(weeks), "hours": [25.0, 5.0]})
    result = project_team_weeks(team_weeks, spread, weeks, Thresholds())
    assert result["baseline_hours"].tolist() == [80.0, 64.0]    # 0.8 × capacity
    assert result["projected_hours"].tolist() == [105.0, 69.0]
    assert result["load_ratio"].tolist() == pytest.approx([1.05, 69 / 80])
    assert result["over_capacity"].tolist() == [True, False]
    assert result["band"].tolist() == ["full", "near"]


def test_forecast_on_a_store() -> None:
    """Agent f (S1, 35 h) worked 28 h of ordinary work in each of the 8 weeks before 30 November
    2026 (22.4 h in the week of Armistice Day, 28 h of capacity): ratio 0.8 each week. Project A
    (S1, active, 100 h planned, 20 h spent in October, ends Sunday 20 December) has 80 h left over
    the weeks of 30 Nov, 7 and 14 Dec: 26.67 h a week. Project Z is done: not spread."""
    mondays = [date(2026, 10, 5) + timedelta(weeks=w) for w in range(8)]
    entries = []
    for monday in mondays:
        days = [monday + timedelta(days=d) for d in range(5) if monday + timedelta(days=d) !=
                date(2026, 11, 11)]
        entries += [entry("f", day, 5.6) for day in days]
    entries += [entry("f", date(2026, 10, 6), 20.0, project="A"),
                entry("f", date(2026, 10, 7), 6.0, project="Z")]
    con = make_store(
        agents=[agent("f", "S1", "Fanny")], contracts=[contract("f", date(2020, 1, 1), 35)],
        projects=[
            {"project_id": "A", "project_name": "Place", "service_id": "S1", "level": "consultation",
             "status": "active", "start_date": date(2026, 10, 1), "end_date": date(2026, 12, 20),
             "planned_hours": 100.0},
            {"project_id": "Z", "project_name": "Ancien", "service_id": "S1", "level": "consultation",
             "status": "done", "start_date": date(2026, 1, 1), "end_date": date(2026, 10, 31),
             "planned_hours": 10.0},
        ],
        time_entries=entries,
    )
    weeks, projects = forecast(con, date(2026, 11, 29))
    assert projects[["project_id", "spent_hours", "remaining_hours", "weeks_left"]].to_dict(
        "records") == [{"project_id": "A", "spent_hours": 20.0, "remaining_hours": 80.0,
                        "weeks_left": 3}]
    first, christmas = weeks.iloc[0], weeks.iloc[3]
    # Z's 6 h (done project) count as ordinary work: (28 + 6) / 35 in the week of 5 October.
    assert first["baseline_ratio"] == pytest.approx(0.8)        # the median of 8 weeks
    assert first["capacity_hours"] == 35.0
    assert first["projected_hours"] == pytest.approx(28 + 80 / 3)
    assert bool(first["over_capacity"]) is True
    assert christmas["week_start"] == pd.Timestamp(2026, 12, 21)
    assert christmas["capacity_hours"] == 28.0                  # Friday 25 December
    assert christmas["projected_hours"] == pytest.approx(0.8 * 28)
    assert bool(christmas["over_capacity"]) is False
    assert len(weeks) == 12
    # what the tab draws, cached with the forecast: the teams by peak load and the total of all teams
    view = forecast_view(con, Scope(date(2026, 11, 29), date(2026, 11, 29)))
    pd.testing.assert_frame_equal(view.team_weeks, weeks)
    assert view.teams[["service_id", "weeks_over"]].to_dict("records") == [
        {"service_id": "S1", "weeks_over": 3}]                   # the project's three weeks
    assert view.total["projected_hours"].tolist() == pytest.approx(weeks["projected_hours"].tolist())


def test_a_peak_says_why_capacity_ordinary_work_and_projects() -> None:
    """Team S1's busiest coming week (7 Dec: 260 %) holds 20 h of capacity where its other weeks
    hold 40 h (leave), 30 h of ordinary work (its recent 75 % of capacity... on 40 h) and two
    projects, Place 14 h and Parc 8 h a week; team S2 never goes over: no reason given."""
    weeks = pd.DataFrame({
        "service_id": ["S1", "S1", "S1", "S2"],
        "service_name": ["Jeunesse", "Jeunesse", "Jeunesse", "Culture"],
        "week_start": pd.to_datetime(["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-07"]),
        "capacity_hours": [40.0, 20.0, 40.0, 100.0],
        "baseline_ratio": [0.75, 0.75, 0.75, 0.5],
        "baseline_hours": [30.0, 15.0, 30.0, 50.0],
        "project_hours": [22.0, 37.0, 0.0, 0.0],
    })
    weeks["projected_hours"] = weeks["baseline_hours"] + weeks["project_hours"]
    weeks["load_ratio"] = weeks["projected_hours"] / weeks["capacity_hours"]
    weeks["over_capacity"] = weeks["projected_hours"] > weeks["capacity_hours"]
    projects = pd.DataFrame({
        "project_id": ["A", "B", "C"], "project_name": ["Place", "Parc", "Fête"],
        "service_id": ["S1", "S1", "S1"], "scheduled": [True, True, True],
        "weekly_hours": [14.0, 8.0, 15.0],
        "from_week": pd.to_datetime(["2026-11-30", "2026-11-30", "2026-12-07"]),
        "to_week": pd.to_datetime(["2026-12-07", "2026-12-07", "2026-12-07"]),
    })
    found = peak_reasons(weeks, projects)
    assert [(why.service_name, why.week_start, why.load_ratio) for why in found] == [
        ("Jeunesse", date(2026, 12, 7), 2.6)]
    why = found[0]
    assert (why.capacity_hours, why.usual_capacity_hours, why.baseline_hours,
            why.project_hours) == (20.0, 40.0, 15.0, 37.0)
    assert why.projects == (("Fête", 15.0), ("Place", 14.0), ("Parc", 8.0))
    def read(text: str) -> str:  # non-breaking spaces read as spaces
        return text.replace("\xa0", " ").replace("\u202f", " ")

    assert read(peak_why_text(why, Translator("fr"))) == (
        "Jeunesse, semaine du 7 déc. 2026 (260 %) : capacité 20 h au lieu de 40 h une semaine "
        "ordinaire (absences, jours fériés) ; travail ordinaire attendu 15 h (75 % de la capacité, "
        "sa part récente) ; projets 37 h : Fête 15 h, Place 14 h, Parc 8 h.")
    assert read(peak_why_text(why, Translator("en"))) == (
        "Jeunesse, week of 7 Dec 2026 (260%): capacity 20 h instead of 40 h in an ordinary week "
        "(absences, public holidays); expected ordinary work 15 h (75% of capacity, its recent "
        "share); projects 37 h: Fête 15 h, Place 14 h, Parc 8 h.")
