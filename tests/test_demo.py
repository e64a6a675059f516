"""The demo town: determinism, the data contract, internal consistency and the story it tells.

The story checks compute everything independently from the canonical tables with plain SQL (and
``holidays.France`` for public holidays); they never call the generator's own helpers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta

import duckdb
import holidays
import numpy as np
import pandas as pd
import pytest

from analytics import schema
from analytics.demo import STORY_QUARTIER, STORY_SERVICE_ID, generate_town, load_demo
from analytics.store.db import open_store, query_df, query_rows, query_value

pytestmark = pytest.mark.slow

AS_OF = date(2026, 11, 30)
SEED = 2026
WINDOW_START = AS_OF - timedelta(days=91)
"""First day of 'the last three months' (13 weeks) before the as-of day."""
HISTORY_START = (
    date(AS_OF.year - 10, AS_OF.month, AS_OF.day) if (AS_OF.month, AS_OF.day) != (2, 29)
    else date(AS_OF.year - 10, 2, 28)
) + timedelta(days=1)
"""The day after the same date ten years earlier: 1 December 2016."""
FIRST_FULL_YEAR = HISTORY_START.year + ((HISTORY_START.month, HISTORY_START.day) != (1, 1))
LAST_FULL_YEAR = AS_OF.year - ((AS_OF.month, AS_OF.day) != (12, 31))

KEYS: dict[str, tuple[str, ...]] = {
    "services": ("service_id",),
    "agents": ("agent_id",),
    "contracts": ("agent_id", "valid_from"),
    "absences": ("agent_id", "start_date", "absence_kind"),
    "projects": ("project_id",),
    "time_entries": ("entry_id",),
    "events": ("event_id",),
    "participants": ("participant_id",),
    "attendances": ("event_id", "participant_id"),
    "requests": ("request_id",),
    "population": ("dimension", "category"),
    "milestones": ("milestone_id",),
}


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    """The town-scale demo as canonical frames."""
    return generate_town("town", SEED, AS_OF)


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[duckdb.DuckDBPyConnection, dict[str, int], list[tuple[float, str]]]]:
    """An in-memory store holding the demo, the counts load_demo returned and its progress calls."""
    con = open_store(":memory:")
    steps: list[tuple[float, str]] = []
    counts = load_demo(con, "town", SEED, AS_OF, progress=lambda f, s: steps.append((f, s)))
    yield con, counts, steps
    con.close()


@pytest.fixture(scope="module")
def con(
    loaded: tuple[duckdb.DuckDBPyConnection, dict[str, int], list[tuple[float, str]]],
) -> duckdb.DuckDBPyConnection:
    """The demo store, with a ``capacity_days`` table computed independently for the checks."""
    connection = loaded[0]
    days = pd.date_range(AS_OF - timedelta(days=3700), AS_OF, freq="D")
    french = holidays.France(years=range(days[0].year, AS_OF.year + 1))
    public_holidays = pd.to_datetime(list(french))
    working = pd.DataFrame({"day": days[(days.day_of_week < 5) & ~days.isin(public_holidays)].date})
    assert len(days) - len(working) > 2 * 3700 / 7  # weekends and public holidays are out
    cur = connection.cursor()
    cur.register("working_input", working)
    cur.register("holiday_frame", pd.DataFrame({"day": sorted(french)}))
    cur.execute("CREATE TABLE holiday_input AS SELECT CAST(day AS DATE) AS day FROM holiday_frame")
    cur.execute("CREATE TABLE test_working_days AS SELECT CAST(day AS DATE) AS day FROM working_input")
    cur.execute(
        """
        CREATE TABLE test_capacity_days AS
        SELECT c.agent_id, w.day, c.weekly_hours / 5 AS capacity
        FROM contracts AS c
        JOIN test_working_days AS w
          ON w.day >= c.valid_from AND (c.valid_to IS NULL OR w.day <= c.valid_to)
        WHERE NOT EXISTS (
            SELECT 1 FROM absences AS a
            WHERE a.agent_id = c.agent_id AND w.day BETWEEN a.start_date AND a.end_date
        )
        """
    )
    cur.close()
    return connection


# --- determinism and the data contract ------------------------------------------------------------


def test_same_seed_and_day_give_identical_frames(frames: dict[str, pd.DataFrame]) -> None:
    again = generate_town("town", SEED, AS_OF)
    assert list(again) == list(schema.TABLES)
    for table, frame in frames.items():
        pd.testing.assert_frame_equal(again[table], frame, obj=table)


def test_another_seed_gives_another_town(frames: dict[str, pd.DataFrame]) -> None:
    other = generate_town("town", SEED + 1, AS_OF)
    for table in ("agents", "projects", "time_entries", "participants", "requests"):
        assert not other[table].equals(frames[table]), table


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_every_table_is_filled_with_canonical_columns_and_unique_keys(
    frames: dict[str, pd.DataFrame], table: str
) -> None:
    frame = frames[table]
    assert tuple(frame.columns) == schema.TABLES[table]
    assert len(frame) > 0
    assert not frame.duplicated(list(KEYS[table])).any()
    assert frame[list(KEYS[table])].notna().all().all()


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_the_store_holds_exactly_the_generated_frames(
    frames: dict[str, pd.DataFrame], con: duckdb.DuckDBPyConnection, table: str
) -> None:
    keys = list(KEYS[table])
    columns = ", ".join(f'"{c}"' for c in schema.TABLES[table])
    stored = query_df(con, f'SELECT {columns} FROM "{table}"')
    stored = stored.sort_values(keys, ignore_index=True)
    expected = frames[table].sort_values(keys, ignore_index=True)
    for column in ("start_time", "end_time"):  # DuckDB gives <NA> for a NULL TIME, the frames None
        if column in stored:
            stored[column] = stored[column].astype(object).where(stored[column].notna(), None)
    pd.testing.assert_frame_equal(stored, expected, check_dtype=False, obj=table)


VOCABULARY: list[tuple[str, str, tuple[str, ...], bool]] = [
    ("projects", "level", schema.LEVELS, True),
    ("projects", "initiative", schema.INITIATIVES, False),
    ("projects", "perimeter", schema.PERIMETERS, False),
    ("projects", "status", schema.PROJECT_STATUSES, False),
    ("events", "event_kind", schema.EVENT_KINDS, False),
    ("time_entries", "activity", schema.ACTIVITIES, False),
    ("attendances", "role", schema.ROLES, False),
    ("attendances", "status", schema.ATTENDANCE_STATUSES, False),
    ("absences", "absence_kind", schema.ABSENCE_KINDS, False),
    ("requests", "channel", schema.REQUEST_CHANNELS, False),
    ("requests", "status", schema.REQUEST_STATUSES, False),
    ("participants", "age_band", schema.AGE_BANDS, False),
    ("population", "dimension", schema.POPULATION_DIMENSIONS, False),
]


@pytest.mark.parametrize(("table", "column", "vocabulary", "nullable"), VOCABULARY)
def test_coded_values_come_from_the_schema_and_all_occur(
    frames: dict[str, pd.DataFrame], table: str, column: str, vocabulary: tuple[str, ...],
    nullable: bool,
) -> None:
    values = frames[table][column]
    assert values.isna().any() == nullable
    assert set(values.dropna()) == set(vocabulary)


REFERENCES: list[tuple[str, str, str, str]] = [
    ("agents", "service_id", "services", "service_id"),
    ("contracts", "agent_id", "agents", "agent_id"),
    ("absences", "agent_id", "agents", "agent_id"),
    ("projects", "service_id", "services", "service_id"),
    ("time_entries", "agent_id", "agents", "agent_id"),
    ("time_entries", "project_id", "projects", "project_id"),
    ("events", "project_id", "projects", "project_id"),
    ("attendances", "event_id", "events", "event_id"),
    ("attendances", "participant_id", "participants", "participant_id"),
    ("requests", "service_id", "services", "service_id"),
    ("requests", "project_id", "projects", "project_id"),
    ("milestones", "project_id", "projects", "project_id"),
]


@pytest.mark.parametrize(("table", "column", "target", "key"), REFERENCES)
def test_references_point_to_existing_rows(
    con: duckdb.DuckDBPyConnection, table: str, column: str, target: str, key: str
) -> None:
    dangling = query_value(
        con,
        f'SELECT count(*) FROM "{table}" AS t WHERE t."{column}" IS NOT NULL AND NOT EXISTS '
        f'(SELECT 1 FROM "{target}" AS r WHERE r."{key}" = t."{column}")',
    )
    assert dangling == 0


@pytest.mark.parametrize("table", ["events", "participants", "requests"])
def test_quartiers_are_those_of_the_population_table(
    con: duckdb.DuckDBPyConnection, table: str
) -> None:
    unknown = query_value(
        con,
        f'SELECT count(*) FROM "{table}" WHERE quartier NOT IN '
        "(SELECT category FROM population WHERE dimension = 'quartier')",
    )
    assert unknown == 0


def test_population_sums_to_the_inhabitants_in_each_dimension(
    con: duckdb.DuckDBPyConnection,
) -> None:
    rows = query_rows(con, "SELECT dimension, sum(population) FROM population GROUP BY 1")
    assert dict(rows) == {"quartier": 7000, "age_band": 7000}


def test_participants_are_pseudonyms(frames: dict[str, pd.DataFrame]) -> None:
    ids = frames["participants"]["participant_id"]
    assert ids.str.fullmatch(r"p_[0-9a-f]{24}").all()


# --- staff, contracts and time entries --------------------------------------------------------------


def test_contracts_chain_without_gaps_and_include_part_time(
    frames: dict[str, pd.DataFrame],
) -> None:
    contracts = frames["contracts"].sort_values(["agent_id", "valid_from"])
    following = contracts.groupby("agent_id")["valid_from"].shift(-1)
    chained = following.notna()
    gap = following[chained] - contracts["valid_to"][chained]
    assert (gap == pd.Timedelta(days=1)).all()
    assert contracts.groupby("agent_id").size().max() >= 2
    assert {28.0, 17.5} <= set(contracts["weekly_hours"])
    start = pd.Timestamp(HISTORY_START)
    first = contracts.groupby("agent_id")["valid_from"].min()
    last_end = contracts.groupby("agent_id")["valid_to"].apply(lambda s: s.isna().any())
    assert (first > start).sum() >= 10  # joined during the history
    assert (~last_end).sum() >= 10  # left during the history
    assert 110 <= last_end.sum() <= 130  # the headcount today


def test_ordinary_work_only_on_working_days_inside_contracts_and_outside_absences(
    con: duckdb.DuckDBPyConnection,
) -> None:
    misplaced = query_value(
        con,
        """
        SELECT count(*) FROM time_entries AS t
        WHERE t.activity = 'ordinary' AND NOT EXISTS (
            SELECT 1 FROM test_capacity_days AS c
            WHERE c.agent_id = t.agent_id AND c.day = t.work_date
        )
        """,
    )
    assert misplaced == 0
    on_holidays = query_value(
        con,
        "SELECT count(*) FROM time_entries WHERE activity = 'ordinary' AND work_date IN "
        "(SELECT CAST(day AS DATE) FROM holiday_input)",
    )
    assert on_holidays == 0
    outside = query_value(
        con,
        """
        SELECT count(*) FROM time_entries AS t WHERE NOT EXISTS (
            SELECT 1 FROM contracts AS c WHERE c.agent_id = t.agent_id
              AND t.work_date >= c.valid_from AND (c.valid_to IS NULL OR t.work_date <= c.valid_to)
        ) OR EXISTS (
            SELECT 1 FROM absences AS a WHERE a.agent_id = t.agent_id
              AND t.work_date BETWEEN a.start_date AND a.end_date
        )
        """,
    )
    assert outside == 0


def test_time_entries_are_consistent_and_show_hidden_work(con: duckdb.DuckDBPyConnection) -> None:
    facts = query_df(
        con,
        """
        SELECT
          count(*) AS n,
          count(*) FILTER (WHERE start_time IS NOT NULL AND abs(hours -
            ((epoch(end_time) - epoch(start_time) + CASE WHEN end_time < start_time
              THEN 86400 ELSE 0 END) / 3600)) > 1e-9) AS wrong_hours,
          count(*) FILTER (WHERE start_time IS NULL) AS untimed,
          count(*) FILTER (WHERE end_time < start_time) AS past_midnight,
          count(*) FILTER (WHERE start_time >= TIME '17:00' AND activity = 'meeting') AS evenings,
          count(*) FILTER (WHERE isodow(work_date) = 6 AND activity = 'site_work') AS saturdays,
          count(*) FILTER (WHERE (project_id IS NULL) <> (activity = 'ordinary')) AS odd_ordinary,
          max(work_date) AS last_day
        FROM time_entries
        """,
    ).iloc[0]
    assert facts["wrong_hours"] == 0
    assert facts["odd_ordinary"] == 0
    assert 0 < facts["untimed"] < 0.1 * facts["n"]
    assert facts["past_midnight"] >= 3
    assert facts["evenings"] >= 500
    assert facts["saturdays"] >= 500
    assert timedelta(0) <= AS_OF - facts["last_day"].date() <= timedelta(days=3)  # up to today
    per_day = facts["n"] / query_value(
        con, "SELECT count(*) FROM test_capacity_days WHERE day <= ?", [AS_OF]
    )
    assert 2.4 <= per_day <= 3.0


def test_coproduction_chantiers_happen_on_saturdays(con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(query_rows(
        con,
        """
        SELECT isodow(e.event_date) = 6, count(*) FROM events AS e
        JOIN projects AS p USING (project_id)
        WHERE e.event_kind = 'site_work' AND p.level = 'coproduction' GROUP BY 1
        """,
    ))
    assert rows[True] > 0 and rows.get(False, 0) == 0


def test_projects_cover_every_status_with_plans_and_priorities(
    frames: dict[str, pd.DataFrame],
) -> None:
    projects = frames["projects"]
    status = projects["status"]
    today = pd.Timestamp(AS_OF)
    proposed = projects[status == "proposed"]
    assert 10 <= len(proposed) <= 15
    assert proposed["priority"].between(1, 10).all() and proposed["planned_hours"].gt(0).all()
    planned = projects[status == "planned"]
    assert len(planned) >= 3 and planned["planned_hours"].gt(0).all()
    assert (planned["start_date"] > today).all()
    assert (planned["start_date"] <= today + pd.Timedelta(weeks=13)).all()
    assert (projects.loc[status == "done", "end_date"] <= today).all()
    assert 1 <= (status == "declined").sum() <= 10
    assert projects["level"].isna().sum() >= 20
    participatory = projects.dropna(subset=["level"])
    assert len(participatory.groupby(["level", "initiative"])) == 6


# --- the story ------------------------------------------------------------------------------------


def _weekly_load(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Hours / capacity per agent and ISO week starting in the last three months."""
    return query_df(
        con,
        """
        WITH cap AS (
            SELECT agent_id, date_trunc('week', day) AS week, sum(capacity) AS capacity
            FROM test_capacity_days GROUP BY ALL
        ), worked AS (
            SELECT agent_id, date_trunc('week', work_date) AS week, sum(hours) AS hours
            FROM time_entries GROUP BY ALL
        )
        SELECT cap.agent_id, cap.week, coalesce(worked.hours, 0) / cap.capacity AS load
        FROM cap LEFT JOIN worked USING (agent_id, week)
        WHERE cap.capacity > 0 AND cap.week >= ?
        ORDER BY cap.agent_id, cap.week
        """,
        [WINDOW_START],
    )


