"""Real browser, the tiny town, the direction (local mode): from the overview's "À traiter" to the
answer on the capacity page's tab, and custom dates applied as soon as they are typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import start_server, wait_until_idle
from tests.conftest import write_tiny_db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("tiny_browser")
    db = write_tiny_db(tmp / "tiny.duckdb")
    process, url = start_server(db, tmp)
    yield url
    process.terminate()
    process.wait(timeout=30)


def test_the_direction_follows_a_legal_finding_to_its_tab(browser: object, tiny_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(tiny_server)
    wait_until_idle(page)
    body = page.inner_text("body")
    assert "À traiter" in body
    assert "Alice Martin (Jeunesse) : 1 journée de plus de 10" in body
    page.get_by_role("link", name="Limites légales", exact=True).first.click()
    wait_until_idle(page)
    selected = page.locator("[role='tab'][aria-selected='true']")
    assert selected.inner_text().strip() == "Limites légales"
    assert page.url.endswith("/capacity")
    assert "constat" in page.inner_text("[data-testid='stMain']")  # the findings, by rule
    page.close()


def test_typed_custom_dates_apply_at_once(browser: object, tiny_server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(tiny_server)
    wait_until_idle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("[data-testid='stSelectbox']").filter(has_text="Période").click()
    page.get_by_role("option", name="Dates choisies").click()
    wait_until_idle(page)
    start = sidebar.locator("[data-testid='stDateInput']").first
    start.locator("[role='spinbutton']").first.click()
    page.keyboard.type("06052024")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    wait_until_idle(page)
    assert "Du 6 mai 2024 au 3 juin 2024" in sidebar.inner_text().replace("\u00a0", " ")
    page.close()
