"""The registry of what each page computes, in the page's own order, through the page's own functions.

For each page file of ``pages/`` a :class:`Page` lists its :class:`Step` s: the cached loaders of
``dashboard/*loaders*.py`` it calls (``call``), with the analytics function each one wraps
(``direct``, the same computation without Streamlit's cache), and the pure analytics functions it
applies to their results on every rerun (``cached=False``). Drawing (tables, download files,
figures) is not here: the ``script`` measurement (AppTest) and the browser measure it.

A step may belong to a tab: pages that compute only the open tab (capacity, engagement) have
``lazy_tabs``; their *default view* is what the first visit computes (the steps outside any tab and
those of the first tab). Arbitration computes its four tabs on every run.

Each page is built by a function that imports the page's modules lazily: a page whose code is
missing or broken is registered with a status saying why (the results mark it "not measured")
instead of stopping the benchmark. Keep this file in step with ``pages/*.py`` when a page changes
which loaders it calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

import duckdb

from analytics.i18n import Translator
from analytics.settings import Thresholds

OK: Final[str] = "ok"
ARBITRATION_DEFAULT_MONTHS: Final[int] = 6
"""The simulator's default project length on pages/arbitration.py (its number_input value)."""
ARBITRATION_DEFAULT_LEVEL_INDEX: Final[int] = 1
"""The simulator's default level on pages/arbitration.py (index into LEVELS: consultation)."""
ENGAGEMENT_INDIVIDUALS: Final[bool] = True
"""pages/engagement.py passes ``individuals`` (may the role see rows about one resident?) to its
loaders; the benchmark measures the direction's view (True, as in local mode). Passing it as the page
does matters: Streamlit keys a cached call by the arguments given, so leaving a default out makes
another cache entry than the page's (and the nested call in ``section`` would miss)."""


@dataclass
class Run:
    """The arguments of one page computation: the store, the period, the filters, the language."""

    path: str
    version: str
    con: duckdb.DuckDBPyConnection
    start: date
    end: date
    service: str | None
    level: str | None
    thresholds: Thresholds
    lang: str = "fr"
    results: dict[str, Any] = field(default_factory=dict)
    """Each step's result under its name (later steps read earlier ones)."""

    @property
    def scope(self) -> tuple[str, str, date, date, str | None, str | None]:
        """The loaders' usual key: (path, version, start, end, service, level)."""
        return (self.path, self.version, self.start, self.end, self.service, self.level)

    @property
    def t(self) -> Translator:
        return Translator(self.lang)

    def __getitem__(self, step: str) -> Any:
        return self.results[step]


StepCall = Callable[[Run], Any]


@dataclass(frozen=True)
class Step:
    """One call of a page: a cached loader (``cached``) or a pure analytics function on results."""

    name: str
    call: StepCall
    direct: StepCall | None = None
    """The analytics function(s) the loader wraps, called without the cache (same result shape)."""
    tab: str | None = None
    """The tab whose opening computes it (None: computed on every run of the page)."""
    cached: bool = True


@dataclass(frozen=True)
class Page:
    """A page of the app and what it computes (see the module docstring)."""

    name: str
    file: str
    url_path: str
    steps: tuple[Step, ...] = ()
    tabs: tuple[str, ...] = ()
    lazy_tabs: bool = False
    content: str = "[data-testid='stMetricValue']"
    """CSS selector of the page's main content (the browser waits for it)."""
    status: str = OK
    note: str = ""

    @property
    def measured(self) -> bool:
        return self.status == OK

    def default_view(self) -> tuple[Step, ...]:
        """The steps of the first visit: outside any tab, plus the first tab when tabs are lazy."""
        if not self.lazy_tabs or not self.tabs:
            return self.steps
        return self.tab_view(self.tabs[0])

    def tab_view(self, tab: str) -> tuple[Step, ...]:
        """The steps computed when ``tab`` is open (lazy pages), or every step."""
        if not self.lazy_tabs:
            return self.steps
        return tuple(s for s in self.steps if s.tab is None or s.tab == tab)


