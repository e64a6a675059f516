"""The column-mapping editor of the Data page speaks the reader's language: expected columns by
label, « (absent) » for a column the file lacks, never a code or "None"."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.i18n import Translator, catalogue
from analytics.ingest.formats import PSEUDO_COLUMNS
from analytics.mapping_view import field_label, mapping_edits, mapping_view
from analytics.schema import TABLES

TABLE = pd.DataFrame({"column": ["agent_id", "work_date", "hours", "agent_name"],
                      "header": ["Employee", "Day", None, None]})


@pytest.mark.parametrize(
    ("lang", "labels", "headers"),
    [
        ("fr", ["Identifiant de l'agent", "Date travaillée", "Heures", "Nom de l'agent"],
         ["Employee", "Day", "(absente)", "(absente)"]),
        ("en", ["Agent id", "Work date", "Hours", "Agent name"],
         ["Employee", "Day", "(absent)", "(absent)"]),
    ],
)
def test_the_editor_shows_labels_and_absent(lang: str, labels: list[str], headers: list[str]) -> None:
    view = mapping_view(TABLE, Translator(lang))
    assert view["column"].tolist() == labels
    assert view["header"].tolist() == headers


def test_edits_come_back_as_codes_and_none() -> None:
    t = Translator("fr")
    edited = mapping_view(TABLE, t).assign(header=["Employee", "(absente)", "Durée", None])
    back = mapping_edits(edited, TABLE, t)
    assert back.to_dict("list") == {"column": ["agent_id", "work_date", "hours", "agent_name"],
                                    "header": ["Employee", None, "Durée", None]}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_expected_column_has_a_label_in_both_languages(table: str) -> None:
    for column in (*TABLES[table], *PSEUDO_COLUMNS.get(table, ())):
        assert f"data.field.{column}" in catalogue(), column
        assert field_label(column, Translator("en")) != column
