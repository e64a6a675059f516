"""Small-group suppression: no group of fewer than ``Thresholds.min_group_size`` people is shown or
exported by the Engagement page (DESIGN.md, privacy).

A *group* is any set of people a number is about: the participants of a quarter, the newcomers of a
cohort, the residents of a quartier who took part, the participants of a level. A count of 1 to
``min_size − 1`` people is replaced by a missing value (shown as "–" / "< 5"), together with every
number computed from it (a share, a rate, a Gini). An empty group (0) reveals nobody and stays.
Individuals are only ever shown by their keyed pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd


def is_small(count: float | int | None, min_size: int) -> bool:
    """True when ``count`` people form a group too small to show (0 < count < min_size)."""
    if count is None or (isinstance(count, float) and np.isnan(count)):
        return False
    return 0 < count < min_size


def mask_small_counts(
    frame: pd.DataFrame,
    min_size: int,
    counts: Mapping[str, Iterable[str]],
) -> pd.DataFrame:
    """A copy of ``frame`` where small counts and the numbers derived from them are missing.

    ``counts`` maps each column holding a number of people to the columns computed from it (e.g.
    ``{"newcomers": ["newcomer_share"]}``); where that count is small (see :func:`is_small`), the count
    and its derived columns become NaN. Count columns become floats (NaN needs them).
    """
    masked = frame.copy()
    for column, derived in counts.items():
        values = pd.to_numeric(masked[column], errors="coerce").astype(float)
        small = (values > 0) & (values < min_size)
        masked[column] = values.mask(small)
        for other in derived:
            masked[other] = pd.to_numeric(masked[other], errors="coerce").astype(float).mask(small)
    return masked


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
    masked = frame.copy()
    columns = [total, *part_list]
    for column in columns + [c for cs in links.values() for c in cs]:
        masked[column] = pd.to_numeric(masked[column], errors="coerce").astype(float)
    values = masked[part_list].to_numpy(dtype=float)
    small_total = ((masked[total] > 0) & (masked[total] < min_size)).to_numpy()
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
            masked.loc[hide[:, j], column] = np.nan
    for column in [total, *links.get(total, [])]:
        masked.loc[small_total, column] = np.nan
    return masked


def safe_share(part: int, total: int, min_size: int) -> float | None:
    """``part / total``, or None when it would reveal a small group: the total, the part or the rest
    (total − part) counts 1 to ``min_size − 1`` people, or the total is 0."""
    if total <= 0 or any(is_small(count, min_size) for count in (total, part, total - part)):
        return None
    return part / total


def safe_count(count: int, min_size: int) -> int | None:
    """``count``, or None when it is a small group (1 to ``min_size − 1`` people)."""
    return None if is_small(count, min_size) else count


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