def _longest_run(flags: pd.Series) -> int:
    run = best = 0
    for flag in flags:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best


def test_one_agent_of_the_participation_team_is_in_sustained_overload(
    con: duckdb.DuckDBPyConnection,
) -> None:
    weekly = _weekly_load(con)
    runs = weekly.groupby("agent_id")["load"].apply(lambda s: _longest_run(s > 1.10))
    overloaded = runs[runs >= 4].index.tolist()
    assert len(overloaded) == 1
    agent = overloaded[0]
    service = query_value(con, "SELECT service_id FROM agents WHERE agent_id = ?", [agent])
    assert service == STORY_SERVICE_ID
    # ≥ 6 consecutive ISO weeks above 115 % ending with the as-of week
    tail = weekly[weekly["agent_id"] == agent]["load"].to_numpy()[::-1]
    assert (np.cumprod(tail > 1.15)).sum() >= 6
    long_days = query_value(
        con,
        "SELECT count(*) FROM (SELECT work_date FROM time_entries WHERE agent_id = ? "
        "AND work_date >= ? GROUP BY 1 HAVING sum(hours) > 10)",
        [agent, WINDOW_START],
    )
    assert long_days >= 3


def test_short_rests_follow_late_meetings(con: duckdb.DuckDBPyConnection) -> None:
    agent = query_value(
        con,
        "SELECT agent_id FROM time_entries WHERE work_date >= ? GROUP BY 1 "
        "ORDER BY sum(hours) / count(DISTINCT work_date) DESC, agent_id LIMIT 1",
        [WINDOW_START],
    )
    short_rests = query_value(
        con,
        """
        WITH days AS (
            SELECT work_date,
                   min(start_time) AS first_start,
                   max(work_date + end_time + CASE WHEN end_time < start_time
                       THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END) AS last_end
            FROM time_entries WHERE agent_id = ? AND start_time IS NOT NULL GROUP BY 1
        )
        SELECT count(*) FROM days AS d JOIN days AS p ON p.work_date = d.work_date - 1
        WHERE d.work_date >= ? AND d.work_date + d.first_start - p.last_end < INTERVAL 11 HOUR
        """,
        [agent, WINDOW_START],
    )
    assert short_rests >= 2


