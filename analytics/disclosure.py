"""Small-group protection for tables shown to elected officials and evaluators (pure).

In a town of 7,000 a count of 3 can name people. Two tools:

* :func:`suppress_small_counts` hides counts of people between 1 and ``min_size − 1`` (*primary*
  suppression) in a one- or two-way table of counts, then hides as few other cells as needed so that no
  hidden count can be recomputed from the totals (*complementary* suppression). Zero counts stay
  visible: an empty group names nobody, and hiding zeros would only make the other hidden cells easier
  to bound.
* :func:`merge_small_groups` folds groups (quartiers, age bands) with fewer than ``min_size`` people
  into one "other" group, itself at least ``min_size`` strong.

How complementary suppression works. The table with its margins is a set of equations: each row's
cells add up to the row total, each column's to the column total, and the totals to the grand total.
Totals printed in the table are cells like the others; totals not printed are assumed public (shown on
another page or in a report) when ``margins_public`` — the careful default — except where a line has a
single cell (its "total" would be the cell itself). A hidden cell can be recomputed exactly if and only
if it lies on no cycle of hidden-or-unknown cells across these equations (in graph terms: its cell is a
bridge of the bipartite row–column graph). So, while some primary cell can be recomputed, the cheapest
chain of visible cells that closes a cycle through it is hidden too (a shortest path where a visible
cell costs its value, so that small cells are preferred, and zeros are used only as a last resort).
In a one-way table with a total this hides the next-smallest count; in a two-way table it hides the
corners of the cheapest rectangle. The result is stable: no hidden primary cell can be recomputed.

Shares, rates or means derived from a count must be computed *after* suppression (from the returned
frame), or they give the hidden count away.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import pandas as pd

COUNT_DTYPE = "Int64"
"""Suppressed tables hold nullable integers: hidden cells are ``pd.NA``."""

_SHOWN, _PUBLIC, _UNKNOWN, _HIDDEN = "shown", "public", "unknown", "hidden"


@dataclass(frozen=True)
class Suppressed:
    """A table after small-group suppression.

    ``frame`` is a copy of the input with the count (and total) columns as nullable integers, hidden
    cells ``<NA>``; ``mask`` is True where a value is hidden (primary or complementary), ``primary``
    where it is hidden because 0 < n < min_size. Both masks have the input's index and the count
    columns followed by the total column. ``unprotected`` lists (row, column) cells that the totals
    assumed public elsewhere give away whatever the table hides (a table of one row, say): such a table
    should not be shown at all.
    """

    frame: pd.DataFrame
    mask: pd.DataFrame
    primary: pd.DataFrame
    unprotected: tuple[tuple[Hashable, str], ...]

    @property
    def hidden_cells(self) -> int:
        """How many cells are hidden."""
        return int(self.mask.to_numpy().sum())


def _checked_counts(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"unknown count columns {missing}")
    values = frame[list(columns)]
    if values.isna().to_numpy().any():
        raise ValueError("counts may not be missing: fill absent combinations with 0")
    numeric = values.apply(pd.to_numeric, errors="raise").astype("float64")
    array = numeric.to_numpy()
    if (array < 0).any() or (array != array.round()).any():
        raise ValueError("counts must be whole numbers ≥ 0")
    return numeric.astype("int64")


def suppress_small_counts(
    frame: pd.DataFrame,
    count_columns: Sequence[str],
    min_size: int,
    *,
    total_row: Hashable | None = None,
    total_column: str | None = None,
    margins_public: bool = True,
) -> Suppressed:
    """Hide counts of 1 … ``min_size − 1`` and the complementary cells that would reveal them.

    ``frame``: one row per group (e.g. quartier), one column per count (one column: a one-way table;
    several, e.g. age bands: a two-way table); its index must be unique. ``total_row``: the index label
    of a row of column totals, if the table has one; ``total_column``: the column of row totals, if any.
    Totals must be sums of the counts (a distinct count of people over several columns is not a sum:
    pass it as a count column instead). ``margins_public``: whether totals not printed in this table
    are known anyway. ``min_size`` ≤ 1 hides nothing. The input is never modified.
    """
    if not frame.index.is_unique:
        raise ValueError("the table's index must be unique (one row per group)")
    if total_row is not None and total_row not in frame.index:
        raise ValueError(f"total row {total_row!r} is not in the index")
    if total_column is not None and total_column in count_columns:
        raise ValueError("the total column may not also be a count column")
    columns = list(count_columns)
    checked = [*columns, total_column] if total_column is not None else columns
    counts = _checked_counts(frame, checked)
    interior_rows = [label for label in frame.index if total_row is None or label != total_row]
    inner = counts.loc[interior_rows, columns]
    grid = _augmented_grid(inner, counts, total_row, total_column)
    status = _initial_status(len(interior_rows), len(columns), total_row, total_column, margins_public)
    primary = {
        cell for cell, state in status.items()
        if state == _SHOWN and 0 < grid[cell] < min_size
    }
    for cell in primary:
        status[cell] = _HIDDEN
    unprotected = _protect(grid, status, primary, len(interior_rows), len(columns))
    return _result(frame, columns, total_row, total_column, interior_rows, status, primary, unprotected)


Cell = tuple[int, int]


def _augmented_grid(
    inner: pd.DataFrame, counts: pd.DataFrame, total_row: Hashable | None, total_column: str | None
) -> dict[Cell, int]:
    """Values of the (rows + 1) × (columns + 1) table with its margins (last row and column)."""
    values = inner.to_numpy()
    n_rows, n_cols = values.shape
    grid: dict[Cell, int] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            grid[(i, j)] = int(values[i, j])
        grid[(i, n_cols)] = int(values[i].sum())
    for j in range(n_cols):
        grid[(n_rows, j)] = int(values[:, j].sum())
    grid[(n_rows, n_cols)] = int(values.sum())
    if total_column is not None:
        given = counts.loc[inner.index, total_column].to_numpy()
        if (given != values.sum(axis=1)).any():
            raise ValueError(f"column {total_column!r} is not the sum of the count columns")
    if total_row is not None:
        given_row = counts.loc[total_row, list(inner.columns)].to_numpy()
        if (given_row != values.sum(axis=0)).any():
            raise ValueError(f"row {total_row!r} is not the sum of the other rows")
        if total_column is not None and counts.loc[total_row, total_column] != values.sum():
            raise ValueError("the grand total is not the sum of the counts")
    return grid


def _initial_status(
    n_rows: int, n_cols: int, total_row: Hashable | None, total_column: str | None, public: bool
) -> dict[Cell, str]:
    """Printed cells are shown; unprinted totals are public (or unknown for single-cell lines)."""
    status: dict[Cell, str] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            status[(i, j)] = _SHOWN
        row_total_known = public and n_cols >= 2
        status[(i, n_cols)] = _SHOWN if total_column is not None else (
            _PUBLIC if row_total_known else _UNKNOWN
        )
    for j in range(n_cols):
        column_total_known = public and n_rows >= 2
        status[(n_rows, j)] = _SHOWN if total_row is not None else (
            _PUBLIC if column_total_known else _UNKNOWN
        )
    both_printed = total_row is not None and total_column is not None
    status[(n_rows, n_cols)] = _SHOWN if both_printed else (_PUBLIC if public else _UNKNOWN)
    return status


def _open_edges(status: dict[Cell, str]) -> set[Cell]:
    return {cell for cell, state in status.items() if state in (_HIDDEN, _UNKNOWN)}


def _connected_without(edges: set[Cell], removed: Cell, n_rows: int) -> bool:
    """Whether row node and column node of ``removed`` stay connected through the other open cells."""
    start, goal = ("r", removed[0]), ("c", removed[1])
    adjacency: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for cell in edges - {removed}:
        row, col = ("r", cell[0]), ("c", cell[1])
        adjacency.setdefault(row, []).append(col)
        adjacency.setdefault(col, []).append(row)
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for nxt in adjacency.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def _cheapest_closing_path(
    grid: dict[Cell, int], status: dict[Cell, str], removed: Cell, n_rows: int, n_cols: int
) -> list[Cell] | None:
    """Shown cells to hide so that ``removed`` lies on a cycle: a shortest path from its row to its
    column through other cells (open cells free, shown cells at their cost, public cells closed)."""
    zero_cost = sum(value for cell, value in grid.items() if status[cell] == _SHOWN) + 1

    def cost(cell: Cell) -> int | None:
        state = status[cell]
        if cell == removed or state == _PUBLIC:
            return None
        if state in (_HIDDEN, _UNKNOWN):
            return 0
        value = grid[cell]
        return 1 + (value if value > 0 else zero_cost)

    start, goal = ("r", removed[0]), ("c", removed[1])
    best: dict[tuple[str, int], int] = {start: 0}
    previous: dict[tuple[str, int], tuple[tuple[str, int], Cell]] = {}
    queue: list[tuple[int, tuple[str, int]]] = [(0, start)]
    while queue:
        distance, node = heapq.heappop(queue)
        if node == goal:
            break
        if distance > best.get(node, distance):
            continue
        kind, index = node
        neighbours = range(n_cols + 1) if kind == "r" else range(n_rows + 1)
        for other in neighbours:
            cell = (index, other) if kind == "r" else (other, index)
            step = cost(cell)
            if step is None:
                continue
            nxt = ("c", other) if kind == "r" else ("r", other)
            candidate = distance + step
            if candidate < best.get(nxt, candidate + 1):
                best[nxt] = candidate
                previous[nxt] = (node, cell)
                heapq.heappush(queue, (candidate, nxt))
    if goal not in previous:
        return None
    path: list[Cell] = []
    node = goal
    while node != start:
        node, cell = previous[node]
        if status[cell] == _SHOWN:
            path.append(cell)
    return path


def _protect(
    grid: dict[Cell, int], status: dict[Cell, str], primary: set[Cell], n_rows: int, n_cols: int
) -> list[Cell]:
    """Hide complementary cells until no primary cell can be recomputed; return those that cannot be
    protected (given away by public totals)."""
    unprotected: list[Cell] = []
    while True:
        edges = _open_edges(status)
        exposed = [
            cell for cell in sorted(primary)
            if cell not in unprotected and not _connected_without(edges, cell, n_rows)
        ]
        if not exposed:
            return unprotected
        cell = exposed[0]
        path = _cheapest_closing_path(grid, status, cell, n_rows, n_cols)
        if not path:
            unprotected.append(cell)
            continue
        for extra in path:
            status[extra] = _HIDDEN


def _result(
    frame: pd.DataFrame,
    columns: list[str],
    total_row: Hashable | None,
    total_column: str | None,
    interior_rows: list[Hashable],
    status: dict[Cell, str],
    primary: set[Cell],
    unprotected: list[Cell],
) -> Suppressed:
    n_rows, n_cols = len(interior_rows), len(columns)
    out_columns = [*columns, total_column] if total_column is not None else columns

    def label(cell: Cell) -> tuple[Hashable, str] | None:
        i, j = cell
        row = interior_rows[i] if i < n_rows else total_row
        col = columns[j] if j < n_cols else total_column
        if row is None or col is None:
            return None
        return row, col

    result = frame.copy()
    for column in out_columns:
        result[column] = result[column].astype(COUNT_DTYPE)
    mask = pd.DataFrame(False, index=frame.index, columns=out_columns)
    primary_mask = mask.copy()
    for cell, state in status.items():
        where = label(cell)
        if state != _HIDDEN or where is None:
            continue
        result.loc[where[0], where[1]] = pd.NA
        mask.loc[where[0], where[1]] = True
        if cell in primary:
            primary_mask.loc[where[0], where[1]] = True
    gaps = tuple(where for cell in unprotected if (where := label(cell)) is not None)
    return Suppressed(frame=result, mask=mask, primary=primary_mask, unprotected=gaps)


def hide_small_count(value: float | None, min_size: int) -> float | None:
    """A single count of people as it may be shown: None (shown "–") when 0 < value < ``min_size``.

    For a tile such as "agents in sustained overload" shown to elected officials or evaluators.
    """
    if value is None or value != value:  # None or NaN: undefined stays undefined
        return None
    return None if 0 < value < min_size else value


@dataclass(frozen=True)
class Merged:
    """Groups after merging the small ones: ``frame`` (kept groups in their order, then the "other"
    row if any) and ``merged`` (the groups folded into "other", in their original order)."""

    frame: pd.DataFrame
    merged: tuple[Hashable, ...]


def merge_small_groups(
    frame: pd.DataFrame,
    group_column: str,
    size_column: str,
    min_size: int,
    other_label: str,
    sum_columns: Sequence[str] = (),
) -> Merged:
    """Fold every group of 1 … ``min_size − 1`` people into one ``other_label`` group.

    ``size_column`` is the headcount that decides (e.g. participants); ``sum_columns`` are other counts
    added up in the "other" row (e.g. attendances, population). If the folded groups total fewer than
    ``min_size``, the next-smallest groups join them until "other" reaches ``min_size``; if the whole
    table is smaller than that, everything is "other" with its counts hidden (``<NA>``). Empty groups
    (0) are kept: they name nobody. Only ``group_column``, ``size_column`` and ``sum_columns`` are
    returned; the input is never modified.
    """
    kept_columns = [group_column, size_column, *sum_columns]
    numbers = kept_columns[1:]
    table = frame[kept_columns].reset_index(drop=True)
    sizes = table[size_column]
    small = list(table.index[(sizes > 0) & (sizes < min_size)])
    if not small:
        return Merged(frame=_nullable(table, numbers), merged=())
    candidates = sorted(
        (i for i in table.index if i not in small and sizes[i] > 0), key=lambda i: (sizes[i], i)
    )
    while sizes[small].sum() < min_size and candidates:
        small.append(candidates.pop(0))
    folded = table.loc[sorted(small)]
    other = pd.DataFrame([{group_column: other_label, **{c: folded[c].sum() for c in numbers}}])
    result = _nullable(pd.concat([table.drop(index=small), other], ignore_index=True), numbers)
    if sizes[small].sum() < min_size:
        result.loc[result.index[-1], numbers] = pd.NA
    return Merged(frame=result, merged=tuple(folded[group_column]))


def _nullable(table: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """A copy whose ``columns`` are nullable numbers (Int64 for whole numbers, else Float64)."""
    return table.assign(**{c: table[c].convert_dtypes() for c in columns})


PEOPLE_COUNT_INDICATORS: tuple[str, ...] = (
    "agents.sustained_overload", "legal.days_over_10h", "legal.weeks_over_48h",
    "legal.avg12_over_44h", "legal.rest_under_11h", "engagement.participants", "engagement.lapsed",
)
"""Catalogue indicators that count people (or a person's days and weeks)."""
PARTICIPANT_RATIOS: tuple[str, ...] = (
    "engagement.newcomer_share", "engagement.top10_share", "engagement.gini", "engagement.retention",
)
"""Ratios over the period's participants: meaningless, and revealing, when they are too few."""


def protect_indicators(
    values: dict[str, float | int | None], min_size: int
) -> dict[str, float | int | None]:
    """A copy of catalogue values as they may be shown to a protected role.

    Counts of people under ``min_size`` (but not 0) become None (shown "–"); when the participants
    themselves are hidden, so are the ratios computed over them. ``min_size`` 1 hides nothing.
    """
    shown = dict(values)
    for key in PEOPLE_COUNT_INDICATORS:
        if key in shown:
            shown[key] = hide_small_count(shown[key], min_size)
    participants = values.get("engagement.participants")
    if participants is not None and 0 < participants < min_size:
        for key in PARTICIPANT_RATIOS:
            if key in shown:
                shown[key] = None
    return shown


def selectable_services(services: pd.DataFrame, min_size: int) -> pd.DataFrame:
    """The rows of ``services`` (with an ``agents`` count) a role may choose as a filter: those of at
    least ``min_size`` agents, so that no figure about a smaller team reaches officials or evaluators.
    ``min_size`` 1 keeps every service (the direction)."""
    if min_size <= 1:
        return services
    return services[services["agents"] >= min_size].reset_index(drop=True)
