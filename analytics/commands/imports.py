"""``import``: import files (time-tracking exports, participation records, canonical templates)."""

from __future__ import annotations

import argparse
import json
import sys

from analytics.cli import EXIT_FAILURE, EXIT_OK
from analytics.commands.common import add_db_argument
from analytics.ingest.messages import Message

MAX_REJECTS_SHOWN = 20
"""Rejected rows printed per file in text mode (all of them are in --json and in the store)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``import`` command."""
    from analytics.ingest.formats import format_names

    parser = subparsers.add_parser(
        "import",
        help="import files into the store",
        description=(
            "Import time-tracking exports (Toggl, Clockify, Harvest, Kimai, solidtime), Decidim "
            "meetings and registrations, volunteer shifts, canonical templates or generic sheets "
            "with a saved mapping. Each file is imported whole or not at all; a folder imports its "
            "files in dependency order. Exits non-zero when a file is refused."
        ),
    )
    add_db_argument(parser)
    parser.add_argument(
        "--format", default="auto", choices=["auto", *format_names()], metavar="auto|NAME",
        help="format of the files (default: detected from the headers); one of: "
        + ", ".join(format_names()),
    )
    parser.add_argument("--mapping", default=None, metavar="NAME",
                        help="a column mapping saved from the Data page")
    parser.add_argument("--strict", action="store_true",
                        help="refuse a file that has any rejected row")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON list with an object per file")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files or folders to import")
    parser.set_defaults(func=run)


def _progress(fraction: float, step: Message) -> None:
    """Progress on stderr, in English: one line per step (overwritten in place on a terminal)."""
    end = "\r" if sys.stderr.isatty() else "\n"
    print(f"[{fraction:4.0%}] {str(step)[:70]:<70}", end=end, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Import the files; print the results; non-zero exit when a file was refused."""
    from analytics.audit import cli_user, import_details, log_event
    from analytics.ingest import import_files
    from analytics.store.db import open_store

    con = open_store(args.db)
    try:
        results = import_files(con, args.files, format=args.format, mapping=args.mapping,
                               strict=args.strict, progress=_progress)
        for result in results:
            log_event(con, cli_user(), None, "import", result.file, import_details(result))
    finally:
        con.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps([result.as_json() for result in results], ensure_ascii=False))
    else:
        for result in results:
            print(f"{result.status:<17}{result.message}")
            for reject in result.rejects[:MAX_REJECTS_SHOWN]:
                print(f"    line {reject.line}, {reject.column or '-'}: {reject.reason}")
            if len(result.rejects) > MAX_REJECTS_SHOWN:
                print(f"    … {len(result.rejects) - MAX_REJECTS_SHOWN} more (see --json or the "
                      "Data page)")
            for remark in result.remarks[:MAX_REJECTS_SHOWN]:
                print(f"    line {remark.line}, {remark.column or '-'} (imported): {remark.reason}")
            if len(result.remarks) > MAX_REJECTS_SHOWN:
                print(f"    … {len(result.remarks) - MAX_REJECTS_SHOWN} more remarks (see --json or "
                      "the Data page)")
    if not results:
        print("error: no file to import", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_FAILURE if any(result.refused for result in results) else EXIT_OK
