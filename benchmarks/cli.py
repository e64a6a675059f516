"""``python -m benchmarks``: build (or reuse) the demo stores, measure, write the results table.

Order of work: machine facts; import throughput (once, independent of the scales); then for each
scale: the cached store, the page computations, the references, the derived refresh, the server
script runs and the browser; finally docs/benchmarks.md and docs/benchmarks.json (or ``--out``).
Progress lines go to stderr as the work goes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Final

from benchmarks import machine, report
from benchmarks.results import Measurement, Results
from benchmarks.timing import quiet_streamlit

DEFAULT_SCALES: Final[str] = "town,city"
DEFAULT_RUNS: Final[int] = 5
DEFAULT_IMPORT_ROWS: Final[int] = 1_000_000
DEFAULT_TOOL_ROWS: Final[int] = 100_000
DEFAULT_BROWSER_SCALES: Final[str] = "town,city"
DOCS: Final[Path] = Path(__file__).resolve().parent.parent / "docs"
_STARTED: Final[float] = time.perf_counter()


def say(text: str) -> None:
    """One progress line on stderr, with the elapsed time."""
    print(f"[{time.perf_counter() - _STARTED:7.1f} s] {text}", file=sys.stderr, flush=True)


def _scales(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parser() -> argparse.ArgumentParser:
    from analytics.settings import DEMO_SEED
    from benchmarks.stores import CACHE_DIR, DEFAULT_AS_OF

    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure import throughput, each page's computation (cold and from cache), the "
        "bare-scan and pandas references, the server script and the browser's view, on cached demo "
        "stores; write a Markdown and a JSON results table.",
    )
    p.add_argument("--scales", type=_scales, default=_scales(DEFAULT_SCALES),
                   help=f"comma-separated scales: tiny, town, city10, city, metro (default {DEFAULT_SCALES};"
                   " city10 is added before city for the scaling check unless --no-scaling)")
    p.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="runs per measurement (default 5)")
    p.add_argument("--no-browser", action="store_true", help="skip the headless Chromium measurements")
    p.add_argument("--browser-scales", type=_scales, default=_scales(DEFAULT_BROWSER_SCALES),
                   help=f"scales measured in the browser (default {DEFAULT_BROWSER_SCALES})")
    p.add_argument("--no-scaling", action="store_true", help="do not add city10 next to city")
    p.add_argument("--no-import", action="store_true", help="skip the import throughput")
    p.add_argument("--no-script", action="store_true", help="skip the AppTest server-script runs")
    p.add_argument("--no-refresh", action="store_true", help="skip the derived-table refresh")
    p.add_argument("--import-rows", type=int, default=DEFAULT_IMPORT_ROWS,
                   help="rows of the canonical CSV (default 1,000,000)")
    p.add_argument("--tool-rows", type=int, default=DEFAULT_TOOL_ROWS,
                   help="rows of the Toggl export (default 100,000)")
    p.add_argument("--out", type=Path, default=DOCS,
                   help="folder of benchmarks.md and benchmarks.json (default docs/)")
    p.add_argument("--cache", type=Path, default=CACHE_DIR,
                   help="folder of the cached demo stores (default benchmarks/.cache)")
    p.add_argument("--seed", type=int, default=DEMO_SEED)
    p.add_argument("--as-of", type=date.fromisoformat, default=DEFAULT_AS_OF,
                   help="the demo's 'today' (default 2026-11-30)")
    return p


def plan_scales(scales: list[str], scaling: bool) -> list[str]:
    """The scales to measure, in order, with city10 before city when the scaling check is on."""
    planned = list(dict.fromkeys(scales))
    if scaling and "city" in planned and "city10" not in planned:
        planned.insert(planned.index("city"), "city10")
    return planned


def run(args: argparse.Namespace) -> Results:
    """Every measurement asked for by ``args``."""
    quiet_streamlit()
    from benchmarks import computation
    from benchmarks.browser import measure_browser
    from benchmarks.imports import (
        measure_cli_import,
        measure_imports,
        measure_month_import,
        measure_small_imports,
    )
    from benchmarks.pages import registry
    from benchmarks.script import measure_scripts
    from benchmarks.stores import ensure_store, spec_of

    scales = plan_scales(args.scales, not args.no_scaling)
    for scale in scales:
        spec_of(scale)  # unknown scale: fail before any work
    options = {"scales": ",".join(scales), "runs": args.runs, "browser": not args.no_browser,
               "import_rows": args.import_rows, "tool_rows": args.tool_rows, "seed": args.seed,
               "as_of": args.as_of.isoformat()}
    results = Results(machine=machine.describe(), options=options)
    say(f"machine: {results.machine['cpu']}, {results.machine['cores']} cores, load average "
        f"{results.machine['load_average_at_start']}")
    pages = registry()
    for page in pages:
        if not page.measured:
            say(f"page {page.name}: {page.status}")
    scratch_root = Path(tempfile.mkdtemp(prefix="benchmarks-"))
    try:
        # every store first (a build is a separate process of up to 3.5 GB): the city's pages measured
        # right after its build ran 15-35 % slower than with the store cached, the bare scan did not
        stores = {scale: ensure_store(scale, args.seed, args.as_of, args.cache, say)
                  for scale in scales}
        if not args.no_import:
            for item in measure_imports(args.import_rows, args.tool_rows, args.runs, say, scratch_root):
                results.add(item)
            for item in measure_cli_import(args.import_rows, args.runs, say, scratch_root):
                results.add(item)
        for scale in scales:
            path, facts = stores[scale]
            results.stores[scale] = {**facts, "path": str(path)}
            found, plan = computation.measure_pages(scale, str(path), pages, args.runs, say)
            for item in found:
                results.add(item)
            results.stores[scale]["scenario"] = {
                "start": plan.start.isoformat(), "end": plan.end.isoformat(),
                "service": plan.service, "service_name": plan.service_name,
            }
            for item in computation.measure_references(scale, str(path), plan, args.runs, say):
                results.add(item)
            if not args.no_refresh:
                for item in computation.measure_refresh(scale, path, args.runs, scratch_root, say):
                    results.add(item)
            if not args.no_import:
                for item in measure_month_import(scale, path, args.runs, scratch_root, say):
                    results.add(item)
                for item in measure_small_imports(scale, path, args.runs, scratch_root, say):
                    results.add(item)
            if not args.no_script:
                for item in measure_scripts(scale, str(path), pages, args.runs, plan.service, say):
                    results.add(item)
            if not args.no_browser and scale in args.browser_scales:
                from analytics.i18n import Translator

                for item in measure_browser(scale, path, pages, args.runs, plan.service_name,
                                            Translator("fr")("sidebar.service"), scratch_root, say):
                    results.add(item)
    finally:
        import shutil

        shutil.rmtree(scratch_root, ignore_errors=True)
    results.machine["load_average_at_end"] = [round(x, 2) for x in machine.load_average() or ()]
    return results


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.runs < 1:
        print("error: --runs must be at least 1", file=sys.stderr)
        return 2
    try:
        results = run(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    md, js = report.write(results, args.out)
    say(f"wrote {md} and {js}")
    missing = [m for m in results.measurements if m.status.startswith("error")]
    for item in missing:
        say(f"error in {item.group} {item.scale} {item.name} {item.variant}: {item.status}")
    return 1 if missing else 0


__all__ = ["Measurement", "main", "parser", "plan_scales", "run"]
