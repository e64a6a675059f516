"""Run a page's independent cached loaders at once.

A page that shows tiles above a tab needs two loaders on its first visit and after each filter change,
and each spends much of its time in DuckDB's planning, one thread per query. Running them side by side
keeps both cores busy. Each loader keeps its own cache entry (the next rerun reads it); the page draws
what :func:`gather` returns.

Streamlit's data cache is shared by threads; the worker threads carry the page's script-run context
(:func:`add_script_run_ctx`, as Streamlit's multithreading guide describes), so a loader behaves as if
the page had called it. Loaders never draw (``show_spinner=False``), so nothing is written from
another thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

LOG = logging.getLogger("dashboard")


def side_by_side(calls: Sequence[Callable[[], Any]]) -> list[Any]:
    """Call each of ``calls`` at once (the first in this thread, the others in new threads) and
    return their results in order; the first failure is raised once every call has finished."""
    if len(calls) <= 1:
        return [call() for call in calls]
    ctx = get_script_run_ctx(suppress_warning=True)
    results: list[Any] = [None] * len(calls)
    failures: list[BaseException | None] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            results[index] = calls[index]()
        except BaseException as exc:  # re-raised in the calling thread below
            failures[index] = exc

    threads = [threading.Thread(target=run, args=(index,), name=f"side-by-side-{index}")
               for index in range(1, len(calls))]
    for thread in threads:
        if ctx is not None:
            add_script_run_ctx(thread, ctx)
        thread.start()
    run(0)
    for thread in threads:
        thread.join()
    for failure in failures:
        if failure is not None:
            raise failure
    return results


def gather(calls: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """Call each of ``calls`` side by side and return the results of those that succeeded, by name.

    A failure is only logged: the page calls the same loader again where it draws that part, and the
    call fails in its own section with a readable message."""
    names = list(calls)
    outcomes = side_by_side([_outcome(calls[name]) for name in names])
    results: dict[str, Any] = {}
    for name, (ok, value) in zip(names, outcomes, strict=True):
        if ok:
            results[name] = value
        else:
            LOG.warning("computing %s ahead failed; the page computes it again where it draws it",
                        name, exc_info=value)
    return results


def _outcome(call: Callable[[], Any]) -> Callable[[], tuple[bool, Any]]:
    """``call`` returning (True, its result) or (False, the exception it raised)."""
    def run() -> tuple[bool, Any]:
        try:
            return True, call()
        except Exception as exc:
            return False, exc
    return run
