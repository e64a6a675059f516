"""Erosion and fatigue: lapsed participants, volunteers' risk signals, attendance trends."""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analytics.engagement.fatigue import (
    TREND_ORIGIN,
    FatigueSettings,
    attendance_trends,
    attendance_yearly,
    flag_signals,
    previous_month_start,
    signal_counts,
    trend_from_sums,
    volunteer_signals,
    year_transitions,
)
from analytics.engagement.headline import period_counts
from analytics.engagement.scope import Scope
from tests.test_engagement_store import PERIOD, store_with, tiny_fixture  # noqa: F401


def test_lapsed_participants_of_the_tiny_town(tiny: duckdb.DuckDBPyConnection) -> None:
    # windows ending 31 Dec 2025: 2024 (A–G active) and 2025 (A B C back) → D E F G lapsed
    counts = period_counts(tiny, PERIOD)
    assert (counts.lapse_earlier_active, counts.lapsed) == (7, 4)
    transitions = year_transitions(tiny, PERIOD).set_index("year")
    assert transitions.loc[2025, ["previous_active", "still_active", "lapsed"]].tolist() == [7, 3, 4]
    assert transitions.loc[2025, "lapsed_share"] == pytest.approx(4 / 7)


@pytest.mark.parametrize(
    ("end", "still_active", "lapsed"),
    [
        (date(2025, 1, 31), 0, 7),  # no 2025 event yet: all of 2024's seven have lapsed so far
        (date(2025, 2, 1), 2, 5),  # E3: A B back
        (date(2025, 9, 12), 3, 4),  # E5: C back too
    ],
)
def test_year_on_year_erosion_up_to_any_end_day(
    tiny: duckdb.DuckDBPyConnection, end: date, still_active: int, lapsed: int
) -> None:
    transitions = year_transitions(tiny, Scope(date(2025, 1, 1), end)).set_index("year")
    assert transitions.loc[2025, ["previous_active", "still_active", "lapsed"]].tolist() == [
        7, still_active, lapsed
    ]


@pytest.mark.parametrize(
    ("day", "start"),
    [(date(2026, 1, 10), date(2025, 12, 1)), (date(2026, 11, 30), date(2026, 10, 1)),
     (date(2026, 3, 31), date(2026, 2, 1))],
)
def test_a_current_run_ends_in_the_month_of_the_end_or_the_one_before(day: date, start: date) -> None:
    assert previous_month_start(day) == start


