"""Tables of the team capacity page: the frames of the other modules, with the columns a person
reads (translated names, labels instead of codes, dates without time, ratios in %), ready to show and
to download. Pure functions: no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Final

import pandas as pd
from pandas.io.formats.style import Styler

from analytics import formats
from analytics.capacity.agent_card import AgentCard, capacity_causes
from analytics.capacity.figures import activity_label, band_labels
from analytics.capacity.forecast import PeakWhy
from analytics.capacity.hidden import NO_EVENT, NO_PROJECT
from analytics.capacity.legal import explain
from analytics.capacity.load import LoadView
from analytics.i18n import MISSING, Markdown, Translator, counted
from analytics.peaks import peak_text, weekly_peak
from analytics.schema import ABSENCE_KINDS, EVENT_KINDS, LEVELS, NO_LEVEL, PROJECT_STATUSES
from analytics.settings import Thresholds
from analytics.styled import display_styler, each_value_once

Column = tuple[str, str, str]
"""(source column, message key of its header, kind): kinds are text, hours, share, count, date,
level, status, band, event_kind, activity, clock, bool."""

def _labels(vocabulary: str, codes: Sequence[str], t: Translator) -> dict[str, str]:
    return {code: t.label(vocabulary, code) for code in codes}


def present(
    frame: pd.DataFrame, columns: Sequence[Column], t: Translator,
    thresholds: Thresholds | None = None,
) -> pd.DataFrame:
    """The listed columns of ``frame``, renamed to their headers and shaped by kind: hours, shares
    and counts by :func:`analytics.formats.export_column` (shares as percentages under « (%) »),
    dates as dates, codes as labels."""
    out = {}
    limits = (thresholds or Thresholds()).load_bands
    kinds = {
        "level": _labels("level", [*LEVELS, NO_LEVEL], t),
        "status": _labels("status", PROJECT_STATUSES, t),
        "band": band_labels(limits, t),
        "event_kind": {**_labels("event_kind", EVENT_KINDS, t),
                       NO_EVENT: t("capacity.kind.no_event"),
                       NO_PROJECT: t("capacity.kind.no_project")},
        "bool": {True: t("capacity.yes"), False: t("capacity.no")},
        "absence_kind": {code: t.label("absence_kind", code) for code in ABSENCE_KINDS},
    }
    for source, key, kind in columns:
        values = frame[source]
        header = t(key)
        if kind in ("hours", "share", "count"):
            header, values = formats.export_column(kind, header, values)
        elif kind == "date":
            values = pd.to_datetime(values).dt.date
        elif kind == "clock":
            values = pd.to_datetime(values).dt.strftime("%d/%m/%Y %H:%M")
        elif kind == "activity":
            values = values.map(lambda code: activity_label(code, t))
        elif kind in kinds:
            values = values.map(kinds[kind]).fillna(values)
        out[header] = values.reset_index(drop=True)
    return pd.DataFrame(out)


def styled(frame: pd.DataFrame, t: Translator) -> Styler:
    """A Styler showing numbers and dates the session's way (« 1 234,5 », « 30/03/2026 »)."""
    decimal, thousands = (",", "\u202f") if t.lang == "fr" else (".", ",")

    def show_date(value: object) -> str:
        if isinstance(value, (date, datetime)):
            return t.date(value, "short")
        return MISSING if value is None or value != value else str(value)

    dates = [c for c in frame.columns if frame[c].dtype == object
             and isinstance(frame[c].dropna().head(1).tolist()[:1] or None, list)
             and isinstance(frame[c].dropna().iloc[0], date)]
    return display_styler(frame).format(
        precision=1, decimal=decimal, thousands=thousands, na_rep=MISSING
    ).format(each_value_once(show_date), subset=dates)


