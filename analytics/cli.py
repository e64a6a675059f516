"""Command line: ``python -m analytics <command> ...``, for cron jobs and scripts.

Each command lives in ``analytics/commands/<name>.py`` and exposes ``register(subparsers)``, which
adds its sub-parser and sets ``func`` (taking the parsed arguments, returning an exit code). The CLI
calls the same functions as the pages. Errors are printed as one readable line on stderr with a
non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import NoReturn

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


def parse_finite(text: str) -> float:
    """A finite number such as ``35`` or ``-7.5`` (argparse type): ``nan``, ``inf`` and numbers too
    large for a float are refused."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit code 2), the usage
    itself left to ``--help``."""

    def error(self, message: str) -> NoReturn:
        """Print ``error: <message> (see <prog> --help)`` and exit with :data:`EXIT_USAGE`."""
        self.exit(EXIT_USAGE, f"error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every command of ``analytics.commands`` registered."""
    parser = Parser(
        prog="python -m analytics",
        description="Workload and participation dashboard: command line.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_info in sorted(pkgutil.iter_modules(_commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_commands.__name__}.{module_info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 success, 1 failure, 2 bad usage or a store that
    cannot be opened: one line on stderr, never a traceback)."""
    from analytics.store.db import StoreError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2, already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return int(args.func(args))
    except (CliError, StoreError) as exc:  # the user can fix these: one line, exit code 2
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted: nothing was changed by the interrupted step", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: a readable line, never a traceback
        print(f"error: {type(exc).__name__}: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_FAILURE
