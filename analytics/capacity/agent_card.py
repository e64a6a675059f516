"""An agent's card, for the direction only: contracts, absences, week-by-week load and legal
findings, so that a change of capacity can be traced to its cause (a contract, an absence, public
holidays, a week cut by the period).

The weeks carry the load tab's numbers (:mod:`analytics.capacity.load`): hours recorded and capacity
= Σ weekly_hours / 5 over the working days under a contract without absence (the rules of
``agent_day_capacity``), weeks cut by the period counting only their days inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from analytics.capacity.load import classify_agent_weeks
from analytics.i18n import Translator, counted
from analytics.scope import Scope
from analytics.settings import Thresholds
from analytics.store.db import query_df, read_sql


@dataclass(frozen=True)
class AgentCard:
    """One agent over a period.

    * ``contracts``: every contract of the agent (valid_from, valid_to — NaT when open —,
      weekly_hours), oldest first;
    * ``absences``: the absences overlapping the period (start_date, end_date, absence_kind,
      working_days inside the period);
    * ``weeks``: one row per ISO week with a contract day or recorded time in the period
      (``sql/capacity/agent_card_weeks.sql``: week_start, days_in_period, hours, contract_hours,
      contract_low_hours, contract_days, holiday_days, absence_days, capacity_hours) with the load
      tab's load_ratio and band;
    * ``findings``: the legal findings of the agent, per rule (the legal tab's frames, this agent's
      rows only).
    """

    agent_id: str
    agent_name: str
    service_name: str | None
    contracts: pd.DataFrame
    absences: pd.DataFrame
    weeks: pd.DataFrame
    findings: dict[str, pd.DataFrame]


def agent_list(con: duckdb.DuckDBPyConnection, service: str | None = None) -> pd.DataFrame:
    """The agents of the service filter (every one without), by name: agent_id, agent_name (the id
    when the name is empty), service_id, service_name."""
    return query_df(con, read_sql("capacity/agent_list"), {"service": service})


def agent_card(
    con: duckdb.DuckDBPyConnection,
    agent_id: str,
    scope: Scope,
    findings: dict[str, pd.DataFrame],
    thresholds: Thresholds | None = None,
) -> AgentCard | None:
    """The card of ``agent_id`` over [start, end]; ``findings`` are the legal findings of the period
    (:func:`analytics.capacity.legal.legal_findings`, every agent), of which the agent's rows are
    kept. None when no agent has this id."""
    start, end = scope.start, scope.end
    agents = agent_list(con)
    known = agents[agents["agent_id"] == agent_id]
    if known.empty:
        return None
    head = known.iloc[0]
    params = {"agent_id": agent_id, "start": start, "end": end}
    weeks = query_df(con, read_sql("capacity/agent_card_weeks"), params)
    weeks["week_start"] = pd.to_datetime(weeks["week_start"]).dt.date
    classified = classify_agent_weeks(weeks.assign(recorded_hours=weeks["hours"]),
                                      thresholds or Thresholds()).drop(columns="recorded_hours")
    return AgentCard(
        agent_id=agent_id,
        agent_name=str(head["agent_name"]),
        service_name=None if pd.isna(head["service_name"]) else str(head["service_name"]),
        contracts=query_df(con, read_sql("capacity/agent_contracts"), {"agent_id": agent_id}),
        absences=query_df(con, read_sql("capacity/agent_absences"), params),
        weeks=classified,
        findings={rule: frame[frame["agent_id"] == agent_id].reset_index(drop=True)
                  for rule, frame in findings.items()},
    )


def _starts_in(contracts: pd.DataFrame, week_start: date) -> list[date]:
    """The contract starts falling in the week of ``week_start`` (after its Monday)."""
    days = pd.to_datetime(contracts["valid_from"]).dt.date
    return sorted(d for d in days if week_start < d <= week_start + pd.Timedelta(days=6))


def capacity_causes(weeks: pd.DataFrame, contracts: pd.DataFrame, t: Translator) -> list[str]:
    """Why each week of ``weeks`` (an :class:`AgentCard`'s) has the capacity it has, in plain words,
    one text per week (« 2 jours fériés ; absence : 5 jours »), "" for a full week of its contract:
    a contract starting inside the week or changing hours, public holidays, absences, a week cut by
    the period, no contract at all."""
    texts = []
    previous: float | None = None
    for row in weeks.itertuples(index=False):
        causes = []
        contract = None if pd.isna(row.contract_hours) else float(row.contract_hours)
        low = None if pd.isna(row.contract_low_hours) else float(row.contract_low_hours)
        if contract is None:
            causes.append(t.plain("capacity.card.cause.no_contract"))
        else:
            before = low if low is not None and low != contract else previous
            if before is not None and before != contract:
                causes.append(t.plain("capacity.card.cause.contract_change",
                                      before=t.hours(before), after=t.hours(contract)))
            causes += [t.plain("capacity.card.cause.contract_start", date=t.date(day))
                       for day in _starts_in(contracts, row.week_start)]
        if row.holiday_days:
            causes.append(counted(t, "capacity.card.cause.holidays", row.holiday_days))
        if row.absence_days:
            causes.append(counted(t, "capacity.card.cause.absence", row.absence_days))
        if row.days_in_period < 7:
            causes.append(counted(t, "capacity.card.cause.cut", row.days_in_period))
        texts.append((" ; " if t.lang == "fr" else "; ").join(causes))
        previous = contract
    return texts
