"""Real-browser tests of the Engagement page: its numbers and charts, and the downloaded report
opened offline from the file (file:// URL) with every chart drawn."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page, wait_until_idle

pytestmark = pytest.mark.browser

REPORT_CHARTS = 5
"""The printed report keeps 5 of the page's 16 charts (tests/test_engagement_report.py)."""


def test_engagement_page_shows_numbers_and_charts(browser: object, fresh_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_page(page, fresh_server, "engagement")
    assert "Engagement des habitants" in page.inner_text("h1")
    tiles = page.locator("[data-testid='stMetric']")
    participants = tiles.filter(has_text="Participants distincts").first
    assert re.search(r"\d", participants.locator("[data-testid='stMetricValue']").inner_text())
    top10 = tiles.filter(has_text="Part des 10 % les plus actifs").first
    assert "%" in top10.locator("[data-testid='stMetricValue']").inner_text()
    expect(page.locator(".js-plotly-plot")).to_have_count(3, timeout=60_000)  # the rotation tab
    target = os.environ.get("SCREENSHOT_DIR")
    if target:
        page.screenshot(path=str(Path(target) / "engagement.png"), full_page=False)
    page.close()


def test_report_downloads_and_opens_offline_with_its_charts(
    browser: object, fresh_server: str, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1200}, accept_downloads=True)
    open_page(page, fresh_server, "engagement")
    page.get_by_role("tab", name="Rapport").click()
    page.wait_for_timeout(500)  # the tab switch reruns the page
    wait_until_idle(page)
    button = page.get_by_role("button", name="Télécharger le rapport (HTML)")
    button.wait_for(timeout=60_000)
    with page.expect_download(timeout=120_000) as download_info:
        button.click()
    download = download_info.value
    assert re.fullmatch(r"rapport_engagement_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.html",
                        download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with page.expect_download(timeout=120_000) as milestones_info:  # the list beside the report
        page.get_by_role("button", name="Télécharger (CSV)").click()
    milestones = tmp_path / "milestones.csv"
    milestones_info.value.save_as(milestones)
    assert milestones_info.value.suggested_filename == "cailloux_blancs.csv"
    assert len(milestones.read_text(encoding="utf-8-sig").splitlines()) > 100
    page.close()

    offline = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
    report = offline.new_page()
    report.goto(saved.as_uri())
    report.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot').length >= {REPORT_CHARTS}",
        timeout=60_000,
    )
    assert report.locator(".js-plotly-plot").count() == REPORT_CHARTS
    assert report.locator("h1").inner_text() == "Rapport d'évaluation de l'engagement des habitants"
    assert report.locator(".town").inner_text().strip().lower() == "commune"  # the default
    assert report.locator("#summary li").count() >= 5
    assert 4 <= report.locator("table").count() <= 8
    offline.close()
