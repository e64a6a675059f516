"""The derived tables built by analytics.store.derived.refresh_derived, on the tiny town."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.settings import Thresholds
from analytics.store.db import get_meta, query_df, query_rows, query_value, transaction
from analytics.store.derived import DERIVED_TABLES, affected, reads, refresh_derived

ENTRY_FACTS_OF = """
SELECT f.* FROM entry_facts AS f JOIN time_entries AS e
  ON f.agent_id = e.agent_id AND f.work_date = e.work_date AND f.hours = e.hours
 AND f.project_id IS NOT DISTINCT FROM e.project_id AND f.activity IS NOT DISTINCT FROM e.activity
 AND f.start_ts IS NOT DISTINCT FROM CASE WHEN e.end_time IS NOT NULL THEN e.work_date + e.start_time END
WHERE e.entry_id = ?
"""
"""The entry_facts row of one time entry (entry_facts keeps no entry id: matched on its content)."""


def entry(con: duckdb.DuckDBPyConnection, entry_id: str) -> dict[str, object]:
    frame = query_df(con, ENTRY_FACTS_OF, [entry_id])
    assert len(frame) == 1
    return {
        key: (None if value is pd.NaT or (isinstance(value, float) and pd.isna(value)) else value)
        for key, value in frame.iloc[0].to_dict().items()
    }


@pytest.mark.parametrize(
    ("entry_id", "outside_hours", "is_nonworking_day"),
    [
        # 17:00–21:00, 3.5 h paid: 2 of the 4 clock hours are after 19:00
        pytest.param("T-A1-03", 3.5 * 2 / 4, False, id="17-21-evening"),
        pytest.param("T-A1-04", 5 * 1 / 5, False, id="07-12-early"),
        pytest.param("T-A1-11", 10 * 1 / 10, False, id="07-17"),
        pytest.param("T-A1-10", 8 * 1 / 8, False, id="12-20"),
        # 22:00–01:00: the clock span 22..25 h has no part inside 08..19 of 6 May
        pytest.param("T-A1-06", 3.0, False, id="22-01-past-midnight"),
        pytest.param("T-A1-05", 2.0, True, id="saturday-wholly-outside"),
        pytest.param("T-A1-08", 2.0, True, id="public-holiday-wholly-outside"),
        pytest.param("T-A4-48", 9.75, True, id="david-1-may"),
        pytest.param("T-A1-09", 0.0, False, id="no-times-inside"),
        pytest.param("T-A1-13", 0.0, False, id="start-without-end-inside"),
        pytest.param("T-A3-04", 0.0, False, id="zero-span"),
        pytest.param("T-A1-07", 0.0, False, id="08-12-inside"),
    ],
)
def test_outside_hours(
    tiny_store: duckdb.DuckDBPyConnection,
    entry_id: str,
    outside_hours: float,
    is_nonworking_day: bool,
) -> None:
    row = entry(tiny_store, entry_id)
    assert row["outside_hours"] == pytest.approx(outside_hours, rel=1e-12, abs=1e-12)
    assert bool(row["is_nonworking_day"]) is is_nonworking_day


def test_david_entry_numbering_matches_the_fixture(tiny_store: duckdb.DuckDBPyConnection) -> None:
    # T-A4-48 is David's 48th weekday since Mon 26 Feb: 9 weeks × 5 = 45, then 29, 30 Apr, 1 May
    assert entry(tiny_store, "T-A4-48")["work_date"].date() == date(2024, 5, 1)


@pytest.mark.parametrize(
    ("entry_id", "start_ts", "end_ts"),
    [
        pytest.param("T-A1-06", datetime(2024, 5, 6, 22), datetime(2024, 5, 7, 1),
                     id="past-midnight"),
        pytest.param("T-A1-03", datetime(2024, 5, 2, 17), datetime(2024, 5, 2, 21),
                     id="same-day"),
        pytest.param("T-A1-09", None, None, id="no-times"),
        pytest.param("T-A1-13", None, None, id="no-end"),
        pytest.param("T-A3-04", datetime(2024, 6, 3, 10), datetime(2024, 6, 3, 10),
                     id="zero-span"),
    ],
)
def test_timestamps(
    tiny_store: duckdb.DuckDBPyConnection,
    entry_id: str,
    start_ts: datetime | None,
    end_ts: datetime | None,
) -> None:
    row = entry(tiny_store, entry_id)
    assert row["start_ts"] == start_ts
    assert row["end_ts"] == end_ts


@pytest.mark.parametrize(
    ("entry_id", "service_id", "level"),
    [
        pytest.param("T-A1-06", "svc_jeu", "coproduction", id="agent-service-not-project"),
        pytest.param("T-A1-02", "svc_jeu", "none", id="no-project"),
        pytest.param("T-A3-01", "svc_tech", "none", id="project-without-level"),
        pytest.param("T-A2-05", "svc_jeu", "consultation", id="consultation"),
    ],
)
def test_entry_service_and_level(
    tiny_store: duckdb.DuckDBPyConnection, entry_id: str, service_id: str, level: str
) -> None:
    row = entry(tiny_store, entry_id)
    assert (row["service_id"], row["level"]) == (service_id, level)


@pytest.mark.parametrize(
    ("agent_id", "day", "capacity_hours"),
    [
        pytest.param("A1", date(2024, 5, 2), 35 / 5, id="full-time"),
        pytest.param("A2", date(2024, 5, 2), 28 / 5, id="part-time-80pc-5.6h"),
        pytest.param("A2", date(2024, 5, 13), None, id="absence-first-day"),
        pytest.param("A2", date(2024, 5, 17), None, id="absence-last-day"),
        pytest.param("A2", date(2024, 5, 21), 28 / 5, id="after-absence"),
        pytest.param("A1", date(2024, 5, 1), None, id="public-holiday"),
        pytest.param("A1", date(2024, 5, 9), None, id="ascension"),
        pytest.param("A1", date(2024, 5, 20), None, id="whit-monday"),
        pytest.param("A1", date(2024, 5, 4), None, id="saturday"),
        pytest.param("A3", date(2024, 5, 10), 35 / 5, id="before-contract-change"),
        pytest.param("A3", date(2024, 5, 13), 39 / 5, id="overlap-latest-valid-from-wins"),
        pytest.param("A5", date(2024, 5, 14), None, id="before-valid-from"),
        pytest.param("A5", date(2024, 5, 15), 35 / 5, id="valid-from-inclusive"),
        pytest.param("A5", date(2024, 5, 22), 35 / 5, id="valid-to-inclusive"),
        pytest.param("A5", date(2024, 5, 23), None, id="after-valid-to"),
    ],
)
def test_agent_day_capacity(
    tiny_store: duckdb.DuckDBPyConnection, agent_id: str, day: date, capacity_hours: float | None
) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT capacity_hours FROM agent_day_capacity WHERE agent_id = ? AND day = ?",
        [agent_id, day],
    )
    if capacity_hours is None:
        assert rows == []
    else:
        assert rows == [(pytest.approx(capacity_hours, rel=1e-12),)]


@pytest.mark.parametrize(
    ("agent_id", "week_start", "hours", "participation_hours", "capacity_hours", "load_ratio"),
    [
        # Bruno on leave all of week 20 but logging 3 h on P_INFO
        pytest.param("A2", date(2024, 5, 13), 3.0, 3.0, 0.0, None, id="bruno-leave"),
        pytest.param("A2", date(2024, 4, 29), 32.0, 16.0, 4 * 5.6, 32 / (4 * 5.6), id="bruno-w18"),
        pytest.param("A4", date(2024, 5, 13), 4 * 9.25, 0.0, 35.0, 37 / 35, id="david-w20"),
        # Emma: capacity, no hours
        pytest.param("A5", date(2024, 5, 20), 0.0, 0.0, 2 * 7.0, 0.0, id="emma-w21"),
        # Alice week 18: 3 + 4 + 3.5 + 5 + 2 (Saturday counts in its ISO week)
        pytest.param("A1", date(2024, 4, 29), 17.5, 3 + 3.5 + 2, 4 * 7.0, 17.5 / 28,
                     id="alice-w18"),
    ],
)
def test_agent_week(
    tiny_store: duckdb.DuckDBPyConnection,
    agent_id: str,
    week_start: date,
    hours: float,
    participation_hours: float,
    capacity_hours: float,
    load_ratio: float | None,
) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT hours, participation_hours, capacity_hours, load_ratio FROM agent_week "
        "WHERE agent_id = ? AND week_start = ?",
        [agent_id, week_start],
    )
    expected_ratio = None if load_ratio is None else pytest.approx(load_ratio, rel=1e-12)
    assert rows == [
        (
            pytest.approx(hours),
            pytest.approx(participation_hours),
            pytest.approx(capacity_hours),
            expected_ratio,
        )
    ]


@pytest.mark.parametrize(
    ("agent_id", "week_start", "entries"),
    [
        # Alice week 18: 2 May (3 entries), 3 May, Saturday 4 May
        pytest.param("A1", date(2024, 4, 29), 5, id="alice-w18"),
        pytest.param("A5", date(2024, 5, 20), 0, id="emma-capacity-only"),
    ],
)
def test_agent_week_entries(
    tiny_store: duckdb.DuckDBPyConnection, agent_id: str, week_start: date, entries: int
) -> None:
    assert query_rows(
        tiny_store, "SELECT entries FROM agent_week WHERE agent_id = ? AND week_start = ?",
        [agent_id, week_start],
    ) == [(entries,)]


def test_agent_day(tiny_store: duckdb.DuckDBPyConnection) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT level, entries, hours, outside_hours, first_start_ts, last_end_ts FROM agent_day "
        "WHERE agent_id = 'A1' AND work_date = DATE '2024-05-02' ORDER BY level",
    )
    assert rows == [
        ("consultation", 2, 3 + 3.5, pytest.approx(3.5 * 2 / 4), datetime(2024, 5, 2, 9),
         datetime(2024, 5, 2, 21)),
        ("none", 1, 4.0, 0.0, datetime(2024, 5, 2, 13), datetime(2024, 5, 2, 17)),
    ]
    last_end = query_value(
        tiny_store,
        "SELECT last_end_ts FROM agent_day WHERE agent_id = 'A1' AND work_date = DATE '2024-05-06'",
    )
    assert last_end == datetime(2024, 5, 7, 1)


@pytest.mark.parametrize(
    ("work_date", "hours", "previous_end_ts", "rest_hours"),
    [
        # 2 May ends 21:00, 3 May starts 07:00
        pytest.param(date(2024, 5, 3), 5.0, datetime(2024, 5, 2, 21), 10.0, id="10h-rest"),
        # 6 May's 22:00–01:00 ends on 7 May; 7 May starts 08:00
        pytest.param(date(2024, 5, 7), 4.0, datetime(2024, 5, 7, 1), 7.0, id="after-midnight"),
        pytest.param(date(2024, 5, 14), 10.0, datetime(2024, 5, 13, 20), 11.0, id="exactly-11h"),
        pytest.param(date(2024, 5, 6), 3.0, None, None, id="nothing-the-day-before"),
        # 10 May has no times; 9 May has no entry
        pytest.param(date(2024, 5, 10), 7.0, None, None, id="no-times"),
        # 22 May's only entry has a start but no end: a day without times
        pytest.param(date(2024, 5, 22), 3.0, datetime(2024, 5, 21, 17), None, id="no-end"),
        pytest.param(date(2024, 5, 2), 3 + 4 + 3.5, None, None, id="levels-summed"),
    ],
)
def test_agent_workday(
    tiny_store: duckdb.DuckDBPyConnection,
    work_date: date,
    hours: float,
    previous_end_ts: datetime | None,
    rest_hours: float | None,
) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT hours, previous_end_ts, rest_hours FROM agent_workday "
        "WHERE agent_id = 'A1' AND work_date = ?",
        [work_date],
    )
    assert rows == [(pytest.approx(hours), previous_end_ts, rest_hours)]


def test_participant_activity(tiny_store: duckdb.DuckDBPyConnection) -> None:
    # 29 attendance rows, 2 no-shows
    assert query_value(tiny_store, "SELECT count(*) FROM participant_activity") == 29 - 2
    assert query_rows(
        tiny_store,
        "SELECT level, service_id, initiative, participant_quartier FROM participant_activity "
        "WHERE event_id = 'E7' AND participant_id = 'p_r08'",
    ) == [("none", None, None, "Q_SUD")]
    assert query_rows(
        tiny_store,
        "SELECT level, service_id, initiative, event_kind, volunteer_hours FROM participant_activity "
        "WHERE event_id = 'E6' AND participant_id = 'p_r03'",
    ) == [("coproduction", "svc_tech", "residents", "site_work", 2.5)]


def test_calendar_days_span(tiny_store: duckdb.DuckDBPyConnection) -> None:
    # first date: contracts from 2023-01-01; last: P_INFO ends 2024-12-31 → padded whole years
    assert query_rows(tiny_store, "SELECT min(day), max(day), count(*) FROM calendar_days") == [
        (date(2022, 1, 1), date(2025, 12, 31), 365 + 365 + 366 + 365)
    ]


def test_far_contract_end_does_not_stretch_the_calendar(
    fresh_tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    with transaction(fresh_tiny_store) as cur:
        cur.execute("INSERT INTO contracts VALUES ('A1', DATE '2024-06-01', DATE '2099-12-31', 35)")
        refresh_derived(cur, thresholds=Thresholds())
    assert query_value(fresh_tiny_store, "SELECT max(day) FROM calendar_days") == date(2025, 12, 31)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    return {table: query_df(con, f"SELECT * FROM {table} ORDER BY ALL") for table in DERIVED_TABLES}


def assert_a_full_refresh_changes_nothing(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Rebuild every derived table; each is as it was. Returns the tables."""
    before = snapshot(con)
    with transaction(con) as cur:
        refresh_derived(cur, thresholds=Thresholds())
    after = snapshot(con)
    for table in DERIVED_TABLES:
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)
    return after