# --- the frame (app.py and the sidebar run before every page) ---------------------------------------


def frame() -> Page:
    """app.py + dashboard/sidebar.py: the store check, data version, freshness and services."""
    from analytics import overview
    from dashboard import loaders, store

    return Page("frame", "app.py", "", steps=(
        Step("store.is_empty", lambda r: store.is_empty(r.con), cached=False),
        Step("store.version", lambda r: store.version(r.con), cached=False),
        Step("loaders.freshness", lambda r: loaders.freshness(r.path, r.version),
             direct=lambda r: overview.freshness(r.con)),
        Step("loaders.services", lambda r: loaders.services(r.path, r.version),
             direct=lambda r: overview.services(r.con)),
    ), note="runs before every page (sidebar filters, demo banner)")


# --- overview ---------------------------------------------------------------------------------------


def overview_page() -> Page:
    """pages/overview.py: freshness, the whole indicator catalogue, the weekly load chart."""
    from analytics import overview
    from analytics.indicators import compute_indicators
    from dashboard import loaders

    return Page("overview", "pages/overview.py", "", steps=(
        Step("loaders.freshness", lambda r: loaders.freshness(r.path, r.version),
             direct=lambda r: overview.freshness(r.con)),
        Step("loaders.indicators", lambda r: loaders.indicators(*r.scope),
             direct=lambda r: compute_indicators(r.con, r.start, r.end, service=r.service,
                                                 level=r.level)),
        Step("loaders.weekly_load", lambda r: loaders.weekly_load(*r.scope),
             direct=lambda r: overview.weekly_load(r.con, r.start, r.end, r.service, r.level)),
    ))


# --- team capacity ----------------------------------------------------------------------------------