def _service_loads(con: duckdb.DuckDBPyConnection) -> pd.Series:
    frame = query_df(
        con,
        """
        WITH cap AS (
            SELECT a.service_id, sum(c.capacity) AS capacity FROM test_capacity_days AS c
            JOIN agents AS a USING (agent_id) WHERE c.day >= ? GROUP BY 1
        ), worked AS (
            SELECT a.service_id, sum(t.hours) AS hours FROM time_entries AS t
            JOIN agents AS a USING (agent_id) WHERE t.work_date >= ? GROUP BY 1
        )
        SELECT service_id, hours / capacity AS load FROM cap JOIN worked USING (service_id)
        """,
        [WINDOW_START, WINDOW_START],
    )
    return frame.set_index("service_id")["load"]


def test_the_participation_team_is_saturated_and_the_others_are_not(
    con: duckdb.DuckDBPyConnection,
) -> None:
    loads = _service_loads(con)
    assert 0.9 <= loads[STORY_SERVICE_ID] <= 1.1
    others = loads.drop(STORY_SERVICE_ID)
    assert others.between(0.7, 0.9).mean() >= 0.7
    assert (others < 0.95).all()


def test_staff_effort_grows_with_the_level_of_involvement(con: duckdb.DuckDBPyConnection) -> None:
    medians = dict(query_rows(
        con,
        """
        SELECT p.level, median(t.hours) FROM projects AS p
        JOIN (SELECT project_id, sum(hours) AS hours FROM time_entries
              WHERE project_id IS NOT NULL GROUP BY 1) AS t USING (project_id)
        WHERE p.level IS NOT NULL GROUP BY 1
        """,
    ))
    assert medians["coproduction"] > medians["consultation"] > medians["information"]
    assert medians["coproduction"] > 2 * medians["consultation"] > 4 * medians["information"]


