"""The browser's view: time to a complete first render of each page in headless Chromium.

For each run, a Streamlit server is started on a *copy* of the cached store (the app opens its store
read-write), with the helpers of ``tests/browser/conftest.py``; Debian's Chromium is driven by
Playwright (never downloaded). Each visit opens a new browser context (a new session, as a new user
would) and measures from ``page.goto`` to the page *complete*:

1. the server has sent ``script_finished`` for the run (read from the app's websocket, decoded with
   Streamlit's own ``ForwardMsg`` protobuf), and
2. the DOM shows no running-status widget and no skeleton, the page's main content
   (:attr:`benchmarks.pages.Page.content`) is in the main area, and every chart there (plotly or
   vega-lite) is drawn.

Variants: ``app first visit`` (the root URL, first visit after the server started: DESIGN's "first
paint" budget; ``first content`` is the same visit until the page title shows), ``app first visit,
loaded`` (the same on another server started for it, while a process keeps one core busy: issue 16's
"first paint under 3 s with the machine loaded"), ``cold`` (the first
visit of each page after server start, in navigation order, in a new browser context: nothing cached
in the browser, the frame's loaders already cached by the earlier visit), ``warm`` (a later visit in
a new tab of a browser that has the app's static files cached: a new session whose loaders answer
from the cache), ``filter`` (choosing one service in the sidebar on that page, until the rerun is
complete).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from benchmarks.pages import Page
from benchmarks.results import Measurement
from benchmarks.timing import Stats

Say = Callable[[str], None]

VIEWPORT: Final[dict[str, int]] = {"width": 1400, "height": 1000}
TIMEOUT_S: Final[float] = 300.0
"""Longest wait for one render before the visit is recorded as an error."""
POLL_MS: Final[int] = 10

_COMPLETE_JS: Final[str] = """
(content) => {
  if (document.querySelector("[data-testid='stStatusWidget']")) return false;
  if (document.querySelector("[data-testid='stSkeleton']")) return false;
  const main = document.querySelector("[data-testid='stMain']") || document;
  if (!main.querySelector(content)) return false;
  for (const chart of main.querySelectorAll("[data-testid='stPlotlyChart']")) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  for (const chart of main.querySelectorAll("[data-testid='stVegaLiteChart']")) {
    if (!chart.querySelector('.marks')) return false;
  }
  return true;
}
"""


VARIANTS: Final[tuple[str, ...]] = (
    "first content", "app first visit", "app first visit, loaded", "cold", "warm", "filter")


class Visit:
    """One browser page with a listener that notes when the server finishes a script run."""

    def __init__(self, browser: Any, context: Any = None) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._message = ForwardMsg
        self._own_context = context is None
        self.context = context or browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.first_content: float | None = None
        self.finished: list[float] = []
        self.page.on("websocket", self._watch)

    def _watch(self, socket: Any) -> None:
        socket.on("framereceived", self._frame)

    def _frame(self, payload: Any) -> None:
        if not isinstance(payload, bytes | bytearray):
            return
        message = self._message()
        try:
            message.ParseFromString(bytes(payload))
        except Exception:  # not a ForwardMsg: ignore
            return
        if message.WhichOneof("type") == "script_finished":
            self.finished.append(time.perf_counter())

    def wait_complete(self, since: float, content: str) -> float:
        """Seconds from ``since`` until a script run finished after it and the DOM is complete."""
        deadline = since + TIMEOUT_S
        while not any(at >= since for at in self.finished):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no finished script run within {TIMEOUT_S:.0f} s")
            self.page.wait_for_timeout(POLL_MS)
        remaining = max(1.0, deadline - time.perf_counter()) * 1000
        self.page.wait_for_function(_COMPLETE_JS, arg=content, timeout=remaining, polling=POLL_MS)
        return time.perf_counter() - since

    def open(self, url: str, content: str) -> float:
        """Navigate to ``url``; seconds until complete (``first_content``: until the title shows)."""
        started = time.perf_counter()
        self.page.goto(url, wait_until="commit")
        self.page.wait_for_selector("[data-testid='stMain'] h1", timeout=TIMEOUT_S * 1000)
        self.first_content = time.perf_counter() - started
        return self.wait_complete(started, content)

    def choose_service(self, label: str, service_name: str, content: str) -> float:
        """Choose ``service_name`` in the sidebar's service filter; seconds until complete."""
        box = self.page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
            has_text=label)
        box.click()
        option = self.page.get_by_role("option", name=service_name, exact=True)
        option.wait_for(timeout=TIMEOUT_S * 1000)
        started = time.perf_counter()
        option.click()
        return self.wait_complete(started, content)

    def close(self) -> None:
        self.page.close()
        if self._own_context:
            self.context.close()


