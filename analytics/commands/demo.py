"""``demo``: fill a store with the generated demo town."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from analytics.cli import EXIT_OK, CliError, parse_date
from analytics.commands.common import add_db_argument
from analytics.settings import DEMO_SEED


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``demo`` command."""
    from analytics.demo import SCALES

    parser = subparsers.add_parser(
        "demo",
        help="fill a store with the generated demo town",
        description="Generate the deterministic demo town into a store (refused if it holds data).",
    )
    add_db_argument(parser)
    parser.add_argument("--scale", choices=sorted(SCALES), default="town")
    parser.add_argument("--seed", type=int, default=DEMO_SEED)
    parser.add_argument(
        "--as-of", type=parse_date, default=None, metavar="DATE",
        help="the demo's 'today' (default: today); same seed and date give the same town",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Generate the town; refuse a store that already holds data."""
    from analytics.demo import check_as_of, load_demo
    from analytics.store.db import open_store, query_value

    if args.seed < 0:
        raise CliError(f"--seed {args.seed}: the demo seed must be a non-negative integer")
    if args.as_of is not None:
        try:
            check_as_of(args.as_of)
        except ValueError as exc:
            raise CliError(f"--as-of {args.as_of}: {exc}") from exc
    con = open_store(args.db)
    try:
        if query_value(con, "SELECT count(*) FROM imports") or query_value(
            con, "SELECT count(*) FROM time_entries"
        ):
            raise CliError(f"{args.db} already holds data; use a new file for the demo town")
        started = time.perf_counter()

        def progress(fraction: float, step: str) -> None:
            print(f"\r[{fraction:4.0%}] {step:<40}", end="", file=sys.stderr, flush=True)

        counts = load_demo(con, scale=args.scale, seed=args.seed, as_of=args.as_of, progress=progress)
        print(file=sys.stderr)
    finally:
        con.close()
    as_of = args.as_of or date.today()
    print(f"demo town ({args.scale}, seed {args.seed}, as of {as_of}) written to {args.db} "
          f"in {time.perf_counter() - started:.1f} s")
    for table, count in counts.items():
        print(f"  {table:<14}{count:>12,}")
    return EXIT_OK