def _yearly(con: duckdb.DuckDBPyConnection, sql: str) -> pd.Series:
    frame = query_df(con, sql)
    return frame.set_index(frame.columns[0])[frame.columns[1]]


def test_public_meeting_attendance_erodes(con: duckdb.DuckDBPyConnection) -> None:
    per_event = _yearly(
        con,
        """
        SELECT year(e.event_date) AS year, count(*) / count(DISTINCT e.event_id) AS mean
        FROM events AS e JOIN attendances AS a USING (event_id)
        WHERE e.event_kind = 'public_meeting' AND a.status = 'attended' GROUP BY 1
        """,
    )
    first = per_event.loc[FIRST_FULL_YEAR : FIRST_FULL_YEAR + 2].mean()
    last = per_event.loc[LAST_FULL_YEAR - 2 : LAST_FULL_YEAR].mean()
    assert last < 0.85 * first


def test_coproduction_participation_grows(con: duckdb.DuckDBPyConnection) -> None:
    yearly = _yearly(
        con,
        """
        SELECT year(e.event_date), count(*) FROM attendances AS a
        JOIN events AS e USING (event_id) JOIN projects AS p USING (project_id)
        WHERE p.level = 'coproduction' AND a.status = 'attended' GROUP BY 1
        """,
    )
    assert yearly[LAST_FULL_YEAR] > 1.3 * yearly[FIRST_FULL_YEAR]


