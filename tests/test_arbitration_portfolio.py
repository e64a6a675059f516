"""Choosing proposed projects and levels within capacity: the MILP's choice is optimal.

Optimality is checked against brute force: every combination of (left out, or one allowed level)
per project is tried, and the best feasible total priority must equal the solver's.
"""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.arbitration.portfolio import (
    CROWDED_OUT,
    FORCED_ALREADY_OVER,
    FORCED_CROWDED,
    FORCED_OUT,
    FORCED_TOO_LARGE,
    INFEASIBLE,
    LIGHTER,
    NO_PRIORITY,
    OPTIMAL,
    TOO_LARGE,
    Option,
    candidate_windows,
    choose,
    forced_conflicts,
    horizon_months,
    left_out_reasons,
    solve_portfolio,
    tightest_months,
)

LEVELS3 = ("information", "consultation", "coproduction")


def option(project: str, team: str, level: str, priority: float, load: list[float]) -> Option:
    return Option(project, team, level, priority, np.array(load, dtype=float))


# Team T has 100 h a month for one month. A (priority 5) needs 60 h, B (4) 50 h, C (3) 40 h.
# A + B = 110 h does not fit; A + C = 100 h fits (priority 8); B + C = 90 h (7). Best: A + C.
SIMPLE = [
    option("A", "T", "consultation", 5, [60]),
    option("B", "T", "consultation", 4, [50]),
    option("C", "T", "consultation", 3, [40]),
]
ROOM = {"T": np.array([100.0])}


@pytest.mark.parametrize(
    ("forced_in", "forced_out", "chosen", "total"),
    [
        ((), (), {"A", "C"}, 8.0),
        (("B",), (), {"B", "C"}, 7.0),      # B forced in: A no longer fits beside it
        ((), ("A",), {"B", "C"}, 7.0),      # A forced out
        (("A", "B"), (), None, 0.0),        # A + B = 110 h > 100 h: impossible
    ],
)
def test_forcing_projects_in_and_out(
    forced_in: tuple[str, ...], forced_out: tuple[str, ...], chosen: set[str] | None, total: float
) -> None:
    selection = solve_portfolio(SIMPLE, ROOM, forced_in, forced_out)
    if chosen is None:
        assert selection.status == INFEASIBLE
        return
    assert selection.status == OPTIMAL
    assert set(selection.chosen) == chosen
    assert selection.total_priority == total


def test_left_out_projects_say_why() -> None:
    options = [*SIMPLE, option("D", "T", "consultation", 2, [120]), option("E", "T", "consultation",
                                                                          0, [1])]
    room = {"T": np.array([100.0])}
    selection = solve_portfolio(options, room, forced_out=("C",))
    # C is forced out; A (60 h, priority 5) and B (50 h, 4) do not fit together (110 h); D (120 h)
    # never fits; E has no priority. Best: A alone, and B is crowded out by it.
    assert selection.chosen == {"A": "consultation"}
    proposed = {o.project_id: o.level for o in options}
    reasons = left_out_reasons(options, room, selection, proposed, forced_out=("C",))
    table = reasons.set_index("project_id")
    assert table.loc["B", "reason"] == CROWDED_OUT
    assert table.loc["B", "short_hours"] == pytest.approx(10.0)   # 50 h needed, 40 h left
    assert table.loc["C", "reason"] == FORCED_OUT
    assert table.loc["D", "reason"] == TOO_LARGE                   # 120 h > 100 h even alone
    assert table.loc["D", "short_hours"] == pytest.approx(20.0)
    assert table.loc["E", "reason"] == NO_PRIORITY


