"""Teams as officials see them: services, never agents, and no team smaller than the minimum size.

A service with fewer than ``Thresholds.min_group_size`` agents (headcount on the reference day) is
not shown on its own: it is merged with the other small services into one team, ``OTHER_TEAM``
("other services"). If that merged team itself has fewer agents than the minimum, it is hidden
(``team_id`` is None) and its services appear nowhere on the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import numpy as np
import pandas as pd

OTHER_TEAM: Final[str] = "__other__"
"""team_id of the merged small services ("other services")."""


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
    agents: dict[str, int] = {}
    services: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for team, count, sid, name in zip(shown["team_id"], shown["agents"], shown["service_id"],
                                      shown["service_name"], strict=True):
        agents[team] = agents.get(team, 0) + int(count)
        services.setdefault(team, []).append(sid)
        if team not in names and not pd.isna(name):
            names[team] = name  # the team's name: its first named service's
    order = sorted(agents, key=lambda team: (team == OTHER_TEAM, team not in names,
                                              names.get(team, "")))
    return pd.DataFrame({
        "team_id": pd.Series(order, dtype=shown["service_id"].dtype if order else "object"),
        "agents": pd.Series([agents[team] for team in order], dtype="int64"),
        "services": pd.Series([sorted(services[team]) for team in order],
                              dtype="object" if order else shown["service_id"].dtype),
        "name": pd.Series([names.get(team) for team in order], dtype=shown["service_name"].dtype),
    })


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


def team_column(service_ids: pd.Series, team_of: Mapping[str, str | None]) -> pd.Series:
    """The team of each service of ``service_ids`` (``team_of``'s, None when hidden or unknown), as
    an object column with the same index."""
    codes, services = pd.factorize(service_ids)
    teams = np.array([*(team_of.get(sid) for sid in services), None], dtype=object)
    return pd.Series(teams[codes], index=service_ids.index, dtype="object")


def other_teams(teams: pd.DataFrame, team: str) -> list[str]:
    """The visible teams (:func:`visible_teams`) other than ``team``, in their display order: the
    teams the simulator offers when ``team`` cannot take a project."""
    return [other for other in teams["team_id"] if other != team]