def capacity_page() -> Page:
    """pages/capacity.py: indicator tiles, then only the open tab's loader and analytics."""
    from analytics.capacity import forecast as forecast_mod
    from analytics.capacity import hidden as hidden_mod
    from analytics.capacity import legal as legal_mod
    from analytics.capacity import load as load_mod
    from analytics.capacity import overload as overload_mod
    from analytics.capacity import work as work_mod
    from analytics.indicators import compute_indicators
    from dashboard import capacity_loaders as cl
    from dashboard import loaders

    def load_direct(r: Run) -> tuple[Any, Any]:
        agents = load_mod.agent_weeks(r.con, r.start, r.end, r.service, r.level, r.thresholds)
        return agents, load_mod.service_weeks(agents, r.thresholds)

    def most_loaded(r: Run) -> Any:
        agent_weeks, _ = r["capacity_loaders.load"]
        if agent_weeks["recorded_hours"].sum() == 0:
            return None
        return (load_mod.load_over_period(agent_weeks, ["service_id", "service_name"]),
                load_mod.load_over_period(agent_weeks, ["agent_id", "agent_name"]))

    def work_direct(r: Run) -> tuple[Any, Any, Any]:
        args = (r.con, r.start, r.end, r.service, r.level)
        return (work_mod.hours_by_activity_level(*args), work_mod.participation_by_agent(*args),
                work_mod.top_projects(*args))

    def work_analytics(r: Run) -> Any:
        by_period, agents, _ = r["capacity_loaders.work"]
        work_mod.time_grain(r.start, r.end)
        return (work_mod.hours_over_time(by_period, "activity"),
                work_mod.hours_over_time(by_period, "level"),
                work_mod.participation_by_service(agents))

    def hidden_direct(r: Run) -> tuple[Any, Any, Any]:
        args = (r.con, r.start, r.end, r.service, r.level)
        return (hidden_mod.outside_entries(*args, r.thresholds),
                work_mod.participation_by_agent(*args),
                hidden_mod.evenings(*args, r.thresholds))

    def hidden_analytics(r: Run) -> Any:
        outside, agent_hours, evenings = r["capacity_loaders.hidden"]
        by_agent = hidden_mod.hidden_by_agent(outside, agent_hours)
        return (by_agent, hidden_mod.hidden_by_service(by_agent), hidden_mod.hidden_by_project(outside),
                hidden_mod.hidden_by(outside, ["event_kind"]),
                None if evenings.empty else hidden_mod.evenings_matrix(evenings))

    def forecast_analytics(r: Run) -> Any:
        team_weeks, _ = r["capacity_loaders.forecast"]
        return forecast_mod.teams_by_peak_load(team_weeks), forecast_mod.total_weeks(team_weeks)

    return Page(
        "capacity", "pages/capacity.py", "capacity",
        tabs=("load", "work", "hidden", "legal", "overload", "forecast"), lazy_tabs=True,
        steps=(
            Step("loaders.indicators", lambda r: loaders.indicators(*r.scope),
                 direct=lambda r: compute_indicators(r.con, r.start, r.end, service=r.service,
                                                     level=r.level)),
            Step("capacity_loaders.load", lambda r: cl.load(*r.scope), direct=load_direct, tab="load"),
            Step("load.load_over_period", most_loaded, tab="load", cached=False),
            Step("capacity_loaders.work", lambda r: cl.work(*r.scope), direct=work_direct, tab="work"),
            Step("work.hours_over_time+by_service", work_analytics, tab="work", cached=False),
            Step("capacity_loaders.hidden", lambda r: cl.hidden(*r.scope), direct=hidden_direct,
                 tab="hidden"),
            Step("hidden.by_agent/service/project", hidden_analytics, tab="hidden", cached=False),
            Step("capacity_loaders.legal",
                 lambda r: cl.legal(r.path, r.version, r.start, r.end, r.service),
                 direct=lambda r: legal_mod.legal_findings(r.con, r.start, r.end, r.service,
                                                           r.thresholds), tab="legal"),
            Step("capacity_loaders.overload",
                 lambda r: cl.overload(r.path, r.version, r.start, r.end, r.service),
                 direct=lambda r: overload_mod.overload_runs(r.con, r.start, r.end, r.service,
                                                             r.thresholds), tab="overload"),
            Step("capacity_loaders.forecast",
                 lambda r: cl.forecast(r.path, r.version, r.end, r.service, r.level),
                 direct=lambda r: forecast_mod.forecast(r.con, r.end, r.service, r.level,
                                                        r.thresholds), tab="forecast"),
            Step("forecast.teams_by_peak_load", forecast_analytics, tab="forecast", cached=False),
        ),
    )


# --- arbitration ------------------------------------------------------------------------------------


