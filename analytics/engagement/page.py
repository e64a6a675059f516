"""Everything the Engagement page (and its report) shows for a scope, computed part by part.

The page shows an :class:`Overview` (the headline figures) above its tabs, and computes a tab's
*part* only when the tab is open: :func:`compute_overview` is one query (with the representation
scores' counts), :func:`compute_part` computes one section's numbers (:data:`PARTS`). The
report needs everything: :func:`compute_engagement` gathers the overview and every part in an
:class:`EngagementData`. Every frame is ready to show and export: groups under the minimum size are
already suppressed (:mod:`analytics.disclosure`, the one rule); the headline is computed from raw
counts under the same rule (nothing at all when the scope itself has too few people, no part whose
rest is a small group, no score over a table with a hidden row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.disclosure import (
    hide_small_count,
    mask_partition,
    mask_small_counts,
    safe_share,
    shown_part,
    small_scope,
    statistics_shown,
    top_group_shown,
)
from analytics.engagement import (
    cohorts,
    concentration,
    fatigue,
    milestones,
    representativeness,
    rotation,
)
from analytics.engagement.headline import PeriodCounts, catalogue_values, period_counts
from analytics.engagement.representativeness import ChiSquare
from analytics.engagement.scope import LAPSE_MONTHS, Scope, Window, data_start, trailing_windows
from analytics.settings import Thresholds


@dataclass(frozen=True)
class Headline:
    """The period's headline figures (catalogue definitions; None when undefined or hidden).

    participants = ``engagement.participants``, newcomer_share = ``engagement.newcomer_share``,
    top10_share / gini = ``engagement.top10_share`` / ``engagement.gini``, retention =
    ``engagement.retention``, r_score_quartier = ``representativeness.r_score_quartier``; lapsed_12m
    is the number of participants active in the 12 months before the last 12 and not since.
    """

    participants: int | None
    attendances: int | None
    newcomers: int | None
    newcomer_share: float | None
    top10_share: float | None
    gini: float | None
    retention: float | None
    previous_active: int | None
    lapsed_12m: int | None
    lapsed_12m_share: float | None
    r_score_quartier: float | None
    r_score_age: float | None
    dissimilarity_quartier: float | None
    dissimilarity_age: float | None
    hidden: bool = False
    """True when the period has fewer participants than the minimum group size (none included): the
    period's figures are not shown."""
    small_scope: bool = False
    """True when the scope holds 1 to ``min_group_size − 1`` people: nothing at all is shown, neither
    here nor in any section (:func:`analytics.disclosure.small_scope`)."""


@dataclass(frozen=True)
class Representation:
    """One dimension (quartier or age band) against the population table."""

    dimension: str
    table: pd.DataFrame
    """Masked: category, population, participants, rate, participant_share, population_share, gap."""
    r_score: float | None
    dissimilarity: float | None
    chi_square: ChiSquare
    unmatched: int | None
    """Participants whose category is unknown to the population table (None when hidden)."""
    uncompared: tuple[list[str], bool] = ([], False)
    """Categories of participants the population table does not have (see
    :func:`~analytics.engagement.representativeness.uncompared`)."""


@dataclass(frozen=True)
class Overview:
    """What the page shows above its tabs, for one scope: the headline figures."""

    scope: Scope
    min_group_size: int
    headline: Headline
    data_start: date | None = None
    """The first day of participation data (:func:`~.scope.data_start`), named where it shapes the
    newcomers, the cohorts and the trends."""


@dataclass(frozen=True)
class RotationPart:
    """Rotation section: participants per quarter / year (newcomers, returning), frequency classes."""

    rotation_quarter: pd.DataFrame
    rotation_year: pd.DataFrame
    frequency: pd.DataFrame


@dataclass(frozen=True)
class ConcentrationPart:
    """Concentration section: top-10 % share and Gini per group, Lorenz curve of the period."""

    concentration: pd.DataFrame
    lorenz: pd.DataFrame


@dataclass(frozen=True)
class CohortsPart:
    """Cohorts section: retention by cohort, engagement survival by level and by initiative."""

    retention_table: pd.DataFrame
    survival_level: pd.DataFrame
    survival_initiative: pd.DataFrame


