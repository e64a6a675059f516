"""Facts for the overview page and the frame: data freshness, bounds, weekly load, and "À traiter"
(what needs attention now and in the coming weeks, :func:`attention_items`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, Literal

import duckdb
import pandas as pd

from analytics.access import Role, can_see_agents
from analytics.capacity.hidden import outside_entries
from analytics.capacity.legal import RULES as LEGAL_RULES
from analytics.capacity.overload import overloaded_agents
from analytics.disclosure import hide_small_count, selectable_services
from analytics.i18n import Markdown, Translator
from analytics.schema import LEVELS
from analytics.scope import Scope
from analytics.settings import Thresholds
from analytics.store.db import query_df, query_rows, read_sql


@dataclass(frozen=True)
class Freshness:
    """How recent the store's content is.

    ``last_work_date`` is the latest day with recorded time; ``last_import_at`` the moment of the last
    import (or demo generation); ``origin`` is 'demo' for the generated town, else 'imports'.
    """

    origin: str
    last_import_at: datetime | None
    last_import_file: str | None
    first_work_date: date | None
    last_work_date: date | None
    last_event_date: date | None
    last_request_date: date | None
    imports: int
    demo_seed: str | None
    demo_as_of: str | None


def freshness(con: duckdb.DuckDBPyConnection) -> Freshness:
    """Freshness of the store (one small query over the canonical tables, bookkeeping and store_meta)."""
    row = query_rows(con, read_sql("overview/freshness"))[0]
    return Freshness(
        origin=row[7] or "imports",
        last_import_at=row[0],
        last_import_file=row[1],
        first_work_date=row[2],
        last_work_date=row[3],
        last_event_date=row[4],
        last_request_date=row[5],
        imports=int(row[6]),
        demo_seed=row[8],
        demo_as_of=row[9],
    )


def services(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Services (service_id, service_name, agents: how many agents belong to it), sorted by name."""
    return query_df(
        con,
        "SELECT s.service_id, s.service_name, count(a.agent_id) AS agents"
        " FROM services AS s LEFT JOIN agents AS a ON a.service_id = s.service_id"
        " GROUP BY s.service_id, s.service_name ORDER BY s.service_name, s.service_id",
    )


def weekly_load(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
) -> pd.DataFrame:
    """Hours worked and capacity per ISO week whose Monday lies in [start, end].

    Columns: week_start, hours, participation_hours, capacity_hours (their ratio over the period is
    the catalogue's ``capacity.load_ratio``). ``service`` keeps that service's agents;
    ``level`` restricts the hours (not the capacity) to projects at that level.
    """
    start, end, service, level = scope.start, scope.end, scope.service, scope.level
    return query_df(
        con,
        read_sql("overview/weekly_load"),
        {"start": start, "end": end, "service": service, "level": level},
    )


# --- "À traiter": what needs attention now and in the coming weeks ------------------------------

AttentionKind = Literal[
    "legal_agent", "legal_town", "overload_agent", "overload_town", "overload_service",
    "forecast_team", "hidden_participation", "volunteers_at_risk", "lapsed", "attendance_down",
    "more",
]
Severity = Literal["act", "watch"]
"""``act``: a limit is crossed or will be (legal limits, sustained overload, a team over capacity in
the coming weeks); ``watch``: a signal to look at (a loaded service, evening work, engagement)."""
FactKind = Literal["text", "count", "hours", "percent", "date", "label", "legal", "projects"]
"""How a value of a sentence is written: ``text`` as is (a name), ``count`` a whole number,
``hours``, ``percent`` (a ratio, 1.1 = 110 %), ``date``, ``label`` a coded value ((vocabulary, code)),
``legal`` per-rule counts and the group floor (({rule: count or None when hidden}, floor)),
``projects`` [(name, hours), …]."""

