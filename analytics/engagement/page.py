"""Everything the Engagement page (and its report) shows, computed at once for a scope.

:func:`compute_engagement` is what the page's cached loader calls: one call, a dozen aggregated
queries over ``participant_activity`` and the canonical tables, and small pure functions. Every frame
of :class:`EngagementData` is ready to show and export: groups under the minimum size are already
suppressed (:mod:`analytics.engagement.privacy`); only the headline figures of the whole period are
computed on raw counts (and hidden when the period itself has too few participants).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.engagement import (
    cohorts,
    concentration,
    fatigue,
    milestones,
    representativeness,
    rotation,
)
from analytics.engagement.cohorts import Retention
from analytics.engagement.privacy import (
    mask_partition,
    mask_small_counts,
    safe_count,
    safe_share,
)
from analytics.engagement.representativeness import ChiSquare
from analytics.engagement.scope import LAPSE_MONTHS, Scope, Window, trailing_windows
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
    """True when the period has fewer participants than the minimum group size: nothing is shown."""


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


@dataclass(frozen=True)
class EngagementData:
    """All of the page's numbers for one scope (frames are suppressed, ready to show/export)."""

    scope: Scope
    min_group_size: int
    headline: Headline
    rotation_quarter: pd.DataFrame
    rotation_year: pd.DataFrame
    frequency: pd.DataFrame
    concentration: pd.DataFrame
    lorenz: pd.DataFrame
    retention_table: pd.DataFrame
    survival_level: pd.DataFrame
    survival_initiative: pd.DataFrame
    year_transitions: pd.DataFrame
    volunteers: pd.DataFrame
    signal_counts: dict[str, int]
    fatigue_settings: fatigue.FatigueSettings
    attendance_yearly: pd.DataFrame
    attendance_trends: pd.DataFrame
    representation: dict[str, Representation]
    timeline_window: Window
    milestones: pd.DataFrame
    monthly_participants: pd.DataFrame
    lapsed_windows: tuple[Window, Window]
    """(earlier, recent) 12-month windows of the lapsed participants."""


def _representation(
    con: duckdb.DuckDBPyConnection, scope: Scope, dimension: str, min_group_size: int
) -> Representation:
    counts = representativeness.representation_counts(con, scope, dimension)
    table = representativeness.representation_table(counts)
    shown, unmatched = representativeness.masked_table(
        table, min_group_size, representativeness.unmatched(counts)
    )
    return Representation(
        dimension=dimension,
        table=shown,
        r_score=representativeness.r_score(table),
        dissimilarity=representativeness.dissimilarity(table),
        chi_square=representativeness.chi_square(table),
        unmatched=unmatched,
    )


def _headline(
    period: concentration.Concentration,
    newcomers: int,
    retention: Retention,
    lapsed: Retention,
    reps: dict[str, Representation],
    min_group_size: int,
) -> Headline:
    k = min_group_size
    hidden = period.participants < k
    return Headline(
        participants=safe_count(period.participants, k),
        attendances=None if hidden else period.attendances,
        newcomers=safe_count(newcomers, k),
        newcomer_share=safe_share(newcomers, period.participants, k),
        top10_share=None if hidden else period.top10_share,
        gini=None if hidden else period.gini,
        retention=safe_share(retention.retained, retention.earlier_active, k),
        previous_active=safe_count(retention.earlier_active, k),
        lapsed_12m=safe_count(lapsed.lapsed, k),
        lapsed_12m_share=safe_share(lapsed.lapsed, lapsed.earlier_active, k),
        r_score_quartier=None if hidden else reps["quartier"].r_score,
        r_score_age=None if hidden else reps["age_band"].r_score,
        dissimilarity_quartier=None if hidden else reps["quartier"].dissimilarity,
        dissimilarity_age=None if hidden else reps["age_band"].dissimilarity,
        hidden=hidden,
    )


def compute_engagement(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds,
    settings: fatigue.FatigueSettings | None = None,
) -> EngagementData:
    """Every number of the Engagement page for ``scope`` (period and filters).

    Period figures (headline, concentration by level and kind, representativeness) cover
    [start, end]; trends, cohorts and survival cover every year of data up to ``end`` (the last year
    may be incomplete); fatigue signals are measured at ``end``.
    """
    k = thresholds.min_group_size
    fatigue_settings = settings or fatigue.FatigueSettings()
    all_buckets = rotation.buckets(con, scope)
    hist = concentration.histograms(con, scope)
    period_hist = concentration.period_histogram(hist)
    period = concentration.concentration(
        period_hist["attendances_per_person"], period_hist["participants"]
    )
    reps = {
        dimension: _representation(con, scope, dimension, k)
        for dimension in representativeness.DIMENSIONS
    }
    lapsed = fatigue.lapsed_last_months(con, scope)
    window = milestones.timeline_window(scope)
    flagged = fatigue.flag_signals(fatigue.volunteer_signals(con, scope, fatigue_settings),
                                   fatigue_settings)
    monthly = milestones.monthly_participants(all_buckets, window)
    transitions = fatigue.year_transitions(con, scope)
    return EngagementData(
        scope=scope,
        min_group_size=k,
        headline=_headline(
            period, rotation.period_newcomers(con, scope)[1], cohorts.period_retention(con, scope),
            lapsed, reps, k,
        ),
        rotation_quarter=rotation.rotation_table(all_buckets, "quarter", k),
        rotation_year=rotation.rotation_table(all_buckets, "year", k),
        frequency=rotation.frequency_shares(rotation.frequency_classes(con, scope), k),
        concentration=concentration.concentration_table(hist, k),
        lorenz=(
            concentration.lorenz_curve(period_hist["attendances_per_person"],
                                       period_hist["participants"])
            if period.participants >= k else concentration.lorenz_curve([], [])
        ),
        retention_table=cohorts.retention_table(
            cohorts.cohort_activity(con, scope), scope.end.year, k
        ),
        survival_level=cohorts.survival_curves(cohorts.survival_data(con, scope, "level"), k),
        survival_initiative=cohorts.survival_curves(
            cohorts.survival_data(con, scope, "initiative"), k
        ),
        year_transitions=mask_partition(
            transitions, k, "previous_active", ["still_active", "lapsed"],
            {"previous_active": ["lapsed_share"], "lapsed": ["lapsed_share"]},
        ),
        volunteers=flagged.loc[flagged["signals"] > 0]
        .sort_values(["signals", "participant_id"], ascending=[False, True])
        .reset_index(drop=True),
        signal_counts=fatigue.signal_counts(flagged),
        fatigue_settings=fatigue_settings,
        attendance_yearly=fatigue.attendance_yearly(con, scope, k),
        attendance_trends=fatigue.attendance_trends(con, scope),
        representation=reps,
        timeline_window=window,
        milestones=milestones.milestones(con, scope, window),
        monthly_participants=mask_small_counts(monthly, k, {"participants": []}),
        lapsed_windows=trailing_windows(scope.end, LAPSE_MONTHS),
    )
