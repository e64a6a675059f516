"""``simulate``: can a team take on a new project? The weekly projection and the verdict."""

from __future__ import annotations

import argparse
import json
import math
from datetime import date
from typing import TYPE_CHECKING, Any

from analytics.cli import EXIT_OK, CliError, parse_date, parse_finite
from analytics.commands.common import add_db_argument
from analytics.schema import LEVELS, PERIMETERS

OTHER_ALIASES = frozenset({"other", "other services", "autres services"})
"""Names accepted for the merged team of small services."""

if TYPE_CHECKING:
    import pandas as pd

    from analytics.arbitration.context import Context
    from analytics.arbitration.effort import Estimate
    from analytics.arbitration.simulate import ProjectSpec, Simulation
    from analytics.i18n import Translator
    from analytics.settings import Thresholds


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``simulate`` command."""
    parser = subparsers.add_parser(
        "simulate",
        help="simulate a new project on a team: weekly load and verdict",
        description=(
            "Project a team's weekly load for the coming months with and without a new project "
            "(typical P50 and pessimistic P80 effort learned from comparable finished projects) "
            "and say whether it fits under the target utilisation, at which level and from when."
        ),
    )
    add_db_argument(parser)
    parser.add_argument("--team", required=True, metavar="SERVICE",
                        help="the team: a service id or name (small services: 'other')")
    parser.add_argument("--level", required=True, choices=LEVELS)
    parser.add_argument("--start", required=True, type=parse_date, metavar="DATE")
    parser.add_argument("--months", required=True, type=int, metavar="N")
    parser.add_argument("--perimeter", choices=PERIMETERS, default=PERIMETERS[0])
    parser.add_argument("--capacity-change", type=parse_finite, default=0.0, metavar="HOURS",
                        help="hours per week added to (negative: removed from) the team's "
                             "capacity from the start")
    parser.add_argument("--lang", choices=("en", "fr"), default="en",
                        help="language of the verdict (default en)")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the projection and the verdicts."""
    from analytics.arbitration import context as context_mod
    from analytics.arbitration.present import (
        estimate_text,
        facts_text,
        other_teams_text,
        team_names,
        verdict_text,
        why_text,
    )
    from analytics.arbitration.simulate import FITS, ProjectSpec
    from analytics.i18n import Markdown, Translator, counted
    from analytics.settings import load_thresholds
    from analytics.store import derived
    from analytics.store.db import open_store

    if args.months < 1:
        raise CliError(f"--months must be at least 1 (got {args.months})")
    thresholds = load_thresholds()
    t = Translator(args.lang)
    con = open_store(args.db, read_only=True, create=False)
    try:
        if not derived.is_current(con):
            raise CliError(f"{args.db}: {derived.STALE_HELP}")
        context = context_mod.load_context(con, thresholds)
    finally:
        con.close()
    if context is None:
        raise CliError(f"{args.db} holds no recorded time: nothing to learn the effort from")
    names = team_names(context.teams, t)
    team = resolve_team(args.team, context, names)
    spec = ProjectSpec(args.level, args.perimeter, team, args.start, args.months)
    try:
        result = context_mod.run_simulation(
            context, spec, thresholds.target_utilisation, (), args.capacity_change
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    estimate = context_mod.estimate_table(context, args.perimeter, team)[args.level]
    if args.json:
        print(json.dumps(as_json(context, spec, names[team], estimate, result, t, thresholds),
                         ensure_ascii=False))
        return EXIT_OK
    # the sentences are the page's (markdown, data escaped): printed as the reader sees them
    say(t("arb.cli.team", team=names[team], team_id=team, as_of=t.date(context.as_of)))
    say(t("arb.cli.project", level=t.label("level", args.level),
          perimeter=t.label("perimeter", args.perimeter), start=t.date(args.start),
          months=counted(t, "common.months", args.months)))
    say(estimate_text(estimate, args.months, t, names))
    for quantile, verdict in result.verdicts.items():
        say(t("arb.cli.verdict", label=t(f"arb.sim.verdict_label.{quantile}"),
              verdict=Markdown.join(" ", [verdict_text(verdict, t, context.latest_start),
                                          why_text(verdict, t)]),
              facts=facts_text(verdict, t)))
        if verdict.kind != FITS and len(context.teams) > 1:
            say(other_teams_text(result.other_teams.get(quantile, ()), t, names,
                                 thresholds.target_utilisation))
    print()
    print_weeks(result.weeks)
    return EXIT_OK


def say(text: str) -> None:
    """Print a sentence made for the page as plain text (its markdown escapes undone)."""
    from analytics.i18n import plain_text

    print(plain_text(text))


def resolve_team(text: str, context: Context, names: dict[str, str]) -> str:
    """The team id for a service id or name (case-insensitive); a small service gives its merged
    team. Raises CliError listing the valid teams otherwise."""
    from analytics.arbitration.teams import OTHER_TEAM

    wanted = text.strip().casefold()
    if (wanted in OTHER_ALIASES or wanted == OTHER_TEAM) and OTHER_TEAM in names:
        return OTHER_TEAM
    for team, name in names.items():
        if wanted in (team.casefold(), name.casefold()):
            return team
    for row in context.mapping.itertuples(index=False):
        if wanted in (str(row.service_id).casefold(), str(row.service_name).casefold()):
            if row.team_id is None or row.team_id != row.team_id:
                raise CliError(
                    f"the service {row.service_name!r} has fewer than {context.min_group_size} "
                    "agents, even merged with other small services: it cannot be shown"
                )
            return str(row.team_id)
    valid = ", ".join(f"{team} ({name})" for team, name in names.items())
    raise CliError(f"unknown team {text!r}; valid teams: {valid}")


def print_weeks(weeks: pd.DataFrame) -> None:
    """The weekly projection as an aligned text table (hours)."""
    columns = [("week_start", "week"), ("capacity_hours", "capacity_h"),
               ("target_hours", "target_h"), ("without_p50_hours", "without_h"),
               ("with_p50_hours", "with_p50_h"), ("with_p80_hours", "with_p80_h")]
    print("  ".join(f"{label:>11}" for _, label in columns))
    for row in weeks.itertuples(index=False):
        cells = [f"{row.week_start:%Y-%m-%d}"] + [
            f"{getattr(row, column):.1f}" for column, _ in columns[1:]
        ]
        print("  ".join(f"{cell:>11}" for cell in cells))


def as_json(context: Context, spec: ProjectSpec, team_name: str, estimate: Estimate,
            result: Simulation, t: Translator, thresholds: Thresholds) -> dict[str, Any]:
    """The simulation as one JSON-ready object (an infinite load ratio — no capacity — is null)."""
    from analytics.arbitration.present import verdict_text, why_text
    from analytics.i18n import plain_text

    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    weeks = result.weeks.copy()
    weeks["week_start"] = weeks["week_start"].dt.strftime("%Y-%m-%d")
    return {
        "reference_day": day(context.as_of),
        "team": {"id": spec.team, "name": team_name},
        "project": {"level": spec.level, "perimeter": spec.perimeter, "start": day(spec.start),
                    "months": spec.months},
        "target_utilisation": thresholds.target_utilisation,
        "estimate": {
            "projects": estimate.projects, "group": dict(estimate.criteria),
            "hours_p50": estimate.total_p50, "hours_p80": estimate.total_p80,
        },
        "verdicts": {
            quantile: {
                "verdict": verdict.kind,
                "text": plain_text(verdict_text(verdict, t, context.latest_start)),
                "why": plain_text(why_text(verdict, t)),
                "cause": verdict.cause,
                "highest_level_that_fits": verdict.level,
                "earliest_start_that_fits": day(verdict.earliest_start),
                "peak_month": day(verdict.peak_month),
                "peak_load_ratio": verdict.peak_ratio if math.isfinite(verdict.peak_ratio) else None,
                "other_teams_that_fit": [
                    {"team": fit.team, "month": day(fit.month),
                     "load_ratio_without": fit.without_ratio, "load_ratio_with": fit.with_ratio}
                    for fit in result.other_teams.get(quantile, ())
                ],
            }
            for quantile, verdict in result.verdicts.items()
        },
        "weeks": json.loads(weeks.to_json(orient="records")),
    }

