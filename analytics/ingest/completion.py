"""Completing what an import created: an agent's service and contract, a project's level,
initiative, perimeter and service.

A timesheet names agents and projects the store may not know; the import creates them by name (see
:mod:`analytics.ingest.people`) and the Data page lists them here until a person says what they are.
:func:`complete` writes the answers in one transaction, with the refresh of the derived tables, so
that the capacity of a new agent and the participation hours of a new project count at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from analytics import schema
from analytics.ingest.build import MAX_WEEKLY_HOURS
from analytics.ingest.model import Refusal
from analytics.ingest.vocabulary import read_label
from analytics.store.db import bump_data_version, query_df, read_sql, transaction


@dataclass(frozen=True)
class AgentAnswer:
    """What a person says about one agent: service, and a contract (weekly hours from a date)."""

    agent_id: str
    service_id: str | None = None
    weekly_hours: float | None = None
    valid_from: date | None = None


@dataclass(frozen=True)
class ProjectAnswer:
    """What a person says about one project (None = not said; ``level`` 'none' = ordinary work)."""

    project_id: str
    level: str | None = None
    initiative: str | None = None
    perimeter: str | None = None
    service_id: str | None = None


@dataclass(frozen=True)
class Completed:
    """How many rows a completion changed."""

    agents: int = 0
    contracts: int = 0
    projects: int = 0


def incomplete_agents(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Agents without a service or without any contract (``data/incomplete_agents.sql``)."""
    return query_df(con, read_sql("data/incomplete_agents"))


def incomplete_projects(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Projects known only by name, with their recorded hours (``data/incomplete_projects.sql``)."""
    return query_df(con, read_sql("data/incomplete_projects"))


def _given(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and value != ""


def _check_agent(answer: AgentAnswer, services: set[str]) -> None:
    if _given(answer.service_id) and answer.service_id not in services:
        raise Refusal("ingest.complete.unknown_service", value=str(answer.service_id))
    if _given(answer.weekly_hours) != _given(answer.valid_from):
        raise Refusal("ingest.complete.contract_needs_both", agent=answer.agent_id)
    if _given(answer.weekly_hours) and not 0 < float(answer.weekly_hours or 0) <= MAX_WEEKLY_HOURS:
        raise Refusal("ingest.complete.weekly_hours", agent=answer.agent_id, max=MAX_WEEKLY_HOURS)


def _project_codes(answer: ProjectAnswer, services: set[str]) -> dict[str, str | None]:
    """The columns to write for a project (a perimeter may be a quartier's name)."""
    if _given(answer.service_id) and answer.service_id not in services:
        raise Refusal("ingest.complete.unknown_service", value=str(answer.service_id))
    columns: dict[str, str | None] = {}
    if _given(answer.level):
        if answer.level != schema.NO_LEVEL and answer.level not in schema.LEVELS:
            raise Refusal("ingest.complete.unknown_code", value=str(answer.level))
        columns["level"] = None if answer.level == schema.NO_LEVEL else answer.level
    if _given(answer.initiative):
        if answer.initiative not in schema.INITIATIVES:
            raise Refusal("ingest.complete.unknown_code", value=str(answer.initiative))
        columns["initiative"] = answer.initiative
    if _given(answer.perimeter):
        columns["perimeter"] = read_label(str(answer.perimeter), "perimeter").code
    if _given(answer.service_id):
        columns["service_id"] = answer.service_id
    return columns


def complete(con: duckdb.DuckDBPyConnection, agents: Sequence[AgentAnswer] = (),
             projects: Sequence[ProjectAnswer] = ()) -> Completed:
    """Write the answers in one transaction and refresh the derived tables; :class:`Refusal` (and
    nothing written) for an unknown service or code, a contract without its date or hours, or
    weekly hours out of (0, 80]."""
    from analytics.store.derived import refresh_derived

    counts = {"agents": 0, "contracts": 0, "projects": 0}
    with transaction(con) as cur:
        services = {row[0] for row in cur.execute("SELECT service_id FROM services").fetchall()}
        for answer in agents:
            _check_agent(answer, services)
            if _given(answer.service_id):
                cur.execute("UPDATE agents SET service_id = ? WHERE agent_id = ?",
                            [answer.service_id, answer.agent_id])
                counts["agents"] += 1
            if _given(answer.weekly_hours):
                cur.execute("INSERT INTO contracts (agent_id, valid_from, weekly_hours) "
                            "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                            [answer.agent_id, answer.valid_from, float(answer.weekly_hours or 0)])
                counts["contracts"] += 1
        for answer in projects:
            columns = _project_codes(answer, services)
            if columns:
                assignments = ", ".join(f"{column} = ?" for column in columns)
                cur.execute(f"UPDATE projects SET {assignments} WHERE project_id = ?",
                            [*columns.values(), answer.project_id])
                counts["projects"] += 1
        changed = {table for table, key in (("agents", "agents"), ("contracts", "contracts"),
                                            ("projects", "projects")) if counts[key]}
        written = {  # the rows answered: the derived tables follow them by key
            "agents": pd.DataFrame({"agent_id": [a.agent_id for a in agents
                                                 if _given(a.service_id)]}),
            "contracts": pd.DataFrame({
                "agent_id": [a.agent_id for a in agents if _given(a.weekly_hours)],
                "valid_from": [a.valid_from for a in agents if _given(a.weekly_hours)]}),
            "projects": pd.DataFrame({"project_id": [p.project_id for p in projects]}),
        }
        if changed:
            bump_data_version(cur)
            refresh_derived(cur, changed=changed, written={t: written[t] for t in changed})
    return Completed(**counts)
