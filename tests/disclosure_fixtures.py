"""Two small-group scenarios of issue 14 on the tiny town (tests/fixtures/tiny) plus a few rows.

* ``ONE_DAY`` (2024-09-14, no filter): one event with two attendances, by p_d01 (Q_NORD, 30-44) and
  p_d02 (Q_SUD, 60-74). The scope has 2 people: an official must learn nothing about them.
* ``CULTURE`` (2024-06-01..2024-08-31, service Culture, level information): 30 participants, 27 of
  them newcomers (p_c01..p_c03 came in January), so only 3 are returning; 29 live in Q_NORD, Q_SUD
  and Q_CENTRE (at least 5 each) and one (p_c30) in Q_EST. Every age band holds 0 or at least 5 of
  them: the age table has nothing to hide.

Culture has 5 agents, so that an elected official may choose it as a filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from analytics.settings import Thresholds
from analytics.store.db import open_store, transaction
from analytics.store.derived import refresh_derived


@dataclass(frozen=True)
class Case:
    """A scope of the scenario store: period and filters (service id, level code)."""

    start: date
    end: date
    service: str | None = None
    level: str | None = None


ONE_DAY = Case(date(2024, 9, 14), date(2024, 9, 14))
CULTURE = Case(date(2024, 6, 1), date(2024, 8, 31), "svc_cult", "information")
CULTURE_NAME = "Culture"

QUARTIERS = ["Q_NORD"] * 10 + ["Q_SUD"] * 10 + ["Q_CENTRE"] * 9 + ["Q_EST"]
"""Quartier of p_c01..p_c30: Q_EST holds a single participant."""
AGES = ["30-44"] * 15 + ["45-59"] * 15


def _culture_rows() -> dict[str, list[tuple[object, ...]]]:
    people = [f"p_c{i:02d}" for i in range(1, 31)]
    return {
        "services": [("svc_cult", CULTURE_NAME)],
        "agents": [(f"C{i}", f"Agent culture {i}", "svc_cult") for i in range(1, 6)],
        "projects": [("P_CULT", "Lettre culturelle", "culture", "svc_cult", "information",
                      "municipality", "commune", "active", "2024-01-01", "2024-12-31", "50", "1")],
        "events": [
            ("EC0", "P_CULT", "2024-01-10", "18:00", "20:00", "public_meeting", "Q_NORD", None),
            ("EC1", "P_CULT", "2024-06-12", "18:00", "20:00", "public_meeting", "Q_NORD", None),
            ("EC2", "P_CULT", "2024-07-10", "18:00", "20:00", "public_meeting", "Q_SUD", None),
            ("ED1", None, "2024-09-14", "10:00", "12:00", "walk", "Q_SUD", None),
        ],
        "participants": [
            *[(p, q, a) for p, q, a in zip(people, QUARTIERS, AGES, strict=True)],
            ("p_d01", "Q_NORD", "30-44"), ("p_d02", "Q_SUD", "60-74"),
        ],
        "attendances": [
            *[("EC0", p, "resident", "attended", None) for p in people[:3]],
            *[("EC1", p, "resident", "attended", None) for p in people[:20]],
            *[("EC2", p, "resident", "attended", None) for p in people[10:]],
            ("ED1", "p_d01", "resident", "attended", None),
            ("ED1", "p_d02", "resident", "attended", None),
        ],
    }


def add_scenarios(con: duckdb.DuckDBPyConnection) -> None:
    """Add the scenarios' rows to a store holding the tiny town, record an import (so that the app
    does not build the demo town into it) and refresh the derived tables."""
    from analytics.schema import TABLES

    with transaction(con) as cur:
        for table, rows in _culture_rows().items():
            columns = TABLES[table]
            marks = ", ".join("?" for _ in columns)
            cur.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
        cur.execute("INSERT INTO imports (file_name, sha256, format, rows_read, rows_accepted,"
                    " rows_rejected, status) VALUES ('scenarios.csv', '0', 'csv', 0, 0, 0, 'imported')")
        refresh_derived(cur, thresholds=Thresholds())


def build_scenario_store(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A store at ``path`` (or ``:memory:``) with the tiny town and both scenarios."""
    from tests.conftest import load_tiny

    con = open_store(path)
    load_tiny(con)
    add_scenarios(con)
    return con