AGENT_WEEKS: Final[tuple[Column, ...]] = (
    ("agent_name", "capacity.col.agent", "text"),
    ("service_name", "capacity.col.service", "text"),
    ("week_start", "capacity.col.week", "date"),
    ("days_in_period", "capacity.col.days_in_period", "count"),
    ("hours", "capacity.col.hours", "hours"),
    ("capacity_hours", "capacity.col.capacity", "hours"),
    ("load_ratio", "capacity.col.load", "share"),
    ("band", "capacity.col.band", "band"),
)
CARD_CONTRACTS: Final[tuple[Column, ...]] = (
    ("valid_from", "capacity.col.start_date", "date"),
    ("valid_to", "capacity.col.end_date", "date"),
    ("weekly_hours", "capacity.col.weekly_hours", "hours"),
)
CARD_ABSENCES: Final[tuple[Column, ...]] = (
    ("start_date", "capacity.col.start_date", "date"),
    ("end_date", "capacity.col.end_date", "date"),
    ("absence_kind", "capacity.col.absence_kind", "absence_kind"),
    ("working_days", "capacity.col.working_days", "count"),
)
CARD_WEEKS: Final[tuple[Column, ...]] = (
    ("week_start", "capacity.col.week", "date"),
    ("contract_hours", "capacity.col.weekly_hours", "hours"),
    ("capacity_hours", "capacity.col.capacity", "hours"),
    ("hours", "capacity.col.hours", "hours"),
    ("load_ratio", "capacity.col.load", "share"),
    ("band", "capacity.col.band", "band"),
    ("causes", "capacity.col.causes", "text"),
)
SERVICE_WEEKS: Final[tuple[Column, ...]] = (
    ("service_name", "capacity.col.service", "text"),
    ("week_start", "capacity.col.week", "date"),
    ("agents", "capacity.col.agents", "count"),
    ("agents_missing", "capacity.col.agents_missing", "count"),
    ("hours", "capacity.col.hours", "hours"),
    ("capacity_hours", "capacity.col.capacity", "hours"),
    ("recorded_capacity_hours", "capacity.col.recorded_capacity", "hours"),
    ("load_ratio", "capacity.col.load", "share"),
    ("band", "capacity.col.band", "band"),
)
SERVICE_PERIOD: Final[tuple[Column, ...]] = (
    ("service_name", "capacity.col.service", "text"),
    ("hours", "capacity.col.hours", "hours"),
    ("recorded_capacity_hours", "capacity.col.recorded_capacity", "hours"),
    ("load_ratio", "capacity.col.load", "share"),
)
"""The load tab's table: each service's load over the period (``LoadView.services``), most loaded
first; the week-by-week rows (:data:`SERVICE_WEEKS`) are the heatmap's and the downloads'."""
ACTIVITY_LEVEL: Final[tuple[Column, ...]] = (
    ("period_start", "capacity.col.period_start", "date"),
    ("activity", "capacity.col.activity", "activity"),
    ("level", "capacity.col.level", "level"),
    ("hours", "capacity.col.hours", "hours"),
)
PARTICIPATION_SERVICES: Final[tuple[Column, ...]] = (
    ("service_name", "capacity.col.service", "text"),
    ("agents", "capacity.col.agents", "count"),
    ("all_hours", "capacity.col.all_hours", "hours"),
    ("participation_hours", "capacity.col.participation_hours", "hours"),
    ("participation_share", "capacity.col.participation_share", "share"),
)
PARTICIPATION_AGENTS: Final[tuple[Column, ...]] = (
    ("agent_name", "capacity.col.agent", "text"),
    ("service_name", "capacity.col.service", "text"),
    ("all_hours", "capacity.col.all_hours", "hours"),
    ("participation_hours", "capacity.col.participation_hours", "hours"),
    ("participation_share", "capacity.col.participation_share", "share"),
)
TOP_PROJECTS: Final[tuple[Column, ...]] = (
    ("project_name", "capacity.col.project", "text"),
    ("level", "capacity.col.level", "level"),
    ("status", "capacity.col.status", "status"),
    ("service_name", "capacity.col.lead_service", "text"),
    ("hours", "capacity.col.hours", "hours"),
    ("agents", "capacity.col.agents", "count"),
    ("participants_reached", "capacity.col.participants_reached", "count"),
    ("hours_per_participant", "capacity.col.hours_per_participant", "hours"),
)
_HIDDEN_HOURS: Final[tuple[Column, ...]] = (
    ("hours", "capacity.col.hours", "hours"),
    ("outside_hours", "capacity.col.outside_hours", "hours"),
    ("weekday_outside_hours", "capacity.col.weekday_outside_hours", "hours"),
    ("weekend_hours", "capacity.col.weekend_hours", "hours"),
    ("holiday_hours", "capacity.col.holiday_hours", "hours"),
    ("outside_share", "capacity.col.outside_share", "share"),
)
HIDDEN_SERVICES: Final[tuple[Column, ...]] = (
    ("service_name", "capacity.col.service", "text"), *_HIDDEN_HOURS,
)
HIDDEN_AGENTS: Final[tuple[Column, ...]] = (
    ("agent_name", "capacity.col.agent", "text"),
    ("service_name", "capacity.col.service", "text"), *_HIDDEN_HOURS,
)
HIDDEN_PROJECTS: Final[tuple[Column, ...]] = (
    ("project_name", "capacity.col.project", "text"), *_HIDDEN_HOURS[1:5],
    ("main_event_kind", "capacity.col.main_event_kind", "event_kind"),
)
HIDDEN_KINDS: Final[tuple[Column, ...]] = (
    ("event_kind", "capacity.col.event_kind", "event_kind"), *_HIDDEN_HOURS[1:5],
)
LEGAL: Final[dict[str, tuple[Column, ...]]] = {
    "days_over_10h": (
        ("agent_name", "capacity.col.agent", "text"),
        ("service_name", "capacity.col.service", "text"),
        ("work_date", "capacity.col.date", "date"),
        ("hours", "capacity.col.hours", "hours"),
        ("excess_hours", "capacity.col.excess", "hours"),
        ("explanation", "capacity.col.explanation", "text"),
    ),
    "weeks_over_48h": (
        ("agent_name", "capacity.col.agent", "text"),
        ("service_name", "capacity.col.service", "text"),
        ("week_start", "capacity.col.week", "date"),
        ("hours", "capacity.col.hours", "hours"),
        ("excess_hours", "capacity.col.excess", "hours"),
        ("explanation", "capacity.col.explanation", "text"),
    ),
    "avg12_over_44h": (
        ("agent_name", "capacity.col.agent", "text"),
        ("service_name", "capacity.col.service", "text"),
        ("week_start", "capacity.col.week", "date"),
        ("window_start", "capacity.col.window_start", "date"),
        ("average_hours", "capacity.col.average_hours", "hours"),
        ("explanation", "capacity.col.explanation", "text"),
    ),
    "rest_under_11h": (
        ("agent_name", "capacity.col.agent", "text"),
        ("service_name", "capacity.col.service", "text"),
        ("work_date", "capacity.col.date", "date"),
        ("previous_end_ts", "capacity.col.previous_end", "clock"),
        ("first_start_ts", "capacity.col.first_start", "clock"),
        ("rest_hours", "capacity.col.rest_hours", "hours"),
        ("explanation", "capacity.col.explanation", "text"),
    ),
}
OVERLOAD: Final[tuple[Column, ...]] = (
    ("agent_name", "capacity.col.agent", "text"),
    ("service_name", "capacity.col.service", "text"),
    ("run_start", "capacity.col.run_start", "date"),
    ("run_end", "capacity.col.run_end", "date"),
    ("weeks", "capacity.col.weeks", "count"),
    ("run_hours", "capacity.col.run_hours", "hours"),
    ("run_capacity_hours", "capacity.col.run_capacity", "hours"),
    ("load_ratio", "capacity.col.load", "share"),
    ("max_load_ratio", "capacity.col.max_load", "share"),
    ("participation_share", "capacity.col.participation_share", "share"),
    ("worked_on", "capacity.col.worked_on", "text"),
)
FORECAST_WEEKS: Final[tuple[Column, ...]] = (
    ("service_name", "capacity.col.service", "text"),
    ("week_start", "capacity.col.week", "date"),
    ("capacity_hours", "capacity.col.capacity", "hours"),
    ("baseline_hours", "capacity.col.baseline_hours", "hours"),
    ("project_hours", "capacity.col.project_hours", "hours"),
    ("projected_hours", "capacity.col.projected_hours", "hours"),
    ("load_ratio", "capacity.col.projected_load", "share"),
    ("over_capacity", "capacity.col.over_capacity", "bool"),
)
FORECAST_PROJECTS: Final[tuple[Column, ...]] = (
    ("project_name", "capacity.col.project", "text"),
    ("service_name", "capacity.col.lead_service", "text"),
    ("level", "capacity.col.level", "level"),
    ("status", "capacity.col.status", "status"),
    ("start_date", "capacity.col.start_date", "date"),
    ("end_date", "capacity.col.end_date", "date"),
    ("planned_hours", "capacity.col.planned_hours", "hours"),
    ("spent_hours", "capacity.col.spent_hours", "hours"),
    ("remaining_hours", "capacity.col.remaining_hours", "hours"),
    ("weeks_left", "capacity.col.weeks_left", "count"),
    ("weekly_hours", "capacity.col.weekly_hours", "hours"),
)


