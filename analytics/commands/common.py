"""Arguments shared by several commands (registered by none: ``register`` is a no-op)."""

from __future__ import annotations

import argparse

from analytics.settings import default_db_path


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db FILE``: the DuckDB store (default: $PARTICIPATION_DB or data/participation.duckdb)."""
    parser.add_argument(
        "--db",
        default=str(default_db_path()),
        metavar="FILE",
        help="DuckDB store (default: $PARTICIPATION_DB or data/participation.duckdb)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Not a command."""
