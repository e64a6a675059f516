"""What each page computes: for every page and tab, the loaders it calls, by name.

A page reads its scope (the sidebar), then calls its loaders *through* this registry
(``CAPACITY["load"](src, scope)``), then the analytics that shape the result, then draws. The
benchmarks (``benchmarks/pages.py``) walk the same entries, so a loader a page calls is the loader
they measure — there is no copy to keep in step.

Each :class:`Use` names one call: the cached loader (``dashboard/*loaders.py``), the tab whose
opening runs it (None: above the tabs, every run), whether it reads the scope or the whole store,
and the choices a first visit makes (the widgets' defaults, computed from what the earlier calls of
the page returned): the benchmarks call a loader with them, the page with what the user chose.
A call that reads other pages' cached loaders names the part of the page it feeds (``shared``): the
benchmarks measure the page's own computation without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from analytics.arbitration.context import default_team
from analytics.arbitration.demand import DIMENSIONS as DEMAND_DIMENSIONS
from analytics.arbitration.effort import DIMENSIONS as EFFORT_DIMENSIONS
from analytics.arbitration.simulate import DEFAULT_LEVEL, DEFAULT_PROJECT_MONTHS, QUANTILES, ProjectSpec
from analytics.arbitration.teams import team_of
from analytics.engagement.sections import SECTION_KEYS
from analytics.schema import PERIMETERS
from analytics.scope import Scope
from analytics.settings import load_thresholds
from dashboard import arbitration_loaders as arbitration
from dashboard import capacity_loaders as capacity
from dashboard import engagement_loaders as engagement
from dashboard import loaders, overview_loaders
from dashboard.store import Source

Results = Mapping[str, Any]
"""What the earlier calls of a page returned, by :attr:`Use.name`."""
Choices = Callable[[Results, Scope], dict[str, Any]]


@dataclass(frozen=True)
class Use:
    """One loader call of a page."""

    name: str
    loader: Callable[..., Any]
    """A cached loader called ``loader(path, version, scope, **choices)`` (``scoped``) or
    ``loader(path, version, **choices)`` (reads the whole store)."""
    tab: str | None = None
    """The tab whose opening runs it (None: every run of the page)."""
    scoped: bool = True
    choices: Choices | None = None
    """The keyword arguments of a first visit (widget defaults), from the earlier results."""

    first_visit: bool = True
    """False for a call a first visit never makes (a tentative project the user stacks)."""
    by_role: bool = False
    """True when the loader reads the role's floor or disclosure from the scope; the others get the
    scope without them (:meth:`~analytics.scope.Scope.for_every_role`), so every role shares their
    cache entries."""
    shared: str | None = None
    """The part of the page this call feeds when it reads *other pages'* cached loaders (the
    overview's "À traiter": the capacity and engagement pages' lists), None for the page's own
    computation. The benchmarks hold the page's own computation against the bare scan and the
    pandas reference, and report each shared part on its own line."""

    def __call__(self, src: Source, scope: Scope | None = None, **chosen: Any) -> Any:
        """The loader's result for the store ``src``, the ``scope`` (a scoped loader's) and the
        ``chosen`` arguments."""
        if not self.scoped:
            return self.loader(src.path, src.version, **chosen)
        if scope is None:
            raise TypeError(f"the loader {self.name!r} reads a scope")
        return self.loader(src.path, src.version, scope if self.by_role else scope.for_every_role(),
                           **chosen)

    def defaults(self, results: Results, scope: Scope) -> dict[str, Any]:
        """The arguments a first visit passes (none when the loader takes no choice)."""
        return self.choices(results, scope) if self.choices else {}


@dataclass(frozen=True)
class PageCalls:
    """The loader calls of one page file, in the order the page makes them."""

    name: str
    file: str
    url_path: str
    uses: tuple[Use, ...]
    tabs: tuple[str, ...] = ()
    """The page's tabs; only the open one is computed."""

    def __getitem__(self, name: str) -> Use:
        for use in self.uses:
            if use.name == name:
                return use
        raise KeyError(f"{self.file} calls no loader named {name!r} (see dashboard/registry.py)")

    def __iter__(self) -> Iterator[Use]:
        return iter(self.uses)


# --- the frame (app.py and the sidebar, before every page) -----------------------------------------

FRAME: Final = PageCalls("frame", "app.py", "", (
    Use("freshness", loaders.freshness, scoped=False),
    Use("services", loaders.services, scoped=False),
))

# --- overview ---------------------------------------------------------------------------------------

TODO: Final[str] = "« À traiter »"
"""The overview's part read from the capacity and engagement pages' loaders (and the engagement
headline the tiles of a protected role show)."""

OVERVIEW: Final = PageCalls("overview", "pages/overview.py", "", (
    Use("freshness", loaders.freshness, scoped=False),
    Use("indicators", loaders.indicators,
        choices=lambda results, scope: {"keys": loaders.OVERVIEW_COMPUTED}),
    Use("todo", overview_loaders.todo, shared=TODO,
        choices=lambda results, scope: {"role": "direction"}),
    Use("headline", engagement.overview, shared=TODO),
    Use("weekly_load", loaders.weekly_load),
))

