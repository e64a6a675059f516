"""The evaluation report a council reads (issue 15): the town and the period on top, a one-page
summary of findings in plain French, indicator labels (never raw keys), no row about one resident,
long lists left to a CSV beside the report, within 6 A4 pages (tests/browser/test_report_print.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

import duckdb
import pytest

from analytics.engagement.page import EngagementData, compute_engagement
from analytics.engagement.report import build_report, printable, summary_findings
from analytics.engagement.scope import Scope
from analytics.i18n import Translator
from analytics.indicators import INDICATOR_KEYS
from analytics.settings import DEFAULT_TOWN_NAME, Thresholds, town_name
from tests.test_engagement_store import PERIOD, TINY_TOWN, store_with

DEMO_YEAR = Scope(date(2025, 12, 1), date(2026, 11, 30))
"""The demo's last twelve months (its 'today' is 30 Nov 2026)."""
PSEUDONYM = re.compile(r"p_[0-9a-f]{24}")
KEY_LIKE = re.compile(r"\b[a-z_]+\.[a-z_]+\b")


def visible_text(html: str) -> str:
    """What a reader sees: no script, no style, no tag; spaces made ordinary."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"[\u202f\xa0\u2009]", " ", text)


def render(data: EngagementData, lang: str = "fr", town: str = "Loos-en-Gohelle") -> str:
    return build_report(data, Translator(lang), town=town, service_label="Tous", level_label="Tous",
                        generated_at=datetime(2026, 12, 1, 9, 30))


def as_elected(data: EngagementData) -> EngagementData:
    """What the page's loader gives an elected official: no volunteer row."""
    return replace(data, fatigue=replace(data.fatigue,
                                         volunteers=data.fatigue.volunteers.iloc[0:0]))


@pytest.fixture(scope="module")
def demo_data(demo_con: duckdb.DuckDBPyConnection) -> EngagementData:
    return compute_engagement(demo_con.cursor(), DEMO_YEAR, Thresholds())


@pytest.fixture(scope="module")
def demo_reports(demo_data: EngagementData) -> dict[str, str]:
    return {"elected": render(as_elected(demo_data)), "direction": render(demo_data)}


def tiny(k: int) -> EngagementData:
    con = store_with(TINY_TOWN)
    try:
        return compute_engagement(con, PERIOD, Thresholds(min_group_size=k))
    finally:
        con.close()


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, DEFAULT_TOWN_NAME),
    ({"PARTICIPATION_TOWN_NAME": "Loos-en-Gohelle"}, "Loos-en-Gohelle"),
    ({"PARTICIPATION_TOWN_NAME": "  "}, DEFAULT_TOWN_NAME),
])
def test_the_town_name_is_a_setting(environ: dict[str, str], expected: str) -> None:
    assert town_name(environ) == expected


@pytest.mark.parametrize("role", ["elected", "direction"])
def test_town_and_period_are_on_top(demo_reports: dict[str, str], role: str) -> None:
    top = visible_text(demo_reports[role])[:600]
    assert "Loos-en-Gohelle" in top
    assert "du 1er déc. 2025 au 30 nov. 2026" in top


@pytest.mark.parametrize(("k", "expected"), [
    (1, "8 habitants ont participé au moins une fois à un rendez-vous de la période "
        "(12 présences) ; 62,5 % d'entre eux venaient pour la première fois."),
    (1, "Les 10 % les plus assidus totalisent 25 % des présences ; l'indice de Gini est de 0,23 "
        "(0 = présences également réparties, 1 = toutes chez une seule personne)."),
    (5, "8 habitants ont participé au moins une fois à un rendez-vous de la période "
        "(12 présences) ; la part de nouveaux venus n'est pas publiée (moins de 5 personnes)."),
    (5, "Les 10 % les plus assidus : part non publiée (moins de 5 personnes) ; l'indice de Gini "
        "est de 0,23"),
    (5, "Perdus de vue : non publié (moins de 5 personnes)."),
    (1, "Fidélisation : 42,9 % des 7 participants de la période précédente sont revenus."),
    (1, "4 participants venus entre le 1er janv. 2024 et le 31 déc. 2024 ne sont plus venus "
        "depuis, soit 57,1 % de ceux venus alors."),
    (1, "Bénévoles suivis : 1, dont 0 avec au moins un signal de fatigue (section « Érosion et "
        "fatigue »)."),
    (5, "Bénévoles : signaux de fatigue non publiés (moins de 5 personnes)."),
    (9, "Moins de 9 habitants ont participé sur la période et ces filtres : aucun chiffre n'est "
        "publié, pour protéger les personnes."),
])
def test_the_summary_says_each_finding_in_one_sentence(k: int, expected: str) -> None:
    summary = " ".join(summary_findings(tiny(k), Translator("fr")))
    assert expected in summary.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("role", ["elected", "direction"])