def arbitration_page() -> Page:
    """pages/arbitration.py: the context once, then its four tabs (all computed on every run)."""
    from analytics.arbitration import context as context_mod
    from analytics.arbitration.demand import DIMENSIONS as DEMAND_DIMENSIONS
    from analytics.arbitration.demand import (
        close_time_by,
        echo_by_level,
        headline,
        load_demand,
        monthly_by,
        monthly_totals,
    )
    from analytics.arbitration.effort import DIMENSIONS as EFFORT_DIMENSIONS
    from analytics.arbitration.effort import activity_shares, effort_by, life_profile
    from analytics.arbitration.simulate import QUANTILES, ProjectSpec
    from analytics.arbitration.teams import team_of
    from analytics.schema import LEVELS, PERIMETERS
    from dashboard import arbitration_loaders as al

    def ctx(r: Run) -> Any:
        found = r["arbitration_loaders.context"]
        if found is None:
            raise LookupError("the store has no recorded time: the page shows no arbitration")
        return found

    def team(r: Run) -> str:
        return context_mod.default_team(ctx(r))

    def spec(r: Run) -> Any:
        c = ctx(r)
        return ProjectSpec(LEVELS[ARBITRATION_DEFAULT_LEVEL_INDEX], PERIMETERS[0], team(r),
                           c.default_start, ARBITRATION_DEFAULT_MONTHS)

    def effort_analytics(r: Run) -> Any:
        c = ctx(r)
        if c.effort.empty:
            return None
        effort_by(c.effort, "level")
        by = effort_by(c.effort, EFFORT_DIMENSIONS[0])
        profile = life_profile(c.phase_hours, c.effort)
        return by, activity_shares(profile)

    def team_filter(r: Run) -> str | None:
        return team_of(ctx(r).mapping).get(r.service) if r.service else None

    def demand_analytics(r: Run) -> Any:
        demand = r["arbitration_loaders.demand"]
        return (monthly_totals(demand), headline(demand), monthly_by(demand, DEMAND_DIMENSIONS[0]),
                close_time_by(demand, DEMAND_DIMENSIONS[0]), echo_by_level(demand.echo))

    target = lambda r: r.thresholds.target_utilisation  # noqa: E731
    return Page(
        "arbitration", "pages/arbitration.py", "arbitration",
        tabs=("effort", "simulator", "portfolio", "demand"), lazy_tabs=False,
        steps=(
            Step("arbitration_loaders.context", lambda r: al.context(r.path, r.version),
                 direct=lambda r: context_mod.load_context(r.con, r.thresholds)),
            Step("effort.effort_by+life_profile", effort_analytics, tab="effort", cached=False),
            Step("arbitration_loaders.estimates",
                 lambda r: al.estimates(r.path, r.version, PERIMETERS[0], team(r)),
                 direct=lambda r: dict(context_mod.estimate_table(ctx(r), PERIMETERS[0], team(r))),
                 tab="simulator"),
            Step("arbitration_loaders.simulation",
                 lambda r: al.simulation(r.path, r.version, spec(r), (), target(r), 0.0),
                 direct=lambda r: context_mod.run_simulation(ctx(r), spec(r), target(r), (), 0.0),
                 tab="simulator"),
            Step("arbitration_loaders.committed",
                 lambda r: al.committed(r.path, r.version, team(r)),
                 direct=lambda r: context_mod.committed_of_team(ctx(r), team(r)), tab="simulator"),
            Step("context.ordinary_share_of_team",
                 lambda r: context_mod.ordinary_share_of_team(ctx(r), team(r)), tab="simulator",
                 cached=False),
            Step("arbitration_loaders.portfolio",
                 lambda r: None if ctx(r).candidates.empty else al.portfolio(
                     r.path, r.version, target(r), QUANTILES[0], (), ()),
                 direct=lambda r: None if ctx(r).candidates.empty else context_mod.run_portfolio(
                     ctx(r), target(r), QUANTILES[0], (), ()),
                 tab="portfolio"),
            Step("arbitration_loaders.demand",
                 lambda r: al.demand(r.path, r.version, r.start, r.end, team_filter(r), r.level),
                 direct=lambda r: load_demand(r.con, r.start, r.end, ctx(r).mapping, team_filter(r),
                                              r.level),
                 tab="demand"),
            Step("demand.monthly_totals+by+echo", demand_analytics, tab="demand", cached=False),
        ),
        content="[data-testid='stTabs']",
    )


# --- engagement -------------------------------------------------------------------------------------


