"""The tabs of the arbitration page (pages/arbitration.py): what finished projects cost, the
what-if simulator with its tentative projects, the portfolio choice and the demand. Each tab calls
its loaders through ``dashboard.registry.ARBITRATION`` with the widgets' choices, then draws with
:mod:`analytics.arbitration.figures` and :mod:`analytics.arbitration.present`. Officials see
services (teams), never agents. Widgets inside a tab keep their value while another tab is open
(``persist_state``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from analytics.arbitration import figures, present
from analytics.arbitration.baseline import MAX_PROJECT_MONTHS, RECENT_WEEKS
from analytics.arbitration.context import History, default_team
from analytics.arbitration.demand import DIMENSIONS as DEMAND_DIMENSIONS
from analytics.arbitration.effort import DIMENSIONS as EFFORT_DIMENSIONS
from analytics.arbitration.portfolio import (
    PORTFOLIO_MONTHS,
    REQUEST_LEVEL,
    REQUEST_PREFIX,
    REQUEST_PRIORITY,
    request_candidates,
    with_requests,
)
from analytics.arbitration.simulate import (
    DEFAULT_LEVEL,
    DEFAULT_PROJECT_MONTHS,
    DOES_NOT_FIT,
    FITS,
    QUANTILES,
    ProjectSpec,
    Simulation,
    Tentative,
    candidate_starts,
)
from analytics.chart_locale import chart_config
from analytics.i18n import Translator, counted
from analytics.schema import LEVELS, PERIMETERS
from analytics.scope import Scope
from analytics.settings import Thresholds
from dashboard import components
from dashboard.registry import ARBITRATION, demand_team
from dashboard.store import Source

TENTATIVES = "arb_tentatives"
KEEP = "page"  # persist_state of the widgets inside a tab: their value survives while another tab is open


def add_tentative() -> None:
    """Stack the project described in the form as a tentative one (switched on)."""
    stack = st.session_state.setdefault(TENTATIVES, [])
    number = max((item["n"] for item in stack), default=0) + 1
    stack.append({"n": number, "team": st.session_state["arb_team"],
                  "level": st.session_state["arb_level"],
                  "perimeter": st.session_state["arb_perimeter"],
                  "start": st.session_state["arb_start"], "months": st.session_state["arb_months"]})


def remove_tentative(number: int) -> None:
    st.session_state[TENTATIVES] = [i for i in st.session_state[TENTATIVES] if i["n"] != number]
    st.session_state.pop(f"arb_on_{number}", None)  # a later project numbered alike starts on


@dataclass(frozen=True)
class Asked:
    """What the simulator's form asks the ``simulation`` loader, and where its answer goes."""

    spec: ProjectSpec
    tentatives: tuple[Tentative, ...]
    target: float
    capacity_change: float
    place: Any
    """The container above the tentative stack that :meth:`ArbitrationTabs.simulation_part` fills."""

    @property
    def choices(self) -> dict[str, Any]:
        """The ``simulation`` loader's keyword arguments."""
        return {"spec": self.spec, "tentatives": self.tentatives, "target": self.target,
                "capacity_change": self.capacity_change}