def _sums(x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Sufficient statistics as DuckDB's regr_* aggregates define them."""
    slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    return {
        "n": len(x), "mean_x": x.mean(), "slope": slope, "intercept": y.mean() - slope * x.mean(),
        "sxx": ((x - x.mean()) ** 2).sum(), "syy": ((y - y.mean()) ** 2).sum(),
        "sxy": ((x - x.mean()) * (y - y.mean())).sum(),
    }


def test_trend_interval_agrees_with_linregress() -> None:
    x = np.array([16.2, 16.8, 17.5, 18.1, 19.0, 19.4, 20.3, 21.7, 22.2, 23.9, 24.5, 25.8])
    y = np.array([34.0, 31.0, 35.0, 29.0, 30.0, 28.0, 27.0, 29.0, 24.0, 22.0, 23.0, 19.0])
    trend = trend_from_sums(**_sums(x, y))
    reference = stats.linregress(x, y)
    quantile = stats.t.ppf(0.975, len(x) - 2)
    assert trend is not None
    assert trend.slope == pytest.approx(reference.slope)
    assert trend.stderr == pytest.approx(reference.stderr)
    assert trend.p_value == pytest.approx(reference.pvalue)
    assert (trend.low, trend.high) == pytest.approx(
        (reference.slope - quantile * reference.stderr, reference.slope + quantile * reference.stderr)
    )
    assert trend.high < 0  # clearly falling


@pytest.mark.parametrize(("n", "sxx"), [(2, 1.0), (10, 0.0)])  # two events; all on one day
def test_no_trend_without_three_events_spread_in_time(n: int, sxx: float) -> None:
    assert trend_from_sums(n=n, mean_x=0, slope=0, intercept=1, sxx=sxx, syy=1, sxy=0) is None


def test_attendance_per_event_of_the_tiny_town(tiny: duckdb.DuckDBPyConnection) -> None:
    yearly = attendance_yearly(tiny, PERIOD, min_group_size=1)
    meetings = yearly.loc[yearly["group_key"] == "public_meeting"].set_index("year")
    # 2024: E1 with 6 attended; 2025: E5 with 6 attended and E6 with a head count of 40
    assert meetings.loc[2024, ["events", "attendees", "mean_attendees"]].tolist() == [1, 6, 6]
    assert meetings.loc[2025, ["events", "attendees", "mean_attendees"]].tolist() == [2, 46, 23]
    trends = attendance_trends(tiny, PERIOD).set_index(["dimension", "group_key"])
    days = pd.to_datetime(["2024-03-10", "2025-09-12", "2025-11-05"])
    years = np.array([(d.date() - TREND_ORIGIN).days / 365.25 for d in days])
    reference = stats.linregress(years, [6.0, 6.0, 40.0])
    row = trends.loc[("event_kind", "public_meeting")]
    assert row["events"] == 3
    assert row["slope"] == pytest.approx(reference.slope)
    assert row["direction"] == "flat"  # three events: the interval is wide
    assert ("event_kind", "workshop") not in trends.index  # a single event has no trend


END = date(2026, 6, 30)
MONTHS = [f"{y}-{m:02d}-10" for y, m in [(2025, m) for m in range(6, 13)] + [(2026, m) for m in
                                                                            range(1, 7)]]


def _volunteer_store() -> duckdb.DuckDBPyConnection:
    """V volunteers every month Jun 2025 – Jun 2026 (13 months) and in three coproduction projects
    in May–June 2026; W gives 70 h to two coproduction projects in May 2026 and missed three of five
    registrations since January (none of two before); X is a resident; Y volunteered only in 2025-01."""
    projects = pd.DataFrame({
        "project_id": ["M1", "C1", "C2", "C3"],
        "level": ["information", "coproduction", "coproduction", "coproduction"],
    })
    monthly = [(f"M{d[:7]}", "M1", d) for d in [*MONTHS, "2025-01-10"]]
    copro = [("C1e", "C1", "2026-05-05"), ("C2e", "C2", "2026-05-12"), ("C3e", "C3", "2026-06-02")]
    events = pd.DataFrame(
        [{"event_id": e, "project_id": p, "event_date": pd.Timestamp(d).date()}
         for e, p, d in monthly + copro]
    )
    rows = [("V", f"M{d[:7]}", "volunteer", "attended", 2.0) for d in MONTHS]
    rows += [("V", e, "volunteer", "attended", 2.0) for e in ("C1e", "C2e", "C3e")]
    rows += [("W", "C1e", "volunteer", "attended", 35.0), ("W", "C2e", "volunteer", "attended", 35.0)]
    rows += [("W", "M2025-08", "volunteer", "attended", 1.0), ("W", "M2025-09", "resident",
                                                               "attended", None)]
    rows += [("W", f"M2026-0{m}", "volunteer", "no_show", None) for m in (1, 2, 3)]
    rows += [("X", f"M{d[:7]}", "resident", "attended", None) for d in MONTHS]
    rows += [("Y", "M2025-01", "volunteer", "attended", 4.0)]
    attendances = pd.DataFrame(rows, columns=["participant_id", "event_id", "role", "status", "hours"])
    return store_with({"projects": projects, "events": events, "attendances": attendances})


@pytest.mark.parametrize(
    ("who", "column", "value"),
    [
        ("V", "coproduction_projects", 3),
        ("V", "run_months", 13),
        ("V", "hours_per_month", 12 / 3),  # Apr–Jun: 3 monthly + 3 coproduction events × 2 h
        ("W", "coproduction_projects", 2),
        ("W", "hours_per_month", 70 / 3),
        ("W", "run_months", 1),  # May 2026 only (no event in June)
        ("W", "no_show_share_recent", 3 / 5),  # Jan–Jun 2026: 3 no-shows of 5 registrations
        ("W", "no_show_share_earlier", 0.0),  # Jul–Dec 2025: 0 of 2
    ],
)
def test_volunteer_measures_by_hand(who: str, column: str, value: float) -> None:
    measures = flag_signals(volunteer_signals(_volunteer_store(), Scope(date(2026, 1, 1), END)))
    row = measures.set_index("participant_id").loc[who]
    assert row[column] == pytest.approx(value)


def test_each_signal_is_flagged_against_its_own_threshold() -> None:
    flagged = flag_signals(volunteer_signals(_volunteer_store(), Scope(date(2026, 1, 1), END)))
    signals = flagged.set_index("participant_id")[
        ["signal_commitments", "signal_hours", "signal_run", "signal_no_shows"]
    ]
    assert list(signals.index) == ["V", "W"]  # X is no volunteer; Y volunteered too long ago
    assert signals.loc["V"].tolist() == [True, False, True, False]
    assert signals.loc["W"].tolist() == [False, True, False, True]
    assert signal_counts(flagged) == {
        "commitments": 1, "hours": 1, "run": 1, "no_shows": 1, "volunteers": 2, "any": 2,
        "no_shows_without_baseline": 0,
    }


def test_thresholds_are_settings() -> None:
    strict = FatigueSettings(run_months_min=14, hours_per_month_min=30.0)
    flagged = flag_signals(
        volunteer_signals(_volunteer_store(), Scope(date(2026, 1, 1), END), strict), strict
    )
    assert not flagged["signal_run"].any() and not flagged["signal_hours"].any()


# A rise needs something to rise from: without registrations in the earlier window (no baseline), a
# volunteer is never flagged for rising no-shows, and is counted apart so that the page can say so.
@pytest.mark.parametrize(
    ("earlier", "earlier_missed", "recent", "recent_missed", "flagged", "baseline"),
    [
        (0, 0, 5, 3, False, False),  # new volunteer: 60 % of no-shows, but no earlier data
        (1, 0, 5, 3, False, False),  # one registration is no baseline
        (2, 0, 5, 3, True, True),  # 0 % → 60 %: rising
        (4, 2, 5, 3, False, True),  # 50 % → 60 %: up 10 points only
        (4, 0, 3, 3, False, True),  # too few recent registrations to tell
    ],
)
def test_rising_no_shows_require_a_baseline(
    earlier: int, earlier_missed: int, recent: int, recent_missed: int, flagged: bool,
    baseline: bool,
) -> None:
    measures = pd.DataFrame({
        "participant_id": ["P"], "coproduction_projects": [0], "volunteer_hours": [0.0],
        "run_months": [0], "registrations_recent": [recent], "no_shows_recent": [recent_missed],
        "registrations_earlier": [earlier], "no_shows_earlier": [earlier_missed],
    })
    row = flag_signals(measures).iloc[0]
    assert (bool(row["signal_no_shows"]), bool(row["no_show_baseline"])) == (flagged, baseline)
    counts = signal_counts(flag_signals(measures))
    assert counts["no_shows_without_baseline"] == int(not baseline and recent >= 4)
