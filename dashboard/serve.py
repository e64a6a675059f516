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
import gc
import importlib
import importlib.util
import inspect
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


def _figures() -> None:
    """One figure of each kind the pages draw, from pandas columns as the pages pass them: plotly
    loads its trace classes and validators on first use, and reads pandas through narwhals, whose
    pandas support loads on first use too (~70 ms of the first figure)."""
    import pandas as pd
    import plotly.graph_objects as go
    import plotly.io as pio

    from analytics.figures import apply_template

    weeks = pd.Series(pd.date_range("2026-01-05", periods=2, freq="W-MON"))
    hours = pd.Series([0.0, 1.0])
    for trace in (go.Bar(x=weeks, y=hours), go.Scatter(x=weeks, y=hours), go.Heatmap(z=[[0]]),
                  go.Box(y=hours)):
        pio.to_json(apply_template(go.Figure(trace)).update_layout(title="x").to_dict(),
                    validate=False)


def _tables() -> None:
    """A grouped sum, a merge, a filter and a lookup by text labels: pandas' first groupby loads
    its machinery (~60 ms), its first text (Arrow) columns and takes theirs (~80 ms)."""
    import pandas as pd

    frame = pd.DataFrame({"team": ["a", "b", "a"], "hours": [1.0, 2.0, 3.0]})
    summed = frame.groupby("team", as_index=False)["hours"].sum()
    merged = summed.merge(frame, on="team", suffixes=("", "_entry")).drop(columns="hours_entry")
    # only the first call of each matters: the results are dropped
    merged[merged["hours"] > 1]
    summed.set_index("team").reindex(["b", "a"])


def _messages() -> None:
    """Both languages' catalogues (parsed from their .po files on first use, ~0.1 s) and Babel's
    locale data for dates and numbers."""
    from datetime import date

    from analytics.i18n import LANGUAGES, Translator

    for lang in LANGUAGES:
        t = Translator(lang)
        t("app.title")
        t.date(date(2026, 1, 1))
        t.date(date(2026, 1, 1), "short")
        t.hours(1234.5)
        t.count(1234)


FIRST_USES: Final = (_figures, _tables, _messages)
"""What the first run would do for the first time in the process (beyond imports)."""


def warm(root: Path = ROOT) -> list[str]:
    """Import the app's modules and do once what the first run would do first (:data:`FIRST_USES`);
    the modules that failed to import (the first run will report them as it always did)."""
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
    for first_use in FIRST_USES:
        try:
            first_use()
        except Exception:  # warming is an optimisation: the app draws the same without it
            logging.getLogger("dashboard").warning("warming failed: %s", first_use.__name__,
                                                   exc_info=True)
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
    about 40 ms (measured: 44 ms per request instead of 1 ms; the 60 script files of a first
    visit, fetched by Chromium over its six connections: 0.65 s instead of 0.2–0.4 s; the
    websocket's deltas waited the same way). Setting the option when a connection is accepted is
    what asyncio does for sockets made with ``IPPROTO_TCP``."""
    socket.socket.accept = _accept_without_delay  # type: ignore[method-assign]


def settle() -> None:
    """Pay two process-wide costs of the first script run while the server starts, once the app's
    modules are loaded (:func:`warm`):

    * Streamlit's first element asks once whether it runs in a REPL (``inspect.stack()``), which
      maps every loaded module to its file: ~0.14 s of the first visit, paid here instead (the
      mapping is kept by :mod:`inspect`, so the first run only maps what it imports itself);
    * Streamlit collects garbage after each run (``gc.collect(2)``, while the run's last message
      waits for the interpreter): ~0.1 s walking the objects of the modules and plotly's machinery,
      which live as long as the process. They are collected once and frozen (``gc.freeze()``), so
      later collections walk only what the sessions made."""
    inspect.stack()
    gc.collect()
    gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """Warm the modules, settle the process, send small writes at once, then hand the command
    line to Streamlit's own ``streamlit`` command."""
    warm()
    settle()
    send_without_delay()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *(sys.argv[1:] if argv is None else argv)]
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
