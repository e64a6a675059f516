"""Real-browser test: the app builds the demo town on first start and shows the overview numbers."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_until_idle

pytestmark = pytest.mark.browser


def test_first_start_builds_demo_and_shows_overview(browser: object, fresh_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(fresh_server)
    wait_until_idle(page)
    body = page.inner_text("body")
    assert "Vue d'ensemble" in body
    assert "Données de démonstration" in body
    tiles = page.locator("[data-testid='stMetric']")
    load = tiles.filter(has_text="Charge / capacité").locator("[data-testid='stMetricValue']")
    assert re.fullmatch(r"\d+(?:,\d)?\s?%", load.inner_text().replace("\u202f", " ").replace("\u00a0", " "))
    participants = tiles.filter(has_text="Participants distincts")
    assert re.search(r"\d", participants.locator("[data-testid='stMetricValue']").inner_text())
    page.wait_for_selector("[data-testid='stVegaLiteChart'] .marks", timeout=60_000)
    page.locator("[data-testid='stVegaLiteChart']").hover()
    english = page.get_by_role("button", name=re.compile("Download as PNG|Copy Vega-Lite|Fullscreen"))
    assert [b for b in english.all() if b.is_visible()] == []  # Streamlit's English toolbar
    target = os.environ.get("SCREENSHOT_DIR")
    if target:
        page.screenshot(path=str(Path(target) / "overview.png"), full_page=False)
    page.close()


def test_language_switch_to_english(browser: object, fresh_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(fresh_server + "/?lang=en")
    wait_until_idle(page)
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Overview")
    load = page.locator("[data-testid='stMetric']").filter(has_text="Load / capacity")
    expect(load).to_have_count(1)
    assert "Charge / capacité" not in page.inner_text("body")
    page.close()
