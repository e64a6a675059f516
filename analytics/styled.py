"""Tables shown with the session's number and date formats, rendered for ``st.dataframe`` cheaply.

``st.dataframe`` draws a pandas ``Styler`` by asking it for its HTML description (``_translate``)
and keeping each data cell's display text. pandas describes every cell on the way (classes,
attributes, visibility, header cells): about 40 ms for the capacity page's 530 × 9 service-week
table, the largest cost of that page's second visit. :func:`display_styler` gives a ``Styler``
(Streamlit recognises it by its exact type) whose description lists only the data cells' display
texts, from the same format functions (each distinct value of a column formatted once), and only
those that differ from the cell's plain text (``astype(str)``), which Streamlit starts from; when
anything but formats was asked of it (colours, hidden cells, tooltips…) it describes itself as
pandas does. tests/test_styled.py compares both.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler


def each_value_once(show: Callable[[Any], str]) -> Callable[[Any], str]:
    """``show`` computed once per distinct value (a week's date repeats on every service's row;
    formatting a date with babel costs ~0.1 ms). Unhashable values are shown each time."""
    seen: dict[Any, str] = {}

    def once(value: Any) -> str:
        try:
            return seen[value]
        except KeyError:
            seen[value] = text = show(value)
            return text
        except TypeError:
            return show(value)

    return once


def only_formats(styler: Styler) -> bool:
    """True when nothing but value formats was asked of ``styler`` (no CSS, hidden cells…)."""
    return not (styler.ctx or styler.table_styles or styler.hidden_rows or styler.hidden_columns
                or styler.cell_context or styler.tooltips is not None or styler.concatenated)


def _column_texts(styler: Styler, c: int) -> list[Any]:
    """The display texts of column ``c``, each distinct value formatted once when the whole column
    has one format function (the usual case: ``.format`` sets one per column); of a column of
    Python objects, and of mixed formats, cell by cell."""
    show = styler._display_funcs
    values = styler.data.iloc[:, c]
    cells = values.tolist()
    first = show[(0, c)] if cells else None
    if values.dtype == object or any(show[(r, c)] is not first for r in range(1, len(cells))):
        return [show[(r, c)](value) for r, value in enumerate(cells)]
    seen: dict[Any, str] = {}
    out: list[Any] = []
    for value in cells:
        try:
            out.append(seen[value])
        except KeyError:
            out.append(seen.setdefault(value, first(value)))
    return out


def _differs(values: pd.Series, shown: list[Any]) -> list[bool]:
    """Which cells of a column Streamlit must be told of: those whose text (``str`` of the display
    value) is not the plain text it starts from (``astype(str)``, costly for a column of numbers:
    computed only when some text is its value's ``str``; listing a cell more changes nothing)."""
    cells = values.tolist()
    same = [str(text) == str(value) for text, value in zip(shown, cells, strict=True)]
    if not any(same):
        return [True] * len(cells)
    plain = values.astype(str).tolist()
    return [not (alike and str(text) == start)
            for alike, text, start in zip(same, shown, plain, strict=True)]


def _data_cells(
    styler: Styler, sparse_index: bool, sparse_cols: bool, max_rows: int | None = None,
    max_cols: int | None = None, blank: str = "&nbsp;", dxs: list[dict] | None = None,
    trim: bool = True,
) -> dict[str, Any]:
    """``Styler._translate`` reduced to the data cells' ids and display texts (see the module)."""
    if not only_formats(styler):
        return Styler._translate(styler, sparse_index, sparse_cols, max_rows, max_cols, blank, dxs,
                                 trim)
    row, col = styler.css["row"], styler.css["col"]
    texts = [_column_texts(styler, c) for c in range(styler.data.shape[1])]
    changed = [(c, shown, _differs(styler.data.iloc[:, c], shown)) for c, shown in enumerate(texts)]
    body = [[{"id": f"{row}{r}_{col}{c}", "display_value": shown[r]}
             for c, shown, differs in changed if differs[r]]
            for r in range(len(styler.data))]
    return {"uuid": styler.uuid, "table_styles": [], "caption": styler.caption, "head": [],
            "body": body, "cellstyle": [], "cellstyle_index": [], "cellstyle_columns": []}


def display_styler(frame: pd.DataFrame) -> Styler:
    """``frame.style``, described to ``st.dataframe`` by its data cells only (chain ``.format`` on
    it as on ``frame.style``)."""
    styler = frame.style
    styler._translate = types.MethodType(_data_cells, styler)  # type: ignore[method-assign]
    return styler
