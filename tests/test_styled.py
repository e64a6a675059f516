"""Tables reach st.dataframe with the display texts pandas' own Styler would give, cell by cell."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from pandas.io.formats.style import Styler

from analytics.arbitration import present
from analytics.capacity import tables
from analytics.i18n import Translator
from analytics.styled import display_styler

FRAME = pd.DataFrame({
    "Service": pd.array(["Voirie", "<b>Écoles</b>", None], dtype="string"),
    "Semaine": [date(2026, 3, 30), date(2026, 4, 6), None],
    "Agents": pd.array([12, None, 3], dtype="Int64"),
    "Heures (h)": [1234.56, float("nan"), 0.04],
    "Charge (%)": [114.0, 85.25, None],
})


def _shown(styler: Styler, translated: dict) -> list[list[str]]:
    """The texts Streamlit shows for the styler's table (its own reading of a Styler)."""
    from streamlit.elements.lib.pandas_styler_utils import _use_display_values

    return _use_display_values(styler.data, translated).to_numpy().tolist()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("styled", [tables.styled, present.styled], ids=["capacity", "arbitration"])
def test_the_display_texts_are_pandas_own(lang: str, styled: object) -> None:
    styler = styled(FRAME, Translator(lang))  # type: ignore[operator]
    assert type(styler) is Styler  # Streamlit recognises a Styler by its exact type
    ours = _shown(styler, styler._translate(False, False))
    pandas_own = _shown(styler, Styler._translate(styler, False, False))
    assert ours == pandas_own
    assert ours[0][:4] == (["Voirie", "30/03/2026", "12", "1\u202f234,6"] if lang == "fr"
                           else ["Voirie", "30/03/2026", "12", "1,234.6"])


def test_a_styler_with_colours_is_described_by_pandas() -> None:
    styler = display_styler(FRAME).map(lambda _: "color: red", subset=["Agents"])
    styler._compute()
    translated = styler._translate(False, False)
    assert translated["cellstyle"] and translated["head"]


@pytest.mark.parametrize("subset", [
    pd.IndexSlice[0:1, "Heures (h)"],            # two formats in one column: cell by cell
    pd.IndexSlice[:, ["Agents", "Charge (%)"]],  # one format a column, values repeated
], ids=["rows of a column", "whole columns"])
def test_formats_of_part_of_a_table_are_pandas_own(subset: object) -> None:
    frame = pd.concat([FRAME, FRAME], ignore_index=True)  # each value twice
    styler = display_styler(frame).format(precision=2, decimal=",").format(
        lambda v: f"[{v}]", subset=subset)
    assert _shown(styler, styler._translate(False, False)) == _shown(
        styler, Styler._translate(styler, False, False))