@dataclass(frozen=True)
class FatiguePart:
    """Erosion and fatigue section: year-on-year erosion, volunteers' risk signals, attendance per
    event."""

    year_transitions: pd.DataFrame
    volunteers: pd.DataFrame
    signal_counts: dict[str, float | None]
    """Volunteers showing each signal (and ``volunteers``, ``any``); None where a small group."""
    fatigue_settings: fatigue.FatigueSettings
    attendance_yearly: pd.DataFrame
    attendance_trends: pd.DataFrame
    lapsed_windows: tuple[Window, Window]
    """(earlier, recent) 12-month windows of the lapsed participants."""


@dataclass(frozen=True)
class RepresentativenessPart:
    """Representativeness section: each dimension against the population table."""

    representation: dict[str, Representation]


@dataclass(frozen=True)
class MilestonesPart:
    """Milestones section: the timeline's window, its milestones and participants per month."""

    timeline_window: Window
    milestones: pd.DataFrame
    monthly_participants: pd.DataFrame


Part = (RotationPart | ConcentrationPart | CohortsPart | FatiguePart | RepresentativenessPart
        | MilestonesPart)


@dataclass(frozen=True)
class EngagementData:
    """All of the page's numbers for one scope: the overview and every section's part (the
    report)."""

    overview: Overview
    rotation: RotationPart
    concentration: ConcentrationPart
    cohorts: CohortsPart
    fatigue: FatiguePart
    representativeness: RepresentativenessPart
    milestones: MilestonesPart

    @property
    def scope(self) -> Scope:
        return self.overview.scope

    @property
    def min_group_size(self) -> int:
        return self.overview.min_group_size

    @property
    def headline(self) -> Headline:
        return self.overview.headline

    def part(self, key: str) -> Part:
        """The part of section ``key`` (one of :data:`PARTS`)."""
        if key not in PARTS:
            raise KeyError(f"unknown section {key!r}; expected one of {tuple(PARTS)}")
        found: Part = getattr(self, key)
        return found


def _representations(
    con: duckdb.DuckDBPyConnection, scope: Scope, min_group_size: int
) -> dict[str, Representation]:
    counts = representativeness.representation_counts(con, scope)
    found = {}
    for dimension in representativeness.DIMENSIONS:
        rows = representativeness.dimension_counts(counts, dimension)
        table = representativeness.representation_table(rows)
        outside = representativeness.unmatched(rows)
        shown, unmatched = representativeness.masked_table(table, min_group_size, outside)
        disclosed = statistics_shown([*table["participants"], outside], min_group_size)
        found[dimension] = Representation(
            dimension=dimension,
            table=shown,
            r_score=representativeness.r_score(table) if disclosed else None,
            dissimilarity=representativeness.dissimilarity(table) if disclosed else None,
            chi_square=representativeness.chi_square(table) if disclosed else HIDDEN_TEST,
            unmatched=unmatched,
            uncompared=representativeness.uncompared(rows, min_group_size) if disclosed
            else ([], False),
        )
    return found


HIDDEN_TEST: Final[ChiSquare] = ChiSquare(False, None, None, None, None, "eng.chi2.small_groups")
"""The chi-square test of a table with a hidden group: not shown (it would give the group away)."""


Scores = dict[str, tuple[float | None, float | None]]
"""(R score, dissimilarity index) of each dimension of representativeness."""


def _scores(counts: PeriodCounts, min_group_size: int) -> Scores:
    """The headline's representativeness scores, from the population and participants of each
    category of the population table (:attr:`PeriodCounts.representation`):
    :func:`representativeness.r_score_of` (for quartiers, the catalogue's value:
    :func:`~analytics.engagement.headline.catalogue_values`) and
    :func:`representativeness.dissimilarity_of`, as the section's tables compute them; (None, None)
    when a category, or the participants of no category, is a small group (the section's table
    hides it: the scores would give it back)."""
    found: Scores = {}
    for dimension in representativeness.DIMENSIONS:
        population, participants = counts.representation.get(dimension, ((), ()))
        outside = counts.participants - sum(participants)
        if not statistics_shown([*participants, outside], min_group_size):
            found[dimension] = (None, None)
            continue
        found[dimension] = (representativeness.r_score_of(participants, population),
                            representativeness.dissimilarity_of(participants, population))
    return found


def _shown_count(count: int, min_size: int) -> int | None:
    """``count``, or None when it is a small group (:func:`analytics.disclosure.hide_small_count`)."""
    return None if hide_small_count(count, min_size) is None else count


