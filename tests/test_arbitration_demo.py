"""On the demo town: coproduction costs measurably more than consultation, which costs more than
information; the ``simulate`` command prints a projection and a verdict, and refuses bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from scipy.stats import mannwhitneyu

from analytics.arbitration.baseline import team_days
from analytics.arbitration.context import (
    Context,
    days_of_team,
    load_context,
    load_history,
    monthly_rates,
)
from analytics.arbitration.effort import effort_by
from analytics.arbitration.simulate import VERDICTS
from analytics.cli import EXIT_USAGE, main
from analytics.demo import STORY_SERVICE_ID
from analytics.settings import Thresholds

SIGNIFICANCE = 0.01
"""'Measurably more': a one-sided Mann–Whitney test must reject equal costs at this level."""


@pytest.fixture(scope="module")
def context(demo_con: duckdb.DuckDBPyConnection) -> Context:
    found = load_context(demo_con, Thresholds())
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("heavier", "lighter"), [("coproduction", "consultation"), ("consultation", "information")]
)
def test_heavier_levels_cost_measurably_more(context: Context, heavier: str, lighter: str) -> None:
    table = effort_by(context.effort, "level").set_index("level")
    assert table.loc[heavier, "projects"] >= 5 and table.loc[lighter, "projects"] >= 5
    assert table.loc[heavier, "hours_p50"] > table.loc[lighter, "hours_p50"]
    assert table.loc[heavier, "hours_p80"] > table.loc[lighter, "hours_p80"]
    hours = context.effort.groupby("level")["hours"]
    test = mannwhitneyu(hours.get_group(heavier), hours.get_group(lighter), alternative="greater")
    assert test.pvalue < SIGNIFICANCE


def test_the_context_is_the_history_and_the_coming_months(
    context: Context, demo_con: duckdb.DuckDBPyConnection
) -> None:
    history = load_history(demo_con, Thresholds())
    assert history is not None
    assert (history.as_of, history.first_start, history.latest_start) == (
        context.as_of, context.baseline.first_day, context.latest_start)
    pd.testing.assert_frame_equal(history.effort, context.effort)
    pd.testing.assert_frame_equal(history.teams, context.teams)


def test_each_teams_days_are_its_services_days(context: Context) -> None:
    """days_of_team (capacity of all teams computed once) gives what team_days gives."""
    for team in context.teams["team_id"]:
        expected = team_days(context.baseline, context.services_of(team), monthly_rates(context, team))
        pd.testing.assert_frame_equal(days_of_team(context, team), expected, obj=team)


def test_officials_see_teams_of_at_least_the_minimum_size(context: Context) -> None:
    assert (context.teams["agents"] >= context.min_group_size).all()
    assert "agent_id" not in context.effort.columns


@pytest.fixture(scope="module")
def cli_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store for the command line: the test process already holds the demo
    file open for writing, and DuckDB refuses a second, read-only connection to it."""
    target = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    shutil.copyfile(demo_db, target)
    return target


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_simulate_prints_weeks_and_verdicts_as_json(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        ["simulate", "--db", str(cli_db), "--team", STORY_SERVICE_ID, "--level", "consultation",
         "--start", "2027-03-01", "--months", "6", "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["team"]["id"] == STORY_SERVICE_ID
    assert result["reference_day"] == "2026-11-30"
    assert set(result["verdicts"]) == {"p50", "p80"}
    assert {v["verdict"] for v in result["verdicts"].values()} <= set(VERDICTS)
    weeks = result["weeks"]
    assert weeks[0]["week_start"] <= "2026-12-01" and len(weeks) >= 52
    with_project = [w for w in weeks if w["project_p50_hours"] > 0]
    assert with_project[0]["week_start"] == "2027-03-01"
    assert all(w["with_p80_hours"] >= w["with_p50_hours"] for w in weeks)


def test_simulate_text_names_the_team_and_the_verdict(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        ["simulate", "--db", str(cli_db), "--team", "jeunesse", "--level", "information",
         "--start", "01/02/2027", "--months", "3", "--capacity-change", "1000"], capsys)
    assert code == 0
    assert "Team: Jeunesse" in out
    # a team reinforced by 1,000 hours a week takes on an information project
    assert "Typical estimate (P50): Fits." in out
    assert "Pessimistic estimate (P80): Fits." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--team", "Nowhere", "--level", "consultation", "--start", "2027-03-01", "--months", "6"],
         "unknown team 'Nowhere'; valid teams: "),
        (["--team", STORY_SERVICE_ID, "--level", "consultation", "--start", "2020-03-01",
          "--months", "6"], "the start must be between 2026-12-01 and 2027-11-30"),
        (["--team", STORY_SERVICE_ID, "--level", "consultation", "--start", "2027-03-01",
          "--months", "99"], "a project lasts at most 24 months"),
        (["--team", STORY_SERVICE_ID, "--level", "consultation", "--start", "2027-03-01",
          "--months", "0"], "--months must be at least 1"),
    ],
)
def test_simulate_refuses_bad_arguments_readably(
    cli_db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run_cli(["simulate", "--db", str(cli_db), *args], capsys)
    assert code == EXIT_USAGE
    assert message in err
    assert "Traceback" not in err and out == ""


def test_unknown_team_lists_the_valid_ones(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run_cli(["simulate", "--db", str(cli_db), "--team", "x", "--level", "information",
                         "--start", "2027-03-01", "--months", "2"], capsys)
    assert f"{STORY_SERVICE_ID} (Vie des quartiers et démocratie participative)" in err


def test_future_capacity_matches_the_derived_capacity(
    context: Context, demo_con: duckdb.DuckDBPyConnection
) -> None:
    """The baseline's capacity (contracts, holidays, absences, computed by intervals) equals the
    derived agent_day_capacity summed per service, on every day both cover."""
    baseline = context.baseline
    reference = demo_con.execute(
        "SELECT service_id, day, sum(capacity_hours) AS hours FROM agent_day_capacity "
        "WHERE day BETWEEN ? AND ? AND service_id IS NOT NULL GROUP BY ALL",
        [baseline.first_day, baseline.last_day],
    ).df()
    covered = reference["day"].max()
    ours = baseline.capacity[baseline.capacity["day"] <= covered]
    merged = ours.assign(day=ours["day"].dt.date).merge(
        reference.assign(day=reference["day"].dt.date), on=["service_id", "day"], how="outer"
    ).fillna(0.0)
    assert len(merged) > 1000
    assert (merged["capacity_hours"] - merged["hours"]).abs().max() < 1e-6


def test_simulate_names_the_other_teams_that_can_take_it(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The story team is over its limit in January: the other teams that can take an information
    project then are listed (JSON) and named in one sentence (text), with their loads."""
    args = ["simulate", "--db", str(cli_db), "--team", STORY_SERVICE_ID, "--level", "information",
            "--start", "2027-01-04", "--months", "3"]
    code, out, _ = run_cli([*args, "--json"], capsys)
    assert code == 0
    typical = json.loads(out)["verdicts"]["p50"]
    assert typical["verdict"] != "fits"
    others = typical["other_teams_that_fit"]
    assert others and all(o["team"] != STORY_SERVICE_ID
                          and o["load_ratio_without"] <= o["load_ratio_with"] <= 0.85 + 1e-9
                          for o in others)
    assert [o["load_ratio_with"] for o in others] == sorted(o["load_ratio_with"] for o in others)
    code, out, _ = run_cli(args, capsys)
    assert code == 0
    assert "can take it at this date, at the same level" in out
