"""The pages the benchmarks measure, read from the app's own registry (:mod:`dashboard.registry`).

For each page of ``pages/`` a :class:`Page` lists its :class:`Step` s: the loader calls the page
makes through the registry (``call``: the cached loader, with the choices a first visit makes), the
same call without the loader's own cache (``direct``: the function Streamlit's cache wraps), and the
few pure functions the page applies on every rerun (``cached=False``). Drawing (tables, download
files, figures) is not here: the ``script`` measurement (AppTest) and the browser measure it.

Pages that compute only the open tab have ``lazy_tabs``; their *default view* is what the first visit
computes (the steps outside any tab and those of the first tab). A page whose modules fail to import
is registered with a status saying why (the results mark it "not measured") instead of stopping the
benchmark. Nothing here is kept in step by hand: a loader a page calls is in the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import duckdb

from analytics.i18n import Translator
from analytics.scope import Scope
from analytics.settings import Thresholds
from dashboard.store import Source

if TYPE_CHECKING:
    from dashboard.registry import PageCalls, Use

OK: Final[str] = "ok"


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
    def scope(self) -> Scope:
        """The sidebar's scope, for the direction (no group floor, rows about one person shown, as in
        local mode)."""
        return Scope(self.start, self.end, self.service, self.level)

    @property
    def src(self) -> Source:
        return Source(self.path, self.version)

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
    shared: str | None = None
    """The part of the page it feeds when it reads other pages' loaders (:attr:`dashboard.registry.
    Use.shared`); None: the page's own computation."""


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

    def shared_parts(self) -> dict[str, tuple[Step, ...]]:
        """The steps of the first visit that read other pages' loaders, by the part of the page
        they feed (the overview's "À traiter"); empty for a page that computes all it shows."""
        parts: dict[str, tuple[Step, ...]] = {}
        for step in self.default_view():
            if step.shared is not None:
                parts[step.shared] = (*parts.get(step.shared, ()), step)
        return parts

    def own_view(self) -> tuple[Step, ...]:
        """The steps of the first visit that are the page's own computation (not shared)."""
        return tuple(step for step in self.default_view() if step.shared is None)

    def tab_view(self, tab: str) -> tuple[Step, ...]:
        """The steps computed when ``tab`` is open (lazy pages), or every step."""
        if not self.lazy_tabs:
            return self.steps
        return tuple(s for s in self.steps if s.tab is None or s.tab == tab)


def step_of(use: Use) -> Step:
    """The benchmark step of one registry entry: the page's call, and the same without the cache."""
    plain = getattr(use.loader, "__wrapped__", use.loader)  # the function st.cache_data wraps

    def call(r: Run) -> Any:
        return use(r.src, r.scope, **use.defaults(r.results, r.scope))

    def direct(r: Run) -> Any:
        chosen = use.defaults(r.results, r.scope)
        if use.scoped:
            return plain(r.path, r.version, r.scope, **chosen)
        return plain(r.path, r.version, **chosen)

    return Step(use.name, call, direct=direct, tab=use.tab, shared=use.shared)


def from_registry(calls: PageCalls, *pure: Step, content: str | None = None, note: str = "") -> Page:
    """The :class:`Page` of one registry entry: its loader calls a first visit makes, then ``pure``."""
    steps = (*(step_of(use) for use in calls if use.first_visit), *pure)
    return Page(calls.name, calls.file, calls.url_path, steps=steps, tabs=calls.tabs,
                lazy_tabs=bool(calls.tabs), note=note,
                **({"content": content} if content else {}))


def frame() -> Page:
    """app.py + dashboard/sidebar.py: the store check, data version, freshness and services."""
    from dashboard import registry, store

    return from_registry(registry.FRAME,
                         Step("store.is_empty", lambda r: store.is_empty(r.con), cached=False),
                         Step("store.version", lambda r: store.version(r.con), cached=False),
                         note="runs before every page (sidebar filters, demo banner)")


def overview_page() -> Page:
    """pages/overview.py: freshness, its tiles' families, "À traiter" (its lists and lines, the
    direction's), the weekly load."""
    from dashboard import registry

    return from_registry(registry.OVERVIEW)


def capacity_page() -> Page:
    """pages/capacity.py: the tiles, then the open tab's loader."""
    from dashboard import registry

    return from_registry(registry.CAPACITY)


def arbitration_page() -> Page:
    """pages/arbitration.py: the store's history, then the open tab's loaders with the widgets'
    defaults (the simulator's and the portfolio's read the coming months once, nested)."""
    from dashboard import registry

    return from_registry(registry.ARBITRATION, content="[data-testid='stTabs']")


def engagement_page() -> Page:
    """pages/engagement.py: the headline figures, then the open section (built by its loader)."""
    from analytics.engagement.sections import headline_metrics
    from dashboard import registry

    return from_registry(registry.ENGAGEMENT, Step(
        "sections.headline_metrics",
        lambda r: headline_metrics(r["overview"].headline, r.t), cached=False))


def data_page() -> Page:
    """pages/data.py without an upload: import history, what to complete and data health."""
    from analytics.ingest.preview import max_upload_mb
    from dashboard import registry

    return from_registry(registry.DATA,
                         Step("ingest.max_upload_mb", lambda r: max_upload_mb(), cached=False))


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