def test_a_lighter_level_is_taken_when_the_proposed_one_does_not_fit() -> None:
    # P at coproduction needs 80 h, at information 30 h; Q (consultation) needs 60 h; 100 h left.
    # Both projects fit only with P at information (90 h): total priority 9, P taken lighter.
    options = [
        option("P", "T", "information", 4, [30]),
        option("P", "T", "coproduction", 4, [80]),
        option("Q", "T", "consultation", 5, [60]),
    ]
    selection = solve_portfolio(options, {"T": np.array([100.0])})
    assert selection.chosen == {"P": "information", "Q": "consultation"}
    reasons = left_out_reasons(options, {"T": np.array([100.0])}, selection,
                               {"P": "coproduction", "Q": "consultation"})
    assert reasons.set_index("project_id").loc["P", "reason"] == LIGHTER


def test_among_equal_priorities_the_heavier_levels_are_kept() -> None:
    options = [
        option("P", "T", "information", 4, [10]),
        option("P", "T", "consultation", 4, [40]),
        option("P", "T", "coproduction", 4, [90]),
    ]
    assert solve_portfolio(options, {"T": np.array([50.0])}).chosen == {"P": "consultation"}


def brute_force(options: list[Option], room: dict[str, np.ndarray]) -> tuple[float, int]:
    """Best (total priority, level ranks) over every choice of at most one option per project."""
    projects = sorted({o.project_id for o in options})
    choices = [[None, *[o for o in options if o.project_id == p]] for p in projects]
    best = (0.0, 0)
    for combo in itertools.product(*choices):
        taken = [o for o in combo if o is not None and o.priority > 0]
        if len(taken) != sum(o is not None for o in combo):
            continue
        fits = all(
            (sum((o.load for o in taken if o.team == team), np.zeros_like(left))
             <= np.maximum(left, 0) + 1e-9).all()
            for team, left in room.items()
        )
        if fits:
            score = (sum(o.priority for o in taken), sum(o.rank for o in taken))
            if score[0] > best[0] + 1e-9 or (abs(score[0] - best[0]) <= 1e-9 and score[1] > best[1]):
                best = score
    return best


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_solver_matches_brute_force(seed: int) -> None:
    """6 projects on 2 teams over 3 months, each at up to 3 levels (4^6 = 4,096 combinations)."""
    rng = np.random.default_rng(seed)
    options = []
    for k in range(6):
        team = "T1" if k % 2 == 0 else "T2"
        priority = float(rng.integers(1, 10))
        max_rank = int(rng.integers(0, 3))
        start = int(rng.integers(0, 3))
        for rank in range(max_rank + 1):
            load = np.zeros(3)
            load[start:] = (rank + 1) * float(rng.integers(10, 40))
            options.append(Option(f"P{k}", team, LEVELS3[rank], priority, load))
    room = {"T1": rng.integers(20, 120, size=3).astype(float),
            "T2": np.array([60.0, -5.0, 90.0])}   # a month already over target admits nothing
    selection = solve_portfolio(options, room)
    assert selection.status == OPTIMAL
    assert (selection.total_priority, selection.level_score) == brute_force(options, room)


def test_candidate_windows_use_dates_or_the_comparable_life() -> None:
    candidates = pd.DataFrame({
        "project_id": ["A", "B", "C"],
        "start_date": [date(2027, 3, 1), None, date(2026, 6, 1)],
        "end_date": [date(2027, 8, 31), None, date(2027, 5, 31)],
    })
    windows = candidate_windows(candidates, date(2027, 1, 1), {"B": 7.4}).set_index("project_id")
    assert windows.loc["A", "start"] == date(2027, 3, 1)
    assert windows.loc["A", "months"] == 6            # 184 days ≈ 6.05 months
    assert windows.loc["B", "start"] == date(2027, 1, 1)
    assert windows.loc["B", "months"] == 7            # the comparable projects' median life
    assert windows.loc["C", "start"] == date(2027, 1, 1)   # a start in the past moves to the horizon


def test_horizon_starts_with_the_next_month() -> None:
    assert horizon_months(date(2026, 12, 1), 2) == [date(2026, 12, 1), date(2027, 1, 1)]
    assert horizon_months(date(2026, 12, 2), 2) == [date(2027, 1, 1), date(2027, 2, 1)]


