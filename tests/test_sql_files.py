"""The SQL files: each reads whole (its ``-- @include`` lines resolved); shared CTEs have one home."""

from __future__ import annotations

import pytest

from analytics.store.db import INCLUDE, SQL_DIR, read_sql

SQL_NAMES = sorted(str(path.relative_to(SQL_DIR).with_suffix("")) for path in SQL_DIR.rglob("*.sql"))


@pytest.mark.parametrize("name", SQL_NAMES)
def test_every_sql_file_reads_with_its_includes_resolved(name: str) -> None:
    text = read_sql(name)
    assert text.strip()
    assert not INCLUDE.search(text), name


@pytest.mark.parametrize(
    ("name", "fragment", "cte"),
    [
        ("capacity/agent_week_load", "capacity/period_weeks", "edge_weeks AS ("),
        ("capacity/load_weeks", "capacity/period_weeks", "edge_weeks AS ("),
        *(("capacity/" + name, "capacity/agents_in", "agents_in AS (")
          for name in ("legal_days", "legal_weeks", "legal_avg12", "legal_rest", "overload_runs",
                       "evenings", "participation_by_agent", "load_weeks")),
        ("derived/entry_facts", "rules/outside_hours", "WHEN is_nonworking_day THEN hours"),
        ("engagement/attendance_trend", "engagement/attendance_groups", "by_group AS ("),
        ("engagement/attendance_yearly", "engagement/attendance_groups", "by_group AS ("),
        ("arbitration/finished_effort", "arbitration/finished_effort_rows", "with_months AS ("),
        ("arbitration/history_effort", "arbitration/finished_effort_rows", "with_months AS ("),
        ("arbitration/requests_echo", "arbitration/team_map", "team_map AS ("),
        ("arbitration/requests_monthly", "arbitration/team_map", "team_map AS ("),
        ("arbitration/requests_close_time", "arbitration/team_map", "team_map AS ("),
        ("arbitration/requests_monthly", "arbitration/request_group", "WHEN grouping(team_id) = 0"),
        ("arbitration/requests_close_time", "arbitration/request_group", "WHEN grouping(team_id) = 0"),
        ("engagement/headline", "engagement/population_counts", "category_counts AS ("),
        ("engagement/representation", "engagement/population_counts", "category_counts AS ("),
    ],
)
def test_shared_ctes_are_included_once(name: str, fragment: str, cte: str) -> None:
    raw = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    assert f"-- @include {fragment}\n" in raw
    assert cte not in raw  # the CTE lives in the fragment only
    assert read_sql(name).count(cte) == 1
    assert read_sql(fragment) in read_sql(name)