def test_refresh_is_idempotent(fresh_tiny_store: duckdb.DuckDBPyConnection) -> None:
    after = assert_a_full_refresh_changes_nothing(fresh_tiny_store)
    assert len(after["entry_facts"]) == 96


def test_refresh_follows_the_workday_window(fresh_tiny_store: duckdb.DuckDBPyConnection) -> None:
    with transaction(fresh_tiny_store) as cur:
        refresh_derived(cur, thresholds=Thresholds(workday_end=time(18, 0)))
    # 17:00–21:00 now has 3 of its 4 clock hours outside
    assert entry(fresh_tiny_store, "T-A1-03")["outside_hours"] == pytest.approx(3.5 * 3 / 4)
    assert get_meta(fresh_tiny_store, "derived_workday_window") == "08:00-18:00"


def test_refresh_on_an_empty_store(empty_store: duckdb.DuckDBPyConnection) -> None:
    for table in DERIVED_TABLES[1:]:
        assert query_value(empty_store, f"SELECT count(*) FROM {table}") == 0, table
    year = date.today().year
    assert query_rows(empty_store, "SELECT min(day), max(day) FROM calendar_days") == [
        (date(year - 1, 1, 1), date(year + 1, 12, 31))
    ]
    with transaction(empty_store) as cur:  # and again: still fine
        refresh_derived(cur, thresholds=Thresholds())
    assert query_value(empty_store, "SELECT count(*) FROM entry_facts") == 0


