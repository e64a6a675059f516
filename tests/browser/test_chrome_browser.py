"""Real browser: Streamlit's and plotly's own words follow the page's language — the modebar's
tooltips, the file uploader's button and limits — and no English "Download as CSV" is offered."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

MODEBAR = "() => [...document.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))"


def modebar_titles(browser: object, server: str, query: str) -> list[str]:
    """The modebar's tooltips of the first plotly chart of the Capacity page (the overview's chart
    is drawn by vega-lite)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_page(page, server, "capacity", query, content=".js-plotly-plot")
    page.locator(".js-plotly-plot").first.hover()
    page.wait_for_selector(".modebar-btn", timeout=30_000)
    titles = page.evaluate(MODEBAR)
    page.close()
    return titles


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [("", {"Télécharger le graphique (PNG)", "Déplacer", "Réinitialiser les axes"},
      {"Download plot as a PNG", "Fullscreen", "Pan", "Zoom in"}),
     ("?lang=en", {"Download plot as a PNG", "Pan"}, {"Télécharger le graphique (PNG)"})],
)
def test_modebar_speaks_the_pages_language(
    browser: object, fresh_server: str, query: str, present: set[str], absent: set[str]
) -> None:
    titles = set(modebar_titles(browser, fresh_server, query))
    assert present <= titles, titles
    assert not absent & titles, titles


def test_uploader_and_tables_in_french(browser: object, fresh_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_page(page, fresh_server, "data", content="[data-testid='stFileUploaderDropzone']")
    shown = page.evaluate("""() => {
      const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
      const after = (e) => getComputedStyle(e, '::after').content;
      const size = (e) => getComputedStyle(e).fontSize;
      const button = zone.querySelector('button [data-testid="stMarkdownContainer"] p');
      const limits = zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
      return [after(button), size(button), after(limits), size(limits)];
    }""")
    assert shown[0] == '"Choisir des fichiers"' and shown[1] == "0px"
    assert shown[2].startswith('"') and "Mo au plus par fichier" in shown[2] and shown[3] == "0px"
    table = page.locator("[data-testid='stDataFrame']").first
    if table.count():
        table.hover()
        page.wait_for_timeout(500)
        labels = page.evaluate("() => [...document.querySelectorAll("
                               "'[data-testid=stElementToolbar] button')].map(b => b.ariaLabel)")
        assert "Download as CSV" not in labels
    page.close()
