"""The counts behind the page's headline figures, in one query (sql/engagement/headline.sql).

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
