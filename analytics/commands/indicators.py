"""``indicators``: the indicator catalogue for a period, as text or JSON."""

from __future__ import annotations

import argparse
import json

from analytics.cli import EXIT_OK, CliError, parse_date
from analytics.commands.common import add_db_argument
from analytics.schema import LEVELS, NO_LEVEL


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``indicators`` command."""
    parser = subparsers.add_parser(
        "indicators",
        help="compute every catalogue indicator for a period",
        description="Compute the indicator catalogue of DESIGN.md for [--from, --to] (inclusive).",
    )
    add_db_argument(parser)
    parser.add_argument("--from", dest="start", type=parse_date, required=True, metavar="DATE")
    parser.add_argument("--to", dest="end", type=parse_date, required=True, metavar="DATE")
    parser.add_argument("--service", default=None, help="keep one service (its service_id)")
    parser.add_argument("--level", choices=[*LEVELS, NO_LEVEL], default=None)
    parser.add_argument("--json", action="store_true", help="one flat JSON object key → number")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the indicators."""
    from analytics.indicators import CATALOGUE, compute_indicators
    from analytics.store import derived
    from analytics.store.db import open_store, transaction

    if args.end < args.start:
        raise CliError(f"--to {args.end} is before --from {args.start}")
    existed = _exists(args.db)
    con = open_store(args.db, read_only=existed)
    try:
        if not derived.is_current(con):
            if existed:
                raise CliError(f"{args.db}: {derived.STALE_HELP}")
            with transaction(con) as cur:  # a new, empty store: its derived tables, empty
                derived.refresh_derived(cur)
        values = compute_indicators(con, args.start, args.end, service=args.service, level=args.level)
    finally:
        con.close()
    if args.json:
        print(json.dumps(values, ensure_ascii=False))
        return EXIT_OK
    width = max(len(indicator.key) for indicator in CATALOGUE)
    for indicator in CATALOGUE:
        value = values[indicator.key]
        shown = "null" if value is None else f"{value:.6g}" if isinstance(value, float) else value
        print(f"{indicator.key:<{width}}  {shown}")
    return EXIT_OK


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).exists()
