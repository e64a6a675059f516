"""A tiny hand-made town for the engagement tests, and the SQL checks that read it.

Six events over 2024–2025 (dates below), twelve residents A…L. Attended events per person:

=======  =========================================  ==================================
event    date, kind, project (level, initiative)    attended (no-show)
=======  =========================================  ==================================
E1       2024-03-10 public_meeting, P1 (consult.)   A B C D E F
E2       2024-06-15 workshop, P1 (consultation)     A B G
E3       2025-02-01 site_work, P2 (coproduction)    A B H (H volunteer, 6 h)
E4       2025-05-20 site_work, P2 (coproduction)    A B H (H volunteer, 6 h)
E5       2025-09-12 public_meeting, P3 (inform.)    A C I J K L (D no-show)
E6       2025-11-05 public_meeting, P3 (inform.)    attendees_count 40, no per-person rows
=======  =========================================  ==================================

Projects P1, P2 belong to service S1 (P1 municipality, P2 residents), P3 to S2 (municipality).
In 2025 (the test period): counts A 3, B 2, H 2, C 1, I 1, J 1, K 1, L 1 → n = 8, 12 attendances.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.engagement.headline import period_counts
from analytics.engagement.scope import Scope
from analytics.store.db import insert_frame, open_store, transaction
from analytics.store.derived import refresh_derived

PERIOD = Scope(date(2025, 1, 1), date(2025, 12, 31))

PROJECTS = pd.DataFrame({
    "project_id": ["P1", "P2", "P3"],
    "project_name": ["Place du marché", "Jardin partagé", "Budget participatif"],
    "service_id": ["S1", "S1", "S2"],
    "level": ["consultation", "coproduction", "information"],
    "initiative": ["municipality", "residents", "municipality"],
    "status": ["done", "active", "active"],
})
EVENTS = pd.DataFrame({
    "event_id": ["E1", "E2", "E3", "E4", "E5", "E6"],
    "project_id": ["P1", "P1", "P2", "P2", "P3", "P3"],
    "event_date": pd.to_datetime(
        ["2024-03-10", "2024-06-15", "2025-02-01", "2025-05-20", "2025-09-12", "2025-11-05"]
    ).date,
    "event_kind": ["public_meeting", "workshop", "site_work", "site_work", "public_meeting",
                   "public_meeting"],
    "attendees_count": [None, None, None, None, None, 40],
})
PARTICIPANTS = pd.DataFrame({
    "participant_id": list("ABCDEFGHIJKL"),
    "quartier": ["Q1", "Q1", "Q2", "Q2", "Q3", "Q3", "Q1", "Q1", "Q2", "Q3", "Q1", None],
    "age_band": ["30-44", "45-59", "60-74", "60-74", "30-44", "15-29", "45-59", "30-44",
                 "15-29", "60-74", "75+", "30-44"],
})
_ATTENDED = {
    "E1": "ABCDEF", "E2": "ABG", "E3": "ABH", "E4": "ABH", "E5": "ACIJKL",
}
ATTENDANCES = pd.DataFrame(
    [
        {"event_id": event, "participant_id": person,
         "role": "volunteer" if person == "H" else "resident", "status": "attended",
         "hours": 6.0 if person == "H" else None}
        for event, people in _ATTENDED.items() for person in people
    ]
    + [{"event_id": "E5", "participant_id": "D", "role": "resident", "status": "no_show",
        "hours": None}]
)
POPULATION = pd.DataFrame({
    "dimension": ["quartier"] * 3 + ["age_band"] * 3,
    "category": ["Q1", "Q2", "Q3", "15-29", "30-44", "60-74"],
    "population": [1000, 400, 500, 300, 600, 300],
})
MILESTONES = pd.DataFrame({
    "milestone_id": ["M1", "M2"],
    "project_id": ["P2", "P3"],
    "achieved_on": pd.to_datetime(["2025-06-01", "2025-10-01"]).date,
    "title": ["Premières plantations", "Vote du budget"],
})
TINY_TOWN: dict[str, pd.DataFrame] = {
    "projects": PROJECTS, "events": EVENTS, "participants": PARTICIPANTS,
    "attendances": ATTENDANCES, "population": POPULATION, "milestones": MILESTONES,
}


def store_with(tables: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """An in-memory store holding ``tables`` (canonical names) with fresh derived tables."""
    con = open_store(":memory:")
    with transaction(con) as cur:
        for table, frame in tables.items():
            insert_frame(cur, table, frame)
        refresh_derived(cur)
    return con


@pytest.fixture(scope="module", name="tiny")
def tiny_fixture() -> Iterator[duckdb.DuckDBPyConnection]:
    """The tiny engagement town, once per test module (import ``tiny_fixture`` to use ``tiny``)."""
    con = store_with(TINY_TOWN)
    yield con
    con.close()


def test_period_retention_counts_the_preceding_365_days(tiny: duckdb.DuckDBPyConnection) -> None:
    # Preceding period: 2 Jan – 31 Dec 2024 (365 days): A B C D E F G active; A B C came back.
    counts = period_counts(tiny, PERIOD)
    assert (counts.previous_active, counts.retained) == (7, 3)
    assert counts.participants == 8
    assert counts.retained / counts.previous_active == pytest.approx(3 / 7)


@pytest.mark.parametrize(
    ("service", "level", "earlier", "retained"),
    [
        ("S1", None, 7, 2),  # P1/P2 only: 2024 A B C D E F G; 2025 A B H → A B came back
        ("S2", None, 0, 0),  # P3 has no 2024 event
        (None, "coproduction", 0, 0),
    ],
)
def test_retention_follows_the_filters(
    tiny: duckdb.DuckDBPyConnection, service: str | None, level: str | None, earlier: int,
    retained: int,
) -> None:
    counts = period_counts(tiny, Scope(PERIOD.start, PERIOD.end, service, level))
    assert (counts.previous_active, counts.retained) == (earlier, retained)