# --- the small tables that make the catalogue fast at city scale --------------------------------


@pytest.mark.parametrize(
    ("service_id", "work_date", "level", "entries", "hours", "outside_hours"),
    [
        # Alice 09–12 (3 h) and 17–21 (3.5 h paid, half of its clock span after 19:00) on P_CONS
        pytest.param("svc_jeu", date(2024, 5, 2), "consultation", 2, 6.5, 3.5 * 2 / 4,
                     id="jeu-consultation"),
        # Alice 13–17 (4 h) and Bruno 09–17 (8 h), ordinary work
        pytest.param("svc_jeu", date(2024, 5, 2), "none", 2, 12.0, 0.0, id="jeu-ordinary"),
        pytest.param("svc_tech", date(2024, 5, 2), "none", 1, 9.75, 0.0, id="tech-david"),
        # 1 May, a public holiday: David's 9.75 h are wholly outside
        pytest.param("svc_tech", date(2024, 5, 1), "none", 1, 9.75, 9.75, id="tech-holiday"),
    ],
)
def test_service_day(
    tiny_store: duckdb.DuckDBPyConnection, service_id: str, work_date: date, level: str,
    entries: int, hours: float, outside_hours: float,
) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT entries, hours, outside_hours FROM service_day "
        "WHERE service_id = ? AND work_date = ? AND level = ?",
        [service_id, work_date, level],
    )
    assert rows == [(entries, pytest.approx(hours), pytest.approx(outside_hours, abs=1e-12))]


