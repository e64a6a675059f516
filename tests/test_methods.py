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


OVERRIDES = {
    "PARTICIPATION_OVERLOAD_RATIO": "1.2",
    "PARTICIPATION_OVERLOAD_MIN_WEEKS": "6",
    "PARTICIPATION_MAX_DAILY_HOURS": "9.5",
    "PARTICIPATION_WORKDAY_END": "18:30",
}


@pytest.mark.parametrize(
    ("lang", "environ", "key", "says", "not_says"),
    [
        ("fr", {}, "agents.sustained_overload", "au moins 4 semaines ISO consécutives", "120"),
        ("fr", {}, "agents.sustained_overload", "dépassent 110\u202f% de leur capacité", "120"),
        ("fr", OVERRIDES, "agents.sustained_overload", "dépassent 120\u202f% de leur capacité",
         "110"),
        ("fr", OVERRIDES, "agents.sustained_overload", "au moins 6 semaines ISO", "4 semaines"),
        ("en", OVERRIDES, "agents.sustained_overload", "exceed 120% of that week's capacity",
         "110"),
        ("fr", {}, "legal.days_over_10h", "de plus de 10\u00a0h de travail", "9,5"),
        ("fr", OVERRIDES, "legal.days_over_10h", "de plus de 9,5\u00a0h de travail", "10\u00a0h"),
        ("en", OVERRIDES, "legal.days_over_10h", "more than 9.5\u00a0h of work", "10\u00a0h"),
        ("fr", {}, "hours.outside_share", "(8\u00a0h–19\u00a0h)", "18"),
        ("fr", OVERRIDES, "hours.outside_share", "(8\u00a0h–18\u00a0h\u00a030)", "19"),
        ("en", OVERRIDES, "hours.outside_share", "(8:00–18:30)", "19"),
        ("fr", {}, "legal.avg12_over_44h", "sur les 12 semaines finissant par celle-ci dépasse "
         "44\u00a0h", "{"),
        ("fr", {}, "legal.rest_under_11h", "moins de 11\u00a0h après", "{"),
        ("en", {}, "legal.weeks_over_48h", "more than 48\u00a0h, counted Monday", "{"),
    ],
)
def test_definitions_say_the_thresholds_in_force(
    lang: str, environ: dict[str, str], key: str, says: str, not_says: str
) -> None:
    """The methods page's definitions are templates filled with the thresholds in force
    (analytics.settings.load_thresholds: the defaults, or the environment's overrides)."""
    from analytics.methods import catalogue_table
    from analytics.settings import load_thresholds

    t = Translator(lang)
    table = catalogue_table(t, load_thresholds(environ))
    row = table[table[t("methods.col.key")] == key].iloc[0]
    text = str(row[t("methods.col.definition")])
    assert says in text
    assert not_says not in text


def test_every_definition_placeholder_is_a_threshold_it_uses() -> None:
    from string import Formatter

    from analytics.indicators import CATALOGUE

    for indicator in CATALOGUE:
        for template in (indicator.definition_fr, indicator.definition_en):
            names = {name for _, name, _, _ in Formatter().parse(template) if name}
            assert names <= set(indicator.uses), indicator.key


def test_the_methods_page_reads_the_environments_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """With PARTICIPATION_OVERLOAD_RATIO=1.2 in the environment, the page's default says 120 %."""
    from analytics.methods import catalogue_table

    monkeypatch.setenv("PARTICIPATION_OVERLOAD_RATIO", "1.2")
    t = Translator("fr")
    table = catalogue_table(t)
    text = str(table[table[t("methods.col.key")] == "agents.sustained_overload"].iloc[0, 2])
    assert "120\u202f%" in text and "110" not in text


@pytest.mark.parametrize(
    ("lang", "setting", "value"),
    [
        ("fr", "PARTICIPATION_OVERLOAD_RATIO", "110\u202f%"),
        ("fr", "PARTICIPATION_MAX_DAILY_HOURS", "10\u00a0h"),
        ("fr", "PARTICIPATION_WORKDAY_END", "19\u00a0h"),
        ("en", "PARTICIPATION_WORKDAY_END", "19:00"),
        ("fr", "PARTICIPATION_MIN_GROUP_SIZE", "5"),
        ("fr", "PARTICIPATION_LOAD_BANDS", "85\u202f% / 100\u202f% / 110\u202f%"),
    ],
)
def test_thresholds_read_as_in_the_definitions(lang: str, setting: str, value: str) -> None:
    from analytics.methods import thresholds_table
    from analytics.settings import Thresholds

    t = Translator(lang)
    table = thresholds_table(Thresholds(), t)
    row = table[table[t("methods.col.setting")] == setting].iloc[0]
    assert row[t("methods.col.value")] == value
