"""Representativeness: does the public look like the town? Participants active in the period against
the population table (census), by quartier and by age band.

For each category *g* of the population table (population > 0):

* participation rate r_g = participants living in g / population of g;
* participant share p_g = participants in g / participants in any category of the table, population
  share q_g = population of g / population of the table, gap_g = p_g − q_g (in points: +0.05 = five
  points more present among participants than in the town);
* *representation score* R = min r_g / max r_g (1 = every group takes part at the same rate, 0 = some
  group is absent); for quartiers this is the catalogue's ``representativeness.r_score_quartier``;
* *dissimilarity index* D = ½ Σ |p_g − q_g|: the share of participants who would have to come from
  another group for the public to mirror the town (0 = identical make-up);
* a chi-square goodness-of-fit test of the participants' make-up against the population's, only when
  every expected count (participants × q_g) is at least :data:`CHI2_MIN_EXPECTED` (otherwise the test
  is not valid and not shown).

Participants whose quartier / age band is unknown or absent from the population table are counted
apart (``unmatched``), never in the rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import special  # not scipy.stats: importing it costs ~0.5 s on a first visit

from analytics.disclosure import hidden_rows

CHI2_MIN_EXPECTED: Final[float] = 5.0
"""The chi-square test is shown only when every expected count is at least 5 (Cochran's rule)."""
DIMENSIONS: Final[tuple[str, ...]] = ("quartier", "age_band")


def dimension_counts(counts: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """The rows of ``engagement/representation.sql`` (dimension, category, population,
    participants, in_population) for one dimension, without the dimension column."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {DIMENSIONS}")
    rows = counts.loc[counts["dimension"] == dimension].drop(columns="dimension").reset_index(drop=True)
    population = rows["population"]
    nullable = isinstance(population.dtype, pd.api.extensions.ExtensionDtype)
    if nullable and population.dtype.kind in "iu" and not population.hasnans:
        # as one dimension's own query would give it: nullable only with a missing value
        rows["population"] = population.astype(population.dtype.numpy_dtype)
    return rows


def representation_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Rates, shares and gaps of the categories of the population table (raw, not suppressed).

    Columns: category, population, participants, rate, participant_share, population_share, gap.
    """
    known = counts.loc[counts["in_population"].to_numpy(dtype=bool)]
    population = known["population"].to_numpy(dtype=float)
    participants = known["participants"].to_numpy(dtype=float)
    total_people = participants.sum()
    participant_share = (
        participants / total_people if total_people > 0 else np.full(len(known), np.nan)
    )
    population_share = population / population.sum()
    return pd.DataFrame({
        "category": known["category"].array,
        "population": known["population"].array,
        "participants": known["participants"].array,
        "rate": participants / population,
        "participant_share": participant_share,
        "population_share": population_share,
        "gap": participant_share - population_share,
    })


def unmatched(counts: pd.DataFrame) -> int:
    """Participants whose category is unknown or absent from the population table."""
    return int(counts.loc[~counts["in_population"], "participants"].sum())


def uncompared(counts: pd.DataFrame, min_group_size: int) -> tuple[list[str], bool]:
    """The participants' categories the population table does not have (a town's own age bands,
    a quartier the census does not name), which the rates cannot compare: (those held by at least
    ``min_group_size`` participants, by name; True when smaller ones exist, named only as "others"
    so that no small group is disclosed). Participants without a category are not listed."""
    outside = counts.loc[~counts["in_population"] & counts["category"].notna()
                         & (counts["participants"] > 0)]
    named = outside["participants"] >= min_group_size
    return sorted(map(str, outside.loc[named, "category"]), key=str.casefold), bool((~named).any())


def r_score_of(participants: npt.ArrayLike, population: npt.ArrayLike) -> float | None:
    """The R score (the one home of its formula: the catalogue's
    ``representativeness.r_score_quartier``, the age bands' score, the tab's tables): the lowest
    participation rate ÷ the highest, a category's rate being its participants ÷ its population
    (population > 0); a category without participant has rate 0, so the score is 0. None without
    categories or without participants."""
    rate = np.asarray(participants, dtype=float) / np.asarray(population, dtype=float)
    if not len(rate) or not rate.max() > 0:
        return None
    return float(rate.min() / rate.max())


def dissimilarity_of(participants: npt.ArrayLike, population: npt.ArrayLike) -> float | None:
    """Dissimilarity index ½ Σ |p_g − q_g| (p: share of the participants, q: share of the
    population in category g); None without participants."""
    active = np.asarray(participants, dtype=float)
    people = np.asarray(population, dtype=float)
    if not len(active) or not active.sum() > 0:
        return None
    return float(0.5 * np.abs(active / active.sum() - people / people.sum()).sum())


def r_score(table: pd.DataFrame) -> float | None:
    """:func:`r_score_of` over a :func:`representation_table`."""
    return r_score_of(table["participants"], table["population"])


def dissimilarity(table: pd.DataFrame) -> float | None:
    """:func:`dissimilarity_of` over a :func:`representation_table`."""
    return dissimilarity_of(table["participants"], table["population"])


@dataclass(frozen=True)
class ChiSquare:
    """A goodness-of-fit test, or the reason it is not shown (``reason`` is a message key).

    ``min_expected`` is the smallest expected count (participants × population share).
    """

    shown: bool
    statistic: float | None
    dof: int | None
    p_value: float | None
    min_expected: float | None
    reason: str | None


def chi_square(table: pd.DataFrame, min_expected: float = CHI2_MIN_EXPECTED) -> ChiSquare:
    """Chi-square test of the participants' make-up against the population's make-up.

    Not shown (``shown=False``) when there are fewer than two categories (reason
    ``eng.chi2.too_few_groups``), no participants (``eng.chi2.no_participants``), or some expected
    count is under ``min_expected`` (``eng.chi2.small_expected``).
    """
    if len(table) < 2:
        return ChiSquare(False, None, None, None, None, "eng.chi2.too_few_groups")
    observed = table["participants"].to_numpy(dtype=float)
    n = observed.sum()
    if n <= 0:
        return ChiSquare(False, None, None, None, None, "eng.chi2.no_participants")
    expected = n * table["population_share"].to_numpy(dtype=float)
    smallest = float(expected.min())
    if smallest < min_expected:
        return ChiSquare(False, None, None, None, smallest, "eng.chi2.small_expected")
    statistic, p_value = pearson_chi_square(observed, expected)
    return ChiSquare(True, statistic, len(table) - 1, p_value, smallest, None)


SUM_TOLERANCE: Final[float] = float(np.sqrt(np.finfo(float).eps))
"""Relative difference allowed between the observed and the expected totals (scipy's own)."""


def pearson_chi_square(observed: np.ndarray, expected: np.ndarray) -> tuple[float, float]:
    """Pearson's goodness-of-fit statistic and its p-value (chi-square with k - 1 degrees of
    freedom), as ``scipy.stats.chisquare`` computes them; like it, a ValueError when the two
    totals differ."""
    total_observed, total_expected = float(observed.sum()), float(expected.sum())
    if abs(total_observed - total_expected) / min(total_observed, total_expected) > SUM_TOLERANCE:
        raise ValueError("the observed and expected totals differ")
    statistic = float(((observed - expected) ** 2 / expected).sum())
    return statistic, float(special.chdtrc(len(observed) - 1, statistic))


def masked_table(
    table: pd.DataFrame, min_group_size: int, unmatched_count: int = 0
) -> tuple[pd.DataFrame, int | None]:
    """The table as shown and exported, and the unmatched count as shown (None when hidden).

    Groups of 1 to ``min_group_size − 1`` participants lose their count, rate, share and gap; as the
    groups and the unmatched participants add up to the period's participants (shown elsewhere), one
    more group is hidden when only one would be (:func:`privacy.hidden_rows`).
    """
    hide = hidden_rows([*table["participants"], unmatched_count], min_group_size)
    hidden_groups = hide[:-1]
    masked = table.assign(**{
        column: np.where(hidden_groups, np.nan, table[column].to_numpy(dtype=float))
        for column in ("participants", "rate", "participant_share", "gap")
    })
    return masked, None if hide[-1] else unmatched_count