def engagement_page() -> Page:
    """pages/engagement.py: every number once per scope, then only the open section's figures."""
    from dataclasses import replace

    from analytics.engagement.page import compute_engagement
    from analytics.engagement.report import build_report
    from analytics.engagement.scope import Scope
    from analytics.engagement.sections import SECTION_KEYS, headline_metrics
    from analytics.engagement.sections import section as build_section
    from dashboard import engagement_loaders as eng

    def section_step(key: str) -> Step:
        def direct(r: Run) -> Any:
            built = build_section(key, r["engagement_loaders.engagement"], r.t)
            return replace(built, figures=[figure.to_plotly_json() for figure in built.figures])

        return Step(f"engagement_loaders.section[{key}]",
                    lambda r: eng.section(*r.scope, r.lang, key, ENGAGEMENT_INDIVIDUALS),
                    direct=direct, tab=key)

    def report_direct(r: Run) -> bytes:
        from datetime import datetime

        html = build_report(r["engagement_loaders.engagement"], r.t, service_label="–",
                            level_label="–", generated_at=datetime.now(), origin_note=None)
        return html.encode("utf-8")

    return Page(
        "engagement", "pages/engagement.py", "engagement",
        tabs=(*SECTION_KEYS, "report"), lazy_tabs=True,
        steps=(
            Step("engagement_loaders.engagement",
                 lambda r: eng.engagement(*r.scope, ENGAGEMENT_INDIVIDUALS),
                 direct=lambda r: compute_engagement(
                     r.con, Scope(r.start, r.end, r.service, r.level), r.thresholds)),
            Step("sections.headline_metrics",
                 lambda r: headline_metrics(r["engagement_loaders.engagement"].headline, r.t),
                 cached=False),
            *(section_step(key) for key in SECTION_KEYS),
            Step("engagement_loaders.report_html (on click)",
                 lambda r: eng.report_html(*r.scope, r.lang, "–", "–", None,
                                           ENGAGEMENT_INDIVIDUALS),
                 direct=report_direct, tab="report"),
        ),
    )


# --- data -------------------------------------------------------------------------------------------


def data_page() -> Page:
    """pages/data.py without an upload: templates, import history, data health (nothing cached)."""
    from analytics import data_health as health
    from analytics.ingest.preview import max_upload_mb
    from analytics.ingest.templates import template_csv, templates_zip
    from analytics.schema import LOAD_ORDER

    def health_grid(r: Run) -> Any:
        weeks = r["data_health.data_health"]
        return health.summarise(weeks), health.health_grid(weeks, only_gaps=True)

    return Page("data", "pages/data.py", "data", steps=(
        Step("ingest.max_upload_mb", lambda r: max_upload_mb(), cached=False),
        Step("templates.template_csv+templates_zip",
             lambda r: (template_csv(LOAD_ORDER[0]), templates_zip()), cached=False),
        Step("data_health.import_history", lambda r: health.import_history(r.con), cached=False),
        Step("data_health.data_health", lambda r: health.data_health(r.con, r.start, r.end),
             cached=False),
        Step("data_health.summarise+health_grid", health_grid, cached=False),
    ), note="no loader: every step runs on every rerun")


# --- methods ----------------------------------------------------------------------------------------


def methods_page() -> Page:
    """pages/methods.py: the catalogue and thresholds tables (no store access)."""
    from analytics.methods import catalogue_table, thresholds_table

    return Page("methods", "pages/methods.py", "methods", steps=(
        Step("methods.catalogue_table", lambda r: catalogue_table(r.t), cached=False),
        Step("methods.thresholds_table", lambda r: thresholds_table(r.thresholds, r.t),
             cached=False),
    ), content="[data-testid='stDataFrame']")


BUILDERS: Final[dict[str, Callable[[], Page]]] = {
    "frame": frame,
    "overview": overview_page,
    "capacity": capacity_page,
    "arbitration": arbitration_page,
    "engagement": engagement_page,
    "data": data_page,
    "methods": methods_page,
}
"""Every page of app.py's navigation, in its order, after the frame that runs before each."""

FILES: Final[dict[str, tuple[str, str]]] = {
    "frame": ("app.py", ""),
    "overview": ("pages/overview.py", ""),
    "capacity": ("pages/capacity.py", "capacity"),
    "arbitration": ("pages/arbitration.py", "arbitration"),
    "engagement": ("pages/engagement.py", "engagement"),
    "data": ("pages/data.py", "data"),
    "methods": ("pages/methods.py", "methods"),
}
"""(page file, url path) of each page, known even when the page cannot be built."""


def registry() -> list[Page]:
    """Every page, built; a page whose modules fail to import is kept with a 'not measured' status."""
    pages = []
    for name, build in BUILDERS.items():
        try:
            pages.append(build())
        except Exception as exc:  # a page still being written must not stop the benchmark
            file, url = FILES[name]
            pages.append(Page(name, file, url, status=f"not measured: {type(exc).__name__}: {exc}"))
    return pages
