"""Teams as officials see them: services, never agents, and no team smaller than the minimum size.

A service with fewer than ``Thresholds.min_group_size`` agents (headcount on the reference day) is
not shown on its own: it is merged with the other small services into one team, ``OTHER_TEAM``
("other services"). If that merged team itself has fewer agents than the minimum, it is hidden
(``team_id`` is None) and its services appear nowhere on the page.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.store.db import query_df, read_sql

OTHER_TEAM: Final[str] = "__other__"
"""team_id of the merged small services ("other services")."""


def service_headcount(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """Services with their headcount on ``as_of``: service_id, service_name, agents.

    ``agents`` counts the agents with a contract of more than 0 hours valid that day.
    """
    return query_df(con, read_sql("arbitration/service_headcount"), {"as_of": as_of})


def team_map(headcount: pd.DataFrame, min_group_size: int) -> pd.DataFrame:
    """Each service's team: service_id, service_name, agents, team_id, team_agents.

    ``team_id`` is the service_id itself when the service has at least ``min_group_size`` agents,
    ``OTHER_TEAM`` when it is smaller (merged with the other small services), or None when even the
    merged team is smaller than ``min_group_size`` (hidden). ``team_agents`` is the team's headcount.
    """
    frame = headcount[["service_id", "service_name", "agents"]].copy()
    large = frame["agents"] >= min_group_size
    other_agents = int(frame.loc[~large, "agents"].sum())
    other_id = OTHER_TEAM if other_agents >= min_group_size else None
    frame["team_id"] = pd.Series(
        [sid if big else other_id for sid, big in zip(frame["service_id"], large, strict=True)],
        index=frame.index, dtype="object",
    )
    frame["team_agents"] = frame["agents"].where(large, other_agents if other_id else 0)
    return frame.reset_index(drop=True)


def visible_teams(mapping: pd.DataFrame) -> pd.DataFrame:
    """The teams that may be shown: team_id, agents, services (their service ids, sorted).

    Large services come first (by name), then the merged "other services" team if it is large enough.
    """
    shown = mapping[mapping["team_id"].notna()]
    teams = (
        shown.groupby("team_id", sort=False)
        .agg(agents=("agents", "sum"), services=("service_id", lambda ids: sorted(ids)),
             name=("service_name", "first"))
        .reset_index()
    )
    teams["is_other"] = teams["team_id"] == OTHER_TEAM
    return teams.sort_values(["is_other", "name"]).drop(columns="is_other").reset_index(drop=True)


def merged_services(mapping: pd.DataFrame) -> list[str]:
    """Names of the services merged into "other services" (sorted)."""
    return sorted(mapping.loc[mapping["team_id"] == OTHER_TEAM, "service_name"])


def hidden_services(mapping: pd.DataFrame) -> list[str]:
    """Names of the services hidden because even merged they are under the minimum size (sorted)."""
    return sorted(mapping.loc[mapping["team_id"].isna(), "service_name"])


def team_of(mapping: pd.DataFrame) -> dict[str, str | None]:
    """service_id → team_id (None for hidden services)."""
    return {
        sid: None if pd.isna(team) else team
        for sid, team in zip(mapping["service_id"], mapping["team_id"], strict=True)
    }
