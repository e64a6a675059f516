"""The registry of what each page computes, in the page's own order, through the page's own functions.

For each page file of ``pages/`` a :class:`Page` lists its :class:`Step` s: the cached loaders of
``dashboard/*loaders*.py`` it calls (``call``), with the analytics function each one wraps
(``direct``, the same computation without Streamlit's cache), and the pure analytics functions it
applies to their results on every rerun (``cached=False``). Drawing (tables, download files,
figures) is not here: the ``script`` measurement (AppTest) and the browser measure it.

A step may belong to a tab: pages that compute only the open tab (capacity, arbitration, engagement) have
``lazy_tabs``; their *default view* is what the first visit computes (the steps outside any tab and
those of the first tab).

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
    prefetch: Step | None = None
    """A step the page runs first on a visit: it computes some of the default view's loaders side by
    side (``dashboard.parallel``), filling their cache entries (:meth:`visit`). The per-step timings
    (all tabs) keep measuring each loader on its own."""
    prefetched: tuple[str, ...] = ()
    """The default view's steps whose results the prefetch hands to the page, which then does not
    call them (the others are called as usual and read the cache the prefetch filled)."""
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

    def visit(self) -> tuple[Step, ...]:
        """What a visit of the default view runs: the :attr:`prefetch` step, then the default view's
        steps but those in :attr:`prefetched`; without a prefetch, the default view's steps."""
        if self.prefetch is None:
            return self.default_view()
        return (self.prefetch,
                *(step for step in self.default_view() if step.name not in self.prefetched))

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
    """pages/overview.py: freshness, the catalogue keys of its tiles, the weekly load chart."""
    from analytics import overview
    from analytics.indicators import compute_indicators
    from dashboard import loaders

    return Page("overview", "pages/overview.py", "", steps=(
        Step("loaders.freshness", lambda r: loaders.freshness(r.path, r.version),
             direct=lambda r: overview.freshness(r.con)),
        Step("loaders.indicators", lambda r: loaders.indicators(*r.scope, loaders.OVERVIEW_COMPUTED),
             direct=lambda r: compute_indicators(r.con, r.start, r.end, service=r.service,
                                                 level=r.level, keys=loaders.OVERVIEW_COMPUTED)),
        Step("loaders.weekly_load", lambda r: loaders.weekly_load(*r.scope),
             direct=lambda r: overview.weekly_load(r.con, r.start, r.end, r.service, r.level)),
    ))


# --- team capacity ----------------------------------------------------------------------------------


def capacity_page() -> Page:
    """pages/capacity.py: the tiles and the open tab's loader computed side by side (prefetch), whose
    results the page draws (each returns what its tab draws: nothing is computed again on a
    rerun)."""
    from analytics.capacity import forecast as forecast_mod
    from analytics.capacity import hidden as hidden_mod
    from analytics.capacity import legal as legal_mod
    from analytics.capacity import load as load_mod
    from analytics.capacity import overload as overload_mod
    from analytics.capacity import work as work_mod
    from analytics.indicators import compute_indicators
    from dashboard import capacity_loaders as cl

    def tab_call(part: str) -> StepCall:
        """The tab's loader as the page calls it (``fetch`` in pages/capacity.py)."""
        return lambda r: cl.part_loader(part, *r.scope)()

    def work_direct(r: Run) -> Any:
        args = (r.con, r.start, r.end, r.service, r.level)
        return work_mod.work_view(work_mod.hours_by_activity_level(*args),
                                  work_mod.participation_by_agent(*args), work_mod.top_projects(*args))

    def hidden_direct(r: Run) -> Any:
        args = (r.con, r.start, r.end, r.service, r.level)
        return hidden_mod.hidden_view(hidden_mod.outside_entries(*args, r.thresholds),
                                      work_mod.participation_by_agent(*args),
                                      hidden_mod.evenings(*args, r.thresholds))

    return Page(
        "capacity", "pages/capacity.py", "capacity",
        tabs=("load", "work", "hidden", "legal", "overload", "forecast"), lazy_tabs=True,
        prefetch=Step("capacity_loaders.prefetch[load]",
                      lambda r: cl.prefetch(*r.scope, "load"), direct=lambda r: None),
        prefetched=("capacity_loaders.tiles", "capacity_loaders.load"),
        steps=(
            Step("capacity_loaders.tiles", tab_call("tiles"),
                 direct=lambda r: compute_indicators(r.con, r.start, r.end, service=r.service,
                                                     level=r.level, keys=cl.TILES,
                                                     side_by_side=False)),
            Step("capacity_loaders.load", tab_call("load"),
                 direct=lambda r: load_mod.load_view(r.con, r.start, r.end, r.service, r.level,
                                                     r.thresholds), tab="load"),
            Step("capacity_loaders.work", tab_call("work"), direct=work_direct, tab="work"),
            Step("capacity_loaders.hidden", tab_call("hidden"), direct=hidden_direct, tab="hidden"),
            Step("capacity_loaders.legal", tab_call("legal"),
                 direct=lambda r: legal_mod.legal_findings(r.con, r.start, r.end, r.service,
                                                           r.thresholds), tab="legal"),
            Step("capacity_loaders.overload", tab_call("overload"),
                 direct=lambda r: overload_mod.overload_runs(r.con, r.start, r.end, r.service,
                                                             r.thresholds), tab="overload"),
            Step("capacity_loaders.forecast", tab_call("forecast"),
                 direct=lambda r: forecast_mod.forecast_view(r.con, r.end, r.service, r.level,
                                                             r.thresholds), tab="forecast"),
        ),
    )


