"""Property-based tests: random, truncated and corrupted files never raise, and a refused file leaves
the store exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.ingest import import_file
from analytics.ingest.templates import template_frame, to_french_csv
from analytics.schema import LOAD_ORDER
from analytics.store.db import open_store
from tests.ingest_support import FIXTURES, REALDATA, store_checksum
from tests.test_ingest_decode import ods_bytes, xlsx_bytes

SAMPLES: list[tuple[str, bytes]] = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.iterdir())]
SAMPLES += [("temps.xlsx", xlsx_bytes()),
            ("temps.ods", ods_bytes([["Date", "Agent", "Heures"], ["2025-02-03", "Léa", 1.5]]))]
if REALDATA.is_dir():
    SAMPLES += [(p.name, p.read_bytes()) for p in sorted(REALDATA.rglob("*.csv"))
                if p.stat().st_size < 200_000]
STATUSES = {"imported", "refused", "already_imported"}
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ_IMPORTS = settings(FUZZ, max_examples=60)
"""Fewer examples where most files import (each import refreshes the derived tables)."""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """One store for all examples, already holding data (so 'unchanged' is a real check)."""
    previous = os.environ.get("PARTICIPATION_SECRET_DIR")
    os.environ["PARTICIPATION_SECRET_DIR"] = str(tmp_path_factory.mktemp("keys"))
    con = open_store(":memory:")
    assert import_file(con, FIXTURES / "french_excel_cp1252.csv").status == "imported"
    yield con
    con.close()
    if previous is None:
        os.environ.pop("PARTICIPATION_SECRET_DIR", None)
    else:
        os.environ["PARTICIPATION_SECRET_DIR"] = previous


def check(con: duckdb.DuckDBPyConnection, data: bytes, name: str) -> None:
    """Import; never an exception; a refusal changes nothing; the counts add up."""
    before = store_checksum(con)
    result = import_file(con, data, name)
    assert result.status in STATUSES
    assert "internal error" not in result.message, result.message
    if result.status == "refused":
        assert store_checksum(con) == before
        assert result.message.startswith(f"{name}: refused")
    elif result.status == "imported":
        assert result.rows_read == result.rows_accepted + result.rows_rejected
        assert all(r.line is not None and r.line >= 2 for r in result.rejects)
    else:
        assert store_checksum(con) == before


@FUZZ
@given(data=st.binary(max_size=4000), name=st.sampled_from(["x.csv", "x.xlsx", "x.json", "x"]))
def test_random_bytes(store: duckdb.DuckDBPyConnection, data: bytes, name: str) -> None:
    check(store, data, name)


@FUZZ_IMPORTS
@given(sample=st.sampled_from(SAMPLES), cut=st.floats(0, 1))
def test_truncated_files(store: duckdb.DuckDBPyConnection, sample: tuple[str, bytes],
                         cut: float) -> None:
    name, data = sample
    check(store, data[: int(len(data) * cut)], name)


@FUZZ_IMPORTS
@given(sample=st.sampled_from(SAMPLES), edits=st.lists(
    st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=3)), min_size=1, max_size=5))
def test_corrupted_files(store: duckdb.DuckDBPyConnection, sample: tuple[str, bytes],
                         edits: list[tuple[float, bytes]]) -> None:
    name, data = sample
    buffer = bytearray(data)
    for where, junk in edits:
        position = int(len(buffer) * where)
        buffer[position:position + len(junk)] = junk
    check(store, bytes(buffer), name)


@FUZZ_IMPORTS
@given(text=st.text(alphabet=st.sampled_from(list(";,\t\"\n\r x1:/.-é")), max_size=300))
def test_random_delimited_text(store: duckdb.DuckDBPyConnection, text: str) -> None:
    check(store, ("Date;Agent;Heures\n" + text).encode("utf-8"), "texte.csv")


@FUZZ_IMPORTS
@given(table=st.sampled_from(LOAD_ORDER), spoilt=st.sets(st.integers(0, 11), min_size=1),
       junk=st.sampled_from(["", " ", "?", "-1", "31/02/2025", "1e9", "=cmd", "25:99", "N/A"]))
def test_canonical_templates_with_bad_cells(store: duckdb.DuckDBPyConnection, table: str,
                                            spoilt: set[int], junk: str) -> None:
    """Any cell of a template spoilt: the row is imported or rejected, never an internal error."""
    frame = template_frame(table).astype(object)
    for column in spoilt:
        if column < frame.shape[1]:
            frame.iloc[0, column] = junk
    check(store, to_french_csv(frame), f"{table}.csv")


def test_fixture_samples_are_present() -> None:
    assert len(SAMPLES) >= 8
    assert all(isinstance(data, bytes) and data for _, data in SAMPLES)
    assert Path(FIXTURES / "french_excel_cp1252.csv").exists()
