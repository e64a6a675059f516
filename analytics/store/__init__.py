"""The DuckDB boundary: opening and migrating the store, running bound queries, loading frames.

Everything that talks to DuckDB goes through :mod:`analytics.store.db`; the SQL of any size lives in
``analytics/sql/**.sql`` and is read with :func:`analytics.store.db.read_sql`.
"""

from analytics.store.db import (
    data_version,
    execute,
    insert_frame,
    open_store,
    query_df,
    query_rows,
    query_value,
    read_sql,
    transaction,
)

__all__ = [
    "data_version",
    "execute",
    "insert_frame",
    "open_store",
    "query_df",
    "query_rows",
    "query_value",
    "read_sql",
    "transaction",
]