BUSY_LOOP: Final[list[str]] = [sys.executable, "-c", "while True: pass"]
"""The load of the ``loaded`` first visit: a process spinning one core for the time of the visit."""


@contextmanager
def one_core_busy() -> Iterator[None]:
    """A process keeping one core busy for the time of the block."""
    busy = subprocess.Popen(BUSY_LOOP)
    try:
        yield
    finally:
        busy.kill()
        busy.wait(timeout=30)


def _url(base: str, page: Page) -> str:
    return f"{base}/{page.url_path}" if page.url_path else base


def measure_browser(
    scale: str, store: Path, pages: list[Page], runs: int, service_name: str, service_label: str,
    scratch: Path, say: Say,
) -> list[Measurement]:
    """Browser timings of every measured page on a copy of ``store`` (see the module docstring)."""
    try:
        from playwright.sync_api import sync_playwright

        from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, start_server
    except ImportError as exc:
        return [Measurement("browser", scale, "all pages", "cold",
                            status=f"skipped: Playwright or the test helpers are missing ({exc})")]
    if not Path(CHROMIUM).exists():
        return [Measurement("browser", scale, "all pages", "cold",
                            status=f"skipped: {CHROMIUM} is missing")]
    from benchmarks.stores import copy_store

    shown = [p for p in pages if p.measured and p.name != "frame"]
    samples: dict[tuple[str, str], list[float]] = {}
    errors: dict[tuple[str, str], str] = {}

    def record(name: str, variant: str, measure: Callable[[], float]) -> None:
        key = (name, variant)
        if key in errors:
            return
        try:
            seconds = measure()
        except Exception as exc:  # a page that never completes is reported, not fatal
            errors[key] = f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            say(f"browser {scale}: {name} {variant}: {errors[key]}")
            return
        samples.setdefault(key, []).append(seconds)
        say(f"browser {scale}: {name} {variant}: {seconds:.2f} s")

    @contextmanager
    def served(folder: Path) -> Iterator[str]:
        """The app served on a fresh copy of ``store`` in ``folder`` (its base URL); on leaving, the
        server is stopped and the copy deleted."""
        process, base = start_server(copy_store(store, folder / "store.duckdb"), folder)
        try:
            yield base
        finally:
            process.terminate()
            process.wait(timeout=60)
            for leftover in folder.glob("store.duckdb*"):
                leftover.unlink(missing_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for run in range(runs):
                folder = scratch / f"browser-{scale}-{run}"
                folder.mkdir(parents=True, exist_ok=True)
                with served(folder) as base:
                    say(f"browser {scale}: run {run + 1}/{runs}, server on {base}")
                    first = Visit(browser)
                    record("app", "app first visit", lambda v=first, b=base: v.open(
                        b, "[data-testid='stMetricValue']"))
                    if first.first_content is not None:
                        samples.setdefault(("app", "first content"), []).append(first.first_content)
                    first.close()
                    returning = browser.new_context(viewport=VIEWPORT)  # keeps its HTTP cache
                    for variant in ("cold", "warm"):
                        for page in shown:
                            visit = Visit(browser, returning if variant == "warm" else None)
                            record(page.name, variant, lambda v=visit, p=page, b=base: v.open(
                                _url(b, p), p.content))
                            if variant == "cold" and (page.name, variant) not in errors:
                                record(page.name, "filter", lambda v=visit, p=page: v.choose_service(
                                    service_label, service_name, p.content))
                            visit.close()
                    returning.close()
                with served(folder) as base:
                    loaded = Visit(browser)
                    with one_core_busy():
                        record("app", "app first visit, loaded", lambda v=loaded, b=base: v.open(
                            b, "[data-testid='stMetricValue']"))
                    loaded.close()
        finally:
            browser.close()
    found = []
    names = ["app", *(p.name for p in shown)]
    for name in names:
        for variant in VARIANTS:
            key = (name, variant)
            if key in errors:
                found.append(Measurement("browser", scale, name, variant, status=errors[key]))
            elif key in samples:
                found.append(Measurement("browser", scale, name, variant, stats=Stats.of(samples[key])))
    return found
