"""A real Streamlit server and Debian's chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(url: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"streamlit did not answer on {url} within {timeout} s")


def start_server(db: Path, tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "PARTICIPATION_DB": str(db), "PARTICIPATION_SECRET_DIR": str(tmp / "keys")}
    log = (tmp / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.serve", "run", str(ROOT / "app.py"),  # as `make run`
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for_health(url, process)
    return process, url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def fresh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on an empty store: the app builds the demo town itself on first visit."""
    tmp = tmp_path_factory.mktemp("browser")
    process, url = start_server(tmp / "store.duckdb", tmp)
    yield url
    process.terminate()
    process.wait(timeout=30)


QUIET_MS = 400
"""How long the page must stay idle before a test reads it: Streamlit shows its running widget only
after a short delay, so one idle instant can fall between two script runs or before the widget shows."""


def wait_until_idle(
    page: object, timeout_ms: int = 120_000, content: str = "[data-testid='stMetricValue']"
) -> None:
    """Wait until Streamlit has finished running the script (no 'running' status widget, no stale
    element, no skeleton) for ``QUIET_MS`` in a row and the page shows its ``content`` (a CSS
    selector; by default a metric tile)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    page.evaluate("() => { window.__idleSince = null; }")
    page.wait_for_function(
        """([content, quietMs]) => {
          const busy = document.querySelector('[data-testid="stStatusWidget"]')
            || document.querySelector('[data-testid="stSkeleton"]')
            || document.querySelector('[data-stale="true"]')
            || document.querySelectorAll(content).length === 0;
          if (busy) { window.__idleSince = null; return false; }
          if (window.__idleSince === null) window.__idleSince = performance.now();
          return performance.now() - window.__idleSince >= quietMs;
        }""",
        arg=[content, QUIET_MS], timeout=timeout_ms, polling=50,
    )


def open_page(
    page: object, server: str, path: str, query: str = "",
    content: str = "[data-testid='stMetricValue']",
) -> None:
    """Open the app's page ``path`` (e.g. ``capacity``) with ``query`` (e.g. ``?lang=en``) and wait
    until it is idle showing ``content``. The very first visit of a fresh server builds the demo town
    on the home page (and stays there), so the home page is opened first."""
    page.goto(f"{server}/{query}")
    wait_until_idle(page)
    page.goto(f"{server}/{path}{query}")
    wait_until_idle(page, content=content)


TABS = "[data-testid='stTabs']"
"""What a page with tabs shows once drawn (only the open tab is computed and drawn)."""


def wait_for_text(page: object, *texts: str, content: str = "[data-testid='stMetricValue']") -> None:
    """Wait until the page's text holds every one of ``texts``, then until it is idle showing
    ``content`` (see :func:`wait_until_idle`)."""
    page.wait_for_function("(texts) => texts.every((t) => document.body.innerText.includes(t))",
                           arg=list(texts), timeout=60_000)
    wait_until_idle(page, content=content)
