"""`python -m dashboard.serve`: the app's modules are imported before the server takes a visit."""

from __future__ import annotations

import socket

import pytest

from dashboard.serve import imported_modules, warm


@pytest.mark.parametrize("module", [
    "streamlit", "pandas", "dashboard.components", "dashboard.sidebar",
    "dashboard.overview_loaders", "dashboard.capacity_loaders", "dashboard.arbitration_loaders",
    "dashboard.engagement_loaders", "analytics.capacity.figures", "analytics.arbitration.figures",
])
def test_every_module_the_pages_import_is_warmed(module: str) -> None:
    assert module in list(imported_modules())


def test_warming_imports_every_module_of_the_app() -> None:
    assert warm() == []


def test_accepted_connections_send_small_writes_at_once() -> None:
    """Streamlit binds its listening socket without naming the protocol (``proto`` 0), so asyncio
    leaves Nagle's algorithm on: each small response on a kept-alive connection waited ~40 ms for
    the browser's delayed ACK (60 static files at first paint, the websocket's deltas)."""
    from dashboard.serve import send_without_delay

    send_without_delay()
    with socket.socket(family=socket.AF_INET) as listener:  # as Streamlit binds it
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
