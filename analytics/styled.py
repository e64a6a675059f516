"""Tables shown with the session's number and date formats, rendered for ``st.dataframe`` cheaply.

``st.dataframe`` draws a pandas ``Styler`` by asking it for its HTML description (``_translate``)
and keeping each data cell's display text. pandas describes every cell on the way (classes,
attributes, visibility, header cells): about 40 ms for the capacity page's 530 × 9 service-week
table, the largest cost of that page's second visit. :func:`display_styler` gives a ``Styler``
(Streamlit recognises it by its exact type) whose description lists only the data cells' display
texts, from the same format functions, and only those that differ from the cell's plain text
(``str``), which Streamlit starts from; when anything but formats was asked of it (colours, hidden
cells, tooltips…) it describes itself as pandas does. tests/test_styled.py compares both.
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


def _data_cells(
    styler: Styler, sparse_index: bool, sparse_cols: bool, max_rows: int | None = None,
    max_cols: int | None = None, blank: str = "&nbsp;", dxs: list[dict] | None = None,
    trim: bool = True,
) -> dict[str, Any]:
    """``Styler._translate`` reduced to the data cells' ids and display texts (see the module)."""
    if not only_formats(styler):
        return Styler._translate(styler, sparse_index, sparse_cols, max_rows, max_cols, blank, dxs,
                                 trim)
    row, col, show = styler.css["row"], styler.css["col"], styler._display_funcs
    plain = styler.data.astype(str).to_numpy()  # where Streamlit starts from: cells equal to it
    body = [[{"id": f"{row}{r}_{col}{c}", "display_value": text}  # need not be listed
             for c, value in enumerate(values)
             if (text := show[(r, c)](value)) != plain[r, c]]
            for r, values in enumerate(styler.data.itertuples(index=False, name=None))]
    return {"uuid": styler.uuid, "table_styles": [], "caption": styler.caption, "head": [],
            "body": body, "cellstyle": [], "cellstyle_index": [], "cellstyle_columns": []}


def display_styler(frame: pd.DataFrame) -> Styler:
    """``frame.style``, described to ``st.dataframe`` by its data cells only (chain ``.format`` on
    it as on ``frame.style``)."""
    styler = frame.style
    styler._translate = types.MethodType(_data_cells, styler)  # type: ignore[method-assign]
    return styler