def test_the_same_people_make_most_of_the_attendances(con: duckdb.DuckDBPyConnection) -> None:
    counts = query_df(
        con,
        """
        SELECT participant_id, count(*) AS n FROM attendances JOIN events USING (event_id)
        WHERE status = 'attended' AND year(event_date) = ? GROUP BY 1 ORDER BY n DESC
        """,
        [LAST_FULL_YEAR],
    )["n"]
    top = int(np.ceil(len(counts) / 10))
    assert counts.iloc[:top].sum() / counts.sum() >= 0.35
    once = query_value(
        con,
        "SELECT avg((n = 1)::INT) FROM (SELECT participant_id, count(*) AS n FROM attendances "
        "WHERE status = 'attended' GROUP BY 1)",
    )
    assert once >= 0.4  # many one-time participants


def test_volunteer_engagement_erodes_cohort_after_cohort(con: duckdb.DuckDBPyConnection) -> None:
    retention = _yearly(
        con,
        """
        WITH active AS (
            SELECT participant_id, year(e.event_date) AS year, bool_or(a.role = 'volunteer') AS vol
            FROM attendances AS a JOIN events AS e USING (event_id)
            WHERE a.status = 'attended' GROUP BY 1, 2
        ), cohort AS (
            SELECT participant_id, min(year) AS first_year FROM active GROUP BY 1
            HAVING bool_or(vol)
        )
        SELECT c.first_year, avg((n.participant_id IS NOT NULL)::INT) AS kept
        FROM cohort AS c LEFT JOIN active AS n
          ON n.participant_id = c.participant_id AND n.year = c.first_year + 1
        GROUP BY 1
        """,
    )
    early = retention.loc[FIRST_FULL_YEAR : FIRST_FULL_YEAR + 2].mean()
    late = retention.loc[LAST_FULL_YEAR - 2 : LAST_FULL_YEAR - 1].mean()
    assert late < early


