"""Cohorts: retention table by year of first participation and Kaplan–Meier engagement survival."""

from __future__ import annotations

import math
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analytics.engagement.cohorts import (
    cohort_activity,
    grouping_data,
    kaplan_meier,
    median_survival,
    retention_table,
    survival_at,
    survival_curves,
    survival_data,
)
from analytics.engagement.scope import Scope
from tests.test_engagement_store import PERIOD, store_with, tiny_fixture  # noqa: F401


def test_kaplan_meier_on_a_textbook_example_by_hand() -> None:
    # Six people: dropped out at 3, censored at 4, dropped out at 5 and 5, censored at 8, out at 10.
    curve = kaplan_meier([3, 4, 5, 5, 8, 10], [True, False, True, True, False, True])
    by_time = curve.set_index("time")
    assert by_time.loc[3, "survival"] == pytest.approx(5 / 6)  # 1 of 6 at risk
    assert by_time.loc[4, "survival"] == pytest.approx(5 / 6)  # censoring changes nothing
    assert by_time.loc[5, "survival"] == pytest.approx(5 / 6 * 2 / 4)  # 2 of the 4 at risk
    assert by_time.loc[8, "survival"] == pytest.approx(5 / 12)
    assert by_time.loc[10, "survival"] == pytest.approx(0.0)  # the last one at risk
    assert by_time["at_risk"].tolist() == [6, 5, 4, 2, 1]


def test_kaplan_meier_agrees_with_scipy() -> None:
    durations = np.array([0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 9, 12, 12, 15])
    observed = np.array([1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0], dtype=bool)
    ours = kaplan_meier(durations, observed)
    sample = stats.CensoredData(uncensored=durations[observed], right=durations[~observed])
    reference = stats.ecdf(sample).sf.evaluate(ours["time"].to_numpy())
    assert ours["survival"].to_numpy() == pytest.approx(reference)


def test_weights_count_as_that_many_identical_people() -> None:
    grouped = kaplan_meier([1, 2, 3], [True, False, True], weights=[3, 2, 1])
    expanded = kaplan_meier([1, 1, 1, 2, 2, 3], [True, True, True, False, False, True])
    pd.testing.assert_frame_equal(grouped, expanded)


def test_survival_reading_and_median() -> None:
    curve = kaplan_meier([3, 4, 5, 5, 8, 10], [True, False, True, True, False, True])
    assert survival_at(curve, 2) == 1.0  # before the first drop-out
    assert survival_at(curve, 6) == pytest.approx(5 / 12)
    assert median_survival(curve) == 5.0  # S falls to 5/12 ≤ 50 % at 5


def test_survival_data_of_the_tiny_town(tiny: duckdb.DuckDBPyConnection) -> None:
    # End 31 Dec 2025: gone if last event before 1 Jan 2025. D E F (E1 only) and G (E2 only) are
    # gone after 0 months; A C (Mar 2024 → Sep 2025, 18 months), B (→ May 2025, 14), H (Feb → May
    # 2025, 3) and I J K L (0) are censored.
    data = grouping_data(survival_data(tiny, PERIOD), "level")
    rows = {(r.group_key, r.months, r.lapsed): r.participants for r in data.itertuples()}
    assert rows == {
        ("consultation", 0, True): 4, ("consultation", 14, False): 1,
        ("consultation", 18, False): 2, ("coproduction", 3, False): 1,
        ("information", 0, False): 4,
    }
    curves = survival_curves(data, min_group_size=1)
    overall = curves.loc[curves["group_key"] == "all"].set_index("time")
    assert overall.loc[0, "survival"] == pytest.approx(8 / 12)  # 4 of the 12 gone at 0


