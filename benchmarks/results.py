"""The results of a benchmark run: one :class:`Measurement` per (group, scale, name, variant).

Groups (what was measured):

=============  ===================================================================================
group          what one measurement is
=============  ===================================================================================
import         one file through the importer into a fresh store (``rows`` rows, rows/s derived)
refresh        ``refresh_derived`` on a copy of a store (what every import pays after writing)
page           a page's computation: its loaders and the pure analytics it calls, in page order
step           one loader or analytics call of a page (the detail behind ``page``)
part           a page's cold first visit split: its own computation (variant ``own``) and each part
               read from other pages' loaders (variant: the part's label, e.g. « À traiter »)
reference      the bare DuckDB scan (the floor) and the pandas implementation of the indicators
script         the page's whole script run by Streamlit's AppTest (frame, tables, downloads, figures)
browser        headless Chromium: from navigation to the page fully drawn
=============  ===================================================================================

Variants: ``cold`` (st.cache_data cleared before each run), ``warm`` (the same call again, served by
the cache), ``direct`` (the analytics functions without Streamlit's cache), ``first`` (the very
first run after the store was opened: one sample), ``filter`` (after choosing one service),
``all tabs`` (every tab of the page computed, cold), ``bare scan`` (group ``page``: the reference
bare scan timed right before each cold run of that page). A measurement that could not be taken carries a
``status`` saying why (``skipped: …``, ``not measured: …``, ``error: …``) and no statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.timing import Stats

OK = "ok"


@dataclass
class Measurement:
    """One line of the results (see the module docstring for groups and variants)."""

    group: str
    scale: str
    name: str
    variant: str
    stats: Stats | None = None
    status: str = OK
    rows: int | None = None
    """Rows imported (group ``import``) or rows of the scanned table (``reference``)."""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == OK and self.stats is not None

    @property
    def median(self) -> float | None:
        return self.stats.median if self.ok and self.stats else None

    @property
    def rows_per_second(self) -> float | None:
        if not self.ok or not self.rows or not self.stats or self.stats.median <= 0:
            return None
        return self.rows / self.stats.median

    def as_json(self) -> dict[str, Any]:
        """A plain dict for docs/benchmarks.json (seconds; rows_per_second for imports)."""
        found: dict[str, Any] = {
            "group": self.group, "scale": self.scale, "name": self.name, "variant": self.variant,
            "status": self.status,
            "seconds": self.stats.as_json() if self.stats else None,
        }
        if self.rows is not None:
            found["rows"] = self.rows
        if self.rows_per_second is not None:
            found["rows_per_second"] = round(self.rows_per_second)
        if self.note:
            found["note"] = self.note
        if self.extra:
            found["extra"] = self.extra
        return found


@dataclass
class Results:
    """Everything one run of the harness measured, plus the machine and the options."""

    machine: dict[str, Any]
    options: dict[str, Any]
    measurements: list[Measurement] = field(default_factory=list)
    stores: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per scale: path, rows per table, build seconds (or 'cached')."""

    def add(self, measurement: Measurement) -> Measurement:
        self.measurements.append(measurement)
        return measurement

    def find(self, group: str, scale: str, name: str, variant: str) -> Measurement | None:
        """The measurement with these keys, if it was taken."""
        for item in self.measurements:
            if (item.group, item.scale, item.name, item.variant) == (group, scale, name, variant):
                return item
        return None

    def median(self, group: str, scale: str, name: str, variant: str) -> float | None:
        found = self.find(group, scale, name, variant)
        return found.median if found else None

    def scales(self) -> list[str]:
        """Scales that have measurements, in the order they were first measured."""
        seen: list[str] = []
        for item in self.measurements:
            if item.scale and item.scale not in seen and item.group not in ("import",):
                seen.append(item.scale)
        return seen
