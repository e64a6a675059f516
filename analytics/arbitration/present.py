"""Words and tables for people: verdicts, estimate groups, reasons and the page's display tables.

Pure functions of the computed frames and a :class:`~analytics.i18n.Translator`; the page and the
``simulate`` command both use them, so a verdict reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Final

import pandas as pd
from pandas.io.formats.style import Styler

from analytics.arbitration.baseline import add_months
from analytics.arbitration.effort import Estimate
from analytics.arbitration.portfolio import FORCED_REASONS, PROJECT_KIND, TOO_LARGE
from analytics.arbitration.simulate import (
    DOES_NOT_FIT,
    FITS,
    FITS_AT_LEVEL,
    FITS_FROM,
    FITS_LIGHTER_FROM,
    NO_CAPACITY,
    TeamFit,
    Verdict,
)
from analytics.arbitration.teams import OTHER_TEAM
from analytics.i18n import MISSING, Markdown, Translator, counted
from analytics.peaks import peak_text, weekly_peak
from analytics.styled import display_styler, each_value_once

MONTH_FORMAT: Final[str] = "MMMM y"
"""Babel pattern of a month: « mars 2027 »."""
MAX_OTHER_TEAMS: Final[int] = 3
"""At most this many other teams are named (those with the most room)."""
VOCABULARIES: Final[dict[str, str]] = {
    "level": "level", "perimeter": "perimeter", "initiative": "initiative", "channel": "channel",
    "activity": "activity", "status": "status",
}
"""Dimensions whose codes have a vocabulary label (vocab.<vocabulary>.<code>)."""


def team_names(teams: pd.DataFrame, t: Translator) -> dict[str, str]:
    """team_id → the name officials read (the service's name, or « Autres services »)."""
    return {
        team: t("arb.team.other") if team == OTHER_TEAM else str(name)
        for team, name in zip(teams["team_id"], teams["name"], strict=True)
    }


def month_text(day: date | None, t: Translator) -> str:
    """« mars 2027 » / "March 2027"."""
    return t.date(day, MONTH_FORMAT) if day is not None else t("arb.sim.none")


def category_label(dimension: str, code: object, t: Translator, names: Mapping[str, str]) -> str:
    """The display label of one value of a dimension (level, perimeter, team, channel...)."""
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return t("arb.team.none") if dimension == "team" else t("arb.category.none")
    if dimension == "team":
        return names.get(str(code), str(code))
    if dimension == "activity" and code == "other":
        return t("arb.activity.other")
    if dimension in VOCABULARIES:
        return t.label(VOCABULARIES[dimension], str(code))
    return str(code)


def group_text(criteria: tuple[tuple[str, str], ...], t: Translator, names: Mapping[str, str]
               ) -> str:
    """The group an estimate used, e.g. « Coproduction, Quartier, Jeunesse »."""
    if not criteria:
        return t("arb.sim.group_all")
    return ", ".join(category_label(key, value, t, names) for key, value in criteria)


def estimate_text(estimate: Estimate, months: int, t: Translator, names: Mapping[str, str]) -> str:
    """One sentence: how many comparable projects, which group, P50/P80 in total and per month of
    the chosen duration."""
    return t(
        "arb.sim.estimate",
        projects=counted(t, "arb.sim.comparable_projects", estimate.projects),
        group=group_text(estimate.criteria, t, names),
        p50=t.hours(estimate.total_p50),
        p80=t.hours(estimate.total_p80),
        month50=t.hours(estimate.total_p50 / months),
        month80=t.hours(estimate.total_p80 / months),
        months=counted(t, "common.months", months),
    )


def verdict_text(verdict: Verdict, t: Translator, latest_start: date) -> str:
    """The plain verdict: « Tient. », « Ne tient pas ainsi ; tient au niveau consultation, à la
    même date. »... Every alternative it names was found to fit (see :func:`.simulate.assess`)."""
    latest = t.date(verdict.search_to or latest_start)
    if verdict.kind == FITS:
        return t("arb.verdict.fits")
    if verdict.kind == FITS_AT_LEVEL:
        return t("arb.verdict.fits_at_level", level=t.label("level", verdict.level).lower())
    if verdict.kind == FITS_FROM:
        return t("arb.verdict.fits_from", start=t.date(verdict.earliest_start))
    if verdict.kind == FITS_LIGHTER_FROM and verdict.alternative is not None:
        level, start = verdict.alternative
        return t("arb.verdict.fits_lighter_from", level=t.label("level", level).lower(),
                 start=t.date(start), latest=latest)
    if verdict.kind == DOES_NOT_FIT:
        return t("arb.verdict.does_not_fit", first=t.date(verdict.search_from), latest=latest)
    raise ValueError(f"unknown verdict {verdict.kind!r}")


def why_text(verdict: Verdict, t: Translator) -> str:
    """Why, in one sentence with its numbers: the team already over its limit without the
    project, or tipped over by it, or the busiest month when it fits (« L'équipe est déjà à
    117 % de sa capacité en mars 2027 sans ce projet ; avec lui, 121 % ; la limite est de
    85 %. ... »). Empty when the verdict carries no explanation."""
    if verdict.cause is None:
        return ""
    if verdict.month is None:
        return t("arb.why.no_days")
    if verdict.cause == NO_CAPACITY:
        return t("arb.why.no_capacity", month=month_text(verdict.month, t))
    return t(f"arb.why.{verdict.cause}", month=month_text(verdict.month, t),
             target=t.percent(verdict.target),
             **_load_pair(verdict.without_ratio, verdict.with_ratio, t))


def other_teams_text(found: Sequence[TeamFit], t: Translator, names: Mapping[str, str],
                     target: float) -> str:
    """The other teams that can take the project at the same date and level, with their load in
    their busiest month of the project without and with it, in one sentence (« Une autre équipe
    peut le prendre à cette date, au même niveau : Voirie (50 % de sa capacité en février 2027 sans
    ce projet, 65 % avec) ; la limite est de 85 %. »); that none can when ``found`` is empty."""
    if not found:
        return t("arb.other_teams.none")
    items = [
        t("arb.other_teams.item", team=names.get(fit.team, fit.team),
          month=month_text(fit.month, t), **_load_pair(fit.without_ratio, fit.with_ratio, t))
        for fit in found[:MAX_OTHER_TEAMS]
    ]
    values = {"teams": Markdown.join(", ", items), "target": t.percent(target)}
    if len(found) > MAX_OTHER_TEAMS:
        return t("arb.other_teams.top", n=t.number(len(found)), shown=t.number(len(items)),
                 **values)
    return counted(t, "arb.other_teams", len(found), **values)


def _load_pair(without: float, with_it: float, t: Translator) -> dict[str, str]:
    """Two loads as percentages (the share rule: one decimal shows what a small project adds)."""
    return {"without": _percent(without, t), "with_it": _percent(with_it, t)}


def _percent(ratio: float, t: Translator) -> str:
    return "∞" if ratio == float("inf") else t.percent(ratio)


def month_peak_text(verdict: Verdict, weeks: pd.DataFrame, t: Translator) -> str:
    """The verdict's month as it states it (load / capacity with the project over the month)
    beside the busiest week starting in that month on the weekly chart, when that week reads
    higher (« Charge moyenne de mars 2027 avec le projet : 92 % ; semaine la plus chargée : 131 %
    (2027-S11). »); empty otherwise."""
    if verdict.month is None:
        return ""
    peak = weekly_peak(weeks, f"with_{verdict.quantile}_hours", start=verdict.month,
                       end=add_months(verdict.month, 1))
    return peak_text(t, "arb.sim.peak", verdict.with_ratio, peak,
                     month=month_text(verdict.month, t))


def days_text(days: float | None, t: Translator) -> str:
    """« 22,5 j » / "22.5 d"; « – » when undefined."""
    return MISSING if days is None else t("arb.demand.days", days=t.number(days, 1))


def facts_text(verdict: Verdict, t: Translator) -> str:
    """Highest level that fits at the chosen start, and the earliest start at the chosen level
    with the days searched (from the start of the forecast)."""
    return t(
        "arb.sim.facts",
        level=t.label("level", verdict.level) if verdict.level else t("arb.sim.none"),
        start=t.date(verdict.earliest_start) if verdict.earliest_start else t("arb.sim.none"),
        first=t.date(verdict.search_from), latest=t.date(verdict.search_to),
    )


def _rename(frame: pd.DataFrame, columns: Mapping[str, str], t: Translator) -> pd.DataFrame:
    return frame[list(columns)].rename(columns={key: t(label) for key, label in columns.items()})


def effort_table(table: pd.DataFrame, dimension: str, t: Translator, names: Mapping[str, str]
                 ) -> pd.DataFrame:
    """:func:`.effort.effort_by`'s table with labels and rounded hours."""
    shown = table.copy()
    shown[dimension] = [category_label(dimension, code, t, names) for code in shown[dimension]]
    hours = ["hours_p50", "hours_p80", "monthly_hours_p50", "monthly_hours_p80", "hours_total"]
    shown[hours] = shown[hours].round(0)
    shown["months_p50"] = shown["months_p50"].round(1)
    return _rename(shown, {
        dimension: f"arb.dimension.{dimension}", "projects": "arb.col.projects",
        "hours_p50": "arb.col.hours_p50", "hours_p80": "arb.col.hours_p80",
        "monthly_hours_p50": "arb.col.monthly_hours_p50",
        "monthly_hours_p80": "arb.col.monthly_hours_p80", "months_p50": "arb.col.months_p50",
        "hours_total": "arb.col.hours_total",
    }, t)


def activity_table(shares: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Share of each activity in each level's effort, labelled (shares in %)."""
    shown = shares.copy()
    shown["level"] = [t.label("level", code) for code in shown["level"]]
    shown["activity"] = [category_label("activity", code, t, {}) for code in shown["activity"]]
    shown["share"] = (100 * shown["share"]).round(1)
    shown["hours"] = shown["hours"].round(0)
    return _rename(shown, {"level": "arb.col.level", "activity": "arb.col.activity",
                           "hours": "arb.col.hours_total", "share": "arb.col.share"}, t)


def projection_table(weeks: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The simulator's weekly projection, labelled (hours rounded to 0.1, ratios in %)."""
    shown = weeks.copy()
    shown["week_start"] = pd.to_datetime(shown["week_start"]).dt.date
    hours = ["capacity_hours", "target_hours", "ordinary_hours", "committed_hours",
             "tentative_p50_hours", "without_p50_hours", "with_p50_hours", "with_p80_hours"]
    shown[hours] = shown[hours].round(1)
    for ratio in ("with_p50_ratio", "with_p80_ratio"):
        shown[ratio] = (100 * shown[ratio]).round(1)
    return _rename(shown, {
        "week_start": "arb.col.week", "capacity_hours": "arb.col.capacity_hours",
        "target_hours": "arb.col.target_hours", "ordinary_hours": "arb.col.ordinary_hours",
        "committed_hours": "arb.col.committed_hours",
        "tentative_p50_hours": "arb.col.tentative_p50_hours",
        "without_p50_hours": "arb.col.without_p50_hours",
        "with_p50_hours": "arb.col.with_p50_hours", "with_p80_hours": "arb.col.with_p80_hours",
        "with_p50_ratio": "arb.col.with_p50_ratio", "with_p80_ratio": "arb.col.with_p80_ratio",
    }, t)


def committed_table(windows: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """A team's planned and active projects with hours planned, recorded and left."""
    shown = windows.copy()
    shown["level"] = [t.label("level", code) for code in shown["level"]]
    shown["status"] = [t.label("status", code) for code in shown["status"]]
    for column in ("planned_hours", "spent_hours", "hours_left"):
        shown[column] = shown[column].astype(float).round(0)
    return _rename(shown, {
        "project_name": "arb.col.project", "level": "arb.col.level", "status": "arb.col.status",
        "start_date": "arb.col.start", "end_date": "arb.col.end",
        "planned_hours": "arb.col.planned_hours", "spent_hours": "arb.col.spent_hours",
        "hours_left": "arb.col.hours_left",
    }, t)


def reason_text(row: Mapping[str, object], t: Translator, forced_in: Collection[str]) -> str:
    """Why a candidate is (or is not) taken as proposed, in words, with the month and the hours
    (needed, left under the limit, missing) the refusal is about."""
    reason = row.get("reason")
    if reason is None or (isinstance(reason, float) and pd.isna(reason)):
        if row.get("project_id") in forced_in:
            return t("arb.reason.forced_in")
        taken = row.get("chosen_level")
        return t("arb.reason.taken") if isinstance(taken, str) else ""
    month = row.get("month_start")
    room = _float(row.get("room_hours"))
    if reason == TOO_LARGE and room is not None and room <= 0:
        reason = "already_over"  # nothing fits that month, whatever the project
    return t(
        f"arb.reason.{reason}",
        hours=t.hours(_float(row.get("short_hours")) or 0.0),
        needed=t.hours(_float(row.get("needed_hours"))),
        room=t.hours(max(room, 0.0) if room is not None else None),
        over=t.hours(-room if room is not None and room < 0 else 0.0),
        month=month_text(month if isinstance(month, date) else None, t),
    )


def _float(value: object) -> float | None:
    if value is None or isinstance(value, str):
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number


def portfolio_table(table: pd.DataFrame, t: Translator, names: Mapping[str, str],
                    forced_in: Collection[str]) -> pd.DataFrame:
    """One row per candidate, the reason first (readable without scrolling): why, project, kind
    (proposed project or resident's request), level taken and proposed, initiative, team,
    priority, start, months, reference."""
    shown = table.copy()
    shown["why"] = [reason_text(row, t, forced_in) for row in shown.to_dict("records")]
    shown["team"] = [category_label("team", code, t, names) for code in shown["team"]]
    shown["taken"] = [
        t("arb.pf.left_out") if pd.isna(level) else t.label("level", str(level))
        for level in shown["chosen_level"]
    ]
    shown["level"] = [t.label("level", code) for code in shown["level"]]
    shown["initiative"] = [category_label("initiative", code, t, names)
                           for code in shown["initiative"]]
    kinds = shown["kind"] if "kind" in shown else pd.Series(PROJECT_KIND, index=shown.index)
    shown["kind"] = [t(f"arb.kind.{kind}") for kind in kinds.fillna(PROJECT_KIND)]
    return _rename(shown, {
        "why": "arb.col.why", "project_name": "arb.col.project", "kind": "arb.col.kind",
        "taken": "arb.col.chosen_level", "level": "arb.col.proposed_level",
        "initiative": "arb.col.initiative", "team": "arb.col.team",
        "priority": "arb.col.priority", "start": "arb.col.start", "months": "arb.col.months",
        "project_id": "arb.col.ref",
    }, t)


def conflict_lines(table: pd.DataFrame, t: Translator) -> list[str]:
    """One line per project forced in that cannot be taken: its name and why, with numbers."""
    rows = table[table["reason"].isin(FORCED_REASONS)]
    return [
        t("arb.pf.infeasible_item", project=str(row["project_name"]),
          reason=reason_text(row, t, ()))
        for row in rows.to_dict("records")
    ]


def close_time_table(table: pd.DataFrame, dimension: str, t: Translator,
                     names: Mapping[str, str]) -> pd.DataFrame:
    """Time to close per category of a demand dimension, labelled."""
    shown = table.copy()
    shown["category"] = [category_label(dimension, code, t, names) for code in shown["category"]]
    shown[["days_p50", "days_p80"]] = shown[["days_p50", "days_p80"]].round(1)
    return _rename(shown, {
        "category": f"arb.dimension.{dimension}", "closed": "arb.col.closed",
        "days_p50": "arb.col.days_p50", "days_p80": "arb.col.days_p80",
    }, t)


def monthly_table(totals: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Requests per month: received, born from projects, open at month end."""
    return _rename(totals, {
        "month_start": "arb.col.month", "received": "arb.col.received",
        "born_from_projects": "arb.col.born_from_projects",
        "open_at_month_end": "arb.col.open_at_month_end",
    }, t)


def echo_level_table(by_level: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Requests born from projects per level, labelled."""
    shown = by_level.copy()
    shown["level"] = [t.label("level", code) for code in shown["level"]]
    shown[["per_project", "median_per_project"]] = shown[
        ["per_project", "median_per_project"]].round(2)
    return _rename(shown, {
        "level": "arb.col.level", "projects": "arb.col.projects",
        "with_requests": "arb.col.with_requests", "requests_born": "arb.col.requests_born",
        "per_project": "arb.col.per_project", "median_per_project": "arb.col.median_per_project",
        "open_born": "arb.col.open_born",
    }, t)


def echo_project_table(echo: pd.DataFrame, t: Translator, names: Mapping[str, str]
                       ) -> pd.DataFrame:
    """Requests born from each started project, most first."""
    shown = echo.copy()
    shown["level"] = [t.label("level", code) for code in shown["level"]]
    shown["status"] = [t.label("status", code) for code in shown["status"]]
    shown["team_id"] = [category_label("team", code, t, names) for code in shown["team_id"]]
    return _rename(shown, {
        "project_name": "arb.col.project", "level": "arb.col.level", "team_id": "arb.col.team",
        "status": "arb.col.status", "start_date": "arb.col.start",
        "requests_born": "arb.col.requests_born", "open_born": "arb.col.open_born",
    }, t)


def styled(frame: pd.DataFrame, t: Translator) -> Styler:
    """A Styler showing numbers and dates the session's way (« 1 234,5 », « 30/03/2026 »)."""
    decimal, thousands = (",", "\u202f") if t.lang == "fr" else (".", ",")

    def show_date(value: object) -> str:
        return t.date(value, "short") if isinstance(value, date) else MISSING

    dates = [
        column for column in frame.columns
        if not frame[column].dropna().empty
        and all(isinstance(value, date) for value in frame[column].dropna().head(20))
    ]
    return display_styler(frame).format(
        precision=1, decimal=decimal, thousands=thousands, na_rep=MISSING
    ).format(each_value_once(show_date), subset=dates)
