"""Import throughput: ``python -m analytics.ingest.bench [ROWS] [--no-derived]`` (default 1,000,000).

Writes a canonical time-entries CSV of ROWS rows (120 agents, 300 projects, a year of dates) to a
temporary folder, imports it into a fresh temporary store with :func:`import_file` and prints the
time of each step. DESIGN.md's budget: a million canonical time entries in under 5 s.
``--no-derived`` skips the refresh of the derived tables (to time the importer alone).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from analytics.ingest.messages import Message


def canonical_entries(rows: int, seed: int = 7) -> pd.DataFrame:
    """``rows`` plausible canonical time entries (ids given, ISO dates, HH:MM clocks)."""
    rng = np.random.default_rng(seed)
    start = rng.integers(7, 20, rows)
    length = rng.integers(1, 4, rows)
    days = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, rows), unit="D")
    return pd.DataFrame({
        "entry_id": [f"e{i}" for i in range(rows)],
        "agent_id": [f"a{i:03d}" for i in rng.integers(0, 120, rows)],
        "project_id": [f"p{i:03d}" for i in rng.integers(0, 300, rows)],
        "work_date": days.strftime("%Y-%m-%d"),
        "start_time": [f"{h:02d}:00" for h in start],
        "end_time": [f"{(h + n) % 24:02d}:30" for h, n in zip(start, length, strict=True)],
        "hours": "",
        "activity": rng.choice(["meeting", "preparation", "follow_up", "ordinary"], rows),
    })


def main(argv: list[str]) -> int:
    """Generate, import, print timings."""
    from analytics.ingest import import_file
    from analytics.ingest.pipeline import step_name
    from analytics.store.db import open_store

    numbers = [arg for arg in argv if arg.isdigit()]
    rows = int(numbers[0]) if numbers else 1_000_000
    if "--no-derived" in argv:
        from analytics.ingest import pipeline

        pipeline._refresh_derived = lambda cur, changed, written: None  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "time_entries.csv"
        canonical_entries(rows).to_csv(csv_path, index=False)
        con = open_store(Path(folder) / "bench.duckdb")
        marks: list[tuple[str, float]] = []
        started = time.perf_counter()

        def progress(fraction: float, step: Message) -> None:
            marks.append((step_name(step), time.perf_counter() - started))

        result = import_file(con, csv_path, progress=progress)
        total = time.perf_counter() - started
        con.close()
    print(f"{result.status}: {result.rows_accepted:,} rows accepted, "
          f"{result.rows_rejected:,} rejected, {result.rows_added:,} added")
    for step, at in marks:
        print(f"  {at:6.2f} s  {step}")
    print(f"total {total:.2f} s for {rows:,} rows ({rows / total:,.0f} rows/s)")
    return 0 if result.status == "imported" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