MAX_LINES_PER_KIND: Final[int] = 3
"""At most this many lines of one kind; the rest is one "and N more" line linking to the detail."""
TOP_PROJECTS: Final[int] = 3
"""How many projects are named as the cause of participation hours outside ordinary hours."""
TREND_VOCABULARY: Final[dict[str, str]] = {"event_kind": "event_kind", "initiative": "initiative"}


@dataclass(frozen=True)
class Fact:
    """One value of a sentence, with how it is written (:data:`FactKind`)."""

    kind: FactKind
    value: Any


@dataclass(frozen=True)
class AttentionItem:
    """One line of "À traiter": what, how urgent, the sentence (message key and its values), and
    where the detail is: ``links`` are (page, tab) in order of preference — the page draws the first
    one the role may open (the direction's capacity page, else the officials' simulator)."""

    kind: AttentionKind
    severity: Severity
    key: str
    values: dict[str, Fact]
    links: tuple[tuple[str, str | None], ...]
    team: str | None = None
    """The team (service id) the line is about, so that its link opens the simulator on it."""


@dataclass(frozen=True)
class AttentionInputs:
    """What the existing analytics functions computed for the period and filters.

    * ``legal``: :func:`analytics.capacity.legal.legal_findings` (one frame per rule);
    * ``runs``: :func:`analytics.capacity.overload.overload_runs`;
    * ``service_load``: ``LoadView.services`` of :func:`analytics.capacity.load.load_view`;
    * ``services``: :func:`services` (service_id, service_name, agents);
    * ``outside``: :func:`participation_outside` (participation hours outside ordinary hours);
    * ``teams``: :func:`analytics.capacity.forecast.teams_by_peak_load` of the coming weeks;
    * ``signal_counts``, ``trends``: the counts of volunteers at risk and the attendance trends of
      the Engagement page's fatigue tab (:func:`analytics.engagement.fatigue.shown_signal_counts`:
      None for a small group, and :func:`~analytics.engagement.fatigue.attendance_trends`);
    * ``lapsed``, ``lapsed_share``: the engagement headline's ``lapsed_12m`` and
      ``lapsed_12m_share`` (already hidden when small).
    """

    legal: dict[str, pd.DataFrame]
    runs: pd.DataFrame
    service_load: pd.DataFrame
    services: pd.DataFrame
    outside: pd.DataFrame
    teams: pd.DataFrame
    signal_counts: dict[str, int | None]
    trends: pd.DataFrame
    lapsed: int | None
    lapsed_share: float | None


@dataclass(frozen=True)
class Todo:
    """What "À traiter" shows one role: its lines (:func:`attention_items`) and the counts of the
    lists they come from, which the tiles show (:func:`tile_counts`)."""

    items: list[AttentionItem]
    counts: dict[str, int]


def tile_counts(legal: dict[str, pd.DataFrame], runs: pd.DataFrame) -> dict[str, int]:
    """The overview's counts of findings, from the lists "À traiter" reads (one home per number):
    ``legal.<rule>`` = findings of that rule (agent-days or agent-weeks), ``agents.sustained_overload``
    = distinct agents with a run of sustained overload. They equal the catalogue's values."""
    counts = {f"legal.{rule}": len(legal[rule]) for rule in LEGAL_RULES if rule in legal}
    counts["agents.sustained_overload"] = overloaded_agents(runs)
    return counts


