"""The one small-group rule for elected officials and evaluators (pure; DESIGN.md, privacy).

In a town of 7,000 a count of 3 can name people. For a role whose floor ``min_size`` is above 1
(:func:`analytics.access.group_floor`: the setting ``min_group_size``, default 5, for ``elected``
and ``evaluator``; 1, hiding nothing, for the direction):

1. **Small counts.** A number of people from 1 to ``min_size − 1`` is hidden (shown "–", exported
   empty), and so is every number computed from it: a share, a rate, a mean, a score, a chart point.
   An empty group (0) names nobody and stays.
2. **Small scopes.** A scope (period and filters) whose population is from 1 to ``min_size − 1``
   people shows no number at all: every figure, table, chart and download of it is replaced by a
   sentence saying why (:func:`small_scope`).
3. **Complementary suppression.** A number that is shown must not give a hidden one back by
   subtraction: of a part and its total, the part is hidden when the rest (total − part) is small
   (:func:`shown_part`, :func:`safe_share`: newcomers and participants, retained and active); in a
   table whose rows add up to a total shown elsewhere, a lone hidden row takes the next smallest
   with it (:func:`hidden_rows`, :func:`mask_partition`: quartiers and age bands against the
   participants, newcomers and returning against the participants of a quarter); and a statistic
   computed over every row of such a table (representation score, dissimilarity index,
   chi-square) is hidden when any row is (:func:`statistics_shown`).

Every protected view goes through these functions: the Engagement page's headline, tabs and
downloads and its HTML report (:mod:`analytics.engagement`), the overview's tiles
(:func:`protect_indicators`) and the service filter (:func:`selectable_services`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd


def is_small(count: float | None, min_size: int) -> bool:
    """Whether ``count`` people is a small group: 1 to ``min_size − 1`` (0 and None are not)."""
    return count is not None and count == count and 0 < count < min_size


def small_scope(population: int, min_size: int) -> bool:
    """Whether a scope of ``population`` people must be hidden whole (rule 2)."""
    return is_small(population, min_size)


def shown_part(part: int, total: int, min_size: int) -> int | None:
    """``part`` of ``total`` people as it may be shown beside the total: None when the part or the
    rest (total − part) is a small group (newcomers 27 of 30 participants: 3 returning follow)."""
    if is_small(part, min_size) or is_small(total - part, min_size) or is_small(total, min_size):
        return None
    return part


def top_group_shown(participants: float | None, min_size: int, divisor: int = 10) -> bool:
    """Whether the share of the ⌈n / ``divisor``⌉ most active of ``participants`` people may be shown:
    only when that top group holds at least ``min_size`` people (of 30 participants, the top tenth is
    3 people, whose attendances the share gives away)."""
    if participants is None or participants != participants or participants <= 0:
        return True
    return -(-int(participants) // divisor) >= min_size


def statistics_shown(counts: Sequence[float], min_size: int) -> bool:
    """Whether a statistic computed over every group of a table (representation score,
    dissimilarity, chi-square) may be shown: only when no group of it is small (``counts``: every
    group's people, including those of no known group)."""
    return not any(is_small(float(count), min_size) for count in counts)


def hide_small_count(value: float | None, min_size: int) -> float | None:
    """A single count of people as it may be shown: None (shown "–") when 0 < value < ``min_size``.

    For a tile such as "agents in sustained overload" shown to elected officials or evaluators.
    """
    if value is None or value != value:  # None or NaN: undefined stays undefined
        return None
    return None if 0 < value < min_size else value


PEOPLE_COUNT_INDICATORS: tuple[str, ...] = (
    "agents.sustained_overload", "legal.days_over_10h", "legal.weeks_over_48h",
    "legal.avg12_over_44h", "legal.rest_under_11h", "engagement.participants", "engagement.lapsed",
)
"""Catalogue indicators that count people (or a person's days and weeks)."""
PARTICIPANT_RATIOS: tuple[str, ...] = (
    "engagement.newcomer_share", "engagement.top10_share", "engagement.gini", "engagement.retention",
    "representativeness.r_score_quartier",
)
"""Ratios over the period's participants: meaningless, and revealing, when they are too few."""
ENGAGEMENT_HEADLINE: tuple[str, ...] = (
    "engagement.participants", "engagement.newcomer_share", "engagement.top10_share",
    "engagement.gini", "engagement.retention", "representativeness.r_score_quartier",
)
"""Catalogue indicators that the Engagement page's headline computes under the full rule (with the
counts behind them: newcomers, each quartier's participants)."""


def protect_indicators(
    values: Mapping[str, float | int | None],
    min_size: int,
    headline: Mapping[str, float | int | None] | None = None,
) -> dict[str, float | int | None]:
    """A copy of catalogue values as they may be shown to a role of floor ``min_size``.

    Counts of people under ``min_size`` (but not 0) become None (shown "–"); when the participants
    themselves are hidden, so are the ratios computed over them. The values of
    :data:`ENGAGEMENT_HEADLINE` are taken from ``headline`` (the Engagement page's protected
    headline, :func:`analytics.engagement.page.headline_indicators`) when given: only it knows the
    counts behind a share or a score. Without it, a newcomers' share whose complement is a small
    group is hidden, and so is the quartiers' representation score (its quartiers are not known
    here). ``min_size`` 1 hides nothing.
    """
    shown = dict(values)
    if min_size <= 1:
        return shown
    for key in PEOPLE_COUNT_INDICATORS:
        if key in shown:
            shown[key] = hide_small_count(shown[key], min_size)
    participants = values.get("engagement.participants")
    if participants is not None and is_small(participants, min_size):
        for key in PARTICIPANT_RATIOS:
            if key in shown:
                shown[key] = None
    if not top_group_shown(participants, min_size) and "engagement.top10_share" in shown:
        shown["engagement.top10_share"] = None
    if headline is not None:
        shown.update({key: headline.get(key) for key in ENGAGEMENT_HEADLINE if key in shown})
        return shown
    share = values.get("engagement.newcomer_share")
    if share is not None and participants:
        newcomers = round(float(share) * float(participants))
        if shown_part(newcomers, int(participants), min_size) is None:
            shown["engagement.newcomer_share"] = None
    if "representativeness.r_score_quartier" in shown:
        shown["representativeness.r_score_quartier"] = None
    return shown


def selectable_services(services: pd.DataFrame, min_size: int) -> pd.DataFrame:
    """The rows of ``services`` (with an ``agents`` count) a role may choose as a filter: those of at
    least ``min_size`` agents, so that no figure about a smaller team reaches officials or evaluators.
    ``min_size`` 1 keeps every service (the direction)."""
    if min_size <= 1:
        return services
    return services[services["agents"] >= min_size].reset_index(drop=True)


def _floats(frame: pd.DataFrame, column: str) -> npt.NDArray[np.float64]:
    """A column as floats (missing or non-numeric values: NaN)."""
    return pd.to_numeric(frame[column], errors="coerce").astype(float).to_numpy()


def mask_small_counts(
    frame: pd.DataFrame,
    min_size: int,
    counts: Mapping[str, Iterable[str]],
) -> pd.DataFrame:
    """A copy of ``frame`` where small counts and the numbers derived from them are missing.

    ``counts`` maps each column holding a number of people to the columns computed from it (e.g.
    ``{"newcomers": ["newcomer_share"]}``); where that count is small (1 to ``min_size − 1``), the
    count and its derived columns become NaN. Count columns become floats (NaN needs them).
    """
    masked: dict[str, npt.NDArray[np.float64]] = {}
    for column, derived in counts.items():
        values = masked[column] if column in masked else _floats(frame, column)
        small = (values > 0) & (values < min_size)
        for name in [column, *derived]:
            current = masked[name] if name in masked else _floats(frame, name)
            masked[name] = np.where(small, np.nan, current)
    return frame.assign(**masked)


def mask_partition(
    frame: pd.DataFrame,
    min_size: int,
    total: str,
    parts: Iterable[str],
    derived: Mapping[str, Iterable[str]] | None = None,
) -> pd.DataFrame:
    """Suppress small counts in rows where ``parts`` add up to ``total`` (e.g. newcomers + returning =
    participants), so that no hidden count can be recovered by subtraction.

    Row by row: a small ``total`` hides everything; otherwise every small part is hidden and, when
    exactly one part is hidden, the smallest other non-empty part is hidden with it (secondary
    suppression).
    ``derived`` maps a column (the total or a part) to the columns computed from it, hidden with it.
    """
    part_list = list(parts)
    links = {name: list(columns) for name, columns in (derived or {}).items()}
    columns = [total, *part_list]
    masked = {column: _floats(frame, column)
              for column in columns + [c for cs in links.values() for c in cs]}
    values = np.column_stack([masked[name] for name in part_list]) if part_list else (
        np.empty((len(frame), 0))
    )
    small_total = (masked[total] > 0) & (masked[total] < min_size)
    hide = (values > 0) & (values < min_size)
    hide[small_total, :] = True
    single = hide.sum(axis=1) == 1
    if single.any() and len(part_list) > 1:
        positive = np.where(hide | (values <= 0), np.inf, values)
        any_other = np.where(hide, np.inf, values)
        partner = np.where(
            np.isfinite(positive).any(axis=1), np.argmin(positive, axis=1), np.argmin(any_other, axis=1)
        )
        rows = np.flatnonzero(single)
        hide[rows, partner[rows]] = True
    for j, name in enumerate(part_list):
        for column in [name, *links.get(name, [])]:
            masked[column] = np.where(hide[:, j], np.nan, masked[column])
    for column in [total, *links.get(total, [])]:
        masked[column] = np.where(small_total, np.nan, masked[column])
    return frame.assign(**masked)


def safe_share(part: int, total: int, min_size: int) -> float | None:
    """``part / total``, or None when it would reveal a small group: the total, the part or the rest
    (total − part) counts 1 to ``min_size − 1`` people, or the total is 0."""
    counts = (total, part, total - part)
    if total <= 0 or any(hide_small_count(count, min_size) is None for count in counts):
        return None
    return part / total


def hidden_rows(counts: Sequence[float], min_size: int) -> npt.NDArray[np.bool_]:
    """Which groups to hide when the groups' counts add up to a total shown elsewhere (the
    participants of a period split by quartier, plus those whose quartier is unknown).

    Every small group (1 to ``min_size − 1`` people) is hidden; when exactly one is, the smallest other
    non-empty group is hidden with it, so that no hidden count equals the total minus the shown ones.
    """
    values = np.asarray(counts, dtype=float)
    hide = (values > 0) & (values < min_size)
    if hide.sum() == 1:
        others = np.where(hide | (values <= 0), np.inf, values)
        if np.isfinite(others).any():
            hide[int(np.argmin(others))] = True
    return hide
