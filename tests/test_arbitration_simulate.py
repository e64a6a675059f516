"""The what-if simulator: the verdict moves with the start date, the level and the team's capacity.

A hand-made team over the working days of 2027 (French public holidays excluded): capacity 10 h per
working day, ordinary work 5 h per day. In January and February committed projects add 3.5 h a
day, so the team sits exactly at the 85 % target (8.5 h of 10 h): nothing more fits. From March they
are over, leaving 3.5 h a day (about 75 h a month).

Effort per project (spread over its three months, about 63 working days): information 30 h
(0.5 h a day), consultation 120 h (about 1.9 h a day), coproduction 300 h (about 4.8 h a day: more
than the 3.5 h left).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.arbitration.baseline import working_days
from analytics.arbitration.simulate import (
    ALREADY_OVER,
    CAUSE_FITS,
    DOES_NOT_FIT,
    FITS,
    FITS_AT_LEVEL,
    FITS_FROM,
    FITS_LIGHTER_FROM,
    TIPS_OVER,
    ProjectSpec,
    Tentative,
    assess,
    base_load,
    candidate_starts,
    project_load,
    simulate,
    tentative_load,
    weekly_projection,
    with_capacity_change,
)

TARGET = 0.85
RATES = {"information": 30.0, "consultation": 120.0, "coproduction": 300.0}
LATEST_START = date(2027, 6, 1)


def team() -> pd.DataFrame:
    days = working_days(date(2027, 1, 1), date(2027, 12, 31))
    days["capacity_hours"] = 10.0
    days["ordinary_hours"] = 5.0
    days["committed_hours"] = np.where(days["day"] < pd.Timestamp(2027, 3, 1), 3.5, 0.0)
    return days


def verdict_of(spec: ProjectSpec, days: pd.DataFrame | None = None, latest: date = LATEST_START,
               extra: np.ndarray | None = None) -> tuple[str, str | None, date | None]:
    days = team() if days is None else days
    base = base_load(days) + (0.0 if extra is None else extra)
    found = assess(days, base, spec, RATES, TARGET, latest)
    return found.kind, found.level, found.earliest_start


def spec(level: str, start: date, months: int = 3) -> ProjectSpec:
    return ProjectSpec(level=level, perimeter="quartier", team="T", start=start, months=months)


@pytest.mark.parametrize(
    ("level", "start", "expected"),
    [
        # from March 3.5 h a day are left: consultation (1.9 h) fits ...
        ("consultation", date(2027, 3, 1), (FITS, "consultation", date(2027, 3, 1))),
        # ... and a start in January, when the team is already at its target, does not: it fits
        # from March (no level fits in January, not even information)
        ("consultation", date(2027, 1, 4), (FITS_FROM, None, date(2027, 3, 1))),
        # same start in March, heavier level: coproduction (4.8 h) does not fit, consultation does
        ("coproduction", date(2027, 3, 1), (FITS_AT_LEVEL, "consultation", None)),
        # information in March fits (a heavier level is never proposed instead)
        ("information", date(2027, 3, 1), (FITS, "information", date(2027, 3, 1))),
    ],
)
def test_verdict_follows_start_date_and_level(
    level: str, start: date, expected: tuple[str, str | None, date | None]
) -> None:
    assert verdict_of(spec(level, start)) == expected


def test_no_start_within_the_search_does_not_fit() -> None:
    # searching only up to February: January and February are full
    assert verdict_of(spec("consultation", date(2027, 1, 4)), latest=date(2027, 2, 1)) == (
        DOES_NOT_FIT, None, None
    )


@pytest.mark.parametrize(
    ("weekly_change", "level", "expected_kind"),
    [
        (0.0, "coproduction", FITS_AT_LEVEL),   # 4.8 h needed, 3.5 h left
        # 10 more hours a week = 2 h a day: 85 % of 12 h − 5 h = 5.2 h left ≥ 4.8 h
        (10.0, "coproduction", FITS),
        (0.0, "information", FITS),
        # 20 fewer hours a week = 4 h a day: 85 % of 6 h − 5 h = 0.1 h left < 0.5 h, every month
        (-20.0, "information", DOES_NOT_FIT),
    ],
)
def test_verdict_follows_team_capacity(weekly_change: float, level: str, expected_kind: str) -> None:
    days = with_capacity_change(team(), weekly_change, date(2027, 3, 1))
    kind, _, _ = verdict_of(spec(level, date(2027, 3, 1)), days=days)
    assert kind == expected_kind


def test_switching_a_tentative_project_on_and_off_changes_the_verdict() -> None:
    days = team()
    other = Tentative(spec("consultation", date(2027, 3, 1)), hours_p50=120.0, hours_p80=120.0)
    # with the other consultation on (1.9 h a day), a second one needs 3.8 h > 3.5 h left
    on = tentative_load(days, [other], "T", "p50")
    assert verdict_of(spec("consultation", date(2027, 3, 1)), extra=on)[0] == FITS_AT_LEVEL
    off = tentative_load(days, [other.toggled()], "T", "p50")
    assert verdict_of(spec("consultation", date(2027, 3, 1)), extra=off)[0] == FITS
    # a tentative project of another team is never counted
    other_team = ProjectSpec("coproduction", "quartier", "U", date(2027, 3, 1), 3)
    assert tentative_load(days, [Tentative(other_team, 100.0, 100.0)], "T", "p50").sum() == 0.0


def test_project_load_spreads_the_effort_over_working_days() -> None:
    days = team()
    load = project_load(days, date(2027, 3, 1), 3, 120.0)
    assert load.sum() == pytest.approx(120.0)
    inside = load > 0
    assert days.loc[inside, "day"].min() == pd.Timestamp(2027, 3, 1)
    assert days.loc[inside, "day"].max() == pd.Timestamp(2027, 5, 31)
    assert np.ptp(load[inside]) == pytest.approx(0.0)   # the same hours on every working day


def test_weekly_projection_adds_the_project_on_top_of_the_team() -> None:
    days = team()
    project = {"p50": project_load(days, date(2027, 3, 1), 1, 40.0),
               "p80": project_load(days, date(2027, 3, 1), 1, 60.0)}
    zero = {"p50": np.zeros(len(days)), "p80": np.zeros(len(days))}
    weeks = weekly_projection(days, zero, project, TARGET, date(2027, 12, 31)).set_index(
        "week_start")
    week = weeks.loc[pd.Timestamp(2027, 3, 8)]   # a full week of March: 5 working days
    assert week["capacity_hours"] == pytest.approx(50.0)
    assert week["target_hours"] == pytest.approx(42.5)
    assert week["without_p50_hours"] == pytest.approx(25.0)  # ordinary only: committed ended
    # 40 h over the 22 working days of March 2027 (Easter Monday 29 March is off), 5 of them here
    assert week["with_p50_hours"] == pytest.approx(25.0 + 40.0 * 5 / 22)
    assert week["with_p80_hours"] == pytest.approx(25.0 + 60.0 * 5 / 22)
    assert weeks["project_p50_hours"].sum() == pytest.approx(40.0)


def test_simulate_gives_both_estimates() -> None:
    rates = {"p50": RATES, "p80": {**RATES, "consultation": 270.0}}
    result = simulate(team(), spec("consultation", date(2027, 3, 1)), rates, TARGET, LATEST_START)
    assert result.verdicts["p50"].kind == FITS
    # pessimistic consultation (270 h over three months, 4.3 h a day) exceeds the 3.5 h left
    assert result.verdicts["p80"].kind == FITS_AT_LEVEL
    assert result.verdicts["p80"].level == "information"
    assert result.hours == {"p50": 120.0, "p80": 270.0}


def test_candidate_starts_are_the_start_then_first_days_of_months() -> None:
    assert candidate_starts(date(2027, 1, 15), date(2027, 3, 1)) == [
        date(2027, 1, 15), date(2027, 2, 1), date(2027, 3, 1)
    ]


def test_a_project_needs_at_least_one_month() -> None:
    with pytest.raises(ValueError, match="at least one month"):
        spec("information", date(2027, 3, 1), months=0)


def team_over() -> pd.DataFrame:
    """The same team with 4 h a day of committed projects in January and February: 9 h of 10 h,
    90 % of its capacity, over the 85 % target before any new project."""
    days = team()
    days["committed_hours"] = np.where(days["day"] < pd.Timestamp(2027, 3, 1), 4.0, 0.0)
    return days


def team_free() -> pd.DataFrame:
    """The same team without any committed project: 5 h of 10 h every working day."""
    days = team()
    days["committed_hours"] = 0.0
    return days


# Hand-computed: February 2027 has 20 working days (200 h of capacity), June 2027 22 (220 h);
# March–May 2027 hold 22 + 22 + 19 = 63 working days (Easter Monday, Ascension, Whit Monday off).
@pytest.mark.parametrize(
    ("days", "level", "start", "months", "expected"),
    [
        # already over without the project: 180 h of 200 h in February (90 %); with 30 h of
        # information, 210 h (105 %); the earliest start searched from 4 January is 1 March
        (team_over, "information", date(2027, 2, 1), 1,
         (FITS_FROM, ALREADY_OVER, date(2027, 2, 1), 0.90, 1.05, ("information", date(2027, 3, 1)),
          date(2027, 3, 1))),
        # this project tips it over: June at 110 h of 220 h (50 %), + 300 h of coproduction =
        # 410 h (186 %); information (140 h, 64 %) fits at the same start
        (team, "coproduction", date(2027, 6, 1), 1,
         (FITS_AT_LEVEL, TIPS_OVER, date(2027, 6, 1), 0.50, 410 / 220,
          ("information", date(2027, 6, 1)), None)),
        # fits: 120 h over 63 days (1.905 h a day) on 5 h of 10 h: 69 % in March (the first of
        # three equal months), 50 % without
        (team, "consultation", date(2027, 3, 1), 3,
         (FITS, CAUSE_FITS, date(2027, 3, 1), 0.50, (5 + 120 / 63) / 10, None, date(2027, 3, 1))),
        # typed 1 September, it fits (63 working days too: 22 + 21 + 20, 1 and 11 November off)
        # — and it fits from the first day of the forecast, 4 January: the earliest start
        (team_free, "consultation", date(2027, 9, 1), 3,
         (FITS, CAUSE_FITS, date(2027, 9, 1), 0.50, (5 + 120 / 63) / 10, None, date(2027, 1, 4))),
        # coproduction (4.8 h a day > 3.5 h left) fits at no start; in January, already at 90 %,
        # no level fits; consultation fits from March: lighter *and* later
        (team_over, "coproduction", date(2027, 1, 4), 3,
         (FITS_LIGHTER_FROM, ALREADY_OVER, date(2027, 1, 1), 0.90, None,
          ("consultation", date(2027, 3, 1)), None)),
    ],
)
def test_verdict_says_why_and_searches_lighter_and_later(
    days: object, level: str, start: date, months: int, expected: tuple[object, ...]
) -> None:
    kind, cause, month, without, with_it, alternative, earliest = expected
    frame = days()  # type: ignore[operator]
    found = assess(frame, base_load(frame), spec(level, start, months), RATES, TARGET, LATEST_START)
    assert (found.kind, found.cause, found.month) == (kind, cause, month)
    assert found.without_ratio == pytest.approx(without, abs=1e-3)
    if with_it is not None:
        assert found.with_ratio == pytest.approx(with_it, abs=1e-3)
    assert found.alternative == alternative
    assert found.earliest_start == earliest
    assert (found.search_from, found.search_to) == (date(2027, 1, 4), LATEST_START)


def test_starts_are_searched_from_the_first_possible_day() -> None:
    assert candidate_starts(date(2027, 3, 15), date(2027, 5, 1), date(2027, 1, 4)) == [
        date(2027, 1, 4), date(2027, 2, 1), date(2027, 3, 1), date(2027, 3, 15),
        date(2027, 4, 1), date(2027, 5, 1),
    ]


def test_another_team_that_can_take_the_project_is_named_with_its_load() -> None:
    """Team A (over its target in February) cannot take 30 h of information in February; team B
    (5 h of 10 h a day, 100 h of 200 h in February) can: 50 % without it, 65 % with it. Team C is
    as full as A: not named. The rates learned for each team are its own."""
    rates = {"p50": RATES, "p80": RATES}
    project = ProjectSpec("information", "quartier", "A", date(2027, 2, 1), 1)
    others = {"A": (team_over(), rates), "B": (team_free(), rates), "C": (team_over(), rates)}
    result = simulate(team_over(), project, rates, TARGET, LATEST_START, others=others)
    assert result.verdicts["p50"].kind == FITS_FROM
    found = result.other_teams["p50"]
    assert [fit.team for fit in found] == ["B"]
    assert found[0].month == date(2027, 2, 1)
    assert found[0].without_ratio == pytest.approx(0.50)
    assert found[0].with_ratio == pytest.approx(130 / 200)


@pytest.mark.parametrize(
    ("chosen", "others", "expected"),
    [
        # the chosen team takes it: no other team is looked for
        (team_free, {"B": team_free}, []),
        # B and D both can: the one with the most room first (D carries nothing at all)
        (team_over, {"B": team_free, "D": lambda: team_free().assign(ordinary_hours=0.0)},
         ["D", "B"]),
        # nobody can
        (team_over, {"C": team_over}, []),
    ],
)
def test_other_teams_only_when_the_chosen_one_cannot(
    chosen: object, others: dict[str, object], expected: list[str]
) -> None:
    rates = {"p50": RATES, "p80": RATES}
    project = ProjectSpec("information", "quartier", "A", date(2027, 2, 1), 1)
    result = simulate(chosen(), project, rates, TARGET, LATEST_START,  # type: ignore[operator]
                      others={team: (days(), rates) for team, days in others.items()})  # type: ignore[operator]
    assert [fit.team for fit in result.other_teams["p50"]] == expected