@pytest.mark.parametrize(
    ("service_id", "day", "agents", "capacity_hours"),
    [
        # Chloé's 39 h contract wins over the 35 h one (7.8), David 7.0, Emma's short contract 7.0
        pytest.param("svc_tech", date(2024, 5, 21), 3, 7.8 + 7.0 + 7.0, id="tech-three-agents"),
        # Bruno is on leave 13–17 May: only Alice
        pytest.param("svc_jeu", date(2024, 5, 15), 1, 7.0, id="jeu-bruno-on-leave"),
        pytest.param("svc_jeu", date(2024, 5, 21), 2, 7.0 + 5.6, id="jeu-both"),
        pytest.param("svc_jeu", date(2024, 5, 20), None, None, id="whit-monday"),
    ],
)
def test_service_day_capacity(
    tiny_store: duckdb.DuckDBPyConnection, service_id: str, day: date, agents: int | None,
    capacity_hours: float | None,
) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT agents, capacity_hours FROM service_day_capacity WHERE service_id = ? AND day = ?",
        [service_id, day],
    )
    assert rows == ([] if agents is None else [(agents, pytest.approx(capacity_hours))])


@pytest.mark.parametrize(
    ("week_start", "hours", "cumulative_hours"),
    [
        # David works 9.75 h every weekday from ISO week 9 (Monday 26 February 2024) to week 18
        pytest.param(date(2024, 2, 19), None, None, id="before-first-week"),
        pytest.param(date(2024, 2, 26), 5 * 9.75, 5 * 9.75, id="first-week"),
        pytest.param(date(2024, 4, 29), 5 * 9.75, 10 * 5 * 9.75, id="week-18"),
        # then 48 h, 37 h and 40 h in weeks 19, 20 and 21
        pytest.param(date(2024, 5, 20), 40.0, 10 * 5 * 9.75 + 48 + 37 + 40, id="week-21"),
        # a week without entries is a row too (dense), carrying the running total on
        pytest.param(date(2024, 5, 27), 0.0, 10 * 5 * 9.75 + 48 + 37 + 40, id="week-without-entries"),
    ],
)
def test_agent_week_running(
    tiny_store: duckdb.DuckDBPyConnection, week_start: date, hours: float | None,
    cumulative_hours: float | None,
) -> None:
    rows = query_rows(
        tiny_store,
        "SELECT service_id, hours, cumulative_hours FROM agent_week_running "
        "WHERE agent_id = 'A4' AND week_start = ?",
        [week_start],
    )
    expected = [] if hours is None else [("svc_tech", pytest.approx(hours),
                                          pytest.approx(cumulative_hours))]
    assert rows == expected