@dataclass(frozen=True)
class ArbitrationTabs:
    """What every tab draws with: the session's translator, the thresholds in force, the store, the
    sidebar's scope, the teams and finished projects (``history``) and the teams' names."""

    t: Translator
    th: Thresholds
    src: Source
    scope: Scope
    ctx: History
    names: dict[str, str]

    @property
    def chart(self) -> dict[str, object]:
        """plotly's configuration in the session's language (its buttons' words)."""
        return chart_config(self.t.lang)

    def table(self, frame: pd.DataFrame, name: str) -> None:
        """A table (numbers and dates the session's way) with its CSV and Excel downloads."""
        st.dataframe(present.styled(frame, self.t), hide_index=True, width="stretch")
        components.download_buttons(frame, name, self.t)

    def draw(self, part: str) -> None:
        """Draw the tab ``part`` (the simulator: :meth:`simulator_form`, then the page calls its
        loader and :meth:`simulation_part`)."""
        {"effort": self.effort_part, "portfolio": self.portfolio_part,
         "demand": self.demand_part}[part]()

    def effort_part(self) -> None:
        """What finished projects cost, by level and by a chosen dimension, and over their life."""
        t, ctx, names = self.t, self.ctx, self.names
        st.subheader(t("arb.effort.header"))
        if ctx.effort.empty:
            st.info(t("arb.effort.none"))
            return
        st.caption(t("arb.effort.caption",
                     projects=counted(t, "arb.effort.caption.projects", len(ctx.effort))))
        levels = ARBITRATION["effort_by_level"](self.src, dimension="level").set_index("level")
        for column, level in zip(st.columns(len(levels)), levels.index, strict=True):
            row = levels.loc[level]
            column.metric(t("arb.effort.metric", level=t.label("level", level)),
                          t.hours(row["hours_p50"]), help=t("arb.effort.metric_help"))
            column.caption(t("arb.effort.metric_caption", p80=t.hours(row["hours_p80"]),
                             monthly=t.hours(row["monthly_hours_p50"]),
                             months=counted(t, "common.months", row["months_p50"], 1),
                             projects=counted(t, "common.projects", row["projects"])))
        st.plotly_chart(figures.effort_box_figure(ctx.effort, t), width="stretch", config=self.chart)
        dimension = st.selectbox(t("arb.effort.by"), EFFORT_DIMENSIONS, key="arb_effort_dim",
                                 format_func=lambda d: t(f"arb.dimension.{d}"), persist_state=KEEP)
        by = ARBITRATION["effort_by"](self.src, dimension=dimension)
        st.plotly_chart(figures.effort_by_figure(by, dimension, t, names), width="stretch", config=self.chart)
        st.caption(t("arb.effort.table_caption"))
        self.table(present.effort_table(by, dimension, t, names), f"effort_by_{dimension}")
        st.subheader(t("arb.effort.life_header"))
        life = ARBITRATION["life_profile"](self.src)
        life_level = st.selectbox(t("arb.effort.life_level"), LEVELS, index=len(LEVELS) - 1,
                                  key="arb_life_level", format_func=lambda c: t.label("level", c),
                                  persist_state=KEEP)
        st.plotly_chart(figures.life_profile_figure(life.profile, life_level, t),
                        width="stretch", config=self.chart)
        self.table(present.activity_table(life.activities, t), "effort_by_activity")

    def simulator_form(self) -> Asked | None:
        """The what-if simulator's form, its estimate, the tentative stack and what the team already
        carries; returns what to ask the ``simulation`` loader (None: no team, or no finished
        project to learn the level's effort from). The page calls the loader and
        :meth:`simulation_part` draws its answer above the tentative stack."""
        t, th, ctx, names = self.t, self.th, self.ctx, self.names
        st.subheader(t("arb.sim.header"))
        st.caption(t("arb.sim.caption", target=t.percent(th.target_utilisation)))
        teams = list(ctx.teams["team_id"])
        if not teams:
            st.info(t("arb.sim.no_team", n=ctx.min_group_size))
            return None
        if st.session_state.get("arb_team", teams[0]) not in teams:  # a link's team not shown here
            del st.session_state["arb_team"]
        left, middle, right = st.columns(3)
        team = left.selectbox(t("arb.sim.team"), teams, index=teams.index(default_team(ctx)),
                              key="arb_team", format_func=names.get, persist_state=KEEP)
        level = middle.selectbox(t("arb.sim.level"), LEVELS, index=LEVELS.index(DEFAULT_LEVEL),
                                 key="arb_level", format_func=lambda c: t.label("level", c),
                                 persist_state=KEEP)
        perimeter = right.selectbox(t("arb.sim.perimeter"), PERIMETERS, key="arb_perimeter",
                                    format_func=lambda c: t.label("perimeter", c), persist_state=KEEP)
        left, middle, right = st.columns(3)
        starts = candidate_starts(ctx.first_start, ctx.latest_start)  # a pick reruns at once
        start = left.selectbox(t("arb.sim.start"), starts, key="arb_start", format_func=t.date,
                               index=starts.index(ctx.default_start) if ctx.default_start in starts
                               else 0, help=t("arb.sim.start_help"), persist_state=KEEP)
        months = int(middle.number_input(t("arb.sim.months"), min_value=1,
                                         max_value=MAX_PROJECT_MONTHS, value=DEFAULT_PROJECT_MONTHS,
                                         key="arb_months", persist_state=KEEP))
        change = float(right.number_input(t("arb.sim.capacity_change"), value=0.0, step=1.0,
                                          format="%.0f", key="arb_capacity",
                                          help=t("arb.sim.capacity_change_help"), persist_state=KEEP))
        estimates = ARBITRATION["estimates"](self.src, perimeter=perimeter, team=team)
        result = st.container()
        stacked = self.tentative_stack()
        self.committed_part(team)
        with result:
            estimate = estimates.get(level)
            if estimate is None:
                st.info(t("arb.sim.no_estimate"))
                return None
            st.markdown(present.estimate_text(estimate, months, t, names))
            if estimate.fell_back:
                st.caption(t("arb.sim.fallback", n=ctx.min_group_size,
                             requested=present.group_text(estimate.requested, t, names)))
            st.caption(t("arb.sim.typical_life",
                         months=counted(t, "common.months", estimate.months_p50, 1)))
        return Asked(ProjectSpec(level, perimeter, team, start, months), tuple(stacked),
                     th.target_utilisation, change, result)

    def tentative_stack(self) -> list[Tentative]:
        """The tentative projects stacked, each with its switch and its remove button."""
        t, names = self.t, self.names
        st.subheader(t("arb.sim.tentative_header"))
        st.caption(t("arb.sim.tentative_caption"))
        st.button(t("arb.sim.add"), key="arb_add", on_click=add_tentative, icon=":material/add:")
        stacked = []
        for item in st.session_state.get(TENTATIVES, []):
            check, remove = st.columns([5, 1])
            label = t("arb.sim.tentative_item", name=t("arb.sim.tentative_name", n=item["n"]),
                      team=names.get(item["team"], item["team"]), level=t.label("level", item["level"]),
                      perimeter=t.label("perimeter", item["perimeter"]), start=t.date(item["start"]),
                      months=counted(t, "common.months", item["months"]))
            enabled = check.checkbox(label, value=True, key=f"arb_on_{item['n']}", persist_state=KEEP)
            remove.button(t("arb.sim.remove"), key=f"arb_rm_{item['n']}", on_click=remove_tentative,
                          args=(item["n"],))
            spec_of_item = ProjectSpec(item["level"], item["perimeter"], item["team"], item["start"],
                                       item["months"], t("arb.sim.tentative_name", n=item["n"]))
            stacked.append(ARBITRATION["tentative"](self.src, spec=spec_of_item, enabled=enabled))
        if not stacked:
            st.caption(t("arb.sim.tentative_none"))
        return stacked

    def committed_part(self, team: str) -> None:
        """The team's planned and active projects and its recent ordinary share."""
        t = self.t
        st.subheader(t("arb.sim.committed_header"))
        committed, ordinary_share = ARBITRATION["committed"](self.src, team=team)
        st.caption(t("arb.sim.committed_caption", weeks=RECENT_WEEKS, share=t.percent(ordinary_share)))
        if committed.empty:
            st.caption(t("arb.sim.committed_none"))
        else:
            self.table(present.committed_table(committed, t), "committed_projects")

    def simulation_part(self, asked: Asked, sim: Simulation) -> None:
        """The verdicts (P50, P80) with their why and the other teams, the weekly projection."""
        t, th, ctx, names = self.t, self.th, self.ctx, self.names
        spec = asked.spec
        with asked.place:
            st.markdown(t("arb.sim.verdict_for", team=names[spec.team], start=t.date(spec.start),
                          level=t.label("level", spec.level).lower(), count=spec.months))
            for quantile in QUANTILES:
                verdict = sim.verdicts[quantile]
                box = {FITS: st.success, DOES_NOT_FIT: st.error}.get(verdict.kind, st.warning)
                box(f"**{t(f'arb.sim.verdict_label.{quantile}')}** — "
                    f"{present.verdict_text(verdict, t, ctx.latest_start)} "
                    f"{present.why_text(verdict, t)}")
                if verdict.kind != FITS and len(ctx.teams) > 1:
                    st.markdown(present.other_teams_text(sim.other_teams.get(quantile, ()), t,
                                                         names, th.target_utilisation))
                st.caption(f"{present.facts_text(verdict, t)} "
                           f"{present.month_peak_text(verdict, sim.weeks, t)}")
            st.plotly_chart(figures.projection_figure(sim.weeks, names[spec.team],
                                                      th.target_utilisation, t),
                            width="stretch", config=self.chart)
            st.caption(t("arb.sim.table_caption"))
            self.table(present.projection_table(sim.weeks, t), "simulation_weeks")

    def request_levels(self, requests: pd.DataFrame, level: str) -> dict[str, str]:
        """A level per open request, edited in a table (folded): the requests set apart from
        ``level``."""
        t = self.t
        labels = {t.label("level", code): code for code in LEVELS}
        with st.expander(t("arb.pf.request_levels")):
            frame = pd.DataFrame({
                t("arb.col.ref"): requests["request_id"].astype(str),
                t("arb.col.topic"): requests["topic"].fillna("").astype(str),
                t("arb.col.level"): t.label("level", level),
            })
            edited = st.data_editor(
                frame, key=f"arb_pf_levels_{level}", hide_index=True, width="stretch",
                disabled=[t("arb.col.ref"), t("arb.col.topic")],
                column_config={t("arb.col.level"): st.column_config.SelectboxColumn(
                    options=list(labels), required=True)},
            )
        chosen = zip(edited[t("arb.col.ref")], edited[t("arb.col.level")], strict=True)
        return {rid: labels[label] for rid, label in chosen if labels.get(label, level) != level}

    def portfolio_part(self) -> None:
        """Which proposed projects (and, on request, open residents' requests) to take on, and at
        which level, within the teams' capacity."""
        t, th, ctx, names = self.t, self.th, self.ctx, self.names
        st.subheader(t("arb.pf.header"))
        st.caption(t("arb.pf.caption", months=PORTFOLIO_MONTHS))
        candidates = ARBITRATION["candidates"](self.src)
        requests = ARBITRATION["open_requests"](self.src)
        if candidates.empty and requests.empty:
            st.info(t("arb.pf.none"))
            return
        left, middle, right = st.columns(3)
        include = left.toggle(t("arb.pf.requests"), key="arb_pf_requests", help=t("arb.pf.requests_help"),
                              persist_state=KEEP)
        level = middle.selectbox(t("arb.pf.request_level"), LEVELS, index=LEVELS.index(REQUEST_LEVEL),
                                 key="arb_pf_request_level", format_func=lambda c: t.label("level", c),
                                 disabled=not include, persist_state=KEEP)
        weight = float(right.number_input(t("arb.pf.request_priority"), min_value=0.0,
                                          value=REQUEST_PRIORITY, step=1.0, key="arb_pf_request_priority",
                                          disabled=not include, persist_state=KEEP))
        levels: dict[str, str] = {}
        if include:
            st.caption(t("arb.pf.requests_caption", count=len(requests), day=t.date(ctx.as_of)))
            levels = self.request_levels(requests, level)
            candidates = with_requests(candidates, request_candidates(requests, level, weight, levels))
        titles = {pid: f"{name} ({pid})" if isinstance(name, str) else pid for pid, name in
                  zip(candidates["project_id"], candidates["project_name"], strict=True)}
        quantile = st.radio(t("arb.pf.estimate"), QUANTILES, horizontal=True, key="arb_pf_q",
                            format_func=lambda q: t(f"arb.pf.estimate.{q}"), persist_state=KEEP)
        left, right = st.columns(2)
        forced_in = left.multiselect(t("arb.pf.force_in"), list(titles), key="arb_force_in",
                                     format_func=titles.get, placeholder=t("arb.pf.choose"),
                                     persist_state=KEEP)
        forced_out = right.multiselect(t("arb.pf.force_out"),
                                       [p for p in titles if p not in forced_in],
                                       key="arb_force_out", format_func=titles.get,
                                       placeholder=t("arb.pf.choose"), persist_state=KEEP)
        chosen = ARBITRATION["portfolio"](
            self.src, target=th.target_utilisation, quantile=quantile,
            forced_in=tuple(sorted(p for p in forced_in if p in titles)),
            forced_out=tuple(sorted(p for p in forced_out if p in titles)),
            request_level=level if include else None, request_priority=weight,
            request_levels=tuple(sorted(levels.items())))
        conflicts = present.conflict_lines(chosen.table, t)
        if conflicts:
            st.error("\n".join([t("arb.pf.infeasible", count=len(conflicts)),
                                *(f"- {line}" for line in conflicts)]))
        tiles = st.columns(3 if include else 2)
        taken = chosen.selection.chosen
        tiles[0].metric(t("arb.pf.taken"), t("arb.pf.of", value=len(taken), total=len(chosen.table)))
        tiles[1].metric(t("arb.pf.priority"), t("arb.pf.of",
                        value=t.number(chosen.selection.total_priority),
                        total=t.number(chosen.table["priority"].fillna(0).sum())),
                        help=t("arb.pf.priority_help"))
        if include:
            tiles[2].metric(t("arb.pf.requests_taken"), t("arb.pf.of", total=len(requests),
                            value=sum(pid.startswith(REQUEST_PREFIX) for pid in taken)))
        self.table(present.portfolio_table(chosen.table, t, names, forced_in), "portfolio")
        st.plotly_chart(figures.portfolio_figure(chosen.usage, names, PORTFOLIO_MONTHS, t),
                        width="stretch", config=self.chart)

    def demand_part(self) -> None:
        """The requests of the period (sidebar filters): received, backlog, time to close, echo."""
        t, f, ctx, names = self.t, self.scope, self.ctx, self.names
        st.subheader(t("arb.demand.header"))
        team_filter = demand_team(ctx, f)
        scope = t("arb.demand.team_filter", team=names[team_filter]) if team_filter else ""
        st.caption(t("arb.demand.caption", start=t.date(f.start), end=t.date(f.end), team=scope))
        if f.service and team_filter is None:
            st.caption(t("arb.demand.hidden_service", n=ctx.min_group_size))
        if f.level:
            st.caption(t("arb.demand.level_filter", level=t.label("level", f.level)))
        shown = ARBITRATION["demand"](self.src, f, team=team_filter)
        numbers = shown.headline
        if numbers.received == 0:
            st.info(t("arb.demand.none"))
        tiles = st.columns(5)
        tiles[0].metric(t("arb.demand.received"), t.number(numbers.received))
        tiles[1].metric(t("arb.demand.born_share"), t.percent(numbers.born_share))
        tiles[2].metric(t("arb.demand.open_at_end"), t.number(numbers.open_at_end))
        tiles[3].metric(t("arb.demand.days_p50"), present.days_text(numbers.days_p50, t))
        tiles[4].metric(t("arb.demand.days_p80"), present.days_text(numbers.days_p80, t))
        st.plotly_chart(figures.requests_figure(shown.totals, t), width="stretch", config=self.chart)
        st.plotly_chart(figures.backlog_figure(shown.totals, t), width="stretch", config=self.chart)
        self.table(present.monthly_table(shown.totals, t), "requests_per_month")
        dimension = st.selectbox(t("arb.demand.by"), DEMAND_DIMENSIONS, key="arb_demand_dim",
                                 format_func=lambda d: t(f"arb.dimension.{d}"), persist_state=KEEP)
        by = ARBITRATION["demand_by"](self.src, f, team=team_filter, dimension=dimension)
        st.plotly_chart(figures.requests_by_figure(by.monthly, dimension, t, names),
                        width="stretch", config=self.chart)
        st.caption(t("arb.demand.close_caption"))
        self.table(present.close_time_table(by.close_time, dimension, t, names),
              f"time_to_close_by_{dimension}")
        st.subheader(t("arb.demand.echo_header"))
        st.caption(t("arb.demand.echo_caption", end=t.date(f.end)))
        st.plotly_chart(figures.echo_figure(shown.echo_levels, t), width="stretch", config=self.chart)
        self.table(present.echo_level_table(shown.echo_levels, t), "echo_by_level")
        self.table(present.echo_project_table(shown.demand.echo, t, names), "echo_by_project")
