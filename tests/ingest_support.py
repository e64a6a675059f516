"""Helpers shared by the import tests: where the inputs are, a fresh store, a store checksum."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from analytics.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
BOOKKEEPING = ("imports", "import_rejects", "import_mappings", "store_meta")


def store_checksum(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """(row count, md5 of all rows in a stable order) of every canonical and bookkeeping table."""
    result: dict[str, tuple[int, str]] = {}
    cur = con.cursor()
    try:
        for table in (*TABLES, *BOOKKEEPING):
            rows = cur.execute(f'SELECT * FROM "{table}"').fetchall()
            text = "\n".join(sorted(repr(row) for row in rows))
            result[table] = (len(rows), hashlib.md5(text.encode()).hexdigest())
    finally:
        cur.close()
    return result
