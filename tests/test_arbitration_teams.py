"""Teams as officials see them: small services merged into "other services", or hidden."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.arbitration.teams import (
    OTHER_TEAM,
    hidden_services,
    merged_services,
    other_teams,
    team_column,
    team_map,
    visible_teams,
)


def headcount(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["service_id", "service_name", "agents"])


@pytest.mark.parametrize(
    ("rows", "expected_teams", "merged", "hidden"),
    [
        # every service has 5 or more agents: each is its own team
        ([("S1", "Jeunesse", 5), ("S2", "Technique", 12)], {"S1": "S1", "S2": "S2"}, [], []),
        # two small services (3 + 2 = 5 agents) are merged into "other services"
        ([("S1", "Jeunesse", 8), ("S2", "CCAS", 3), ("S3", "Culture", 2)],
         {"S1": "S1", "S2": OTHER_TEAM, "S3": OTHER_TEAM}, ["CCAS", "Culture"], []),
        # one small service alone (4 agents): even merged it is under 5, so it is hidden
        ([("S1", "Jeunesse", 8), ("S2", "CCAS", 4)], {"S1": "S1", "S2": None}, [], ["CCAS"]),
    ],
)
def test_small_services_are_merged_or_hidden(
    rows: list[tuple[str, str, int]], expected_teams: dict[str, str | None],
    merged: list[str], hidden: list[str],
) -> None:
    mapping = team_map(headcount(rows), min_group_size=5)
    assert dict(zip(mapping["service_id"], mapping["team_id"], strict=True)) == expected_teams
    assert merged_services(mapping) == merged
    assert hidden_services(mapping) == hidden


def test_visible_teams_list_headcounts_and_put_other_last() -> None:
    mapping = team_map(
        headcount([("S2", "Technique", 12), ("S1", "Accueil", 6), ("S3", "CCAS", 3),
                   ("S4", "Culture", 2)]),
        min_group_size=5,
    )
    teams = visible_teams(mapping)
    assert list(teams["team_id"]) == ["S1", "S2", OTHER_TEAM]
    assert list(teams["agents"]) == [6, 12, 5]
    assert teams.loc[2, "services"] == ["S3", "S4"]
    assert list(teams["name"]) == ["Accueil", "Technique", "CCAS"]  # the merged team's first name


@pytest.mark.parametrize(
    ("rows", "teams", "agents", "services"),
    [
        # the merged team comes last whatever the names; services listed sorted
        ([("S9", "Accueil", 3), ("S1", "Zoo", 6), ("S5", "Bibliothèque", 2)],
         ["S1", OTHER_TEAM], [6, 5], [["S1"], ["S5", "S9"]]),
        # nobody large enough, even merged: no team at all
        ([("S1", "Accueil", 2), ("S2", "CCAS", 1)], [], [], []),
    ],
)
def test_visible_teams_order_and_members(
    rows: list[tuple[str, str, int]], teams: list[str], agents: list[int],
    services: list[list[str]],
) -> None:
    shown = visible_teams(team_map(headcount(rows), min_group_size=5))
    assert list(shown["team_id"]) == teams
    assert list(shown["agents"]) == agents
    assert list(shown["services"]) == services


def test_team_column_follows_the_mapping() -> None:
    ids = pd.Series(["S2", "S1", None, "S9", "S2"], index=[10, 11, 12, 13, 14])
    column = team_column(ids, {"S1": "S1", "S2": OTHER_TEAM, "S3": None})
    assert list(column) == [OTHER_TEAM, "S1", None, None, OTHER_TEAM]
    assert list(column.index) == [10, 11, 12, 13, 14]


@pytest.mark.parametrize(
    ("team", "expected"),
    [("S1", ["S2", OTHER_TEAM]), (OTHER_TEAM, ["S1", "S2"]), ("S9", ["S1", "S2", OTHER_TEAM])],
)
def test_other_teams_are_the_visible_ones_but_the_chosen(team: str, expected: list[str]) -> None:
    mapping = team_map(headcount([("S1", "Jeunesse", 8), ("S2", "Technique", 6),
                                  ("S3", "CCAS", 3), ("S4", "Culture", 2)]), min_group_size=5)
    assert other_teams(visible_teams(mapping), team) == expected
