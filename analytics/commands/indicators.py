"""``indicators``: the indicator catalogue for a period, as text or JSON."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import TYPE_CHECKING

from analytics.cli import EXIT_OK, CliError, parse_date
from analytics.commands.common import add_db_argument
from analytics.schema import LEVELS, NO_LEVEL
from analytics.scope import Scope

if TYPE_CHECKING:
    import pandas as pd


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
    parser.add_argument("--service", default=None, help="keep one service (its service_id or name)")
    parser.add_argument("--level", choices=[*LEVELS, NO_LEVEL], default=None)
    parser.add_argument("--json", action="store_true", help="one flat JSON object key → number")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the indicators."""
    from analytics.indicators import CATALOGUE, compute_indicators
    from analytics.overview import services
    from analytics.store import derived
    from analytics.store.db import open_store

    try:
        scope = Scope(args.start, args.end, level=args.level)
    except ValueError as exc:  # the period ends before it starts
        raise CliError(f"--to {args.end} is before --from {args.start}") from exc
    con = open_store(args.db, read_only=True, create=False)  # only demo and import create a store
    try:
        if not derived.is_current(con):
            raise CliError(f"{args.db}: {derived.STALE_HELP}")
        if args.service is not None:
            scope = replace(scope, service=resolve_service(args.service, services(con)))
        values = compute_indicators(con, scope)
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


def resolve_service(text: str, known: pd.DataFrame) -> str:
    """The service_id of ``text``, a service id or name (case-insensitive) among ``known``
    (service_id, service_name). Raises CliError listing the valid services otherwise."""
    wanted = text.strip().casefold()
    for service_id, name in zip(known["service_id"], known["service_name"], strict=True):
        if wanted in (str(service_id).casefold(), str(name).casefold()):
            return str(service_id)
    valid = ", ".join(f"{sid} ({name})" for sid, name in
                      zip(known["service_id"], known["service_name"], strict=True))
    raise CliError(f"unknown service {text!r}; valid services: {valid or 'none (empty store)'}")
