"""Command line: ``python -m analytics <command> ...``, for cron jobs and scripts.

Each command lives in ``analytics/commands/<name>.py`` and exposes ``register(subparsers)``, which
adds its sub-parser and sets ``func`` (taking the parsed arguments, returning an exit code). The CLI
calls the same functions as the pages. Errors are printed as one readable line on stderr with a
non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from datetime import date, datetime

import analytics.commands as _commands

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    """An error the user can fix (bad argument, unreadable file); printed without a traceback."""


def parse_date(text: str) -> date:
    """A date given as ISO ``2026-03-31`` or French ``31/03/2026`` (argparse type)."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"invalid date {text!r}: expected YYYY-MM-DD (e.g. 2026-03-31) or DD/MM/YYYY"
    )


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every command of ``analytics.commands`` registered."""
    parser = argparse.ArgumentParser(
        prog="python -m analytics",
        description="Workload and participation dashboard: command line.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_info in sorted(pkgutil.iter_modules(_commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_commands.__name__}.{module_info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 success, 1 failure, 2 bad usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted: nothing was changed by the interrupted step", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: a readable line, never a traceback
        from analytics.store.db import StoreError

        if isinstance(exc, StoreError):
            print(f"error: {exc}", file=sys.stderr)
        else:
            print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