# --- team capacity ----------------------------------------------------------------------------------

CAPACITY: Final = PageCalls("capacity", "pages/capacity.py", "capacity", (
    Use("tiles", capacity.tiles),
    Use("load", capacity.load, tab="load"),
    Use("work", capacity.work, tab="work"),
    Use("hidden", capacity.hidden, tab="hidden"),
    Use("legal", capacity.legal, tab="legal"),
    Use("overload", capacity.overload, tab="overload"),
    Use("forecast", capacity.forecast, tab="forecast"),
    Use("agents", capacity.agents, tab="agent"),
    Use("agent_card", capacity.agent_card, tab="agent",
        choices=lambda results, scope: {"agent_id": results["agents"]["agent_id"].iloc[0]}),
), tabs=("load", "work", "hidden", "legal", "overload", "forecast", "agent"))

# --- arbitration ------------------------------------------------------------------------------------


def _history(results: Results) -> Any:
    found = results["history"]
    if found is None:
        raise LookupError("the store has no recorded time: the page shows no arbitration")
    return found


def _team(results: Results) -> str | None:
    return default_team(_history(results))


def _spec(results: Results) -> ProjectSpec:
    return ProjectSpec(DEFAULT_LEVEL, PERIMETERS[0], str(_team(results)),
                       _history(results).default_start, DEFAULT_PROJECT_MONTHS)


def demand_team(history: Any, scope: Scope) -> str | None:
    """The team of the sidebar's service (officials see teams, never a service alone)."""
    return team_of(history.mapping).get(scope.service) if scope.service else None


def _target() -> float:
    return load_thresholds().target_utilisation


ARBITRATION: Final = PageCalls("arbitration", "pages/arbitration.py", "arbitration", (
    Use("history", arbitration.history, scoped=False),
    Use("effort_by_level", arbitration.effort_by, tab="effort", scoped=False,
        choices=lambda results, scope: {"dimension": "level"}),
    Use("effort_by", arbitration.effort_by, tab="effort", scoped=False,
        choices=lambda results, scope: {"dimension": EFFORT_DIMENSIONS[0]}),
    Use("life_profile", arbitration.life_profile, tab="effort", scoped=False),
    Use("estimates", arbitration.estimates, tab="simulator", scoped=False,
        choices=lambda results, scope: {"perimeter": PERIMETERS[0], "team": _team(results)}),
    Use("tentative", arbitration.tentative, tab="simulator", scoped=False, first_visit=False),
    Use("simulation", arbitration.simulation, tab="simulator", scoped=False,
        choices=lambda results, scope: {"spec": _spec(results), "tentatives": (),
                                        "target": _target(), "capacity_change": 0.0}),
    Use("committed", arbitration.committed, tab="simulator", scoped=False,
        choices=lambda results, scope: {"team": _team(results)}),
    Use("candidates", arbitration.candidates, tab="portfolio", scoped=False),
    Use("open_requests", arbitration.open_requests, tab="portfolio", scoped=False),
    Use("portfolio", arbitration.portfolio, tab="portfolio", scoped=False,
        choices=lambda results, scope: {"target": _target(), "quantile": QUANTILES[0],
                                        "forced_in": (), "forced_out": ()}),
    Use("demand", arbitration.demand, tab="demand",
        choices=lambda results, scope: {"team": demand_team(_history(results), scope)}),
    Use("demand_by", arbitration.demand_by, tab="demand",
        choices=lambda results, scope: {"team": demand_team(_history(results), scope),
                                        "dimension": DEMAND_DIMENSIONS[0]}),
), tabs=("effort", "simulator", "portfolio", "demand"))

# --- engagement -------------------------------------------------------------------------------------

ENGAGEMENT: Final = PageCalls("engagement", "pages/engagement.py", "engagement", (
    Use("overview", engagement.overview),
    *(Use(f"section[{key}]", engagement.section, tab=key, by_role=True,
          choices=lambda results, scope, key=key: {"key": key, "lang": "fr"})
      for key in SECTION_KEYS),
    Use("freshness", loaders.freshness, tab="report", scoped=False),
    Use("services", loaders.services, tab="report", scoped=False),
    Use("report_html (on click)", engagement.report_html, tab="report", by_role=True,
        choices=lambda results, scope: {"lang": "fr", "town": "Commune"}),
    Use("milestones_frame (on click)", engagement.milestones_frame, tab="report",
        choices=lambda results, scope: {"lang": "fr"}),
), tabs=(*SECTION_KEYS, "report"))

# --- data -------------------------------------------------------------------------------------------

DATA: Final = PageCalls("data", "pages/data.py", "data", (
    Use("to_complete", loaders.to_complete, scoped=False),
    Use("import_history", loaders.import_history, scoped=False),
    Use("health", loaders.health, choices=lambda results, scope: {"only_gaps": True, "lang": "fr"}),
))

PAGES: Final[tuple[PageCalls, ...]] = (FRAME, OVERVIEW, CAPACITY, ARBITRATION, ENGAGEMENT, DATA)
"""Every page that reads the store, after the frame that runs before each (methods and audit read
no loader of the store's numbers)."""
