"""Settings: the one home of every threshold and path the product uses.

Each setting has a default (from DESIGN.md) and may be overridden by an environment variable
named ``PARTICIPATION_<NAME>`` (e.g. ``PARTICIPATION_OVERLOAD_RATIO=1.2``). The methods page shows the
values in force; nothing else in the code base hard-codes these numbers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from datetime import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "PARTICIPATION_"


@dataclass(frozen=True)
class Thresholds:
    """Thresholds used by the indicator catalogue and the pages (defaults from DESIGN.md)."""

    overload_ratio: float = 1.10
    """An agent-week is overloaded when hours exceed this multiple of its capacity (1.10 = 110 %)."""
    overload_min_weeks: int = 4
    """Consecutive overloaded ISO weeks that make a sustained overload."""
    workday_start: time = time(8, 0)
    """Start of ordinary working hours; work before it counts as outside hours."""
    workday_end: time = time(19, 0)
    """End of ordinary working hours; work after it counts as outside hours."""
    max_daily_hours: float = 10.0
    """Décret 2000-815 art. 3: daily working time may not exceed 10 hours."""
    max_weekly_hours: float = 48.0
    """Décret 2000-815 art. 3: weekly working time may not exceed 48 hours in any one week."""
    max_avg_weekly_hours: float = 44.0
    """Décret 2000-815 art. 3: mean weekly hours over 12 consecutive weeks may not exceed 44."""
    avg_window_weeks: int = 12
    """Length of the rolling window for the 44-hour mean."""
    min_daily_rest_hours: float = 11.0
    """Décret 2000-815 art. 3: minimum daily rest between two working days."""
    min_group_size: int = 5
    """Privacy: no group smaller than this is shown to officials or evaluators."""
    target_utilisation: float = 0.85
    """Arbitration: share of capacity a team should plan to use (0.85 = 85 %)."""
    load_bands: tuple[float, float, float] = (0.85, 1.00, 1.10)
    """Limits of the load bands: under 85 %, 85–100 %, 100–110 %, over 110 %."""

    @property
    def workday_start_hours(self) -> float:
        return self.workday_start.hour + self.workday_start.minute / 60

    @property
    def workday_end_hours(self) -> float:
        return self.workday_end.hour + self.workday_end.minute / 60


def _parse(raw: str, default: object) -> object:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "oui"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw.replace(",", "."))
    if isinstance(default, time):
        return time.fromisoformat(raw)
    if isinstance(default, tuple):
        return tuple(float(part) for part in raw.split(";"))
    return raw


def load_thresholds(environ: dict[str, str] | None = None) -> Thresholds:
    """Thresholds with any ``PARTICIPATION_<NAME>`` environment override applied."""
    env = os.environ if environ is None else environ
    defaults = Thresholds()
    overrides: dict[str, object] = {}
    for field in fields(Thresholds):
        raw = env.get(ENV_PREFIX + field.name.upper())
        if raw is not None and raw.strip():
            overrides[field.name] = _parse(raw, getattr(defaults, field.name))
    return Thresholds(**overrides)  # type: ignore[arg-type]


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    """The DuckDB store: ``$PARTICIPATION_DB`` if set, else ``data/participation.duckdb``."""
    env = os.environ if environ is None else environ
    raw = env.get(ENV_PREFIX + "DB")
    return Path(raw).expanduser() if raw else PROJECT_ROOT / "data" / "participation.duckdb"


def secret_dir(environ: dict[str, str] | None = None) -> Path:
    """Where keys live (pseudonymisation key): ``$PARTICIPATION_SECRET_DIR``, else
    ``~/.config/participation``. Never inside the database file or the repository."""
    env = os.environ if environ is None else environ
    raw = env.get(ENV_PREFIX + "SECRET_DIR")
    return Path(raw).expanduser() if raw else Path.home() / ".config" / "participation"


DEFAULT_TOWN_NAME = "Commune"
"""The town's name printed on top of the evaluation report when ``PARTICIPATION_TOWN_NAME`` is not
set (neutral: a report must not name a town the data are not from)."""


def town_name(environ: dict[str, str] | None = None) -> str:
    """The town the data are from, as the evaluation report names it: ``$PARTICIPATION_TOWN_NAME``
    (e.g. ``Loos-en-Gohelle``), else :data:`DEFAULT_TOWN_NAME`."""
    env = os.environ if environ is None else environ
    return env.get(ENV_PREFIX + "TOWN_NAME", "").strip() or DEFAULT_TOWN_NAME


DEFAULT_MAX_UPLOAD_MB = 100
"""Largest file the data page accepts, in megabytes (Streamlit's own limit is set to the same value
in ``.streamlit/config.toml``)."""


def max_upload_mb(environ: dict[str, str] | None = None) -> int:
    """Largest accepted upload in megabytes: ``$PARTICIPATION_MAX_UPLOAD_MB``, default 100."""
    env = os.environ if environ is None else environ
    raw = env.get(ENV_PREFIX + "MAX_UPLOAD_MB", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_UPLOAD_MB


@dataclass(frozen=True)
class ReadBudget:
    """What reading one uploaded file may cost: beyond it the file is refused with a message.

    Spreadsheets are read in a child process capped in memory and processor time, so that no
    workbook can end the server; the cell and column limits are checked before the grid is built.
    """

    max_cells: int = 20_000_000
    """Most cells (rows × columns of the used range) a sheet, or a JSON file's table, may hold."""
    max_columns: int = 16_384
    """Most columns a file may have (16,384 is the widest sheet Excel and LibreOffice allow)."""
    sheet_memory_mb: int = 4_096
    """Memory (address space, MB) the child process that reads a spreadsheet may use."""
    sheet_seconds: float = 120.0
    """Processor (and wall-clock) seconds the child process that reads a spreadsheet may use."""


def load_read_budget(environ: dict[str, str] | None = None) -> ReadBudget:
    """The reading budget with ``PARTICIPATION_MAX_CELLS``, ``PARTICIPATION_MAX_COLUMNS``,
    ``PARTICIPATION_SHEET_MEMORY_MB`` and ``PARTICIPATION_SHEET_SECONDS`` applied (positive
    numbers; anything else keeps the default)."""
    env = os.environ if environ is None else environ
    defaults = ReadBudget()
    names = {"max_cells": "MAX_CELLS", "max_columns": "MAX_COLUMNS",
             "sheet_memory_mb": "SHEET_MEMORY_MB", "sheet_seconds": "SHEET_SECONDS"}
    overrides: dict[str, object] = {}
    for field_name, variable in names.items():
        raw = env.get(ENV_PREFIX + variable, "").strip()
        try:
            value = type(getattr(defaults, field_name))(raw.replace(",", "."))
        except ValueError:
            continue
        if value > 0 and value == value and value != float("inf"):
            overrides[field_name] = value
    return ReadBudget(**overrides)  # type: ignore[arg-type]


DEMO_SEED = 2026
"""Seed of the demo town built on first start."""
