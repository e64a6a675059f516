"""Streamlit's and plotly's own words in French mode: plotly's modebar through its ``config``
(French dictionary, no untranslatable button), the file uploader's words, no English CSV button."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from analytics.chart_locale import FRENCH, chart_config
from dashboard.components import uploader_style

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([*(ROOT / "pages").glob("*.py"), *(ROOT / "dashboard").glob("*.py")])


def plotly_calls_without_config(source: str) -> list[int]:
    """Lines of ``plotly_chart`` calls drawn with plotly's English defaults (no ``config``)."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "plotly_chart"
            and not any(keyword.arg == "config" for keyword in node.keywords)]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_chart_gets_the_pages_language_config(script: Path) -> None:
    assert plotly_calls_without_config(script.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("lang", "locale", "buttons"),
    [("fr", "fr", ["toImage", "zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d",
                   "resetScale2d"]),
     ("en", None, None)],
)
def test_chart_config_per_language(lang: str, locale: str | None, buttons: list[str] | None
                                   ) -> None:
    config = chart_config(lang)
    assert config.get("locale") == locale
    shown = config.get("modeBarButtons")
    assert (None if shown is None else [name for group in shown for name in group]) == buttons
    if lang == "fr":
        assert config["locales"]["fr"]["dictionary"]["Download plot as a PNG"] == (
            "Télécharger le graphique (PNG)")


@pytest.mark.parametrize(
    "english", ["Download plot as a PNG", "Zoom", "Pan", "Zoom in", "Zoom out", "Autoscale",
                "Reset axes", "median", "q1", "q3", "upper fence", "lower fence"],
)
def test_every_shown_button_and_box_label_has_its_french(english: str) -> None:
    assert (FRENCH[english] and FRENCH[english] != english) or english == "Zoom"


def test_uploader_words_are_quoted_for_css() -> None:
    style = uploader_style("Choisir des fichiers", '100 Mo · CSV "x"')
    assert 'content: "Choisir des fichiers"' in style
    assert 'content: "100 Mo · CSV \\22 x\\22 "' in style
    assert style.count("<style>") == 1 and "</style" not in style[:-8]


def test_streamlit_csv_button_is_hidden_tables_have_their_own() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
