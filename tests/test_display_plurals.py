"""Plurals: a count-bearing message agrees with its count ("1 constat", "2 constats"), in French and
English, with no "(s)" left in any message."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from analytics.arbitration.effort import Estimate
from analytics.arbitration.present import estimate_text
from analytics.capacity.tables import over_capacity_text
from analytics.i18n import Translator, catalogue, counted
from analytics.ingest.messages import Message

NBSP_CHARS = {"\u00a0", "\u202f"}


def plain(text: str) -> str:
    return "".join(" " if ch in NBSP_CHARS else ch for ch in text)


@pytest.mark.parametrize(
    ("key", "lang", "count", "values", "expected"),
    [
        ("capacity.legal.count", "fr", 1, {}, "1 constat"),
        ("capacity.legal.count", "fr", 3, {}, "3 constats"),
        ("capacity.legal.count", "en", 1, {}, "1 finding"),
        ("capacity.legal.count", "en", 0, {}, "0 findings"),
        ("capacity.overload.count", "fr", 1, {}, "1 agent en surcharge prolongée."),
        ("capacity.overload.count", "fr", 2, {}, "2 agents en surcharge prolongée."),
        ("capacity.overload.count", "en", 1, {}, "1 agent in sustained overload."),
        ("capacity.load.missing_weeks", "fr", 1, {}, "1 semaine-agent sans aucune saisie (en gris)."),
        ("capacity.load.missing_weeks", "fr", 1234, {},
         "1 234 semaines-agents sans aucune saisie (en gris)."),
        ("capacity.load.missing_weeks", "en", 1, {}, "1 agent-week without any recorded time (grey)."),
        ("capacity.forecast.unscheduled", "fr", 1, {"hours": "12 h"},
         "1 projet sans date de fin à venir : ses 12 h restantes ne sont pas réparties."),
        ("capacity.forecast.unscheduled", "en", 2, {"hours": "12 h"},
         "2 projects without a coming end date: their 12 h left are not spread."),
        ("audit.count", "fr", 1, {"limit": "500"}, "1 événement (les 500 plus récents au plus)"),
        ("audit.count", "en", 1, {"limit": "500"}, "1 event (at most the 500 most recent)"),
        ("audit.count", "fr", 2000, {"limit": "500"}, "2 000 événements (les 500 plus récents au plus)"),
        ("eng.col.years_after", "fr", 1, {}, "Après 1 an"),
        ("eng.col.years_after", "fr", 3, {}, "Après 3 ans"),
        ("eng.col.years_after", "en", 1, {}, "After 1 year"),
        ("eng.months", "en", 1, {}, "1 month"),
        ("eng.months", "fr", 1, {}, "1 mois"),
        ("arb.effort.caption.projects", "fr", 1, {}, "1 projet terminé avec du temps saisi."),
        ("arb.effort.caption.projects", "en", 1, {}, "1 finished project with recorded time."),
        ("common.projects", "fr", 1, {}, "1 projet"),
        ("common.projects", "en", 12, {}, "12 projects"),
        ("common.months", "en", 1, {}, "1 month"),
        ("methods.unit.weeks", "fr", 1, {}, "1 semaine"),
        ("methods.unit.months", "en", 1, {}, "1 month"),
        ("data.summary.read", "fr", 1, {}, "1 ligne lue"),
        ("data.rows", "fr", 1, {}, "1 ligne"),
        ("data.rows", "en", 1200, {}, "1,200 rows"),
        ("data.summary.rejected", "fr", 1, {}, "1 refusée"),
        ("data.summary.rejected", "fr", 4, {}, "4 refusées"),
        ("data.summary.rejected", "en", 1, {}, "1 refused"),
        ("data.summary.accepted", "fr", 1, {}, "1 acceptée"),
        ("data.summary.added", "fr", 2, {}, "2 nouvelles"),
    ],
)
def test_counted_message_agrees_with_its_count(
    key: str, lang: str, count: int, values: dict[str, object], expected: str
) -> None:
    assert plain(counted(Translator(lang), key, count, **values)) == expected


@pytest.mark.parametrize(
    ("lang", "weeks_over", "weeks_away", "expected"),
    [
        ("fr", 1, 0, "CCAS : 1 semaine, jusqu'à 120 %"),
        ("fr", 3, 1, "CCAS : 3 semaines, jusqu'à 120 %, dont 1 sans aucune capacité (toute l'équipe "
                     "absente)"),
        ("en", 1, 2, "CCAS: 1 week, up to 120%, 2 of them with no capacity at all (the whole team "
                     "away)"),
    ],
)
def test_teams_over_capacity_read_with_plurals(
    lang: str, weeks_over: int, weeks_away: int, expected: str
) -> None:
    teams = pd.DataFrame({"service_name": ["CCAS"], "weeks_over": [weeks_over],
                          "weeks_without_capacity": [weeks_away], "peak_load_ratio": [1.2]})
    assert plain(over_capacity_text(teams, Translator(lang))) == expected


@pytest.mark.parametrize(
    ("lang", "projects", "months", "expected_start", "expected_end"),
    [
        ("fr", 1, 1, "Effort estimé à partir de 1 projet terminé comparable", "sur 1 mois."),
        ("en", 1, 1, "Effort estimated from 1 comparable finished project", "over 1 month."),
        ("en", 7, 6, "Effort estimated from 7 comparable finished projects", "over 6 months."),
    ],
)
def test_simulator_estimate_reads_with_plurals(
    lang: str, projects: int, months: int, expected_start: str, expected_end: str
) -> None:
    estimate = Estimate(requested=(), criteria=(), projects=projects, monthly_p50=10.0,
                        monthly_p80=15.0, total_p50=60.0, total_p80=90.0, months_p50=6.0)
    text = plain(estimate_text(estimate, months, Translator(lang), {}))
    assert text.startswith(expected_start)
    assert text.endswith(expected_end)


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("fr", 1, "mode strict : lignes refusées : 1, la première à la ligne 2"),
     ("en", 1, "strict mode: rejected rows: 1, the first at line 2")],
)
def test_strict_import_refusal_reads_with_plurals(lang: str, count: int, expected: str) -> None:
    message = Message("ingest.import.strict", count=count, line=2, column="date", reason="x")
    assert plain(message.render(Translator(lang))).startswith(expected)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_no_message_leaves_the_plural_to_the_reader() -> None:
    assert [key for key, texts in catalogue().items()
            if any(re.search(r"\((s|e|es)\)", text) for text in texts)] == []


def test_every_plural_message_has_both_forms_with_the_same_placeholders() -> None:
    forms = {key.rsplit(".", 1)[0] for key in catalogue() if key.endswith(".one")}
    for base in forms:
        one, other = catalogue()[f"{base}.one"], catalogue()[f"{base}.other"]
        for lang in (0, 1):
            assert placeholders(one[lang]) <= placeholders(other[lang]) | {"n", "count"}, base
