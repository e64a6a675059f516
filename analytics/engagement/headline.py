"""The Engagement page's headline and the catalogue's engagement indicators: the counts of one
query, ``read_sql("engagement/headline")`` (:func:`period_counts`), the indicators' formulas over
them (:func:`catalogue_values`: the one home of the engagement family of the catalogue, calling
:func:`.concentration.gini`, :func:`.concentration.top_share` and
:func:`.representativeness.r_score_of`) and the headline under the disclosure rule
(:func:`compute_overview`, what the page's loader calls).

* *participants*: distinct participants with at least one attended event in the period
  (``engagement.participants``); *newcomers*: those whose first attended event in the scope, ever,
  falls in the period (``engagement.newcomer_share`` = newcomers / participants);
* *period retention*: of the participants active in the preceding period (the same number of days,
  ending the day before the period starts), those also active in the period
  (``engagement.retention`` = retained / previous_active);
* *lapsed*: participants active in the :data:`LAPSE_MONTHS` months before the last
  :data:`LAPSE_MONTHS` months (windows ending at the period's end), and not in those last months;
* the period's attendance-count histogram (``values[j]`` attended events per person, ``people[j]``
  persons with that count), for the top-10 % share and the Gini (:mod:`.concentration`);
* per dimension of representativeness, the population of each category of the population table and
  the period's participants living in / of it, for the headline's representativeness scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final

import duckdb

from analytics.disclosure import (
    hide_small_count,
    safe_share,
    shown_part,
    small_scope,
    statistics_shown,
    top_group_shown,
)
from analytics.engagement import concentration, representativeness
from analytics.engagement.scope import (
    LAPSE_MONTHS,
    Scope,
    data_start,
    preceding_window,
    run_query_row,
    trailing_windows,
)
from analytics.settings import Thresholds
from analytics.store.db import read_sql


@dataclass(frozen=True)
class PeriodCounts:
    """Raw counts of one scope (nothing suppressed): see the module docstring."""

    participants: int
    newcomers: int
    previous_active: int
    retained: int
    lapse_earlier_active: int
    lapsed: int
    attendances_per_person: tuple[int, ...]
    """The histogram's values, ascending."""
    people: tuple[int, ...]
    """Participants with each of those counts."""
    representation: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=dict)
    """Per dimension ('quartier', 'age_band'): (population, participants of the period) of each
    category of the population table with population > 0, by category."""


def period_counts(
    con: duckdb.DuckDBPyConnection, scope: Scope, lapse_months: int = LAPSE_MONTHS
) -> PeriodCounts:
    """The headline's counts for ``scope``: one pass over the attendances of the earliest window."""
    previous = preceding_window(scope.start, scope.end)
    earlier, recent = trailing_windows(scope.end, lapse_months)
    values = scope.params(
        window_start=min(previous.start, earlier.start),
        previous_start=previous.start, previous_end=previous.end,
        lapse_earlier_start=earlier.start, lapse_earlier_end=earlier.end,
        lapse_recent_start=recent.start,
    )
    (participants, newcomers, previous_active, retained, earlier_active, lapsed, attendances,
     people, categories) = run_query_row(con, read_sql("engagement/headline"), values)
    representation = {
        dimension: (
            tuple(int(population) for name, population, _ in categories if name == dimension),
            tuple(int(active) for name, _, active in categories if name == dimension),
        )
        for dimension in dict.fromkeys(name for name, _, _ in categories)
    }
    return PeriodCounts(
        participants=int(participants), newcomers=int(newcomers),
        previous_active=int(previous_active), retained=int(retained),
        lapse_earlier_active=int(earlier_active), lapsed=int(lapsed),
        attendances_per_person=tuple(int(v) for v in attendances),
        people=tuple(int(n) for n in people),
        representation=representation,
    )


ENGAGEMENT_KEYS: tuple[str, ...] = (
    "engagement.participants", "engagement.newcomer_share", "engagement.top10_share",
    "engagement.gini", "engagement.retention", "engagement.lapsed",
    "representativeness.r_score_quartier",
)
"""The catalogue keys :func:`catalogue_values` computes (the ``engagement`` family)."""

QUARTIER: str = "quartier"
"""The population table's dimension of representativeness.r_score_quartier."""


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def catalogue_values(counts: PeriodCounts) -> dict[str, float | int | None]:
    """The catalogue's engagement indicators from one scope's counts — the one home of their
    formulas (the indicator catalogue, the Engagement page's headline and the overview's tiles all
    read them from here): newcomer share = newcomers ÷ participants, top-10 % share and Gini of the
    attendance histogram (:mod:`.concentration`), retention = retained ÷ previous_active, lapsed =
    previous_active − retained, R score of the quartiers (:func:`.representativeness.r_score_of`).
    None where a share has no whole (nothing is suppressed here)."""
    population, active = counts.representation.get(QUARTIER, ((), ()))
    return {
        "engagement.participants": counts.participants,
        "engagement.newcomer_share": _share(counts.newcomers, counts.participants),
        "engagement.top10_share": concentration.top_share(counts.attendances_per_person,
                                                          counts.people),
        "engagement.gini": concentration.gini(counts.attendances_per_person, counts.people),
        "engagement.retention": _share(counts.retained, counts.previous_active),
        "engagement.lapsed": counts.previous_active - counts.retained,
        "representativeness.r_score_quartier": representativeness.r_score_of(active, population),
    }


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
class Overview:
    """What the page shows above its tabs, for one scope: the headline figures."""

    scope: Scope
    min_group_size: int
    headline: Headline
    data_start: date | None = None
    """The first day of participation data (:func:`~.scope.data_start`), named where it shapes the
    newcomers, the cohorts and the trends."""



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



def compute_overview(
    con: duckdb.DuckDBPyConnection, scope: Scope, thresholds: Thresholds
) -> Overview:
    """The headline figures of ``scope`` (the period [start, end] and the filters)."""
    k = thresholds.min_group_size
    counts = period_counts(con, scope, LAPSE_MONTHS)
    return Overview(scope, k, _headline(counts, _scores(counts, k), k), data_start(con))
