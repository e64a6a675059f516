"""The tabs of the team capacity page (pages/capacity.py): each draws what its loader returned
(``dashboard.registry.CAPACITY``) with the figures and tables of :mod:`analytics.capacity`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from analytics.capacity import figures, tables
from analytics.capacity.forecast import (
    BASELINE_WEEKS,
    HORIZON_WEEKS,
    ForecastView,
    peak_reasons,
    total_weeks,
)
from analytics.capacity.hidden import HiddenView, evenings_matrix
from analytics.capacity.legal import RULES
from analytics.capacity.load import LoadView
from analytics.capacity.work import WorkView, time_grain
from analytics.chart_locale import chart_config
from analytics.figures import drawable, partial_note
from analytics.i18n import Translator, counted
from analytics.periods import partial_periods
from analytics.scope import Scope
from analytics.settings import Thresholds
from dashboard import agent_card_view, components
from dashboard import capacity_loaders as loaders
from dashboard.store import Source


def legal_limits(th: Thresholds) -> dict[str, float]:
    """The limit in force of each legal rule (hours), as its findings are worded."""
    return {"days_over_10h": th.max_daily_hours, "weeks_over_48h": th.max_weekly_hours,
            "avg12_over_44h": th.max_avg_weekly_hours, "rest_under_11h": th.min_daily_rest_hours}


@st.fragment
def forecast_chart(view: ForecastView, t: Translator) -> None:
    """The coming weeks of one team (or all), with its own selector (reruns only this part)."""
    names = dict(zip(view.teams["service_id"], view.teams["service_name"], strict=True))
    team = st.selectbox(t("capacity.forecast.team"), [None, *names], key="capacity_forecast_team",
                        format_func=lambda sid: t("capacity.forecast.all_teams") if sid is None
                        else names[sid], index=1 if len(names) == 1 else 0)
    weeks = view.total if team is None or len(names) == 1 else total_weeks(
        view.team_weeks[view.team_weeks["service_id"] == team])
    title = t("capacity.forecast.chart_title", team=t("capacity.forecast.all_teams")
              if team is None else names[team])
    st.plotly_chart(figures.forecast_figure(weeks, title, t), width="stretch", config=chart_config(t.lang))


@dataclass(frozen=True)
class CapacityTabs:
    """What every tab draws with: the session's translator, the thresholds in force, the store and
    the scope of the sidebar."""

    t: Translator
    th: Thresholds
    src: Source
    scope: Scope

    @property
    def limits(self) -> dict[str, float]:
        return legal_limits(self.th)

    def draw(self, part: str, data: Any) -> None:
        """Draw the tab ``part`` from what its loader returned (the agent tab loads its own)."""
        draws: Mapping[str, Callable[[Any], None]] = {
            "load": self.load_part, "work": self.work_part, "hidden": self.hidden_part,
            "legal": self.legal_part, "overload": self.overload_part,
            "forecast": self.forecast_part, "agent": self.agent_part,
        }
        draws[part](data)

    @property
    def chart(self) -> dict[str, object]:
        """plotly's configuration in the session's language (its buttons' words)."""
        return chart_config(self.t.lang)

    def table(self, frame: pd.DataFrame, name: str, show: bool = True) -> None:
        """A table on screen (numbers and dates the session's way) with its CSV and Excel downloads."""
        t = self.t
        if show:
            st.dataframe(tables.styled(frame, t), hide_index=True, width="stretch")
        components.download_buttons(frame, name, t)

    def load_part(self, view: LoadView) -> None:
        """Load per service and per agent, week by week, in the four bands."""
        t, th, f = self.t, self.th, self.scope
        st.caption(t("capacity.load.intro"))
        if view.recorded_hours == 0:
            st.info(t("capacity.no_data"))
        else:
            st.markdown(tables.most_loaded_text(view, t))
            st.subheader(t("capacity.load.services"))
            st.plotly_chart(drawable(figures.service_load_heatmap(view.service_weeks, th.load_bands, t)),
                            width="stretch", config=self.chart)
            st.caption(t("capacity.load.services_note"))
            st.dataframe(tables.styled(tables.present(view.services, tables.SERVICE_PERIOD, t, th), t),
                         hide_index=True, width="stretch", column_config={  # names in full
                             t("capacity.col.service"): st.column_config.TextColumn(width="large")})
            st.caption(t("capacity.load.services_detail"))
            components.download_buttons(
                lambda: tables.present(view.service_weeks, tables.SERVICE_WEEKS, t, th), "charge_services", t)
            st.subheader(t("capacity.load.agents"))
            if len(view.agents) < view.agents_total:
                st.caption(t("capacity.load.top_agents", shown=len(view.agents), total=view.agents_total))
            st.plotly_chart(drawable(figures.agent_load_heatmap(view.agent_weeks, th.load_bands, t,
                                                                ranking=view.agents["agent_id"])),
                            width="stretch", config=self.chart)
            st.caption(counted(t, "capacity.load.missing_weeks", view.missing_weeks))
            everyone = loaders.agent_weeks_table(self.src.path, self.src.version, f)
            components.download_buttons(
                lambda: tables.present(everyone(), tables.AGENT_WEEKS, t, th), "charge_agents", t
            )

    def work_part(self, view: WorkView) -> None:
        """Hours by activity and level, participation share, the costliest projects."""
        t, f = self.t, self.scope
        st.caption(t("capacity.work.intro"))
        grain = time_grain(f.start, f.end)
        starts = pd.to_datetime(view.by_activity["period_start"]).dt.date
        partial = partial_periods(starts, grain, f.start, f.end)
        left, right = st.columns(2)
        for column, frame, by in ((left, view.by_activity, "activity"), (right, view.by_level, "level")):
            column.plotly_chart(figures.hours_over_time_figure(frame, by, grain, t,
                                                               [p.start for p in partial]),
                                width="stretch", config=self.chart)
        if partial:
            st.caption(partial_note(partial, t))
        self.table(tables.present(view.by_period, tables.ACTIVITY_LEVEL, t), "heures_activite_niveau",
              show=False)
        st.plotly_chart(figures.participation_share_figure(view.services, t),
                        width="stretch", config=self.chart)
        st.caption(t("capacity.work.share_note"))
        self.table(tables.present(view.services, tables.PARTICIPATION_SERVICES, t), "participation_services")
        with st.expander(t("capacity.work.agents")):
            self.table(tables.present(view.agents, tables.PARTICIPATION_AGENTS, t), "participation_agents")
        st.subheader(t("capacity.work.projects"))
        if view.projects.empty:
            st.info(t("capacity.work.no_projects"))
        else:
            st.plotly_chart(figures.top_projects_figure(view.projects, t), width="stretch", config=self.chart)
            st.caption(t("capacity.work.projects_note"))
            self.table(tables.present(view.projects, tables.TOP_PROJECTS, t), "projets_couteux")

    def hidden_part(self, view: HiddenView) -> None:
        """Hours outside the workday window, at weekends and on holidays, and their causes."""
        t, th = self.t, self.th
        st.caption(t("capacity.hidden.intro", start=f"{th.workday_start:%H:%M}",
                     end=f"{th.workday_end:%H:%M}"))
        st.markdown(tables.hidden_summary(view.by_service, t))
        st.subheader(t("capacity.hidden.by_service"))
        st.plotly_chart(figures.hidden_services_figure(view.by_service, t),
                        width="stretch", config=self.chart)
        self.table(tables.present(view.by_service, tables.HIDDEN_SERVICES, t), "travail_invisible_services")
        st.subheader(t("capacity.hidden.by_agent"))
        st.plotly_chart(figures.hidden_agents_figure(view.by_agent, t), width="stretch", config=self.chart)
        self.table(tables.present(view.by_agent, tables.HIDDEN_AGENTS, t), "travail_invisible_agents")
        st.subheader(t("capacity.hidden.by_project"))
        st.plotly_chart(figures.hidden_projects_figure(view.by_project, t),
                        width="stretch", config=self.chart)
        self.table(tables.present(view.by_project, tables.HIDDEN_PROJECTS, t), "travail_invisible_projets")
        st.subheader(t("capacity.hidden.by_kind"))
        st.caption(t("capacity.hidden.kind_note"))
        self.table(tables.present(view.by_kind, tables.HIDDEN_KINDS, t), "travail_invisible_rendez_vous")
        st.subheader(t("capacity.hidden.evenings"))
        st.caption(t("capacity.hidden.evenings_note", end=f"{th.workday_end:%H:%M}"))
        if view.evenings.empty:
            st.info(t("capacity.hidden.no_evenings"))
        else:
            st.plotly_chart(figures.evenings_heatmap(view.evenings, t), width="stretch", config=self.chart)
            components.download_buttons(
                lambda: tables.evenings_table(evenings_matrix(view.evenings), t), "soirees", t
            )

    def legal_part(self, findings: dict[str, pd.DataFrame]) -> None:
        """Each finding against the legal working-time limits."""
        t, th = self.t, self.th
        st.markdown(t("capacity.legal.intro"))
        for rule in RULES:
            words = {"limit": t.hours(self.limits[rule]), "weeks": th.avg_window_weeks}
            st.subheader(t(f"capacity.legal.{rule}.title", **words))
            st.markdown(t(f"capacity.legal.{rule}.rule", **words) + " "
                        + counted(t, "capacity.legal.count", len(findings[rule])))
            if not findings[rule].empty:
                self.table(tables.legal_table(rule, findings[rule], t), f"limites_{rule}")

    def overload_part(self, runs: pd.DataFrame) -> None:
        """Agents over the overload threshold for several consecutive weeks."""
        t, th = self.t, self.th
        st.markdown(t("capacity.overload.intro", ratio=t.percent(th.overload_ratio),
                      weeks=th.overload_min_weeks))
        st.info(t("capacity.overload.risk"), icon=":material/health_and_safety:")
        if runs.empty:
            st.success(t("capacity.overload.none"))
        else:
            st.markdown(counted(t, "capacity.overload.count", runs["agent_id"].nunique()))
            st.plotly_chart(figures.overload_timeline(runs, t), width="stretch", config=self.chart)
            self.table(tables.overload_table(runs, t), "surcharge_prolongee")

    def forecast_part(self, view: ForecastView) -> None:
        """The coming weeks of each team against its capacity."""
        t, th, f = self.t, self.th, self.scope
        st.caption(t("capacity.forecast.intro", weeks=HORIZON_WEEKS, baseline=BASELINE_WEEKS,
                     as_of=t.date(f.end)))
        over = tables.over_capacity_text(view.teams, t)
        if over:
            st.warning(t("capacity.forecast.over_weeks", teams=over), icon=":material/warning:")
            st.caption("\n".join([t("capacity.forecast.why_caption"), *(  # what makes each peak
                f"- {tables.peak_why_text(why, t)}"
                for why in peak_reasons(view.team_weeks, view.projects))]))
        else:
            st.success(t("capacity.forecast.no_over"))
        st.plotly_chart(drawable(figures.forecast_heatmap(view.team_weeks, th.load_bands, t)),
                        width="stretch", config=self.chart)
        forecast_chart(view, t)
        self.table(tables.present(view.team_weeks, tables.FORECAST_WEEKS, t), "semaines_a_venir")
        st.subheader(t("capacity.forecast.projects_table"))
        unscheduled = view.projects[~view.projects["scheduled"]]
        if not unscheduled.empty:
            st.caption(counted(t, "capacity.forecast.unscheduled", len(unscheduled),
                         hours=t.hours(unscheduled["remaining_hours"].sum())))
        self.table(tables.present(view.projects, tables.FORECAST_PROJECTS, t), "projets_a_venir")

    def agent_part(self, _: None = None) -> None:
        """One agent's card (direction only): contracts, absences, weekly load, legal findings."""
        t, th, f = self.t, self.th, self.scope
        agent_card_view.draw(t, self.src, f, th, self.limits, self.table)