NOTHING_SHOWN: Final[dict[str, None]] = {
    name: None for name in (
        "participants", "attendances", "newcomers", "newcomer_share", "top10_share", "gini",
        "retention", "previous_active", "lapsed_12m", "lapsed_12m_share", "r_score_quartier",
        "r_score_age", "dissimilarity_quartier", "dissimilarity_age",
    )
}


def _headline(counts: PeriodCounts, scores: Scores, min_group_size: int) -> Headline:
    """The headline: the catalogue's values (:func:`~analytics.engagement.headline.catalogue_values`,
    the same numbers as the indicator catalogue's) under the disclosure rule of ``min_group_size``."""
    k = min_group_size
    values = catalogue_values(counts)
    participants = counts.participants
    if small_scope(participants, k):
        return Headline(**NOTHING_SHOWN, hidden=True, small_scope=True)
    hidden = participants < k
    return Headline(
        participants=_shown_count(participants, k),
        attendances=None if hidden else sum(
            v * n for v, n in zip(counts.attendances_per_person, counts.people, strict=True)),
        newcomers=shown_part(counts.newcomers, participants, k),
        newcomer_share=values["engagement.newcomer_share"]
        if safe_share(counts.newcomers, participants, k) is not None else None,
        top10_share=values["engagement.top10_share"]
        if not hidden and top_group_shown(participants, k) else None,
        gini=None if hidden else values["engagement.gini"],
        retention=values["engagement.retention"]
        if safe_share(counts.retained, counts.previous_active, k) is not None else None,
        previous_active=_shown_count(counts.previous_active, k),
        lapsed_12m=_shown_count(counts.lapsed, k),
        lapsed_12m_share=safe_share(counts.lapsed, counts.lapse_earlier_active, k),
        r_score_quartier=None if hidden or scores["quartier"][0] is None
        else values["representativeness.r_score_quartier"],
        r_score_age=None if hidden else scores["age_band"][0],
        dissimilarity_quartier=None if hidden else scores["quartier"][1],
        dissimilarity_age=None if hidden else scores["age_band"][1],
        hidden=hidden,
    )


def headline_indicators(headline: Headline) -> dict[str, float | int | None]:
    """The headline's figures under their catalogue keys (what the overview's tiles show to a
    protected role: :func:`analytics.disclosure.protect_indicators`)."""
    return {
        "engagement.participants": headline.participants,
        "engagement.newcomer_share": headline.newcomer_share,
        "engagement.top10_share": headline.top10_share,
        "engagement.gini": headline.gini,
        "engagement.retention": headline.retention,
        "representativeness.r_score_quartier": headline.r_score_quartier,
    }


def compute_overview(
    con: duckdb.DuckDBPyConnection, scope: Scope, thresholds: Thresholds
) -> Overview:
    """The headline figures of ``scope`` (the period [start, end] and the filters)."""
    k = thresholds.min_group_size
    counts = period_counts(con, scope, LAPSE_MONTHS)
    return Overview(scope, k, _headline(counts, _scores(counts, k), k), data_start(con))


def rotation_part(con: duckdb.DuckDBPyConnection, scope: Scope, k: int) -> RotationPart:
    """Participants per quarter and year and frequency classes, every year up to the end."""
    all_buckets = rotation.buckets(con, scope)
    quarters = rotation.rotation_table(all_buckets, "quarter", k)
    return RotationPart(
        rotation_quarter=quarters,
        rotation_year=rotation.protect_year_newcomers(
            quarters, rotation.rotation_table(all_buckets, "year", k)
        ),
        frequency=rotation.frequency_shares(rotation.frequency_classes(con, scope), k),
    )


def concentration_part(con: duckdb.DuckDBPyConnection, scope: Scope, k: int) -> ConcentrationPart:
    """Concentration per group in the period and per year, and the period's Lorenz curve."""
    hist = concentration.histograms(con, scope)
    period_hist = concentration.period_histogram(hist)
    values, people = period_hist["attendances_per_person"], period_hist["participants"]
    shown = concentration.concentration(values, people).participants >= k
    return ConcentrationPart(
        concentration=concentration.concentration_table(hist, k),
        lorenz=concentration.lorenz_curve(values, people, k) if shown
        else concentration.lorenz_curve([], []),
    )


