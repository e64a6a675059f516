"""The methods page's tables: the fixed method parameters are read from the constants that compute."""

from __future__ import annotations

import pytest

from analytics.arbitration.effort import MIN_COMPARABLE_PROJECTS
from analytics.capacity.forecast import HORIZON_WEEKS
from analytics.engagement.fatigue import NO_SHOW_RISE_MIN
from analytics.engagement.scope import LAPSE_MONTHS
from analytics.i18n import Translator, catalogue
from analytics.methods import METHOD_PARAMETERS, parameters_table


@pytest.mark.parametrize(
    ("lang", "row", "page", "value"),
    [
        ("fr", 0, "Capacité des équipes", f"{HORIZON_WEEKS} semaines"),
        ("en", 0, "Team capacity", f"{HORIZON_WEEKS} weeks"),
        ("fr", 2, "Arbitrage", str(MIN_COMPARABLE_PROJECTS)),
        ("fr", 4, "Arbitrage", "P80"),
        ("fr", 10, "Engagement", f"{LAPSE_MONTHS} mois"),
        ("en", 10, "Engagement", f"{LAPSE_MONTHS} months"),
        ("fr", 14, "Engagement", "20 h par mois"),
        ("fr", 17, "Engagement", f"{round(NO_SHOW_RISE_MIN * 100)}\u202f%"),
    ],
)
def test_parameters_table_reads_the_constants(lang: str, row: int, page: str, value: str) -> None:
    table = parameters_table(Translator(lang))
    assert len(table) == len(METHOD_PARAMETERS)
    assert list(table.iloc[row, :2]) == [page, value]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_parameter_has_a_meaning_in_both_languages(lang: str) -> None:
    meanings = parameters_table(Translator(lang)).iloc[:, 2]
    for parameter, meaning in zip(METHOD_PARAMETERS, meanings, strict=True):
        assert f"parameter.{parameter.name}" in catalogue()
        assert meaning and not meaning.startswith("parameter."), parameter.name