@pytest.mark.parametrize(
    ("forced", "room", "expected"),
    [
        # A (60 h, priority 5) is kept first; B (50 h) beside it needs 110 h of the 100 h left
        (("A", "B"), [100.0], [("B", FORCED_CROWDED, 110.0, 100.0, 10.0)]),
        # D alone needs 120 h of 100 h
        (("D",), [100.0], [("D", FORCED_TOO_LARGE, 120.0, 100.0, 20.0)]),
        # the team is already 10 h over its limit: nothing forced fits
        (("C",), [-10.0], [("C", FORCED_ALREADY_OVER, 40.0, -10.0, 40.0)]),
        # A and C fit together (100 h): no conflict
        (("A", "C"), [100.0], []),
    ],
)
def test_forced_projects_that_cannot_be_taken_are_named_with_their_numbers(
    forced: tuple[str, ...], room: list[float], expected: list[tuple[object, ...]]
) -> None:
    options = [*SIMPLE, option("D", "T", "consultation", 2, [120])]
    found = forced_conflicts(options, {"T": np.array(room)}, forced)
    assert [
        (r.project_id, r.reason, r.needed_hours, r.room_hours, r.short_hours)
        for r in found.itertuples()
    ] == expected


def one_month_team() -> pd.DataFrame:
    """January 2027: 20 working days of 10 h, 5 h of ordinary work: 85 % × 200 − 100 = 70 h left."""
    from analytics.arbitration.baseline import working_days

    days = working_days(date(2027, 1, 1), date(2027, 1, 31))
    days["capacity_hours"] = 10.0
    days["ordinary_hours"] = 5.0
    days["committed_hours"] = 0.0
    return days


def test_an_infeasible_forced_set_keeps_the_table_and_names_the_culprit() -> None:
    windows = pd.DataFrame({
        "project_id": ["A", "B", "C"], "project_name": ["Parc", "Marché", "Affiche"],
        "team": ["T", "T", "T"], "level": ["consultation", "consultation", "information"],
        "priority": [5.0, 4.0, 3.0], "start": [date(2027, 1, 1)] * 3, "months": [1, 1, 1],
    })
    hours = {("A", "information"): 45.0, ("A", "consultation"): 60.0,
             ("B", "information"): 40.0, ("B", "consultation"): 50.0,
             ("C", "information"): 10.0}
    chosen = choose(windows, {"T": one_month_team()}, hours, 0.85, [date(2027, 1, 1)],
                    forced_in=("A", "B"))
    # A and B at their lightest need 85 h of the 70 h left: B (lower priority) cannot be taken;
    # A stays forced in (consultation, 60 h) and C (10 h) fills the month
    assert chosen.selection.chosen == {"A": "consultation", "C": "information"}
    table = chosen.table.set_index("project_id")
    assert list(table.index) == ["A", "B", "C"]
    assert table.loc["B", "reason"] == FORCED_CROWDED
    assert (table.loc["B", "needed_hours"], table.loc["B", "room_hours"],
            table.loc["B", "short_hours"]) == pytest.approx((85.0, 70.0, 15.0))
    assert table.loc["B", "month_start"] == date(2027, 1, 1)


def test_the_chart_reads_each_teams_tightest_month() -> None:
    usage = pd.DataFrame({
        "team": ["T", "T", "T", "U"],
        "month_start": [date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1), date(2027, 1, 1)],
        "available_hours": [70.0, 40.0, 90.0, -5.0],
        "chosen_hours": [60.0, 10.0, 0.0, 0.0],
    })
    tight = tightest_months(usage)
    # T: 10 h, 30 h and 90 h left: January is the tightest; U is already over in January
    assert list(zip(tight["team"], tight["month_start"], tight["left_hours"], strict=True)) == [
        ("T", date(2027, 1, 1), 10.0), ("U", date(2027, 1, 1), -5.0)]
