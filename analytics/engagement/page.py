"""Everything the Engagement page (and its report) shows for a scope, computed part by part.

The page shows an :class:`~.headline.Overview` (the headline figures,
:func:`.headline.compute_overview`) above its tabs, and computes a tab's *part* only when the tab
is open: :func:`compute_part` computes one section's numbers (:data:`PARTS`). The
report needs everything: :func:`compute_engagement` gathers the overview and every part in an
:class:`EngagementData`. Every frame is ready to show and export: groups under the minimum size are
already suppressed (:mod:`analytics.disclosure`, the one rule); the headline is computed from raw
counts under the same rule (nothing at all when the scope itself has too few people, no part whose
rest is a small group, no score over a table with a hidden row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import duckdb
import pandas as pd

from analytics.disclosure import (
    mask_partition,
    mask_small_counts,
    statistics_shown,
)
from analytics.engagement import (
    cohorts,
    concentration,
    fatigue,
    milestones,
    representativeness,
    rotation,
)
from analytics.engagement.headline import Headline, Overview, compute_overview
from analytics.engagement.representativeness import ChiSquare
from analytics.engagement.scope import LAPSE_MONTHS, Scope, Window, run_query, trailing_windows
from analytics.settings import Thresholds
from analytics.store.db import read_sql


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


def _representations(counts: pd.DataFrame, min_group_size: int) -> dict[str, Representation]:
    """Each dimension's table, R score, dissimilarity and chi-square from ``counts`` (the rows of
    ``engagement/representation.sql``), under the disclosure rule of ``min_group_size``."""
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
    """Participants of the period against the population, by quartier and by age band: the counts
    of ``engagement/representation.sql`` (population and active participants per category of both
    dimensions, :func:`.representativeness.dimension_counts`), scored by
    :func:`.representativeness.r_score` (the formula :func:`.representativeness.r_score_of`)."""
    counts = run_query(con, read_sql("engagement/representation"), scope.params())
    return RepresentativenessPart(_representations(counts, k))


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
