"""Page computations, the two references and the derived-table refresh, measured in this process.

Pages are run through :mod:`benchmarks.pages` on the process-wide cached connection of
``dashboard.store.connection`` (as the app does). For each page and each run:

* ``cold``: ``st.cache_data.clear()``, then the default view's steps in page order;
* ``warm``: the same steps again (loaders answer from the cache, pure analytics run again);
* ``all tabs``: cleared, then every step (every tab opened once); the ``step`` measurements (cold and
  warm) come from these runs;
* ``direct``: the default view's steps with each loader replaced by the analytics function it wraps,
  one after the other;
* ``filter``: cleared, then the default view with the service filter (cold);
* ``part``: for a page with steps that read other pages' loaders (the overview's "À traiter"), the
  same ``cold`` runs split: its own computation (:data:`OWN`) and each shared part, by its label;
* ``bare scan``: the reference bare scan (:func:`benchmarks.reference.bare_scan`), timed right before
  each ``cold`` run of the page: the page's ratio to the floor compares samples taken in the same
  seconds, which a shared machine's slow spells (±15 % from one minute to the next) would otherwise
  skew.

``first`` is the very first cold run of each page after the store was opened (one sample).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from benchmarks import reference
from benchmarks.pages import Page, Run, Step
from benchmarks.results import Measurement
from benchmarks.timing import Stats, timed

Say = Callable[[str], None]

OWN = "own"
"""The variant (group ``part``) of a page's own computation: its first visit's cold steps without
those that read other pages' loaders (:meth:`benchmarks.pages.Page.shared_parts`, each measured
under its own label)."""


@dataclass(frozen=True)
class Scenario:
    """The period and the filter change every measurement of a scale uses."""

    start: date
    end: date
    service: str
    service_name: str


def scenario(con: duckdb.DuckDBPyConnection) -> Scenario:
    """The last 12 months up to the last recorded day (the sidebar's preset), and the service with
    the most agents (the heaviest single-service filter)."""
    from analytics import overview
    from analytics.periods import preset_period
    from analytics.store.db import query_rows

    last = overview.freshness(con).last_work_date or date.today()
    start, end = preset_period("last_12_months", last)
    service, name = query_rows(
        con,
        "SELECT s.service_id, s.service_name FROM services AS s JOIN agents AS a USING (service_id)"
        " GROUP BY ALL ORDER BY count(*) DESC, s.service_id LIMIT 1",
    )[0]
    return Scenario(start, end, str(service), str(name))


def run_steps(run: Run, steps: Sequence[Step], direct: bool = False) -> dict[str, float]:
    """Run ``steps`` in order (their results kept in ``run.results``); seconds per step."""
    run.results.clear()
    seconds: dict[str, float] = {}
    for step in steps:
        call = step.direct if direct and step.direct is not None else step.call
        run.results[step.name], seconds[step.name] = timed(lambda call=call: call(run))
    return seconds


def _clear() -> None:
    import streamlit as st

    st.cache_data.clear()


def measure_pages(
    scale: str, path: str, pages: list[Page], runs: int, say: Say
) -> tuple[list[Measurement], Scenario]:
    """Cold, warm, direct, all-tabs and filter timings of every page (see the module docstring)."""
    from analytics.settings import load_thresholds
    from dashboard.store import connection, version

    con = connection(path)
    plan = scenario(con)
    found: list[Measurement] = []
    for page in pages:
        if not page.measured:
            found.append(Measurement("page", scale, page.name, "cold", status=page.status))
            continue

        def new_run(service: str | None = None) -> Run:
            return Run(path, version(con), con, plan.start, plan.end, service, None,
                       load_thresholds())

        default = visit = page.default_view()
        page_samples: dict[str, list[float]] = {
            "first": [], "cold": [], "warm": [], "direct": [], "all tabs": [], "filter": [],
            "filter warm": [], "bare scan": [],
        }
        parts = {OWN: page.own_view(), **page.shared_parts()} if page.shared_parts() else {}
        part_samples: dict[str, list[float]] = {label: [] for label in parts}
        step_samples: dict[tuple[str, str], list[float]] = {}
        try:
            _clear()
            page_samples["first"].append(sum(run_steps(new_run(), visit).values()))
            for _ in range(runs):
                page_samples["bare scan"].append(
                    timed(lambda: reference.bare_scan(con, plan.start, plan.end))[1])
                _clear()
                default_cold = run_steps(new_run(), visit)
                default_warm = run_steps(new_run(), visit)
                page_samples["cold"].append(sum(default_cold.values()))
                for label, steps in parts.items():  # the same cold runs, split
                    part_samples[label].append(sum(default_cold[step.name] for step in steps))
                page_samples["warm"].append(sum(default_warm.values()))
                _clear()
                all_cold = run_steps(new_run(), page.steps)
                all_warm = run_steps(new_run(), page.steps)
                all_direct = run_steps(new_run(), page.steps, direct=True)
                page_samples["all tabs"].append(sum(all_cold.values()))
                page_samples["direct"].append(sum(all_direct[s.name] for s in default))
                for variant, times in (("cold", all_cold), ("warm", all_warm), ("direct", all_direct)):
                    for name, seconds in times.items():
                        step_samples.setdefault((name, variant), []).append(seconds)
                _clear()
                page_samples["filter"].append(sum(run_steps(new_run(plan.service), visit).values()))
                page_samples["filter warm"].append(
                    sum(run_steps(new_run(plan.service), visit).values()))
        except Exception as exc:  # a page that fails is reported; the others are still measured
            found.append(Measurement("page", scale, page.name, "cold",
                                     status=f"error: {type(exc).__name__}: {exc}"[:300]))
            say(f"page {scale}: {page.name}: {type(exc).__name__}: {exc}")
            continue
        views = f"default view: {', '.join(s.name for s in visit)}"
        for variant, values in page_samples.items():
            found.append(Measurement("page", scale, page.name, variant, stats=Stats.of(values),
                                     note=views if variant == "cold" else ""))
        for label, steps in parts.items():
            found.append(Measurement("part", scale, page.name, label,
                                     stats=Stats.of(part_samples[label]),
                                     note=", ".join(step.name for step in steps)))
        for step in page.steps:
            for variant in ("cold", "warm", "direct"):
                values = step_samples.get((step.name, variant))
                if values:
                    found.append(Measurement(
                        "step", scale, f"{page.name} / {step.name}", variant, stats=Stats.of(values),
                        extra={"tab": step.tab, "cached": step.cached,
                               "default_view": step in default}))
        cold, warm = Stats.of(page_samples["cold"]), Stats.of(page_samples["warm"])
        say(f"page {scale}: {page.name}: cold {cold.median * 1000:.0f} ms, "
            f"warm {warm.median * 1000:.1f} ms, all tabs "
            f"{Stats.of(page_samples['all tabs']).median * 1000:.0f} ms")
    return found, plan


def measure_references(
    scale: str, path: str, plan: Scenario, runs: int, say: Say
) -> list[Measurement]:
    """The bare scan and the pandas reference (load + compute), with and without the filter."""
    from analytics.indicators import compute_indicators
    from analytics.scope import Scope
    from analytics.settings import load_thresholds
    from dashboard.store import connection

    con = connection(path)
    thresholds = load_thresholds()
    found: list[Measurement] = []
    entries = reference.bare_scan(con, plan.start, plan.end)[1]
    bare = [timed(lambda: reference.bare_scan(con, plan.start, plan.end))[1] for _ in range(runs)]
    found.append(Measurement("reference", scale, "bare scan", "cold", stats=Stats.of(bare),
                             rows=entries, note=reference.BARE_SCAN_SQL))
    for variant, service in (("cold", None), ("filter", plan.service)):
        loads, computes, totals, differ = [], [], [], []
        for _ in range(runs):
            raw, load_s = timed(lambda: reference.load_raw(con, plan.start, plan.end))
            values, compute_s = timed(lambda raw=raw, service=service: reference.pandas_indicators(
                raw, plan.start, plan.end, thresholds, service))
            loads.append(load_s)
            computes.append(compute_s)
            totals.append(load_s + compute_s)
        catalogue = compute_indicators(con, Scope(plan.start, plan.end, service))
        differ = reference.agreement(values, catalogue)
        note = "agrees with the catalogue" if not differ else f"DIFFERS: {'; '.join(differ)}"
        found.append(Measurement("reference", scale, "pandas (load + compute)", variant,
                                 stats=Stats.of(totals), note=note,
                                 extra={"agrees": not differ}))
        found.append(Measurement("reference", scale, "pandas load (one query per table)", variant,
                                 stats=Stats.of(loads)))
        found.append(Measurement("reference", scale, "pandas compute", variant,
                                 stats=Stats.of(computes)))
    say(f"reference {scale}: bare scan {Stats.of(bare).median * 1000:.1f} ms "
        f"({entries:,} entries), pandas {Stats.of(totals).median:.2f} s (filtered)")
    return found


class _TimedCursor:
    """A cursor whose ``execute`` calls are timed (to split refresh_derived by table)."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor
        self.times: list[tuple[str, float]] = []

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        result, seconds = timed(lambda: self._cursor.execute(sql, *args, **kwargs))
        marker = "CREATE OR REPLACE TABLE "
        name = sql.split(marker, 1)[1].split()[0] if marker in sql else "other"
        self.times.append((name, seconds))
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def measure_refresh(
    scale: str, store: Path, runs: int, scratch: Path, say: Say
) -> list[Measurement]:
    """``refresh_derived`` on a copy of the store, in one transaction as an import runs it."""
    from analytics.store.db import open_store, transaction
    from analytics.store.derived import refresh_derived
    from benchmarks.stores import copy_store

    copy = copy_store(store, scratch / f"refresh-{scale}.duckdb")
    con = open_store(copy)
    samples: list[float] = []
    tables: dict[str, list[float]] = {}
    try:
        for _ in range(runs):
            started = time.perf_counter()
            with transaction(con) as cur:
                timed_cursor = _TimedCursor(cur)
                refresh_derived(timed_cursor)  # type: ignore[arg-type]
            samples.append(time.perf_counter() - started)
            for name, seconds in timed_cursor.times:
                if name != "other":
                    tables.setdefault(name, []).append(seconds)
    finally:
        con.close()
        for leftover in scratch.glob(f"refresh-{scale}.duckdb*"):
            leftover.unlink(missing_ok=True)
    stats = Stats.of(samples)
    say(f"refresh {scale}: refresh_derived {stats.median:.2f} s")
    found = [Measurement("refresh", scale, "refresh_derived (all tables)", "cold", stats=stats,
                         note="in one transaction, as after every import")]
    found += [Measurement("refresh", scale, f"refresh_derived / {name}", "cold",
                          stats=Stats.of(values)) for name, values in tables.items()]
    return found
