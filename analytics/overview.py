"""Facts for the overview page and the frame: data freshness, bounds, weekly load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from analytics.store.db import query_df, query_rows, read_sql


@dataclass(frozen=True)
class Freshness:
    """How recent the store's content is.

    ``last_work_date`` is the latest day with recorded time; ``last_import_at`` the moment of the last
    import (or demo generation); ``origin`` is 'demo' for the generated town, else 'imports'.
    """

    origin: str
    last_import_at: datetime | None
    last_import_file: str | None
    first_work_date: date | None
    last_work_date: date | None
    last_event_date: date | None
    last_request_date: date | None
    imports: int
    demo_seed: str | None
    demo_as_of: str | None


def freshness(con: duckdb.DuckDBPyConnection) -> Freshness:
    """Freshness of the store (one small query over the canonical tables, bookkeeping and store_meta)."""
    row = query_rows(con, read_sql("overview/freshness"))[0]
    return Freshness(
        origin=row[7] or "imports",
        last_import_at=row[0],
        last_import_file=row[1],
        first_work_date=row[2],
        last_work_date=row[3],
        last_event_date=row[4],
        last_request_date=row[5],
        imports=int(row[6]),
        demo_seed=row[8],
        demo_as_of=row[9],
    )


def services(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Services (service_id, service_name, agents: how many agents belong to it), sorted by name."""
    return query_df(
        con,
        "SELECT s.service_id, s.service_name, count(a.agent_id) AS agents"
        " FROM services AS s LEFT JOIN agents AS a ON a.service_id = s.service_id"
        " GROUP BY s.service_id, s.service_name ORDER BY s.service_name, s.service_id",
    )


def weekly_load(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    service: str | None = None,
    level: str | None = None,
) -> pd.DataFrame:
    """Hours worked and capacity per ISO week whose Monday lies in [start, end].

    Columns: week_start, hours, participation_hours, capacity_hours, load_ratio (hours / capacity;
    1.0 = exactly at capacity; NULL when capacity is 0). ``service`` keeps that service's agents;
    ``level`` restricts the hours (not the capacity) to projects at that level.
    """
    return query_df(
        con,
        read_sql("overview/weekly_load"),
        {"start": start, "end": end, "service": service, "level": level},
    )
