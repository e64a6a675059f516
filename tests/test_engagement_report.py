"""The downloadable report: self-contained HTML, every chart, French by default, nothing leaked."""

from __future__ import annotations

import re
from datetime import datetime

import duckdb
import pandas as pd
import pytest

from analytics.engagement.page import compute_engagement
from analytics.engagement.report import build_report, report_file_name
from analytics.engagement.sections import SECTION_KEYS, sections
from analytics.engagement.tables import format_table
from analytics.i18n import Translator
from analytics.settings import Thresholds
from tests.test_engagement_store import PERIOD, TINY_TOWN, store_with

CHARTS = 5
"""Charts the printed report keeps (the page has 16): participants per year, concentration per
year, cohort retention, year-on-year erosion, milestones (representativeness prints its tables)."""


@pytest.fixture(scope="module")
def report_fr() -> str:
    town = dict(TINY_TOWN)
    town["milestones"] = pd.concat([
        TINY_TOWN["milestones"],
        pd.DataFrame({"milestone_id": ["M3"], "project_id": ["P2"],
                      "achieved_on": [pd.Timestamp("2025-07-01").date()],
                      "title": ['<script>alert("x")</script> Bancs posés']}),
    ])
    con = store_with(town)
    data = compute_engagement(con, PERIOD, Thresholds())
    con.close()
    return build_report(
        data, Translator("fr"), town="Loos-en-Gohelle", service_label="Tous", level_label="Tous",
        generated_at=datetime(2026, 1, 15, 9, 30), origin_note="Données de démonstration",
    )


def _without_plotly_js(report: str) -> str:
    """The report minus the inline plotly.js bundle (the first script), so that assertions stay
    readable."""
    start = report.index("<script")
    return report[:start] + report[report.index("</script>", start) + len("</script>"):]


def test_the_report_is_self_contained(report_fr: str) -> None:
    assert report_fr.startswith("<!DOCTYPE html>")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", report_fr)
    external = [tag for tag in tags if re.search(r"\b(?:src|href)\s*=", tag)]
    assert external == []
    assert len(tags) == CHARTS + 1  # plotly.js inline, then one script per chart
    bundle = report_fr[: report_fr.index("</script>")]
    assert len(bundle) > 1_000_000 and "plotly" in bundle  # the library itself, not a link to it


def test_the_report_holds_its_charts_and_every_section(report_fr: str) -> None:
    assert report_fr.count('class="plotly-graph-div"') == CHARTS
    for key in SECTION_KEYS:
        assert f'<section id="{key}">' in report_fr
    assert "Définitions et méthodes" in report_fr


def test_the_report_speaks_french_with_french_numbers(report_fr: str) -> None:
    text = _without_plotly_js(report_fr).replace("\u202f", " ").replace("\xa0", " ")
    assert '<html lang="fr">' in text
    assert "<h1>Rapport d'évaluation de l'engagement des habitants</h1>" in text
    assert "Période du 1er janv. 2025 au 31 déc. 2025" in text
    assert "Indice de Gini (n = 8)</div><div class=\"value\">0,23<" in text  # n beside it
    # the top tenth of 8 participants is 1 person: their share of attendances is not printed
    assert "Part des 10 % les plus actifs</div><div class=\"value\">–<" in text


def test_no_message_key_is_left_untranslated(report_fr: str) -> None:
    visible = re.sub(r"<script.*?</script>", "", _without_plotly_js(report_fr), flags=re.S)
    assert not re.findall(r"\b(?:eng|ind|vocab)\.[a-z_]+\.[a-z_.]+", visible)


def test_text_from_the_data_is_escaped(report_fr: str) -> None:
    text = _without_plotly_js(report_fr)
    assert '<script>alert("x")</script>' not in text
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; Bancs posés" in text


def test_small_groups_are_not_in_the_report(report_fr: str) -> None:
    # with the default minimum of 5, the 3 people who came back in 2025 are never printed as such
    text = _without_plotly_js(report_fr)
    tiles = re.search(r'Fidélisation</div><div class="value">([^<]*)<', text)
    assert tiles is not None and tiles.group(1) == "–"


def test_every_table_reads_the_french_way() -> None:
    con = store_with(TINY_TOWN)
    data = compute_engagement(con, PERIOD, Thresholds(min_group_size=1))
    con.close()
    t = Translator("fr")
    rotation = next(s for s in sections(data, t) if s.key == "rotation")
    shown = format_table(rotation.tables[1], t)  # participants per year
    assert shown.columns.tolist() == [
        "Année", "Participants", "Nouveaux venus", "Habitués (déjà venus)", "Part de nouveaux venus",
    ]
    assert shown.iloc[1].tolist() == ["2025", "8", "5", "3", "62,5\u202f%"]
    assert report_file_name(data.scope) == "rapport_engagement_2025-01-01_2025-12-31.html"


def test_the_report_can_be_written_in_english() -> None:
    con: duckdb.DuckDBPyConnection = store_with(TINY_TOWN)
    data = compute_engagement(con, PERIOD, Thresholds(min_group_size=1))
    con.close()
    html = build_report(data, Translator("en"), town="Loos-en-Gohelle", service_label="All",
                        level_label="All",
                        generated_at=datetime(2026, 1, 15, 9, 30))
    text = _without_plotly_js(html)
    assert '<html lang="en">' in text[:3000]
    assert "<h1>Evaluation report on residents' engagement</h1>" in text[:3000]
    visible = re.sub(r"<script.*?</script>", "", text, flags=re.S)
    assert not re.findall(r"\b(?:eng|ind|vocab)\.[a-z_]+\.[a-z_.]+", visible)
