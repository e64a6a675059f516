"""Loaders run side by side: results in order, failures raised or (when gathering) only logged; the
capacity page's prefetch returns what its loaders return and fills their cache entries."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import streamlit as st

from dashboard.parallel import gather, side_by_side


def slow(value: int, seconds: float = 0.05) -> Callable[[], int]:
    def call() -> int:
        time.sleep(seconds)
        return value
    return call


def failing() -> int:
    raise ValueError("broken loader")


def test_results_in_order_and_at_once() -> None:
    together = threading.Barrier(3, timeout=10)  # broken unless the three calls run at once

    def meet(value: int) -> Callable[[], int]:
        def call() -> int:
            together.wait()
            return value
        return call

    assert side_by_side([meet(1), meet(2), meet(3)]) == [1, 2, 3]


@pytest.mark.parametrize("calls", [[], [slow(7, 0)]], ids=["none", "one"])
def test_fewer_than_two_calls_run_here(calls: list[Callable[[], int]]) -> None:
    assert side_by_side(calls) == [call() for call in calls]


def test_a_failure_is_raised_after_every_call_finished() -> None:
    finished: list[str] = []

    def late() -> str:
        time.sleep(0.05)
        finished.append(threading.current_thread().name)
        return "late"

    with pytest.raises(ValueError, match="broken loader"):
        side_by_side([failing, late])
    assert len(finished) == 1


def test_gathering_keeps_the_successes_and_logs_a_failure(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="dashboard"):
        results = gather({"tiles": slow(1, 0), "load": failing, "work": slow(3, 0)})
    assert results == {"tiles": 1, "work": 3}
    assert "computing load ahead failed" in caplog.text


PARTS = ("load", "work", "hidden", "legal", "overload", "forecast")
COMPUTED_BY = {
    "tiles": ("dashboard.loaders", "compute_indicators"),
    "load": ("analytics.capacity.load", "load_view"),
    "work": ("analytics.capacity.work", "work_view"),
    "hidden": ("analytics.capacity.hidden", "hidden_view"),
    "legal": ("analytics.capacity.legal", "legal_findings"),
    "overload": ("analytics.capacity.overload", "overload_runs"),
    "forecast": ("analytics.capacity.forecast", "forecast_view"),
}
"""The analytics function behind each capacity loader: counting its calls counts cache misses."""


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    import importlib

    counts: Counter[str] = Counter()
    for name, (module, function) in COMPUTED_BY.items():
        target = importlib.import_module(module)
        original = getattr(target, function)

        def counted(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(target, function, counted)
    st.cache_data.clear()
    yield counts
    st.cache_data.clear()


@pytest.mark.parametrize("part", PARTS)
def test_capacity_prefetch_returns_and_caches_what_the_page_draws(
    demo_db: Path, computed: Counter[str], part: str
) -> None:
    from dashboard import capacity_loaders as loaders
    from dashboard.store import connection, version

    path = str(demo_db)
    scope = (path, version(connection(path)), date(2026, 6, 1), date(2026, 11, 30), None, None)
    ready = loaders.prefetch(*scope, part)
    assert set(ready) == {"tiles", part}
    # the tiles' legal.days_over_10h is the length of the legal findings' list: one more list read
    once = Counter({"tiles": 1, part: 1}) + Counter({"legal": 1})
    assert computed == once
    assert ready["tiles"] == loaders.tiles(*scope)  # the next rerun reads the cache
    loaders.part_loader(part, *scope)()  # what pages/capacity.py's fetch(part) calls on a rerun
    assert computed == once


@pytest.mark.parametrize(
    ("label", "key"),
    [
        pytest.param(None, "rotation", id="no-state-yet"),
        pytest.param("Concentration", "concentration", id="a-section"),
        pytest.param("Rapport", None, id="the-report"),
        pytest.param("Rotation (English)", None, id="another-language"),
    ],
)
def test_the_open_engagement_section_is_read_from_the_tabs_state(label: str | None,
                                                                key: str | None) -> None:
    from analytics.engagement.sections import SECTION_KEYS
    from dashboard.engagement_loaders import open_section

    titles = [key.capitalize() for key in SECTION_KEYS] + ["Rapport"]
    assert open_section(label, titles) == key


def test_engagement_prefetch_fills_what_the_page_reads(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard import engagement_loaders as eng
    from dashboard.store import connection, version

    counts: Counter[str] = Counter()
    overview, part = eng.compute_overview, eng.compute_section_part

    def counted_overview(*args: Any) -> Any:
        counts["overview"] += 1
        return overview(*args)

    def counted_part(*args: Any) -> Any:
        counts[args[-1]] += 1
        return part(*args)

    monkeypatch.setattr(eng, "compute_overview", counted_overview)
    monkeypatch.setattr(eng, "compute_section_part", counted_part)
    st.cache_data.clear()
    path = str(demo_db)
    scope = (path, version(connection(path)), date(2026, 6, 1), date(2026, 11, 30), None, None)
    eng.prefetch(*scope, "cohorts", True)
    assert counts == Counter({"overview": 1, "cohorts": 1})
    eng.section(*scope, "fr", "cohorts", True)  # what the page calls for the open tab
    assert counts == Counter({"overview": 1, "cohorts": 1})
    st.cache_data.clear()
