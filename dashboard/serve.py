"""``python -m dashboard.serve run app.py [streamlit options]``: ``streamlit run``, with the app's
modules imported and plotly's figure machinery loaded before the server takes its first visit, and
small writes sent at once (TCP_NODELAY, see :func:`send_without_delay`).

Streamlit imports a script's modules during the first run of the first session: on the demo town
that was about 1 s of the first visit's first paint (pandas, DuckDB, plotly, scipy, the analytics
and dashboard modules; twice that on a busy machine), paid by whoever came first after a restart.
Here the server process pays it while it starts. The modules are those ``app.py``, ``pages/*.py``
and the dashboard's modules import (read from their source, so a new import is warmed without
editing this file).
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import logging
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

ROOT: Final[Path] = Path(__file__).resolve().parent.parent
SCRIPTS: Final[tuple[str, ...]] = ("app.py", "pages/*.py", "dashboard/*.py")
"""The app's scripts and the dashboard modules they draw through (registry, tab views)."""
EXTRA: Final[tuple[str, ...]] = ("streamlit.emojis",)
"""Modules Streamlit imports lazily on a first run (the page icon's emoji table)."""


def _is_module(name: str) -> bool:
    """Whether ``name`` (``package.thing``) is a module rather than a name inside one."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # the parent is a plain module, or not importable
        return False


def imported_modules(root: Path = ROOT) -> Iterator[str]:
    """The modules the app's scripts import, in order: ``x`` of ``import x`` and of ``from x import
    y``, and ``x.y`` when ``y`` is itself a module (``from dashboard import components``)."""
    seen: set[str] = set()
    for pattern in SCRIPTS:
        for script in sorted(root.glob(pattern)):
            for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names
                                            if _is_module(f"{node.module}.{alias.name}"))]
                for name in names:
                    if name not in seen:
                        seen.add(name)
                        yield name


def warm(root: Path = ROOT) -> list[str]:
    """Import the app's modules and build one figure of each kind the pages draw (plotly loads
    its trace classes and validators on first use); the modules that failed to import (the first
    run will report them as it always did)."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    failed = []
    # each st.cache_data decorator says once that no server runs yet; its cache is made at its
    # first call, in the server's storage, as when the first run imports it
    import streamlit.runtime.caching.cache_data_api  # noqa: F401 (its logger exists from now on)

    caching = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    level = caching.level
    caching.setLevel(logging.ERROR)
    try:
        for name in (*imported_modules(root), *EXTRA):
            try:
                importlib.import_module(name)
            except Exception:  # a broken module fails again, visibly, in the first run
                failed.append(name)
    finally:
        caching.setLevel(level)
    try:
        import plotly.graph_objects as go
        import plotly.io as pio

        from analytics.figures import apply_template

        for trace in (go.Bar(x=[0], y=[0]), go.Scatter(x=[0], y=[0]), go.Heatmap(z=[[0]]),
                      go.Box(y=[0])):
            pio.to_json(apply_template(go.Figure(trace)).update_layout(title="x").to_dict(),
                        validate=False)
    except Exception:  # warming is an optimisation: the app draws the same without it
        logging.getLogger("dashboard").warning("warming plotly failed", exc_info=True)
    return failed


_ACCEPT: Final = socket.socket.accept


def _accept_without_delay(self: socket.socket) -> tuple[socket.socket, Any]:
    connection, address = _ACCEPT(self)
    if connection.family in (socket.AF_INET, socket.AF_INET6):
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection, address


def send_without_delay() -> None:
    """Turn Nagle's algorithm off on every TCP connection this process accepts.

    Streamlit binds its listening socket as ``socket.socket(family=...)`` (protocol 0), and asyncio
    sets TCP_NODELAY only on sockets whose protocol is TCP: the server kept Nagle's algorithm, so
    on a kept-alive connection each small response's body waited for the browser's delayed ACK,
    about 40 ms (measured: 44 ms per request instead of 1 ms; a first visit fetches about 60
    script files over six connections, about 0.4 s of its first paint, and the websocket's deltas
    waited the same way). Setting the option when a connection is accepted is what asyncio does
    for sockets made with ``IPPROTO_TCP``."""
    socket.socket.accept = _accept_without_delay  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> None:
    """Warm the modules, send small writes at once, then hand the command line to Streamlit's own
    ``streamlit`` command."""
    warm()
    send_without_delay()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *(sys.argv[1:] if argv is None else argv)]
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
