"""The demo stores the benchmark measures, built once and cached in ``benchmarks/.cache/``.

Scales: ``town`` and ``city`` are :data:`analytics.demo.SCALES` entries; ``city10`` is a city with one
tenth of the agents and the same densities (entries per agent-day, projects, events, participants and
requests per agent, the same 24 services and 10 quartiers), so that ``city / city10`` measures how a
computation grows with the data; ``tiny`` is a three-year town of 30 agents for the harness's own
smoke test. ``load_demo`` only takes a scale name, so the two extra specs are added to
``analytics.demo.SCALES`` for the time of the build (:func:`registered_scales`), in the build process.

A cached store's file name carries the scale, seed, as-of date and a hash of everything that shapes
its content (the generator, the derived SQL, the migrations, the spec), so any change of that code
builds a new store; older stores of the same scale are deleted. A store is built in a child process
(``python -m benchmarks.stores``) so that the generator's memory is given back before measuring.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from analytics.demo import SCALES, ScaleSpec

ROOT: Final[Path] = Path(__file__).resolve().parent.parent
CACHE_DIR: Final[Path] = Path(__file__).resolve().parent / ".cache"
"""Default home of the cached stores (git-ignored)."""
DEFAULT_AS_OF: Final[date] = date(2026, 11, 30)
"""The demo's 'today' in benchmarks (the same as the tests'), so that every run sees the same town."""

CITY10_DIVISOR: Final[int] = 10
"""city10 is the city with this many times fewer agents (projects, requests scale with agents)."""
_CITY: Final[ScaleSpec] = SCALES["city"]

EXTRA_SCALES: Final[dict[str, ScaleSpec]] = {
    "city10": replace(
        _CITY,
        name="city10",
        inhabitants=_CITY.inhabitants // CITY10_DIVISOR,
        agents=_CITY.agents // CITY10_DIVISOR,
        projects_per_year=_CITY.projects_per_year / CITY10_DIVISOR,
        proposed_projects=max(1, _CITY.proposed_projects // CITY10_DIVISOR),
        planned_projects=max(1, _CITY.planned_projects // CITY10_DIVISOR),
        declined_projects=max(1, _CITY.declined_projects // CITY10_DIVISOR),
        requests_per_year=_CITY.requests_per_year / CITY10_DIVISOR,
    ),
    "tiny": ScaleSpec(
        name="tiny", inhabitants=1_500, agents=30, services=10, quartiers=6,
        projects_per_year=6, proposed_projects=3, planned_projects=2, declined_projects=1,
        requests_per_year=50, years=3,
    ),
}
"""Scales the harness adds to the demo's own (see the module docstring)."""

SOURCES: Final[tuple[str, ...]] = (
    "analytics/demo/*.py",
    "analytics/sql/derived/*.sql",
    "analytics/sql/rules/*.sql",
    "analytics/store/*.py",
    "analytics/store/migrations/*.sql",
    "analytics/calendar.py",
    "analytics/schema.py",
    "analytics/privacy.py",
    "analytics/settings.py",
)
"""The files whose content shapes a demo store (their hash is part of the cache key)."""

Progress = Callable[[str], None]


def spec_of(scale: str) -> ScaleSpec:
    """The spec of a scale name (the demo's own or one of :data:`EXTRA_SCALES`)."""
    if scale in EXTRA_SCALES:
        return EXTRA_SCALES[scale]
    if scale in SCALES:
        return SCALES[scale]
    known = sorted({*SCALES, *EXTRA_SCALES})
    raise ValueError(f"unknown scale {scale!r}; choose among {', '.join(known)}")


@contextlib.contextmanager
def registered_scales() -> Iterator[None]:
    """Make :data:`EXTRA_SCALES` known to ``load_demo`` for the time of the block."""
    added = [name for name in EXTRA_SCALES if name not in SCALES]
    for name in added:
        SCALES[name] = EXTRA_SCALES[name]  # type: ignore[index]
    try:
        yield
    finally:
        for name in added:
            SCALES.pop(name, None)  # type: ignore[attr-defined]


