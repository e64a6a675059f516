"""Timing primitives: a wall-clock timer and the summary statistics every result carries.

Every measurement is a list of wall-clock durations in seconds (``time.perf_counter``); the report
shows its median with its spread (min–max and the interquartile range), never a single number.
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Stats:
    """Summary of ``runs`` durations in seconds: median, min, max, first and third quartiles."""

    runs: int
    median: float
    minimum: float
    maximum: float
    q1: float
    q3: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        """The statistics of one or more durations (quartiles equal the value for one sample)."""
        if not samples:
            raise ValueError("no sample to summarise")
        ordered = sorted(samples)
        if len(ordered) >= 2:
            q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        else:
            q1 = q3 = ordered[0]
        return cls(
            runs=len(ordered),
            median=statistics.median(ordered),
            minimum=ordered[0],
            maximum=ordered[-1],
            q1=q1,
            q3=q3,
        )

    def as_json(self) -> dict[str, Any]:
        """Plain numbers in seconds, for docs/benchmarks.json."""
        return {key: (round(value, 6) if isinstance(value, float) else value)
                for key, value in asdict(self).items()}


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """Run ``call`` once; its result and the wall-clock seconds it took."""
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def repeat(call: Callable[[], Any], runs: int) -> Stats:
    """Statistics of ``runs`` calls of ``call`` (its results are discarded)."""
    return Stats.of([timed(call)[1] for _ in range(max(1, runs))])


def seconds_text(value: float | None) -> str:
    """A duration for the Markdown report: ms under a second, else seconds (3 significant digits)."""
    if value is None:
        return "–"
    if value < 1.0:
        return f"{value * 1000:.3g} ms"
    return f"{value:.3g} s"


def spread_text(stats: Stats | None) -> str:
    """``median [min–max]`` in the report's units."""
    if stats is None:
        return "–"
    if stats.runs == 1:
        return seconds_text(stats.median)
    return f"{seconds_text(stats.median)} [{seconds_text(stats.minimum)}–{seconds_text(stats.maximum)}]"


def quiet_streamlit() -> None:
    """Loaders and AppTest run outside a Streamlit server: silence its 'no runtime' warnings.

    AppTest sets Streamlit's loggers back to their configured level on each run, so this is called
    again after each of its runs.
    """
    os.environ.setdefault("STREAMLIT_GLOBAL_SHOW_WARNING_ON_DIRECT_EXECUTION", "false")
    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
    from streamlit import logger

    logger.set_log_level("error")
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)