def test_curves_stop_when_too_few_people_are_still_followed(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    curves = survival_curves(grouping_data(survival_data(tiny, PERIOD), "initiative"), min_group_size=5)
    assert set(curves["group_key"]) == {"all", "municipality"}  # residents: H only
    assert curves["at_risk"].min() >= 5


@pytest.mark.parametrize(
    ("end", "initiative"),
    [
        (date(2025, 3, 31), "unknown"),  # up to the end, only the event without project
        (date(2025, 6, 10), "residents"),  # the first event with an initiative has happened
    ],
)
def test_the_initiative_of_the_first_event_is_the_first_known_up_to_the_end(
    end: date, initiative: str
) -> None:
    # P first came to an event without project (E1), then to one of a residents' project (E2)
    events = pd.DataFrame({"event_id": ["E1", "E2"], "project_id": [None, "P"],
                           "event_date": [date(2025, 1, 10), date(2025, 6, 10)]})
    projects = pd.DataFrame({"project_id": ["P"], "level": ["coproduction"],
                             "initiative": ["residents"]})
    attendances = pd.DataFrame({"event_id": ["E1", "E2"], "participant_id": ["P", "P"],
                                "status": ["attended", "attended"]})
    con = store_with({"projects": projects, "events": events, "attendances": attendances})
    data = grouping_data(survival_data(con, Scope(date(2025, 1, 1), end)), "initiative")
    assert data["group_key"].tolist() == [initiative]
    level = grouping_data(survival_data(con, Scope(date(2025, 1, 1), end)), "level")
    assert level["group_key"].tolist() == ["none"]  # the first event's: no project


@pytest.mark.parametrize(
    ("end", "cohort", "active_year", "participants"),
    [
        (PERIOD.end, 2024, 2024, 7),
        (PERIOD.end, 2024, 2025, 3),  # A B C came back
        (PERIOD.end, 2025, 2025, 5),  # H I J K L
        (date(2025, 5, 31), 2024, 2025, 2),  # up to May: A B (E3, E4); C came in September
        (date(2025, 5, 31), 2025, 2025, 1),  # H
        (date(2025, 1, 31), 2024, 2025, None),  # nobody yet in 2025
    ],
)
def test_cohort_activity_up_to_any_end_day(
    tiny: duckdb.DuckDBPyConnection, end: date, cohort: int, active_year: int,
    participants: int | None,
) -> None:
    found = cohort_activity(tiny, Scope(date(2024, 1, 1), end)).set_index(["cohort_year", "active_year"])
    if participants is None:
        assert (cohort, active_year) not in found.index
    else:
        assert found.loc[(cohort, active_year), "participants"] == participants


def test_retention_table_of_the_tiny_town(tiny: duckdb.DuckDBPyConnection) -> None:
    table = retention_table(cohort_activity(tiny, PERIOD), last_year=2025, min_group_size=1)
    by_cohort = table.set_index("cohort_year")
    assert by_cohort.loc[2024, "cohort_size"] == 7
    assert by_cohort.loc[2024, 1] == pytest.approx(3 / 7)  # A B C came back in 2025
    assert math.isnan(by_cohort.loc[2025, 1])  # 2026 not observed yet


def test_retention_hides_small_cells_and_small_cohorts() -> None:
    activity = pd.DataFrame({
        "cohort_year": [2020, 2020, 2020, 2021, 2021],
        "active_year": [2020, 2021, 2022, 2021, 2022],
        "participants": [10, 5, 3, 4, 4],
    })
    table = retention_table(activity, last_year=2023, min_group_size=5).set_index("cohort_year")
    assert list(table.index) == [2020]  # the 2021 cohort has 4 people
    assert table.loc[2020, 1] == pytest.approx(0.5)
    assert math.isnan(table.loc[2020, 2])  # 3 people
    assert table.loc[2020, 3] == 0.0  # nobody in 2023: an empty group is shown


@pytest.mark.parametrize(
    ("active", "shown"),
    [(6, None), (9, None), (5, 0.5), (10, 1.0), (0, 0.0), (3, None)],
)
def test_retention_hides_a_share_whose_lapsed_people_are_a_small_group(
    active: int, shown: float | None
) -> None:
    """Cohort 10 shown beside 60 %: 4 people did not come back, a small group (and 9 of 10: 1)."""
    activity = pd.DataFrame({"cohort_year": [2020, 2020], "active_year": [2020, 2021],
                             "participants": [10, active]})
    cell = retention_table(activity, last_year=2021, min_group_size=5).loc[0, 1]
    assert (None if math.isnan(cell) else cell) == shown