def legal_table(rule: str, findings: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The findings of one legal rule with their plain-words explanation."""
    return present(findings.assign(explanation=explain(rule, findings, t)), LEGAL[rule], t)


def card_weeks_table(card: AgentCard, t: Translator) -> pd.DataFrame:
    """An agent card's weeks, each with why its capacity is what it is
    (:func:`~analytics.capacity.agent_card.capacity_causes`)."""
    causes = capacity_causes(card.weeks, card.contracts, t)
    return present(card.weeks.assign(causes=causes), CARD_WEEKS, t)


def overload_table(runs: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The runs of sustained overload, with the main projects worked on as « Jardin (120 h) »."""
    worked_on = runs["top_projects"].map(
        lambda pairs: ", ".join(f"{name} ({t.hours(hours)})" for name, hours in pairs)
        or t("capacity.overload.ordinary_only")
    )
    return present(runs.assign(worked_on=worked_on), OVERLOAD, t)


def evenings_table(matrix: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The evenings matrix with translated headers and months as « 03/2026 »."""
    renamed = {"agent_name": t("capacity.col.agent"), "service_name": t("capacity.col.service"),
               "total": t("capacity.col.total")}
    months = {c: f"{c:%m/%Y}" for c in matrix.columns if isinstance(c, (date, pd.Timestamp))}
    return matrix.rename(columns={**renamed, **months})


def over_capacity_text(teams: pd.DataFrame, t: Translator) -> str:
    """The teams going over capacity in the coming weeks, in words (« CCAS : 12 semaines, jusqu'à
    262 % ; … »), from :func:`analytics.capacity.forecast.teams_by_peak_load`; "" when none."""
    over = teams[teams["weeks_over"] > 0]
    return Markdown.join(" ; ", (
        counted(t, "capacity.forecast.team_over", row.weeks_over, team=row.service_name,
                peak=t.percent(row.peak_load_ratio))
        + (counted(t, "capacity.forecast.team_away", row.weeks_without_capacity)
           if row.weeks_without_capacity else Markdown(""))
        for row in over.itertuples()
    ))


PEAK_PROJECTS = 3
"""At most this many projects are named in a peak week's reasons (the largest)."""


def peak_why_text(why: PeakWhy, t: Translator) -> str:
    """Why a team's busiest coming week is over capacity, in one sentence with its numbers
    (« Jeunesse, semaine du 7 déc. 2026 (260 %) : capacité 20 h au lieu de 40 h une semaine
    ordinaire (absences, jours fériés) ; travail ordinaire attendu 15 h (…) ; projets 37 h : Fête
    15 h, … »), from :func:`analytics.capacity.forecast.peak_reasons`."""
    reduced = (t("capacity.forecast.why_reduced", usual=t.hours(why.usual_capacity_hours))
               if why.capacity_reduced else Markdown(""))
    named = Markdown.join(", ", (
        t("capacity.forecast.why_project", project=name, hours=t.hours(hours))
        for name, hours in why.projects[:PEAK_PROJECTS]))
    return t("capacity.forecast.why", team=why.service_name, week=t.date(why.week_start),
             ratio=t.percent(why.load_ratio), capacity=t.hours(why.capacity_hours),
             reduced=reduced, baseline=t.hours(why.baseline_hours),
             share=t.percent(why.baseline_ratio), projects=t.hours(why.project_hours),
             named=t("capacity.forecast.why_named", names=named) if why.projects
             else Markdown(""))


def hidden_summary(by_service: pd.DataFrame, t: Translator) -> str:
    """One sentence with the hidden hours of the scope and their split (from the per-service
    table of :func:`analytics.capacity.hidden.hidden_by_service`)."""
    totals = by_service[["hours", "outside_hours", "weekday_outside_hours", "weekend_hours",
                         "holiday_hours"]].sum()
    share = totals["outside_hours"] / totals["hours"] if totals["hours"] > 0 else None
    return t("capacity.hidden.summary", outside=t.hours(totals["outside_hours"]),
             hours=t.hours(totals["hours"]), share=t.percent(share),
             weekday=t.hours(totals["weekday_outside_hours"]),
             weekend=t.hours(totals["weekend_hours"]), holiday=t.hours(totals["holiday_hours"]))


def most_loaded_text(view: LoadView, t: Translator) -> str:
    """« Service le plus chargé … Agent le plus chargé … » over the period (weeks without any
    recorded time left out), from :func:`analytics.capacity.load.load_view`'s services and agents,
    most loaded first."""
    service = view.services.iloc[0]
    agent = view.agents.iloc[0]
    text = t("capacity.load.most_loaded", service=service["service_name"],
             load=t.percent(service["load_ratio"]), agent=agent["agent_name"],
             agent_load=t.percent(agent["load_ratio"]))
    weeks = view.service_weeks
    mine = view.agent_weeks
    peaks = [  # the heatmaps show weeks above the period's load: the busiest one named
        peak_text(t, "capacity.load.peak", _float(service["load_ratio"]), weekly_peak(
            weeks[weeks["service_id"] == service["service_id"]], "hours",
            "recorded_capacity_hours"), name=service["service_name"]),
        peak_text(t, "capacity.load.peak", _float(agent["load_ratio"]), weekly_peak(
            mine[mine["agent_id"] == agent["agent_id"]], "hours"), name=agent["agent_name"]),
    ]
    return Markdown.join(" ", [text, *(Markdown(peak) for peak in peaks if peak)])


def _float(value: object) -> float | None:
    """A number, or None when missing."""
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]
