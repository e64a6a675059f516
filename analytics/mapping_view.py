"""The column-mapping editor of the Data page in the reader's language: each expected column by its
label (« Date travaillée », not ``work_date``) and « (absente) » for a column the file lacks, not
``None``. Pure functions between :func:`analytics.ingest.mapping.mapping_table`'s frame (codes,
None) and what the editor shows."""

from __future__ import annotations

import pandas as pd

from analytics.i18n import Translator


def field_label(column: str, t: Translator) -> str:
    """The label of an expected column (``data.field.<column>``); the code when it has none."""
    key = f"data.field.{column}"
    text = t(key)
    return column if text == key else text


def absent(t: Translator) -> str:
    """What a column the file lacks is shown as: « (absente) » in French, « (absent) » in English."""
    return t("data.header_absent")


def mapping_view(table: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """``table`` (column codes, headers or None) as the editor shows it: labels and « (absente) »."""
    return pd.DataFrame({
        "column": [field_label(str(column), t) for column in table["column"]],
        "header": [header if isinstance(header, str) and header else absent(t)
                   for header in table["header"]],
    })


def mapping_edits(edited: pd.DataFrame, table: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """The edited view back as ``table``'s codes, a header chosen as « (absente) » or left empty
    being None (the editor keeps the rows in ``table``'s order)."""
    headers = [None if not isinstance(header, str) or not header or header == absent(t) else header
               for header in edited["header"]]
    return pd.DataFrame({"column": list(table["column"]), "header": pd.Series(headers, dtype=object)})
