"""Small-group suppression: no group of fewer than ``Thresholds.min_group_size`` people is shown or
exported by the Engagement page (DESIGN.md, privacy).

A *group* is any set of people a number is about: the participants of a quarter, the newcomers of a
cohort, the residents of a quartier who took part, the participants of a level. A count of 1 to
``min_size − 1`` people is replaced by a missing value (shown as "–" / "< 5"), together with every
number computed from it (a share, a rate, a Gini). An empty group (0) reveals nobody and stays: the
rule of :func:`analytics.disclosure.hide_small_count`, which hides a single count. Here are the
engagement tables' ways of applying it to whole columns, to partitions (parts adding up to a total
shown beside them) and to shares. Individuals are only ever shown by their keyed pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.disclosure import hide_small_count


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
