"""Real-browser tests of the arbitration page: effort per level and the simulator, including a
tentative project stacked, then switched off."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import TABS, open_page, wait_for_text, wait_until_idle

pytestmark = pytest.mark.browser
VERDICT = re.compile(r"Estimation typique \(P50\) — (Tient\.|Ne tient pas)")


def plain(text: str) -> str:
    """Non-breaking spaces as ordinary ones, for readable asserts."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def open_arbitration(page: object, server: str) -> None:
    """Open the page (after the home page, where a fresh server builds the demo town)."""
    open_page(page, server, "arbitration")
    wait_for_text(page, "Arbitrage")


def open_simulator(browser: object, server: str, shown: str) -> object:
    """A tall page on the arbitration page's simulator tab, once ``shown`` is on it."""
    page = browser.new_page(viewport={"width": 1400, "height": 2400})
    open_arbitration(page, server)
    page.get_by_role("tab", name="Simulateur").click()
    wait_for_text(page, shown, content=TABS)
    return page


def test_effort_per_level_and_a_verdict(browser: object, fresh_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_arbitration(page, fresh_server)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    body = plain(page.inner_text("body"))
    assert "Arbitrage : peut-on se permettre ce projet" in body
    for level in ("Information", "Consultation", "Coproduction"):
        assert re.search(level + r" : typique \(P50\)\s*[\d ]+(?:,\d)? h", body), level
    target = os.environ.get("SCREENSHOT_DIR")
    if target:
        page.screenshot(path=str(Path(target) / "arbitration.png"), full_page=False)
    page.get_by_role("tab", name="Simulateur").click()
    wait_for_text(page, "Estimation pessimiste (P80)", content=TABS)
    assert VERDICT.search(plain(page.inner_text("body")))
    page.close()


def test_simulator_stacks_a_tentative_project_and_switches_it_off(
    browser: object, fresh_server: str
) -> None:
    page = open_simulator(browser, fresh_server, "Aucun projet provisoire pour l'instant.")
    # a large reinforcement: the project fits
    capacity = page.get_by_role("spinbutton", name="Renfort ou départ (heures par semaine)")
    capacity.fill("2000")
    capacity.press("Enter")
    wait_for_text(page, "Estimation typique (P50) — Tient.", content=TABS)
    page.get_by_role("button", name="Ajouter comme projet provisoire").click()
    wait_for_text(page, "Projet provisoire 1 —", content=TABS)
    box = page.locator("[data-testid='stCheckbox']").filter(has_text="Projet provisoire 1")
    assert box.locator("input").is_checked()
    box.locator("label").click()
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stCheckbox'] input\").checked",
        timeout=60_000,
    )
    wait_until_idle(page, content=TABS)
    assert "Projet provisoire 1 —" in page.inner_text("body")
    page.get_by_role("button", name="Retirer").click()
    wait_for_text(page, "Aucun projet provisoire pour l'instant.", content=TABS)
    page.close()


def test_a_typed_start_date_updates_the_verdict_without_another_click(
    browser: object, fresh_server: str
) -> None:
    page = open_simulator(browser, fresh_server, "Estimation pessimiste (P80)")
    start = page.locator("[data-testid='stSelectbox']").filter(has_text="Démarrage")
    start.locator("input").fill("sept. 2027")
    start.locator("input").press("Enter")
    wait_for_text(page, "démarrage le 1er sept. 2027", content=TABS)
    body = plain(page.inner_text("body"))
    assert "Verdict pour" in body and "démarrage le 1er sept. 2027" in body
    page.close()
