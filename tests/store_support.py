"""Store helpers shared by tests of the app and of the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def held_open(source: Path, folder: Path) -> Iterator[Path]:
    """A copy of the store ``source`` (as ``folder/locked.duckdb``) held open for writing by another
    process until the block ends: what a user meets when another program uses the store."""
    path = folder / "locked.duckdb"
    shutil.copyfile(source, path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield path
    finally:
        holder.kill()
        holder.wait()