# --- arbitration ------------------------------------------------------------------------------------


def arbitration_page() -> Page:
    """pages/arbitration.py: the teams and finished projects' effort once, then only the open tab's
    loaders (the simulator's and the portfolio's read the coming months once, nested)."""
    from analytics.arbitration import context as context_mod
    from analytics.arbitration.demand import DIMENSIONS as DEMAND_DIMENSIONS
    from analytics.arbitration.demand import demand_breakdown, demand_view, load_demand
    from analytics.arbitration.effort import DIMENSIONS as EFFORT_DIMENSIONS
    from analytics.arbitration.effort import effort_by, load_life_profile
    from analytics.arbitration.portfolio import load_candidates
    from analytics.arbitration.simulate import QUANTILES, ProjectSpec
    from analytics.arbitration.teams import team_of
    from analytics.schema import LEVELS, PERIMETERS
    from dashboard import arbitration_loaders as al

    def history(r: Run) -> Any:
        found = r["arbitration_loaders.history"]
        if found is None:
            raise LookupError("the store has no recorded time: the page shows no arbitration")
        return found

    def context(r: Run) -> Any:
        """The full context for the direct variant, read once per run (the loaders nest it)."""
        if "context (direct)" not in r.results:
            r.results["context (direct)"] = context_mod.with_coming_months(r.con, history(r))
        return r.results["context (direct)"]

    def team(r: Run) -> str:
        return context_mod.default_team(history(r))

    def spec(r: Run) -> Any:
        c = history(r)
        return ProjectSpec(LEVELS[ARBITRATION_DEFAULT_LEVEL_INDEX], PERIMETERS[0], team(r),
                           c.default_start, ARBITRATION_DEFAULT_MONTHS)

    def team_filter(r: Run) -> str | None:
        return team_of(history(r).mapping).get(r.service) if r.service else None

    def demand_scope(r: Run) -> tuple[Any, ...]:
        return (r.path, r.version, r.start, r.end, team_filter(r), r.level)

    def demand_direct(r: Run) -> Any:
        return demand_view(load_demand(r.con, r.start, r.end, history(r).mapping, team_filter(r),
                                       r.level))

    def candidates(r: Run) -> Any:
        return r["arbitration_loaders.candidates"]

    target = lambda r: r.thresholds.target_utilisation  # noqa: E731
    return Page(
        "arbitration", "pages/arbitration.py", "arbitration",
        tabs=("effort", "simulator", "portfolio", "demand"), lazy_tabs=True,
        steps=(
            Step("arbitration_loaders.history", lambda r: al.history(r.path, r.version),
                 direct=lambda r: context_mod.load_history(r.con, r.thresholds)),
            Step("arbitration_loaders.effort_by",
                 lambda r: None if history(r).effort.empty else al.effort_by(r.path, r.version,
                                                                             "level"),
                 direct=lambda r: None if history(r).effort.empty else effort_by(history(r).effort,
                                                                                 "level"),
                 tab="effort"),
            Step("arbitration_loaders.effort_by(dimension)",
                 lambda r: None if history(r).effort.empty else al.effort_by(
                     r.path, r.version, EFFORT_DIMENSIONS[0]),
                 direct=lambda r: None if history(r).effort.empty else effort_by(
                     history(r).effort, EFFORT_DIMENSIONS[0]),
                 tab="effort"),
            Step("arbitration_loaders.life_profile",
                 lambda r: None if history(r).effort.empty else al.life_profile(r.path, r.version),
                 direct=lambda r: None if history(r).effort.empty else load_life_profile(r.con),
                 tab="effort"),
            Step("arbitration_loaders.estimates",
                 lambda r: al.estimates(r.path, r.version, PERIMETERS[0], team(r)),
                 direct=lambda r: dict(context_mod.estimate_table(history(r), PERIMETERS[0],
                                                                  team(r))),
                 tab="simulator"),
            Step("arbitration_loaders.simulation",
                 lambda r: al.simulation(r.path, r.version, spec(r), (), target(r), 0.0),
                 direct=lambda r: context_mod.run_simulation(context(r), spec(r), target(r), (),
                                                             0.0),
                 tab="simulator"),
            Step("arbitration_loaders.committed",
                 lambda r: al.committed(r.path, r.version, team(r)),
                 direct=lambda r: (context_mod.committed_of_team(context(r), team(r)),
                                   context_mod.ordinary_share_of_team(context(r), team(r))),
                 tab="simulator"),
            Step("arbitration_loaders.candidates", lambda r: al.candidates(r.path, r.version),
                 direct=lambda r: load_candidates(r.con), tab="portfolio"),
            Step("arbitration_loaders.portfolio",
                 lambda r: None if candidates(r).empty else al.portfolio(
                     r.path, r.version, target(r), QUANTILES[0], (), ()),
                 direct=lambda r: None if candidates(r).empty else context_mod.run_portfolio(
                     context(r), target(r), QUANTILES[0], (), ()),
                 tab="portfolio"),
            Step("arbitration_loaders.demand", lambda r: al.demand(*demand_scope(r)),
                 direct=demand_direct, tab="demand"),
            Step("arbitration_loaders.demand_by",
                 lambda r: al.demand_by(*demand_scope(r), DEMAND_DIMENSIONS[0]),
                 direct=lambda r: demand_breakdown(r["arbitration_loaders.demand"].demand,
                                                   DEMAND_DIMENSIONS[0]),
                 tab="demand"),
        ),
        content="[data-testid='stTabs']",
    )


