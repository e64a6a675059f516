"""The Engagement page's sections — the same on screen and in the downloadable report.

:func:`section` turns the page's :class:`~analytics.engagement.headline.Overview` and one section's
part into a :class:`Section` (a title, the definitions in plain words, metric tiles, notes, figures
and tables); :func:`sections` does it for every section of an
:class:`~analytics.engagement.page.EngagementData`. The page draws each section in a tab;
:mod:`analytics.engagement.report` writes them as HTML. Pure: no Streamlit, no database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

import pandas as pd

from analytics.engagement import figures, tables
from analytics.engagement.cohorts import median_survival
from analytics.engagement.figures import Figure
from analytics.engagement.headline import Headline, Overview
from analytics.engagement.page import (
    CohortsPart,
    ConcentrationPart,
    EngagementData,
    FatiguePart,
    MilestonesPart,
    Part,
    Representation,
    RepresentativenessPart,
    RotationPart,
)
from analytics.engagement.scope import starts_with_the_data
from analytics.engagement.tables import Table
from analytics.figures import hatch_partial, partial_note
from analytics.i18n import Markdown, Translator, counted, escape_markdown
from analytics.indicators import indicator
from analytics.periods import PartialPeriod, partial_periods

R_SCORE_KEY: Final[str] = "representativeness.r_score_quartier"
"""The catalogue key whose kind every representation score (any dimension) is shown with."""


@dataclass(frozen=True)
class Metric:
    """A metric tile: label, formatted value and a help text (definition or indicator key)."""

    label: str
    value: str
    help: str | None = None


@dataclass(frozen=True)
class Section:
    """One section of the page and of the report."""

    key: str
    title: str
    text: str
    metrics: list[Metric] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    """Plotly figures as JSON dicts (what the page's cache keeps and draws, the report embeds)."""
    tables: list[Table] = field(default_factory=list)
    hidden: str | None = None
    """Why the section shows nothing (its scope has too few people), else None."""


def r_score_text(value: float | None, t: Translator) -> str:
    """A representation score as the overview shows it: the catalogue's kind of
    ``representativeness.r_score_quartier`` (a ratio, as a percentage: « 4,7 % »)."""
    return t.indicator(indicator(R_SCORE_KEY).kind, value)


def headline_metrics(h: Headline, t: Translator) -> list[Metric]:
    """The period's headline tiles (catalogue keys as help where the number is a catalogue one)."""
    return [
        Metric(t("ind.engagement.participants"), t.number(h.participants), "engagement.participants"),
        Metric(t("ind.engagement.newcomer_share"), t.percent(h.newcomer_share),
               "engagement.newcomer_share"),
        Metric(t("ind.engagement.top10_share"), t.percent(h.top10_share),
               "engagement.top10_share"),
        _gini_metric(h, t),
        Metric(t("ind.engagement.retention"), t.percent(h.retention), "engagement.retention"),
        Metric(t("eng.tile.lapsed_12m"), t.number(h.lapsed_12m), t("eng.def.lapsed_short")),
        Metric(t("ind.representativeness.r_score_quartier"), r_score_text(h.r_score_quartier, t),
               "representativeness.r_score_quartier"),
    ]


def _gini_metric(h: Headline, t: Translator) -> Metric:
    """The Gini index with the number of participants n beside it (in the label)."""
    label = t("eng.tile.gini") if h.gini is None else t("eng.tile.gini_n", n=t.number(h.participants))
    return Metric(label, t.ratio(h.gini), "engagement.gini")


def _data_start_notes(o: Overview, key: str, t: Translator) -> list[str]:
    """The sentence naming the start of the data (``eng.note.data_start.<key>``), none without
    data."""
    return [] if o.data_start is None else [t(f"eng.note.data_start.{key}", date=t.date(o.data_start))]


def _partial(table: pd.DataFrame, grain: str, o: Overview) -> list[PartialPeriod]:
    """The buckets of a rotation table that the data (from their start) and the period (to its end)
    cover in part."""
    starts = pd.to_datetime(table["bucket_start"]).dt.date
    return partial_periods(starts, grain, o.data_start or date.min, o.scope.end)


def _rotation(o: Overview, d: RotationPart, t: Translator) -> Section:
    inflated = starts_with_the_data(o.scope.start, o.data_start)
    quarters, years = _partial(d.rotation_quarter, "quarter", o), _partial(d.rotation_year, "year", o)
    return Section(
        "rotation", t("eng.tab.rotation"), t("eng.def.rotation"),
        metrics=[
            Metric(t("eng.tile.newcomers"), t.number(o.headline.newcomers)),
            Metric(t("ind.engagement.newcomer_share"), t.percent(o.headline.newcomer_share),
                   t("eng.note.data_start.inflated", date=t.date(o.data_start))
                   if inflated and o.data_start is not None else "engagement.newcomer_share"),
        ],
        notes=[t("eng.def.frequency"),
               *[note for note in (partial_note(years, t), partial_note(quarters, t)) if note],
               *_data_start_notes(o, "newcomers", t)],
        figures=[
            figures.rotation_figure(d.rotation_quarter, "quarter", t, [p.start for p in quarters]),
            figures.rotation_figure(d.rotation_year, "year", t, [p.start for p in years]),
            figures.frequency_figure(d.frequency, t),
        ],
        tables=[tables.rotation(d, "quarter", t), tables.rotation(d, "year", t),
                tables.frequency(d, t)],
    )


def _concentration(o: Overview, d: ConcentrationPart, t: Translator) -> Section:
    h = o.headline
    return Section(
        "concentration", t("eng.tab.concentration"), t("eng.def.concentration"),
        metrics=[
            Metric(t("ind.engagement.top10_share"), t.percent(h.top10_share),
                   "engagement.top10_share"),
            _gini_metric(h, t),
            Metric(t("eng.tile.attendances"), t.number(h.attendances)),
        ],
        figures=[
            figures.lorenz_figure(d.lorenz, h.gini, t),
            figures.concentration_trend_figure(d.concentration, t),
            figures.concentration_groups_figure(d.concentration, "level", t),
            figures.concentration_groups_figure(d.concentration, "event_kind", t),
        ],
        tables=[tables.concentration(d, t)],
    )


def _cohorts(o: Overview, d: CohortsPart, t: Translator) -> Section:
    overall = d.survival_level.loc[d.survival_level["group_key"] == "all"]
    median = median_survival(overall) if not overall.empty else None
    return Section(
        "cohorts", t("eng.tab.cohorts"), t("eng.def.retention"),
        metrics=[
            Metric(t("ind.engagement.retention"), t.percent(o.headline.retention),
                   "engagement.retention"),
            Metric(t("eng.tile.median_survival"),
                   counted(t, "eng.months", median) if median is not None else t.number(None),
                   t("eng.def.median_survival")),
        ],
        notes=[t("eng.def.survival"), *_data_start_notes(o, "cohorts", t)],
        figures=[
            figures.retention_figure(d.retention_table, t),
            figures.survival_figure(d.survival_level, "level", t),
            figures.survival_figure(d.survival_initiative, "initiative", t),
        ],
        tables=[tables.retention(d, t), tables.survival(d, "level", t),
                tables.survival(d, "initiative", t)],
    )


def _signal_metrics(d: FatiguePart, t: Translator) -> list[Metric]:
    s, counts = d.fatigue_settings, d.signal_counts
    thresholds = {
        "commitments": t("eng.threshold.commitments", n=s.concurrent_commitments_min,
                         months=s.commitment_window_months),
        "hours": t("eng.threshold.hours", hours=t.number(s.hours_per_month_min),
                   months=s.commitment_window_months),
        "run": t("eng.threshold.run", months=s.run_months_min),
        "no_shows": t("eng.threshold.no_shows", points=t.number(s.no_show_rise_min * 100),
                      months=s.no_show_window_months, n=s.no_show_min_registrations) + " "
        + t("eng.no_baseline.no_shows", baseline=s.no_show_min_baseline,
            months=s.no_show_window_months, n=t.number(counts["no_shows_without_baseline"])),
    }
    return [
        Metric(t("eng.tile.volunteers"), t.number(counts["volunteers"]),
               t("eng.def.volunteers", months=s.volunteer_window_months)),
        *[Metric(t(f"eng.signal.{name}"), t.number(counts[name]), thresholds[name])
          for name in thresholds],
    ]


def _trend_notes(d: FatiguePart, t: Translator) -> list[str]:
    notes = []
    trends = d.attendance_trends
    for row in trends.loc[trends["dimension"] == "event_kind"].itertuples(index=False):
        notes.append(t(
            "eng.note.trend", group=figures.group_label(t, "event_kind", row.group_key),
            slope=t.signed(row.slope), low=t.signed(row.low), high=t.signed(row.high),
            direction=t(f"eng.direction.{row.direction}"), n=t.number(row.events),
        ))
    return notes


def _fatigue(o: Overview, d: FatiguePart, t: Translator) -> Section:
    earlier, recent = d.lapsed_windows
    h = o.headline
    return Section(
        "fatigue", t("eng.tab.fatigue"), t("eng.def.lapsed"),
        metrics=[
            Metric(t("eng.tile.lapsed_12m"), t.number(h.lapsed_12m),
                   t("eng.lapsed_windows", earlier_start=t.date(earlier.start),
                     earlier_end=t.date(earlier.end), recent_start=t.date(recent.start),
                     recent_end=t.date(recent.end))),
            Metric(t("eng.tile.lapsed_12m_share"), t.percent(h.lapsed_12m_share)),
            *_signal_metrics(d, t),
        ],
        notes=[t("eng.risk_note"), t("eng.def.attendance"), *_trend_notes(d, t),
               *_data_start_notes(o, "trends", t),
               *([t("eng.def.privacy", k=o.min_group_size)] if o.min_group_size > 1 else [])],
        figures=[
            figures.transitions_figure(d.year_transitions, t),
            figures.attendance_figure(d.attendance_yearly, d.attendance_trends, "event_kind", t),
            figures.attendance_figure(d.attendance_yearly, d.attendance_trends, "initiative", t),
        ],
        tables=[tables.transitions(d, t), tables.volunteers(d, t), tables.attendance_trends(d, t)],
    )


def _chi_square_note(rep: Representation, k: int, t: Translator) -> str:
    label = t(f"eng.axis.{rep.dimension}")
    chi = rep.chi_square
    if chi.shown:
        return t("eng.chi2.result", dimension=label, statistic=t.number(chi.statistic, 1),
                 dof=chi.dof, p=t.number(chi.p_value, 3))
    return t("eng.chi2.not_shown", dimension=label,
             reason=t(chi.reason or "eng.chi2.no_participants",
                      expected=t.number(chi.min_expected, 1), k=k))


def _representativeness(o: Overview, d: RepresentativenessPart, t: Translator) -> Section:
    reps = d.representation
    metrics = []
    for dimension, rep in reps.items():
        label = t(f"eng.axis.{dimension}")
        metrics.append(Metric(t("eng.tile.r_score", dimension=label), r_score_text(rep.r_score, t),
                              "representativeness.r_score_quartier" if dimension == "quartier"
                              else t("eng.def.r_score")))
        metrics.append(Metric(t("eng.tile.dissimilarity", dimension=label),
                              t.percent(rep.dissimilarity), t("eng.def.dissimilarity")))
    notes = [_chi_square_note(rep, o.min_group_size, t) for rep in reps.values()]
    notes.append(t("eng.def.privacy", k=o.min_group_size))
    for dim, rep in reps.items():
        if rep.unmatched is None:
            notes.append(t("eng.note.unmatched_hidden", dimension=t(f"eng.axis.{dim}")))
        elif rep.unmatched:
            notes.append(counted(t, "eng.note.unmatched", rep.unmatched,
                           dimension=t(f"eng.axis.{dim}")))
        names, others = rep.uncompared
        if names or others:
            listed = [Markdown(escape_markdown(name)) for name in names]
            listed += [t("eng.note.uncompared_others")] if others else []
            notes.append(t("eng.note.uncompared", dimension=t(f"eng.axis.{dim}"),
                           categories=Markdown.join(", ", listed)))
    return Section(
        "representativeness", t("eng.tab.representativeness"), t("eng.def.representation"),
        metrics=metrics, notes=notes,
        figures=[figures.representation_figure(rep.table, dim, t) for dim, rep in reps.items()],
        tables=[tables.representation(d, dim, t) for dim in reps],
    )


def _milestones(o: Overview, d: MilestonesPart, t: Translator) -> Section:
    w = d.timeline_window
    months = pd.to_datetime(d.monthly_participants["month_start"]).dt.date
    partial = partial_periods(months, "month", max(w.start, o.data_start or w.start), w.end)
    chart = figures.milestones_figure(d.monthly_participants, d.milestones, t)
    hatch_partial(chart, [p.start for p in partial])
    note = partial_note(partial, t)
    return Section(
        "milestones", t("eng.tab.milestones"),
        t("eng.def.milestones", start=t.date(w.start), end=t.date(w.end)),
        metrics=[Metric(t("eng.tile.milestones"), t.number(len(d.milestones)))],
        notes=[note] if note else [],
        figures=[chart],
        tables=[tables.milestones(d, t)],
    )


BUILDERS: Final[dict[str, Callable[[Overview, Any, Translator], Section]]] = {
    "rotation": _rotation,
    "concentration": _concentration,
    "cohorts": _cohorts,
    "fatigue": _fatigue,
    "representativeness": _representativeness,
    "milestones": _milestones,
}
"""Section builders in page order: rotation, concentration, cohorts, erosion and fatigue,
representativeness, milestones."""
SECTION_KEYS: Final[tuple[str, ...]] = tuple(BUILDERS)


def hidden_section(key: str, overview: Overview, t: Translator) -> Section:
    """Section ``key`` hidden whole: its title and the sentence saying why, nothing else."""
    return Section(key, t(f"eng.tab.{key}"), "",
                   hidden=t("eng.section_hidden", k=overview.min_group_size))


def section(key: str, overview: Overview, part: Part | None, t: Translator) -> Section:
    """One section from the overview and that section's part (compute and build only what is
    shown). When the scope has 1 to k − 1 people (``overview.headline.small_scope``) it is hidden
    whole (:func:`hidden_section`; ``part`` is not read and may be None)."""
    if overview.headline.small_scope or part is None:
        return hidden_section(key, overview, t)
    return BUILDERS[key](overview, part, t)


def sections(data: EngagementData, t: Translator) -> list[Section]:
    """Every section, in page order (the report)."""
    return [section(key, data.overview, data.part(key), t) for key in BUILDERS]
