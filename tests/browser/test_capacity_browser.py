"""Real-browser tests of the team capacity page: it shows the demo's story and follows the filters."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import open_page, wait_for_text

pytestmark = pytest.mark.browser

STORY_SERVICE_NAME = "Vie des quartiers et démocratie participative"


def plain(text: str) -> str:
    """Non-breaking spaces as ordinary ones, for readable asserts."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_capacity_page_shows_the_story_and_follows_the_service_filter(
    browser: object, fresh_server: str
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_page(page, fresh_server, "capacity")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    body = plain(page.inner_text("body"))
    assert "Capacité des équipes" in body
    assert f"Service le plus chargé sur la période : {STORY_SERVICE_NAME}" in body
    target = os.environ.get("SCREENSHOT_DIR")
    if target:
        page.screenshot(path=str(Path(target) / "capacity.png"), full_page=False)

    service = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
        has_text="Service"
    )
    service.click()
    page.get_by_role("option", name="Services techniques").click()
    wait_for_text(page, "Service le plus chargé sur la période : Services techniques")
    assert "Agent le plus chargé" in page.inner_text("body")
    page.close()


def test_overload_tab_frames_a_risk_signal_in_english(browser: object, fresh_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    open_page(page, fresh_server, "capacity", "?lang=en")
    page.get_by_role("tab", name="Sustained overload").click()
    # the chart is drawn by plotly after the script has finished: wait for its title, not just idle
    wait_for_text(page, "risk signal", "Periods of sustained overload")
    body = plain(page.inner_text("body"))
    assert "1 agent in sustained overload." in body
    assert "Periods of sustained overload, per agent (weeks)" in body
    page.close()
