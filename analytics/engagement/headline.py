"""The counts behind the catalogue's engagement indicators and the page's headline figures, in one
query (sql/engagement/headline.sql), and the indicators' formulas over them
(:func:`catalogue_values`: the one home of the engagement family of the catalogue).

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

import duckdb

from analytics.engagement import concentration, representativeness
from analytics.engagement.scope import (
    LAPSE_MONTHS,
    Scope,
    preceding_window,
    run_query_row,
    trailing_windows,
)


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
     people, categories) = run_query_row(con, "headline", values)
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
