"""The page's whole script run on the server, without a browser: Streamlit's AppTest.

This is what the server does on every rerun of a page: app.py's frame (store, sidebar), the page's
loaders and analytics, and everything the page draws (tables formatted for display, CSV and Excel
download files, plotly figures turned into protobuf). Comparing it with the ``page`` measurement
shows how much of a rerun is drawing rather than computing.

Variants: ``cold`` (``st.cache_data`` cleared, a new AppTest session switched to the page), ``warm``
(the same session run again: loaders served from the cache — a second visit's server time, whose
budget is 100 ms, issue 16), ``filter`` (the sidebar's service filter set to one service, then run:
new loader arguments). AppTest runs the script in this process, so it shares the cached connection
with the ``page`` measurement; its scripts are compiled once, as a server's are
(:func:`_share_script_cache`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from benchmarks.pages import Page
from benchmarks.results import Measurement
from benchmarks.timing import Stats, quiet_streamlit, timed

ROOT: Final[Path] = Path(__file__).resolve().parent.parent
APP: Final[str] = str(ROOT / "app.py")
TIMEOUT_S: Final[float] = 600.0
SERVICE_FILTER_KEY: Final[str] = "filter_service"
PERIOD_KEY: Final[str] = "period_preset"
PERIOD_PRESET: Final[str] = "last_12_months"
"""The period the benchmark measures (the page's sidebar defaults to the last 3 months)."""

Say = Callable[[str], None]


@contextmanager
def _store_env(path: str) -> Iterator[None]:
    """PARTICIPATION_DB pointing at ``path`` for the time of the block."""
    before = os.environ.get("PARTICIPATION_DB")
    os.environ["PARTICIPATION_DB"] = path
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PARTICIPATION_DB", None)
        else:
            os.environ["PARTICIPATION_DB"] = before


def _navigation_apptest() -> Any:
    """AppTest that keeps Streamlit's 'uses st.navigation' flag, as a server does (see
    tests/apptest_support.py: streamlit issue #9446)."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest, app_test

    class NavigationPagesManager(PagesManager):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    app_test.PagesManager = NavigationPagesManager  # type: ignore[misc]
    _share_script_cache()
    from streamlit import config

    config.set_option("server.address", "127.0.0.1")  # as `make run`: the local single-user mode
    return AppTest


def _share_script_cache() -> None:
    """One ScriptCache for every AppTest run, as a server has one for all its sessions: AppTest makes
    new ones on each run, so that every rerun compiled app.py and the page again (10–25 ms a run
    that a server's second visit does not pay)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = getattr(app_test.ScriptCache, "shared", None) or ScriptCache()

    def one() -> ScriptCache:
        return shared

    one.shared = shared  # type: ignore[attr-defined]
    app_test.ScriptCache = one  # type: ignore[attr-defined,misc]
    local_script_runner.ScriptCache = one  # type: ignore[attr-defined,misc]


def _session(page: Page) -> Any:
    """A new AppTest session on ``page``, with the benchmark's period chosen in the sidebar."""
    apptest = _navigation_apptest()
    at = apptest.from_file(APP, default_timeout=TIMEOUT_S)
    if page.file != "app.py":
        at.switch_page(page.file)
    at.session_state[PERIOD_KEY] = PERIOD_PRESET
    return at


def _run(at: Any) -> float:
    """Run the AppTest session once; its wall-clock seconds (then Streamlit's logs silenced again)."""
    seconds = timed(at.run)[1]
    quiet_streamlit()
    _check(at)
    return seconds


def _check(at: Any) -> None:
    if at.exception:
        raise RuntimeError(str(at.exception[0].value)[:200])


def measure_scripts(
    scale: str, path: str, pages: list[Page], runs: int, service: str, say: Say
) -> list[Measurement]:
    """AppTest timings of every measured page (see the module docstring)."""
    import streamlit as st

    found: list[Measurement] = []
    with _store_env(path):
        for page in pages:
            if page.name == "frame":
                continue
            if not page.measured:
                found.append(Measurement("script", scale, page.name, "cold", status=page.status))
                continue
            samples: dict[str, list[float]] = {"cold": [], "warm": [], "filter": []}
            try:
                warmup = _session(page)  # imports the page's modules once
                _run(warmup)
                for _ in range(runs):
                    st.cache_data.clear()
                    at = _session(page)
                    samples["cold"].append(_run(at))
                    samples["warm"].append(_run(at))
                    at.sidebar.selectbox(key=SERVICE_FILTER_KEY).set_value(service)
                    samples["filter"].append(_run(at))
            except Exception as exc:  # a failing page is reported, the others still measured
                found.append(Measurement("script", scale, page.name, "cold",
                                         status=f"error: {type(exc).__name__}: {exc}"[:300]))
                continue
            for variant, values in samples.items():
                found.append(Measurement("script", scale, page.name, variant, stats=Stats.of(values)))
            say(f"script {scale}: {page.name}: cold {Stats.of(samples['cold']).median:.3f} s, "
                f"warm {Stats.of(samples['warm']).median:.3f} s")
    return found