def sources_hash() -> str:
    """A short hash of :data:`SOURCES` (path and content of each file)."""
    digest = hashlib.sha256()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_key(scale: str, seed: int, as_of: date) -> str:
    """The cached store's file stem: scale, seed, as-of and the hash of sources and spec."""
    digest = hashlib.sha256(
        f"{sources_hash()}|{json.dumps(asdict(spec_of(scale)), sort_keys=True)}".encode()
    ).hexdigest()[:12]
    return f"{scale}-{seed}-{as_of.isoformat()}-{digest}"


def store_path(scale: str, seed: int, as_of: date, cache_dir: Path = CACHE_DIR) -> Path:
    """Where the store of these arguments is (or will be) cached."""
    return cache_dir / f"{cache_key(scale, seed, as_of)}.duckdb"


def _stale(scale: str, seed: int, keep: Path, cache_dir: Path) -> list[Path]:
    """Older cached stores of the same scale and seed (another hash or as-of date): deleted once the
    new one exists (a city store weighs about a gigabyte)."""
    return [p for p in cache_dir.glob(f"{scale}-{seed}-*") if not p.name.startswith(keep.stem)]


def ensure_store(
    scale: str, seed: int, as_of: date, cache_dir: Path = CACHE_DIR,
    progress: Progress | None = None,
) -> tuple[Path, dict[str, Any]]:
    """The cached store of ``scale``, built first if missing; (path, facts about the build).

    Facts: ``cached`` (bool), ``build_seconds`` and ``peak_rss_mb`` of the build process when it was
    built now, and ``rows`` per table as reported by ``load_demo``.
    """
    say = progress or (lambda _text: None)
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = store_path(scale, seed, as_of, cache_dir)
    facts_file = path.with_suffix(".json")
    if path.exists() and facts_file.exists():
        facts = json.loads(facts_file.read_text(encoding="utf-8"))
        say(f"{scale}: cached store {path.name}")
        return path, {**facts, "cached": True}
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    Path(f"{partial}.wal").unlink(missing_ok=True)
    say(f"{scale}: building the demo store (seed {seed}, as of {as_of}) — this is done once")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.stores", "--scale", scale, "--seed", str(seed),
         "--as-of", as_of.isoformat(), "--out", str(partial)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                                      os.environ.get("PYTHONPATH")]))},
    )
    assert process.stdout is not None
    last = ""
    for line in process.stdout:
        last = line.strip()
        if last and not last.startswith("{"):
            say(f"{scale}: {last}")
    if process.wait() != 0:
        raise RuntimeError(f"building the {scale} store failed: {last}")
    facts = json.loads(last)
    facts["build_seconds"] = round(time.perf_counter() - started, 1)
    partial.rename(path)
    facts_file.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    for old in _stale(scale, seed, path, cache_dir):
        old.unlink(missing_ok=True)
    say(f"{scale}: built in {facts['build_seconds']} s (peak memory {facts.get('peak_rss_mb')} MB)")
    return path, {**facts, "cached": False}


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a store (the app and refresh_derived write to the store they open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    wal = Path(f"{source}.wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}.wal"))
    return target


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:
        return None
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KB on Linux


def build(scale: str, seed: int, as_of: date, out: Path) -> dict[str, Any]:
    """Generate the demo of ``scale`` into a new store at ``out`` (prints progress lines)."""
    from analytics.demo import load_demo
    from analytics.store.db import open_store

    started = time.perf_counter()
    last_step = [""]

    def progress(fraction: float, step: str) -> None:
        if step != last_step[0]:
            last_step[0] = step
            print(f"[{fraction:4.0%}] {time.perf_counter() - started:6.1f} s  {step}", flush=True)

    con = open_store(out)
    try:
        with registered_scales():
            rows = load_demo(con, scale=scale, seed=seed, as_of=as_of, progress=progress)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return {"scale": scale, "seed": seed, "as_of": as_of.isoformat(), "rows": rows,
            "peak_rss_mb": _peak_rss_mb()}


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.stores --scale S --seed N --as-of D --out FILE``: build one store."""
    parser = argparse.ArgumentParser(description=build.__doc__)
    parser.add_argument("--scale", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--as-of", type=date.fromisoformat, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    facts = build(args.scale, args.seed, args.as_of, args.out)
    print(json.dumps(facts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