def cohorts_part(con: duckdb.DuckDBPyConnection, scope: Scope, k: int) -> CohortsPart:
    """Cohort retention and survival curves, every year up to the end."""
    durations = cohorts.survival_data(con, scope)
    return CohortsPart(
        retention_table=cohorts.retention_table(
            cohorts.cohort_activity(con, scope), scope.end.year, k
        ),
        survival_level=cohorts.survival_curves(cohorts.grouping_data(durations, "level"), k),
        survival_initiative=cohorts.survival_curves(
            cohorts.grouping_data(durations, "initiative"), k
        ),
    )


def fatigue_part(
    con: duckdb.DuckDBPyConnection, scope: Scope, k: int,
    settings: fatigue.FatigueSettings | None = None,
) -> FatiguePart:
    """Year-on-year erosion, volunteers' risk signals at the end, attendance per event."""
    fatigue_settings = settings or fatigue.FatigueSettings()
    flagged = fatigue.flagged_volunteers(con, scope, fatigue_settings)
    return FatiguePart(
        year_transitions=mask_partition(
            fatigue.year_transitions(con, scope), k, "previous_active", ["still_active", "lapsed"],
            {"previous_active": ["lapsed_share"], "lapsed": ["lapsed_share"]},
        ),
        volunteers=flagged.loc[flagged["signals"] > 0]
        .sort_values(["signals", "participant_id"], ascending=[False, True])
        .reset_index(drop=True),
        signal_counts=fatigue.shown_signal_counts(flagged, k),
        fatigue_settings=fatigue_settings,
        attendance_yearly=fatigue.attendance_yearly(con, scope, k),
        attendance_trends=fatigue.attendance_trends(con, scope),
        lapsed_windows=trailing_windows(scope.end, LAPSE_MONTHS),
    )


def representativeness_part(
    con: duckdb.DuckDBPyConnection, scope: Scope, k: int
) -> RepresentativenessPart:
    """Participants of the period against the population, by quartier and by age band."""
    return RepresentativenessPart(_representations(con, scope, k))


def milestones_part(con: duckdb.DuckDBPyConnection, scope: Scope, k: int) -> MilestonesPart:
    """Milestones of the timeline's window beside the participants of each month."""
    window = milestones.timeline_window(scope)
    monthly = milestones.monthly_participants(rotation.buckets(con, scope), window)
    return MilestonesPart(
        timeline_window=window,
        milestones=milestones.milestones(con, scope, window),
        monthly_participants=mask_small_counts(monthly, k, {"participants": []}),
    )


PARTS: Final[dict[str, Callable[[duckdb.DuckDBPyConnection, Scope, int], Part]]] = {
    "rotation": rotation_part,
    "concentration": concentration_part,
    "cohorts": cohorts_part,
    "fatigue": fatigue_part,
    "representativeness": representativeness_part,
    "milestones": milestones_part,
}
"""Each section's computation, in page order (the keys are the sections' keys)."""


def compute_part(
    con: duckdb.DuckDBPyConnection, scope: Scope, thresholds: Thresholds, key: str
) -> Part:
    """The numbers of section ``key`` for ``scope``.

    Period figures (concentration by level and kind, representativeness) cover [start, end]; trends,
    cohorts and survival cover every year of data up to ``end`` (the last year may be incomplete);
    fatigue signals are measured at ``end``.
    """
    if key not in PARTS:
        raise KeyError(f"unknown section {key!r}; expected one of {tuple(PARTS)}")
    return PARTS[key](con, scope, thresholds.min_group_size)


def compute_engagement(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds,
    settings: fatigue.FatigueSettings | None = None,
) -> EngagementData:
    """Every number of the Engagement page for ``scope`` (period and filters): the overview and
    every part (``settings``: the volunteers' risk-signal thresholds, default the documented ones)."""
    k = thresholds.min_group_size
    return EngagementData(
        overview=compute_overview(con, scope, thresholds),
        rotation=rotation_part(con, scope, k),
        concentration=concentration_part(con, scope, k),
        cohorts=cohorts_part(con, scope, k),
        fatigue=fatigue_part(con, scope, k, settings),
        representativeness=representativeness_part(con, scope, k),
        milestones=milestones_part(con, scope, k),
    )
