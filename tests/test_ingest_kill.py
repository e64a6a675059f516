"""Killing an import half-way (kill -9 of the command line) leaves the store exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analytics.ingest import import_file
from analytics.ingest.bench import canonical_entries
from analytics.store.db import open_store
from tests.ingest_support import FIXTURES, ROOT, store_checksum

ROWS = 1_000_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A canonical time-entries CSV big enough to take seconds to import."""
    path = tmp_path_factory.mktemp("big") / "time_entries.csv"
    canonical_entries(ROWS).to_csv(path, index=False)
    return path


def wait_for_step(process: subprocess.Popen[bytes], step: str, timeout: float = 300) -> None:
    """Read the progress lines on stderr until one names ``step``."""
    assert process.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline().decode(errors="replace")
        if not line and process.poll() is not None:
            pytest.fail(f"the import ended (code {process.returncode}) before step {step!r}")
        if f": {step}" in line:
            return
    pytest.fail(f"step {step!r} not reached in {timeout} s")


@pytest.mark.parametrize("step", ["writing to the store", "updating the dashboards"])
def test_kill_9_mid_import_leaves_the_store_unchanged(
    big_csv: Path, tmp_path: Path, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'write': killed while rows are being inserted; 'derived': after every insert and the
    bookkeeping row, before the commit."""
    db = tmp_path / "store.duckdb"
    env = {**os.environ, "PARTICIPATION_SECRET_DIR": str(tmp_path / "keys")}
    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", env["PARTICIPATION_SECRET_DIR"])
    con = open_store(db)
    assert import_file(con, FIXTURES / "french_excel_cp1252.csv").status == "imported"
    before = store_checksum(con)
    con.close()

    process = subprocess.Popen(
        [sys.executable, "-m", "analytics", "import", "--db", str(db), str(big_csv)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_for_step(process, step)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL  # really killed, not finished

    con = open_store(db)
    try:
        assert store_checksum(con) == before
        assert con.execute("SELECT count(*) FROM time_entries").fetchall()[0][0] == 5
    finally:
        con.close()
