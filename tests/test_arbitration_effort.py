"""Effort per level: finished projects' hours, P50/P80, fallback to broader groups, life profile."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.arbitration.effort import (
    Comparables,
    effort_by,
    estimate,
    finished_effort,
    finished_phase_hours,
    finished_projects,
    level_estimates,
    level_estimates_from,
    life_profile,
    load_life_profile,
    project_effort,
)


def effort_frame(rows: list[tuple[str, str, str, str, float, float]]) -> pd.DataFrame:
    """Finished projects: (project_id, level, perimeter, team, hours, months)."""
    frame = pd.DataFrame(rows, columns=["project_id", "level", "perimeter", "team", "hours", "months"])
    frame["monthly_hours"] = frame["hours"] / frame["months"]
    frame["theme"] = "voirie"
    frame["initiative"] = "municipality"
    return frame


# Five coproduction projects on a quartier with team T1, costing 100..500 h over 10 months each,
# two coproduction projects on the commune (1000 h, 2000 h over 10 months), one consultation.
HISTORY = effort_frame(
    [(f"Q{k}", "coproduction", "quartier", "T1", 100.0 * k, 10.0) for k in range(1, 6)]
    + [("C1", "coproduction", "commune", "T2", 1000.0, 10.0),
       ("C2", "coproduction", "commune", "T1", 2000.0, 10.0),
       ("K1", "consultation", "quartier", "T1", 50.0, 5.0)]
)


def test_p50_and_p80_by_level_are_interpolated_quantiles() -> None:
    table = effort_by(HISTORY, "level").set_index("level")
    # coproduction hours: 100 200 300 400 500 1000 2000 → P50 = 400;
    # P80 at position 0.8 × 6 = 4.8 → 500 + 0.8 × (1000 − 500) = 900
    assert table.loc["coproduction", "projects"] == 7
    assert table.loc["coproduction", "hours_p50"] == pytest.approx(400.0)
    assert table.loc["coproduction", "hours_p80"] == pytest.approx(900.0)
    assert table.loc["coproduction", "monthly_hours_p50"] == pytest.approx(40.0)
    assert table.loc["consultation", "hours_p50"] == pytest.approx(50.0)
    assert list(table.index) == ["consultation", "coproduction"]  # natural order of levels


@pytest.mark.parametrize(
    ("criteria", "used", "projects", "monthly_p50"),
    [
        # 5 comparable projects: the full group is used (monthly 10, 20, 30, 40, 50 → P50 30)
        ({"level": "coproduction", "perimeter": "quartier", "team": "T1"},
         (("level", "coproduction"), ("perimeter", "quartier"), ("team", "T1")), 5, 30.0),
        # only 1 comparable (commune, T2): falls back to coproduction + commune (2 projects),
        # still under 5, so to coproduction alone (7 projects: monthly 10..50, 100, 200 → P50 40)
        ({"level": "coproduction", "perimeter": "commune", "team": "T2"},
         (("level", "coproduction"),), 7, 40.0),
        # a single consultation project: falls back to all finished projects (8)
        ({"level": "consultation", "perimeter": "quartier", "team": "T1"}, (), 8, 35.0),
        # a perimeter no finished project has: falls back like any too small group
        ({"level": "coproduction", "perimeter": "ville", "team": "T1"},
         (("level", "coproduction"),), 7, 40.0),
        # a team no finished project has: coproduction on the quartier (5 projects)
        ({"level": "coproduction", "perimeter": "quartier", "team": "T9"},
         (("level", "coproduction"), ("perimeter", "quartier")), 5, 30.0),
    ],
)
def test_estimate_falls_back_to_broader_groups(
    criteria: dict[str, str], used: tuple[tuple[str, str], ...], projects: int, monthly_p50: float
) -> None:
    found = estimate(HISTORY, criteria)
    assert found is not None
    assert found.criteria == used
    assert found.projects == projects
    assert found.monthly_p50 == pytest.approx(monthly_p50)
    assert found.fell_back == (len(used) < len(criteria))


def test_no_finished_project_gives_no_estimate() -> None:
    assert estimate(HISTORY.iloc[0:0], {"level": "information"}) is None


def test_project_effort_adds_hours_and_maps_teams() -> None:
    projects = pd.DataFrame({
        "project_id": ["P1", "P2", "P3"], "service_id": ["S1", "S2", "S1"],
        "level": ["information", "coproduction", "consultation"],
        "start_date": [date(2025, 1, 1)] * 3, "end_date": [date(2025, 1, 31)] * 3,
        "months": [2.0, 4.0, 1.0],
    })
    phases = pd.DataFrame({
        "project_id": ["P1", "P1", "P2"], "phase": [0, 9, 5],
        "activity": ["preparation", "meeting", "site_work"], "hours": [3.0, 5.0, 40.0],
    })
    effort = project_effort(projects, phases, {"S1": "S1", "S2": None}).set_index("project_id")
    assert list(effort.index) == ["P1", "P2"]  # P3 has no recorded hour: left out
    assert effort.loc["P1", "hours"] == 8.0
    assert effort.loc["P1", "monthly_hours"] == 4.0
    assert effort.loc["P2", "team"] is None  # hidden service


def test_life_profile_shares_add_up_to_one_per_level() -> None:
    effort = pd.DataFrame({"project_id": ["P1", "P2"], "level": ["consultation", "consultation"]})
    phases = pd.DataFrame({
        "project_id": ["P1", "P1", "P2"], "phase": [0, 9, 0],
        "activity": ["preparation", "follow_up", "preparation"], "hours": [30.0, 10.0, 60.0],
    })
    profile = life_profile(phases, effort)
    # preparation in the first tenth: (30 + 60) / 100; follow-up in the last tenth: 10 / 100
    assert list(profile["share"]) == pytest.approx([0.9, 0.1])
    assert list(profile["phase"]) == [0, 9]


def test_finished_projects_and_their_hours_by_phase_from_a_store() -> None:
    """F1 is done, 1–10 January 2025 (10 days: each tenth of its life is one day)."""
    from analytics.arbitration.effort import finished_phase_hours, finished_projects
    from tests.test_arbitration_baseline import make_store

    projects = pd.DataFrame({
        "project_id": ["F1", "F2", "F3"],
        "level": ["coproduction", "coproduction", None],
        "status": ["done", "active", "done"],
        "start_date": [date(2025, 1, 1)] * 3,
        "end_date": [date(2025, 1, 10)] * 3,
        "service_id": ["S1"] * 3,
    })
    entries = pd.DataFrame(
        [
            ("e1", "F1", date(2025, 1, 1), 2.0, "preparation"),   # first tenth
            ("e2", "F1", date(2024, 12, 20), 1.0, "preparation"),  # before the start: first tenth
            ("e3", "F1", date(2025, 1, 5), 1.0, None),            # fifth tenth, no activity
            ("e4", "F1", date(2025, 1, 10), 3.0, "follow_up"),    # last tenth
            ("e5", "F1", date(2025, 2, 1), 4.0, "follow_up"),     # after the end: last tenth
            ("e6", "F2", date(2025, 1, 1), 9.0, "meeting"),       # not finished
            ("e7", "F3", date(2025, 1, 1), 9.0, "meeting"),       # no level
        ],
        columns=["entry_id", "project_id", "work_date", "hours", "activity"],
    ).assign(agent_id="A1")
    con = make_store({"projects": projects, "time_entries": entries})
    try:
        finished = finished_projects(con)
        phases = finished_phase_hours(con)
    finally:
        con.close()
    assert list(finished["project_id"]) == ["F1"]
    assert finished.loc[0, "days"] == 10
    assert finished.loc[0, "months"] == pytest.approx(10 / (365.25 / 12))
    assert list(phases.itertuples(index=False, name=None)) == [
        ("F1", 0, "preparation", 3.0), ("F1", 4, "other", 1.0), ("F1", 9, "follow_up", 7.0),
    ]


@pytest.mark.parametrize(
    ("perimeter", "team"),
    [("quartier", "T1"), ("commune", "T2"), ("ville", None), (None, "T1"), (None, None)],
)
def test_estimates_from_converted_projects_are_the_same(perimeter: str | None, team: str | None
                                                        ) -> None:
    """Converting the finished projects once (Comparables) changes no estimate."""
    expected = {
        level: estimate(HISTORY, {"level": level, "perimeter": perimeter, "team": team})
        for level in ("information", "consultation", "coproduction")
    }
    assert level_estimates_from(Comparables.of(HISTORY), perimeter, team) == expected
    assert level_estimates(HISTORY, perimeter, team) == expected


# A store: F1 (coproduction, S1) and F2 (consultation, S2, hidden) are finished with hours, F3 is
# finished without any hour, A1 is still active.
STORE_PROJECTS = pd.DataFrame({
    "project_id": ["F1", "F2", "F3", "A1"],
    "level": ["coproduction", "consultation", "consultation", "coproduction"],
    "status": ["done", "done", "done", "active"],
    "start_date": [date(2025, 1, 1), date(2025, 2, 1), date(2025, 1, 1), date(2025, 1, 1)],
    "end_date": [date(2025, 1, 10), date(2025, 2, 20), date(2025, 3, 1), date(2025, 12, 31)],
    "service_id": ["S1", "S2", "S1", "S1"],
})
STORE_ENTRIES = pd.DataFrame(
    [
        ("e1", "F1", date(2025, 1, 1), 2.0, "preparation"),
        ("e2", "F1", date(2025, 1, 1), 1.5, "preparation"),   # same day and activity
        ("e3", "F1", date(2025, 1, 10), 3.25, "follow_up"),
        ("e4", "F2", date(2025, 2, 2), 4.0, None),           # day 2 of 20: first tenth
        ("e5", "F2", date(2025, 3, 5), 0.75, "meeting"),      # after the end: last tenth
        ("e6", "A1", date(2025, 1, 5), 9.0, "meeting"),       # not finished
    ],
    columns=["entry_id", "project_id", "work_date", "hours", "activity"],
).assign(agent_id="A1")
TEAM_OF = {"S1": "S1", "S2": None}


@pytest.fixture(scope="module")
def store_effort() -> dict[str, pd.DataFrame]:
    from tests.test_arbitration_baseline import make_store

    con = make_store({"projects": STORE_PROJECTS, "time_entries": STORE_ENTRIES})
    try:
        phases = finished_phase_hours(con)
        reference = project_effort(finished_projects(con), phases, TEAM_OF)
        return {"effort": finished_effort(con, TEAM_OF), "reference": reference,
                "profile": load_life_profile(con).profile,
                "reference_profile": life_profile(phases, reference)}
    finally:
        con.close()


@pytest.mark.parametrize(
    ("project_id", "hours", "team"),
    [("F1", 6.75, "S1"), ("F2", 4.75, None)],   # F3 (no hour) and A1 (active) are left out
)
def test_finished_effort_reads_each_project_once(
    store_effort: dict[str, pd.DataFrame], project_id: str, hours: float, team: str | None
) -> None:
    effort = store_effort["effort"].set_index("project_id")
    assert list(effort.index) == ["F1", "F2"]
    assert effort.loc[project_id, "hours"] == hours
    assert effort.loc[project_id, "team"] == team
    assert effort.loc[project_id, "monthly_hours"] == hours / effort.loc[project_id, "months"]


def test_derived_effort_and_profile_equal_the_per_entry_computation(
    store_effort: dict[str, pd.DataFrame],
) -> None:
    pd.testing.assert_frame_equal(store_effort["effort"], store_effort["reference"])
    pd.testing.assert_frame_equal(store_effort["profile"], store_effort["reference_profile"])
    # F2 (consultation): 4 h without activity in its first tenth, 0.75 h of meeting after its end
    consultation = store_effort["profile"].query("level == 'consultation'")
    assert list(consultation.itertuples(index=False, name=None)) == [
        ("consultation", 0, "other", 4.0, 4.0 / 4.75), ("consultation", 9, "meeting", 0.75, 0.75 / 4.75),
    ]


@pytest.mark.parametrize("column", ["project_id", "level", "team", "months", "hours", "monthly_hours"])
def test_history_effort_is_finished_effort_without_the_unused_columns(column: str) -> None:
    """The page's history reads only HISTORY_COLUMNS: the same rows and values as finished_effort."""
    from analytics.arbitration.context import history_effort
    from analytics.arbitration.effort import HISTORY_COLUMNS
    from tests.test_arbitration_baseline import make_store

    con = make_store({"projects": STORE_PROJECTS, "time_entries": STORE_ENTRIES})
    try:
        full, narrow = finished_effort(con, TEAM_OF), history_effort(con, TEAM_OF)
    finally:
        con.close()
    assert list(narrow.columns) == list(HISTORY_COLUMNS)
    assert list(narrow[column]) == list(full[column])
