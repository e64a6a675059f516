"""The derived tables the team capacity page reads (agent_project_day, agent_outside_day,
service_day_activity), on the tiny town: what a row holds, and that nothing is lost on the way."""

from __future__ import annotations

from datetime import date, time

import duckdb
import pytest

from analytics.settings import Thresholds
from analytics.store.db import query_rows, query_value, transaction
from analytics.store.derived import refresh_derived


@pytest.mark.parametrize(
    ("agent_id", "project_id", "work_date", "row"),
    [
        # Alice 2 May: preparation 09–12 (3 h) and meeting 17–21 (3.5 h) on P_CONS, in one row
        pytest.param("A1", "P_CONS", date(2024, 5, 2), ("svc_jeu", "consultation", 2, 6.5),
                     id="alice-2-may"),
        # Alice 6 May: site work 22:00–01:00 on P_COPRO, the week of Monday 6 May
        pytest.param("A1", "P_COPRO", date(2024, 5, 6), ("svc_jeu", "coproduction", 1, 3.0),
                     id="alice-6-may"),
    ],
)
def test_agent_project_day(
    tiny_store: duckdb.DuckDBPyConnection, agent_id: str, project_id: str, work_date: date,
    row: tuple[object, ...],
) -> None:
    assert query_rows(
        tiny_store,
        "SELECT service_id, level, entries, hours FROM agent_project_day "
        "WHERE agent_id = ? AND project_id = ? AND work_date = ?",
        [agent_id, project_id, work_date],
    ) == [row]


def test_agent_project_day_keeps_every_project_hour(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert query_value(tiny_store, "SELECT count(*) FROM agent_project_day WHERE project_id IS NULL") == 0
    assert query_value(tiny_store, "SELECT sum(hours) FROM agent_project_day") == pytest.approx(
        query_value(tiny_store, "SELECT sum(hours) FROM time_entries WHERE project_id IS NOT NULL"))
    assert query_value(tiny_store, "SELECT sum(entries) FROM agent_project_day") == query_value(
        tiny_store, "SELECT count(*) FROM time_entries WHERE project_id IS NOT NULL")


@pytest.mark.parametrize(
    ("agent_id", "work_date", "row"),
    [
        # Alice 2 May 17:00–21:00 on P_CONS: 2 of the 4 clock hours after 19:00 (the 3 h of the
        # morning and the 4 h of the afternoon are inside, so not there)
        pytest.param("A1", date(2024, 5, 2), ("P_CONS", "consultation", False, False, 3.5 * 2 / 4),
                     id="alice-evening"),
        # Alice's Saturday 4 May: wholly outside
        pytest.param("A1", date(2024, 5, 4), ("P_INFO", "information", True, True, 2.0),
                     id="alice-saturday"),
        # David on 1 May, a public holiday on a Wednesday: wholly outside, not a weekend
        pytest.param("A4", date(2024, 5, 1), (None, "none", True, False, 9.75), id="david-1-may"),
    ],
)
def test_agent_outside_day(
    tiny_store: duckdb.DuckDBPyConnection, agent_id: str, work_date: date, row: tuple[object, ...],
) -> None:
    assert query_rows(
        tiny_store,
        "SELECT project_id, level, is_nonworking_day, is_weekend, outside_hours "
        "FROM agent_outside_day WHERE agent_id = ? AND work_date = ?",
        [agent_id, work_date],
    ) == [row]


def test_agent_outside_day_keeps_every_outside_hour(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert query_value(tiny_store, "SELECT min(outside_hours) FROM agent_outside_day") > 0
    assert query_value(tiny_store, "SELECT sum(outside_hours) FROM agent_outside_day") == pytest.approx(
        query_value(tiny_store, "SELECT sum(outside_hours) FROM entry_facts"))


def test_agent_outside_day_follows_the_workday_window(
    fresh_tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    with transaction(fresh_tiny_store) as cur:
        refresh_derived(cur, thresholds=Thresholds(workday_end=time(18, 0)))
    # 17:00–21:00 now has 3 of its 4 clock hours outside
    assert query_value(
        fresh_tiny_store,
        "SELECT outside_hours FROM agent_outside_day WHERE agent_id = 'A1' "
        "AND work_date = DATE '2024-05-02'",
    ) == pytest.approx(3.5 * 3 / 4)


@pytest.mark.parametrize(
    ("service_id", "work_date", "level", "activity", "row"),
    [
        pytest.param("svc_jeu", date(2024, 5, 2), "consultation", "preparation", (1, 3.0),
                     id="alice-preparation"),
        # Alice 13–17 (4 h) and Bruno 09–17 (8 h), ordinary work
        pytest.param("svc_jeu", date(2024, 5, 2), "none", "ordinary", (2, 12.0), id="jeu-ordinary"),
    ],
)
def test_service_day_activity(
    tiny_store: duckdb.DuckDBPyConnection, service_id: str, work_date: date, level: str,
    activity: str, row: tuple[object, ...],
) -> None:
    assert query_rows(
        tiny_store,
        "SELECT entries, hours FROM service_day_activity "
        "WHERE service_id = ? AND work_date = ? AND level = ? AND activity = ?",
        [service_id, work_date, level, activity],
    ) == [row]


def test_service_day_activity_keeps_every_hour(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert query_value(tiny_store, "SELECT sum(hours) FROM service_day_activity") == pytest.approx(
        query_value(tiny_store, "SELECT sum(hours) FROM time_entries"))
    assert query_value(tiny_store, "SELECT sum(entries) FROM service_day_activity") == query_value(
        tiny_store, "SELECT count(*) FROM time_entries")