@pytest.mark.parametrize("finding", [
    r"\d[\d ]* habitants ont participé au moins une fois",
    r"Fidélisation : [\d,]+ % des [\d ]+ participants de la période précédente sont revenus",
    r"[\d ]+ participants venus entre le .+ et le .+ ne sont plus venus depuis",
    r"Représentation par quartier : le quartier qui participe le moins le fait à un taux égal à "
    r"[\d,]+ % de celui qui participe le plus",
    r"Les 10 % les plus assidus totalisent [\d,]+ % des présences",
])
def test_the_demo_summary_has_its_numbers(demo_reports: dict[str, str], role: str,
                                          finding: str) -> None:
    text = visible_text(demo_reports[role])
    summary = text[text.index("Synthèse"):text.index("Synthèse") + 3000]
    assert re.search(finding, summary), summary


@pytest.mark.parametrize("role", ["elected", "direction"])
def test_no_raw_indicator_key_is_printed(demo_reports: dict[str, str], role: str) -> None:
    keys = set(INDICATOR_KEYS)
    found = [key for key in KEY_LIKE.findall(visible_text(demo_reports[role])) if key in keys]
    assert found == []
    assert not re.findall(r"\b(?:eng|ind|vocab)\.[a-z_]+", visible_text(demo_reports[role]))


@pytest.mark.parametrize("role", ["elected", "direction"])
def test_no_pseudonym_is_printed(demo_reports: dict[str, str], role: str) -> None:
    assert PSEUDONYM.findall(demo_reports[role]) == []


@pytest.mark.parametrize(("role", "present", "absent"), [
    ("elected", "moins de 5 personnes", "− 1 personnes"),
    ("direction", "moins de 5 personnes", "de 1 à 5"),
])
def test_the_small_group_rule_reads_plainly(demo_reports: dict[str, str], role: str,
                                            present: str, absent: str) -> None:
    text = visible_text(demo_reports[role])
    assert present in text and absent not in text


@pytest.mark.parametrize("role", ["elected", "direction"])
def test_long_lists_are_left_to_the_csv(demo_data: EngagementData, demo_reports: dict[str, str],
                                        role: str) -> None:
    html = demo_reports[role]
    assert len(demo_data.milestones.milestones) > 100  # the demo's 174-row list of milestones
    assert html.count("<tr") <= 80
    assert "cailloux_blancs.csv" in visible_text(html)


def test_text_from_the_data_is_still_escaped_in_the_summary() -> None:
    html = render(tiny(1), town='<b>Ville</b> & "Cie"')
    assert "<b>Ville</b>" not in html and "&lt;b&gt;Ville&lt;/b&gt; &amp; &quot;Cie&quot;" in html


def test_the_report_reads_in_english_too() -> None:
    text = visible_text(render(tiny(1), "en"))
    assert "8 residents attended at least one event of the period (12 attendances)" in text
    assert "Summary" in text


@pytest.mark.parametrize(("title", "printed"), [
    ("Participants (personnes)", "Participants (personnes)"),
    ("Participants de l'année précédente (personnes)",
     "Participants de l'année<br>précédente (personnes)"),
])
def test_long_axis_titles_take_two_lines_in_the_short_charts(title: str, printed: str) -> None:
    figure = {"data": [], "layout": {"yaxis": {"title": {"text": title}}}}
    assert printable(figure)["layout"]["yaxis"]["title"]["text"] == printed
    assert figure["layout"]["yaxis"]["title"]["text"] == title  # the page's figure is untouched