# --- engagement -------------------------------------------------------------------------------------


def engagement_page() -> Page:
    """pages/engagement.py: the headline figures and the open section's numbers computed side by
    side (prefetch), then read from the cache by the page's own calls, which build the section."""
    from analytics.engagement.page import EngagementData, compute_overview, compute_part
    from analytics.engagement.report import build_report
    from analytics.engagement.scope import Scope
    from analytics.engagement.sections import SECTION_KEYS, headline_metrics
    from analytics.engagement.sections import section as build_section
    from dashboard import engagement_loaders as eng

    def scope(r: Run) -> Scope:
        return Scope(r.start, r.end, r.service, r.level)

    def section_step(key: str) -> Step:
        def direct(r: Run) -> Any:
            part = compute_part(r.con, scope(r), r.thresholds, key)
            return build_section(key, r["engagement_loaders.overview"], part, r.t)

        return Step(f"engagement_loaders.section[{key}]",
                    lambda r: eng.section(*r.scope, r.lang, key, ENGAGEMENT_INDIVIDUALS),
                    direct=direct, tab=key)

    def report_direct(r: Run) -> bytes:
        from datetime import datetime

        parts = {key: compute_part(r.con, scope(r), r.thresholds, key) for key in SECTION_KEYS}
        data = EngagementData(r["engagement_loaders.overview"], **parts)
        html = build_report(data, r.t, town="Commune", service_label="–", level_label="–",
                            generated_at=datetime.now(), origin_note=None)
        return html.encode("utf-8")

    return Page(
        "engagement", "pages/engagement.py", "engagement",
        tabs=(*SECTION_KEYS, "report"), lazy_tabs=True,
        prefetch=Step(f"engagement_loaders.prefetch[{SECTION_KEYS[0]}]",
                      lambda r: eng.prefetch(*r.scope, SECTION_KEYS[0], ENGAGEMENT_INDIVIDUALS),
                      direct=lambda r: None),
        steps=(
            Step("engagement_loaders.overview",
                 lambda r: eng.overview(*r.scope),
                 direct=lambda r: compute_overview(r.con, scope(r), r.thresholds)),
            Step("sections.headline_metrics",
                 lambda r: headline_metrics(r["engagement_loaders.overview"].headline, r.t),
                 cached=False),
            *(section_step(key) for key in SECTION_KEYS),
            Step("engagement_loaders.report_html (on click)",
                 lambda r: eng.report_html(*r.scope, r.lang, "Commune", "–", "–", None,
                                           ENGAGEMENT_INDIVIDUALS),
                 direct=report_direct, tab="report"),
        ),
    )


# --- data -------------------------------------------------------------------------------------------


def data_page() -> Page:
    """pages/data.py without an upload: import history and data health through their loaders (the
    templates are generated only when a download button is clicked)."""
    from analytics import data_health as health
    from analytics.ingest.preview import max_upload_mb
    from dashboard import loaders

    return Page("data", "pages/data.py", "data", steps=(
        Step("ingest.max_upload_mb", lambda r: max_upload_mb(), cached=False),
        Step("loaders.import_history", lambda r: loaders.import_history(r.path, r.version),
             direct=lambda r: health.import_history(r.con)),
        Step("loaders.health", lambda r: loaders.health(r.path, r.version, r.start, r.end, True),
             direct=lambda r: health.data_health(r.con, r.start, r.end, True)),
    ))


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