def test_agent_week_running_skips_agents_without_hours(
    tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    # Emma has capacity but never recorded time
    assert query_value(tiny_store, "SELECT count(*) FROM agent_week_running WHERE agent_id = 'A5'") == 0


@pytest.mark.parametrize(
    ("all_services", "service_id", "all_levels", "level", "first_date"),
    [
        pytest.param(False, "svc_jeu", False, "consultation", date(2024, 4, 10), id="one-scope"),
        pytest.param(False, "svc_tech", False, "coproduction", date(2024, 5, 25), id="other-scope"),
        pytest.param(False, "svc_tech", True, None, date(2024, 5, 25), id="service-all-levels"),
        pytest.param(True, None, False, "coproduction", date(2024, 5, 25), id="level-all-services"),
        pytest.param(True, None, True, None, date(2024, 4, 10), id="everything"),
    ],
)
def test_participant_first_all(
    tiny_store: duckdb.DuckDBPyConnection,
    all_services: bool,
    service_id: str | None,
    all_levels: bool,
    level: str | None,
    first_date: date,
) -> None:
    # p_r03 came to E1 (10 April) and E3 (2 May) of P_CONS, and to E6 (25 May) of P_COPRO
    assert query_rows(
        tiny_store,
        "SELECT first_date FROM participant_first_all WHERE participant_id = 'p_r03'"
        " AND all_services = ? AND service_id IS NOT DISTINCT FROM ?"
        " AND all_levels = ? AND level IS NOT DISTINCT FROM ?",
        [all_services, service_id, all_levels, level],
    ) == [(first_date,)]


def test_participant_first_all_has_every_scope(tiny_store: duckdb.DuckDBPyConnection) -> None:
    # p_r03: 2 (service, level) rows, 2 services, 2 levels, 1 overall; p_r08's event without
    # project keeps its NULL service apart from the all-services row
    assert query_value(
        tiny_store, "SELECT count(*) FROM participant_first_all WHERE participant_id = 'p_r03'"
    ) == 2 + 2 + 2 + 1
    assert query_rows(
        tiny_store,
        "SELECT first_date FROM participant_first_all WHERE participant_id = 'p_r08'"
        " AND NOT all_services AND service_id IS NULL AND NOT all_levels AND level = 'none'",
    ) == [(date(2024, 5, 15),)]
    # the overall first date is the min over the participant's (service, level) rows
    assert query_rows(
        tiny_store,
        "SELECT a.participant_id FROM participant_first_all AS a"
        " JOIN (SELECT participant_id, min(event_date) AS first_date FROM participant_activity"
        "       GROUP BY participant_id) AS f USING (participant_id)"
        " WHERE a.all_services AND a.all_levels AND a.first_date <> f.first_date",
    ) == []


def test_project_day(tiny_store: duckdb.DuckDBPyConnection) -> None:
    # 2 May: Alice's preparation 09–12 (3 h) and meeting 17–21 (3.5 h) on P_CONS
    assert query_rows(
        tiny_store,
        "SELECT activity, hours FROM project_day "
        "WHERE project_id = 'P_CONS' AND work_date = DATE '2024-05-02' ORDER BY activity",
    ) == [("meeting", 3.5), ("preparation", 3.0)]
    # entries without project are not there; every hour on a project is
    assert query_value(tiny_store, "SELECT count(*) FROM project_day WHERE project_id IS NULL") == 0
    assert query_value(tiny_store, "SELECT sum(hours) FROM project_day") == pytest.approx(
        query_value(tiny_store, "SELECT sum(hours) FROM time_entries WHERE project_id IS NOT NULL"))


# --- refreshing only what an import changed ------------------------------------------------------


@pytest.mark.parametrize(
    ("changed", "rebuilt", "kept"),
    [
        pytest.param({"time_entries"}, {"entry_facts", "agent_week", "agent_week_running",
                                        "project_phase_hours", "service_day"},
                     {"agent_day_capacity", "service_day_capacity", "participant_activity"},
                     id="time-entries"),
        pytest.param({"attendances"}, {"participant_activity", "participation_buckets",
                                       "event_attendance", "participant_first_all"},
                     {"entry_facts", "agent_week", "agent_day_capacity"}, id="attendances"),
        pytest.param({"contracts"}, {"agent_day_capacity", "agent_week", "service_day_capacity",
                                     "agent_week_running"},
                     {"entry_facts", "agent_day", "participant_activity"}, id="contracts"),
        pytest.param({"agents"}, {"entry_facts", "agent_day_capacity", "project_day"},
                     {"participant_activity"}, id="agents"),
        pytest.param({"services"}, set(), set(DERIVED_TABLES[1:]), id="services-only"),
    ],
)
def test_an_import_rebuilds_what_depends_on_its_tables(
    changed: set[str], rebuilt: set[str], kept: set[str]
) -> None:
    found = set(affected(changed))
    assert rebuilt <= found
    assert not kept & found


def test_every_derived_table_reads_only_earlier_tables() -> None:
    for position, table in enumerate(DERIVED_TABLES):
        assert reads(table), table
        assert reads(table).isdisjoint(DERIVED_TABLES[position:]), table


ROWS = {
    "time_entries": "entry_id,agent_id,project_id,work_date,start_time,end_time,hours,activity\n"
                    "T-NEW-1,A2,P_CONS,2024-05-14,18:00,22:30,4.5,meeting\n"
                    "T-NEW-2,A5,,2024-05-21,08:00,19:30,11.5,ordinary\n",
    "late_entry": "entry_id,agent_id,project_id,work_date,start_time,end_time,hours,activity\n"
                  "T-LATE,A1,P_CONS,2027-03-02,09:00,12:00,3,preparation\n",
    "attendances": "event_id,participant_id,role,status,hours\n"
                   "E0,p_r02,resident,attended,\nE0,p_r03,resident,no_show,\n",
    "contracts": "agent_id,valid_from,valid_to,weekly_hours\nA1,2024-05-15,,20\n",
}


@pytest.mark.parametrize(
    ("name", "calendar_rebuilt"),
    [("time_entries", False), ("late_entry", True), ("attendances", False), ("contracts", False)],
)
def test_a_partial_refresh_equals_a_full_one(
    fresh_tiny_store: duckdb.DuckDBPyConnection, name: str, calendar_rebuilt: bool,
    refreshes: list[tuple[str, ...]],
) -> None:
    """An import rebuilds only the tables its rows reach, and they are what a full rebuild gives."""
    from analytics.ingest import import_file

    target = "time_entries" if name == "late_entry" else name
    result = import_file(fresh_tiny_store, ROWS[name].encode(), name=f"{target}.csv")
    assert result.status == "imported", result.message
    assert result.rows_added > 0
    assert len(refreshes) == 1
    assert ("calendar_days" in refreshes[0]) is calendar_rebuilt
    assert (refreshes[0] == DERIVED_TABLES) is calendar_rebuilt  # a moved date span rebuilds all
    assert_a_full_refresh_changes_nothing(fresh_tiny_store)


def test_a_file_that_adds_nothing_rebuilds_nothing(
    fresh_tiny_store: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analytics.ingest import import_file
    from analytics.store import derived

    assert import_file(fresh_tiny_store, ROWS["time_entries"].encode(),
                       name="time_entries.csv").status == "imported"
    calls: list[object] = []
    monkeypatch.setattr(derived, "refresh_derived", lambda cur, **options: calls.append(options))
    again = ROWS["time_entries"].replace("T-NEW-2", "T-NEW-1")  # another file, rows already there
    result = import_file(fresh_tiny_store, again.encode(), name="time_entries_2.csv")
    assert result.rows_added == 0
    assert calls == []


def test_derived_tables_of_other_code_are_rebuilt_whole(
    fresh_tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    from analytics.store.db import set_meta
    from analytics.store.derived import SIGNATURE_META, is_current

    assert is_current(fresh_tiny_store)
    with transaction(fresh_tiny_store) as cur:
        set_meta(cur, SIGNATURE_META, "an older version")
        cur.execute("DROP TABLE event_attendance")  # a table that version did not have
    assert not is_current(fresh_tiny_store)
    with transaction(fresh_tiny_store) as cur:
        rebuilt = refresh_derived(cur, changed={"attendances"})
    assert rebuilt == DERIVED_TABLES
    assert is_current(fresh_tiny_store)
    assert query_value(fresh_tiny_store, "SELECT count(*) FROM event_attendance") > 0


@pytest.mark.parametrize("command", ["indicators", "simulate"])
def test_read_only_commands_explain_derived_tables_of_another_version(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from analytics.cli import EXIT_USAGE, main
    from analytics.store.db import open_store, set_meta
    from analytics.store.derived import SIGNATURE_META

    path = tmp_path / "old.duckdb"
    con = open_store(path)
    with transaction(con) as cur:
        refresh_derived(cur)
        set_meta(cur, SIGNATURE_META, "an older version")
    con.close()
    options = (["--from", "2024-05-01", "--to", "2024-05-31"] if command == "indicators" else
               ["--team", "svc_jeu", "--level", "consultation", "--start", "2024-06-03", "--months", "3"])
    assert main([command, "--db", str(path), *options]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert f"error: {path}: its derived tables were built by another version of the app" in error
    assert "Traceback" not in error


def test_indicators_on_an_empty_store_gives_zero_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from analytics.cli import EXIT_OK, main
    from analytics.store.db import open_store

    path = tmp_path / "new.duckdb"
    con = open_store(path)  # created empty (by `import` of nothing, say): the command creates none
    with transaction(con) as cur:
        refresh_derived(cur)
    con.close()
    assert main(["indicators", "--db", str(path), "--from", "2024-05-01", "--to", "2024-05-31",
                 "--json"]) == EXIT_OK
    assert '"hours.total": 0' in capsys.readouterr().out
