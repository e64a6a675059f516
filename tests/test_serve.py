"""`python -m dashboard.serve`: the app's modules are imported and their first uses paid before the
server takes a visit; the server sends small responses at once and watches no source file."""

from __future__ import annotations

import gc
import os
import re
import socket
import subprocess
import sys
import time

import pytest

from dashboard.serve import FIRST_USES, ROOT, imported_modules, settle, warm


@pytest.mark.parametrize("module", [
    "streamlit", "pandas", "dashboard.components", "dashboard.sidebar",
    "dashboard.overview_loaders", "dashboard.capacity_loaders", "dashboard.arbitration_loaders",
    "dashboard.engagement_loaders", "analytics.capacity.figures", "analytics.arbitration.figures",
])
def test_every_module_the_pages_import_is_warmed(module: str) -> None:
    assert module in list(imported_modules())


def test_warming_imports_every_module_of_the_app() -> None:
    assert warm() == []


@pytest.mark.parametrize("first_use", FIRST_USES, ids=lambda f: f.__name__)
def test_each_first_use_warms_without_error(first_use: object) -> None:
    """A warming step that broke would only log a warning on the server: the test says so."""
    first_use()


def test_accepted_connections_send_small_writes_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit binds its listening socket without naming the protocol (``proto`` 0), so asyncio
    leaves Nagle's algorithm on: each small response on a kept-alive connection waited ~40 ms for
    the browser's delayed ACK (60 static files at first paint, the websocket's deltas)."""
    from dashboard.serve import send_without_delay

    monkeypatch.setattr(socket.socket, "accept", socket.socket.accept)  # restored after the test
    send_without_delay()
    with socket.socket(family=socket.AF_INET) as listener:  # as Streamlit binds it
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_after_settling_a_collection_walks_only_what_sessions_make() -> None:
    """Streamlit collects garbage after every script run; the objects loaded while the server
    started (modules, plotly's machinery) are frozen out of that walk."""
    warm()
    try:
        settle()
        assert gc.get_freeze_count() > 100_000  # the app's modules and their objects
        assert len(gc.get_objects()) < 1_000  # what the test itself made since
        started = time.perf_counter()
        gc.collect(2)
        assert time.perf_counter() - started < 0.02
    finally:
        gc.unfreeze()


def test_the_server_watches_no_source_file() -> None:
    """Streamlit's file watcher maps every loaded module (about 1,900) to its files at the end of
    each session's first run, on the server's event loop, before the run's last message is sent:
    measured 1.2 s between the end of the first visit's run and its ``script_finished`` leaving the
    server (0.3 s for each later session). The dashboard is served, not edited in place."""
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT, capture_output=True,
        text=True, check=True,
        env={k: v for k, v in os.environ.items() if k != "STREAMLIT_SERVER_FILE_WATCHER_TYPE"},
    ).stdout
    assert re.search(r'^fileWatcherType = "none"$', shown, re.M)
