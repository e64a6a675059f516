"""What the team capacity page reads on the tiny town: the derived agent_project_day, and the hidden
work and activity queries over entry_facts (what a row holds, and that nothing is lost)."""

from __future__ import annotations

from datetime import date, time

import duckdb
import pytest

from analytics.settings import Thresholds
from analytics.store.db import query_df, query_rows, query_value, read_sql, transaction
from analytics.store.derived import refresh_derived


@pytest.mark.parametrize(
    ("agent_id", "project_id", "work_date", "row"),
    [
        # Alice 2 May: preparation 09–12 (3 h) and meeting 17–21 (3.5 h) on P_CONS, in one row
        pytest.param("A1", "P_CONS", date(2024, 5, 2), ("svc_jeu", "consultation", 6.5),
                     id="alice-2-may"),
        # Alice 6 May: site work 22:00–01:00 on P_COPRO, the week of Monday 6 May
        pytest.param("A1", "P_COPRO", date(2024, 5, 6), ("svc_jeu", "coproduction", 3.0),
                     id="alice-6-may"),
    ],
)
def test_agent_project_day(
    tiny_store: duckdb.DuckDBPyConnection, agent_id: str, project_id: str, work_date: date,
    row: tuple[object, ...],
) -> None:
    assert query_rows(
        tiny_store,
        "SELECT service_id, level, hours FROM agent_project_day "
        "WHERE agent_id = ? AND project_id = ? AND work_date = ?",
        [agent_id, project_id, work_date],
    ) == [row]


def test_agent_project_day_keeps_every_project_hour(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert query_value(tiny_store, "SELECT count(*) FROM agent_project_day WHERE project_id IS NULL") == 0
    assert query_value(tiny_store, "SELECT sum(hours) FROM agent_project_day") == pytest.approx(
        query_value(tiny_store, "SELECT sum(hours) FROM time_entries WHERE project_id IS NOT NULL"))


def _hidden(con: duckdb.DuckDBPyConnection, start: date, end: date,
            agent_id: str | None = None) -> list[tuple[object, ...]]:
    """(project_id, weekday_outside_hours, weekend_hours, holiday_hours) of the hidden-work query for
    [start, end], every service and level, for one agent (or every row)."""
    rows = query_df(con, read_sql("capacity/hidden_outside"),
                    {"start": start, "end": end, "service": None, "level": None})
    if agent_id is not None:
        rows = rows[rows["agent_id"] == agent_id]
    return list(rows[["project_id", "weekday_outside_hours", "weekend_hours", "holiday_hours"]]
                .itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("agent_id", "work_date", "row"),
    [
        # Alice 2 May 17:00–21:00 on P_CONS: 2 of the 4 clock hours after 19:00 (the 3 h of the
        # morning and the 4 h of the afternoon are inside, so not there)
        pytest.param("A1", date(2024, 5, 2), ("P_CONS", 3.5 * 2 / 4, 0.0, 0.0), id="alice-evening"),
        # Alice's Saturday 4 May: wholly outside
        pytest.param("A1", date(2024, 5, 4), ("P_INFO", 0.0, 2.0, 0.0), id="alice-saturday"),
        # David on 1 May, a public holiday on a Wednesday: wholly outside, not a weekend
        pytest.param("A4", date(2024, 5, 1), (None, 0.0, 0.0, 9.75), id="david-1-may"),
    ],
)
def test_hidden_outside_day(
    tiny_store: duckdb.DuckDBPyConnection, agent_id: str, work_date: date, row: tuple[object, ...],
) -> None:
    assert _hidden(tiny_store, work_date, work_date, agent_id) == [pytest.approx(row)]


def test_hidden_outside_keeps_every_outside_hour(tiny_store: duckdb.DuckDBPyConnection) -> None:
    rows = _hidden(tiny_store, date(2000, 1, 1), date(2100, 1, 1))
    assert sum(sum(row[1:]) for row in rows) == pytest.approx(
        query_value(tiny_store, "SELECT sum(outside_hours) FROM entry_facts"))


def test_hidden_outside_follows_the_workday_window(
    fresh_tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    with transaction(fresh_tiny_store) as cur:
        refresh_derived(cur, thresholds=Thresholds(workday_end=time(18, 0)))
    # 17:00–21:00 now has 3 of its 4 clock hours outside
    assert _hidden(fresh_tiny_store, date(2024, 5, 2), date(2024, 5, 2), "A1") == [
        pytest.approx(("P_CONS", 3.5 * 3 / 4, 0.0, 0.0))]


def _activity(con: duckdb.DuckDBPyConnection, start: date, end: date, service: str | None,
              level: str | None) -> list[tuple[object, ...]]:
    """(activity, level, hours) rows of the work tab's query for [start, end] and the filters."""
    rows = query_df(con, read_sql("capacity/activity_level_hours"),
                    {"start": start, "end": end, "service": service, "level": level,
                     "grain": "week"})
    return list(rows[["activity", "level", "hours"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("service_id", "work_date", "level", "rows"),
    [
        pytest.param("svc_jeu", date(2024, 5, 2), "consultation",
                     [("meeting", "consultation", 3.5), ("preparation", "consultation", 3.0)],
                     id="alice-consultation"),
        # Alice 13–17 (4 h) and Bruno 09–17 (8 h), ordinary work
        pytest.param("svc_jeu", date(2024, 5, 2), "none", [("ordinary", "none", 12.0)],
                     id="jeu-ordinary"),
    ],
)
def test_activity_level_hours(
    tiny_store: duckdb.DuckDBPyConnection, service_id: str, work_date: date, level: str,
    rows: list[tuple[object, ...]],
) -> None:
    assert _activity(tiny_store, work_date, work_date, service_id, level) == rows


def test_activity_level_hours_keeps_every_hour(tiny_store: duckdb.DuckDBPyConnection) -> None:
    rows = _activity(tiny_store, date(2000, 1, 1), date(2100, 1, 1), None, None)
    assert sum(row[2] for row in rows) == pytest.approx(
        query_value(tiny_store, "SELECT sum(hours) FROM time_entries"))