def test_one_quartier_is_under_represented(con: duckdb.DuckDBPyConnection) -> None:
    rates = _yearly(
        con,
        """
        SELECT p.category, count(DISTINCT x.participant_id) / any_value(p.population)
        FROM population AS p LEFT JOIN participants AS x ON x.quartier = p.category
        WHERE p.dimension = 'quartier' GROUP BY 1
        """,
    )
    assert rates.idxmin() == STORY_QUARTIER
    assert rates[STORY_QUARTIER] < rates.max() / 3


def test_requests_grow_with_participation_and_leave_a_backlog(
    con: duckdb.DuckDBPyConnection,
) -> None:
    yearly = _yearly(con, "SELECT year(received_on), count(*) FROM requests GROUP BY 1")
    assert yearly[LAST_FULL_YEAR] > yearly[FIRST_FULL_YEAR]
    inconsistent = query_value(
        con,
        "SELECT count(*) FROM requests WHERE (closed_on IS NULL) <> (status IN ('open', "
        "'in_progress')) OR closed_on < received_on OR received_on > ?",
        [AS_OF],
    )
    assert inconsistent == 0
    recent_open = query_value(
        con,
        "SELECT avg((closed_on IS NULL)::INT) FROM requests WHERE received_on > ?",
        [AS_OF - timedelta(days=30)],
    )
    assert recent_open > 0.5
    born = query_value(con, "SELECT count(*) FROM requests WHERE project_id IS NOT NULL")
    assert born > 0


def test_milestones_mark_participatory_projects(con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(query_rows(
        con,
        "SELECT p.level, count(*) / count(DISTINCT p.project_id) FROM milestones AS m "
        "JOIN projects AS p USING (project_id) GROUP BY 1",
    ))
    assert rows["coproduction"] >= 3 and rows["consultation"] >= 2
    assert query_value(con, "SELECT max(achieved_on) FROM milestones") <= AS_OF


# --- load_demo bookkeeping ------------------------------------------------------------------------


def test_load_demo_records_the_import_and_the_store_facts(
    loaded: tuple[duckdb.DuckDBPyConnection, dict[str, int], list[tuple[float, str]]],
    frames: dict[str, pd.DataFrame],
) -> None:
    connection, counts, steps = loaded
    assert counts == {table: len(frames[table]) for table in schema.LOAD_ORDER}
    rows = query_rows(
        connection,
        "SELECT file_name, sha256, format, status, rows_read, rows_accepted, rows_rejected "
        "FROM imports",
    )
    name = f"demo:town:{SEED}"
    total = sum(counts.values())
    assert rows == [
        (name, hashlib.sha256(name.encode()).hexdigest(), "demo", "demo", total, total, 0)
    ]
    meta = dict(query_rows(connection, "SELECT key, value FROM store_meta"))
    assert meta["origin"] == "demo"
    assert meta["demo_scale"] == "town"
    assert meta["demo_seed"] == str(SEED)
    assert meta["demo_as_of"] == AS_OF.isoformat()
    assert int(meta["data_version"]) >= 1
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and fractions[0] >= 0.0
    assert all(isinstance(label, str) and label for _, label in steps)