def participation_outside(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """Hours outside ordinary hours on participatory projects only: the rows of
    :func:`analytics.capacity.hidden.outside_entries` for each participation level in
    :data:`~analytics.schema.LEVELS`' order (only ``level`` when the filter names one; none for
    ordinary work). One query: every level's rows, those of participatory projects kept."""
    found = outside_entries(con, scope, thresholds)
    if scope.level is not None:
        return found if scope.level in LEVELS else found.iloc[0:0]
    ranks = query_df(con, read_sql("overview/participatory_projects"),
                     {"participation_levels": list(LEVELS)})
    kept = found.merge(ranks, on="project_id", how="inner")  # keeps the query's order
    return (kept.sort_values("level_rank", kind="stable").drop(columns="level_rank")
            .reset_index(drop=True))


def _capped(items: list[AttentionItem], more_link: tuple[str, str | None],
            total: int | None = None) -> list[AttentionItem]:
    """At most :data:`MAX_LINES_PER_KIND` items, then one "and N more" line; ``total``: how many
    items there are when only the first ones were built (default: ``len(items)``)."""
    total = len(items) if total is None else total
    if total <= MAX_LINES_PER_KIND:
        return items
    rest = total - MAX_LINES_PER_KIND
    more = AttentionItem("more", items[0].severity, "overview.todo.more",
                         {"count": Fact("count", rest)}, (more_link,))
    return [*items[:MAX_LINES_PER_KIND], more]


def _legal_by_agent(legal: dict[str, pd.DataFrame]) -> list[AttentionItem]:
    rows = pd.concat(
        [frame[["agent_id", "agent_name", "service_name"]].assign(rule=rule)
         for rule, frame in legal.items() if not frame.empty] or [pd.DataFrame(
             columns=["agent_id", "agent_name", "service_name", "rule"])],
        ignore_index=True,
    )
    items = []
    counts = rows.groupby(["agent_id", "rule"]).size()
    totals = rows.groupby("agent_id").size().sort_values(ascending=False, kind="stable")
    names = rows.drop_duplicates("agent_id").set_index("agent_id")
    for agent_id in totals.index[:MAX_LINES_PER_KIND]:  # the lines shown; the rest is counted
        per_rule = {rule: int(counts.get((agent_id, rule), 0)) for rule in LEGAL_RULES}
        items.append(AttentionItem(
            "legal_agent", "act", "overview.todo.legal_agent",
            {"agent": Fact("text", names.at[agent_id, "agent_name"] or agent_id),
             "service": Fact("text", names.at[agent_id, "service_name"] or "–"),
             "findings": Fact("legal", (per_rule, 1))},
            (("capacity", "legal"),),
        ))
    return _capped(items, ("capacity", "legal"), total=len(totals))


def _legal_town(counts: dict[str, int], min_size: int) -> list[AttentionItem]:
    shown = {rule: hide_small_count(counts[f"legal.{rule}"], min_size) for rule in LEGAL_RULES}
    if not any(counts[f"legal.{rule}"] for rule in LEGAL_RULES):
        return []
    return [AttentionItem("legal_town", "act", "overview.todo.legal_town",
                          {"findings": Fact("legal", (shown, min_size))},
                          (("capacity", "legal"),))]


def _overload_agents(runs: pd.DataFrame, ratio: float) -> list[AttentionItem]:
    longest = runs.drop_duplicates("agent_id")  # summarise_runs: longest run first
    shown = longest.head(MAX_LINES_PER_KIND)  # the lines shown; the rest is counted
    items = [
        AttentionItem(
            "overload_agent", "act", "overview.todo.overload_agent",
            {"agent": Fact("text", row.agent_name or row.agent_id),
             "service": Fact("text", row.service_name or "–"),
             "count": Fact("count", int(row.weeks)), "ratio": Fact("percent", ratio),
             "load": Fact("percent", row.load_ratio),
             "start": Fact("date", pd.Timestamp(row.run_start).date()),
             "end": Fact("date", (pd.Timestamp(row.run_end) + pd.Timedelta(days=6)).date())},
            (("capacity", "overload"),),
        )
        for row in shown.itertuples()
    ]
    return _capped(items, ("capacity", "overload"), total=len(longest))


def _overload_town(agents: int, min_size: int, ratio: float, weeks: int) -> list[AttentionItem]:
    if agents == 0:
        return []
    shown = hide_small_count(agents, min_size)
    key = "overview.todo.overload_town" if shown is not None else "overview.todo.overload_town_few"
    return [AttentionItem(
        "overload_town", "act", key,
        {"count": Fact("count", int(shown if shown is not None else min_size)),
         "ratio": Fact("percent", ratio), "weeks": Fact("count", weeks)},
        (("capacity", "overload"),),
    )]


def _shown_services(services: pd.DataFrame, min_size: int) -> set[str]:
    """Services a role may see figures about: those of at least ``min_size`` agents."""
    return set(selectable_services(services, min_size)["service_id"])


def _overloaded_services(load: pd.DataFrame, shown: set[str], ratio: float) -> list[AttentionItem]:
    over = load[load["service_id"].isin(shown) & (load["load_ratio"] > ratio)]
    items = [
        AttentionItem(
            "overload_service", "watch", "overview.todo.overload_service",
            {"service": Fact("text", row.service_name or row.service_id),
             "load": Fact("percent", row.load_ratio), "hours": Fact("hours", row.hours),
             "capacity": Fact("hours", row.recorded_capacity_hours),
             "ratio": Fact("percent", ratio)},
            (("capacity", "load"),),
        )
        for row in over.itertuples()
    ]
    return _capped(items, ("capacity", "load"))


def _forecast(teams: pd.DataFrame, shown: set[str], horizon: int) -> list[AttentionItem]:
    over = teams[teams["service_id"].isin(shown)
                 & ((teams["weeks_over"] > 0) | (teams["weeks_without_capacity"] > 0))]
    items = [
        AttentionItem(
            "forecast_team", "act", "overview.todo.forecast_team",
            {"service": Fact("text", row.service_name or row.service_id),
             "count": Fact("count", int(max(row.weeks_over, row.weeks_without_capacity))),
             "horizon": Fact("count", horizon), "peak": Fact("percent", row.peak_load_ratio)},
            (("capacity", "forecast"), ("arbitration", "simulator")), team=str(row.service_id),
        )
        for row in over.itertuples()
    ]
    return _capped(items, ("capacity", "forecast"))


def _hidden_participation(outside: pd.DataFrame) -> list[AttentionItem]:
    total = float(outside["outside_hours"].sum()) if not outside.empty else 0.0
    if total <= 0:
        return []
    projects = (outside[outside["project_id"].notna()]
                .groupby(["project_id", "project_name"], dropna=False, as_index=False)["outside_hours"]
                .sum().sort_values(["outside_hours", "project_id"], ascending=[False, True]))
    named = [(name if isinstance(name, str) else pid, float(hours)) for pid, name, hours
             in projects.head(TOP_PROJECTS).itertuples(index=False)]
    return [AttentionItem(
        "hidden_participation", "watch", "overview.todo.hidden_participation",
        {"hours": Fact("hours", total),
         "evenings": Fact("hours", float(outside["weekday_outside_hours"].sum())),
         "weekends": Fact("hours", float(outside["weekend_hours"].sum()
                                         + outside["holiday_hours"].sum())),
         "projects": Fact("projects", named)},
        (("capacity", "hidden"),),
    )]


def _engagement(inputs: AttentionInputs, min_size: int, min_group_size: int) -> list[AttentionItem]:
    """The engagement lines; ``min_size`` is the role's floor, ``min_group_size`` the one the fatigue
    tab hid its counts with (a count of None: between 1 and ``min_group_size`` − 1)."""
    items: list[AttentionItem] = []
    link = (("engagement", "fatigue"),)
    signalled = inputs.signal_counts.get("any", 0)
    if signalled is None or signalled > 0:
        at_risk = None if signalled is None else hide_small_count(signalled, min_size)
        few = min_size if signalled is not None else min_group_size
        key = "overview.todo.volunteers" if at_risk is not None else "overview.todo.volunteers_few"
        items.append(AttentionItem(
            "volunteers_at_risk", "watch", key,
            {"count": Fact("count", int(at_risk if at_risk is not None else few)),
             "volunteers": Fact("count", inputs.signal_counts.get("volunteers", 0))}, link))
    if inputs.lapsed:
        items.append(AttentionItem(
            "lapsed", "watch", "overview.todo.lapsed",
            {"count": Fact("count", int(inputs.lapsed)), "share": Fact("percent", inputs.lapsed_share)},
            link))
    for row in inputs.trends[inputs.trends["direction"] == "down"].itertuples():
        vocabulary = TREND_VOCABULARY.get(row.dimension)
        group = Fact("label", (vocabulary, row.group_key)) if vocabulary else Fact("text", str(row.group_key))
        items.append(AttentionItem(
            "attendance_down", "watch", "overview.todo.attendance_down",
            {"group": group, "slope": Fact("count", round(abs(row.slope), 1)),
             "count": Fact("count", round(abs(row.slope), 1)),  # the plural form of "slope"
             "share": Fact("percent", abs(row.relative_slope or 0.0)),
             "events": Fact("count", int(row.events))},
            link))
    return items


def attention_items(
    inputs: AttentionInputs,
    role: Role | None,
    min_group_size: int,
    overload_ratio: float,
    overload_min_weeks: int,
    horizon_weeks: int,
) -> list[AttentionItem]:
    """The "À traiter" list for a role: the most urgent first (``act`` before ``watch``).

    The direction sees agents by name (legal findings per agent, sustained overload per agent); the
    other roles see services only, never a service under ``min_group_size`` agents, and town-wide
    counts of findings hidden when between 1 and ``min_group_size − 1`` (analytics/disclosure.py).
    Every count here comes from the same lists as the tiles (:func:`tile_counts`).
    """
    agents_visible = can_see_agents(role)
    floor = 1 if agents_visible else min_group_size
    counts = tile_counts(inputs.legal, inputs.runs)
    shown = _shown_services(inputs.services, floor)
    if agents_visible:
        people = _legal_by_agent(inputs.legal) + _overload_agents(inputs.runs, overload_ratio)
    else:
        people = (_legal_town(counts, floor)
                  + _overload_town(counts["agents.sustained_overload"], floor, overload_ratio,
                                   overload_min_weeks))
    items = [
        *people,
        *_forecast(inputs.teams, shown, horizon_weeks),
        *_overloaded_services(inputs.service_load, shown, overload_ratio),
        *_hidden_participation(inputs.outside),
        *_engagement(inputs, floor, min_group_size),
    ]
    return sorted(items, key=lambda item: item.severity != "act")  # stable: kinds keep their order


def _written(fact: Fact, t: Translator) -> str:
    """One value as the sentence writes it."""
    if fact.kind == "count":  # None: a small group the source hid ("–")
        return t.number(fact.value, 0 if fact.value is None or float(fact.value).is_integer() else 1)
    if fact.kind == "hours":
        return t.hours(fact.value)
    if fact.kind == "percent":
        return t.percent(fact.value)
    if fact.kind == "date":
        return t.date(fact.value)
    if fact.kind == "label":
        vocabulary, code = fact.value
        return t.label(vocabulary, code)
    if fact.kind == "legal":
        counts, min_size = fact.value
        parts = [
            t(f"overview.todo.rule.{rule}", count=count) if count is not None
            else t(f"overview.todo.rule_few.{rule}", min=min_size)
            for rule, count in counts.items() if count is None or count > 0
        ]
        return Markdown.join(", ", parts)
    if fact.kind == "projects":
        return Markdown.join(", ", (t("overview.todo.project", name=name, hours=t.hours(hours))
                                    for name, hours in fact.value))
    return str(fact.value)


def describe(item: AttentionItem, t: Translator) -> str:
    """The item's plain sentence in ``t``'s language: numbers written the language's way, the plural
    form chosen by its ``count`` value (passed as the number itself, as every plural message)."""
    values: dict[str, object] = {name: _written(fact, t) for name, fact in item.values.items()}
    if "count" in item.values:
        values["count"] = item.values["count"].value
    return t(item.key, **values)
