"""Real browser, store of hostile names (tests/hostile_fixtures.py): on the capacity and arbitration
pages, the names read as typed, no image or link made from them is in the DOM (markdown or plotly),
and the browser never asks the hostile host for anything."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import start_server, wait_until_idle
from tests.hostile_fixtures import HOST

pytestmark = pytest.mark.browser

LINKS_AND_IMAGES = """() => Array.from(document.querySelectorAll('img, a, image, iframe')).map(
  e => [e.tagName, e.getAttribute('src') || e.getAttribute('href')
                   || e.getAttribute('xlink:href') || ''])"""


@pytest.fixture(scope="module")
def hostile_server(hostile_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on its own copy of the hostile store (the tests' copy may be open elsewhere)."""
    tmp = tmp_path_factory.mktemp("hostile_browser")
    db = tmp / "hostile.duckdb"
    shutil.copyfile(hostile_db, db)
    process, url = start_server(db, tmp)
    yield url
    process.terminate()
    process.wait(timeout=30)


def visible(page: object) -> str:
    """The page's text as read (non-breaking spaces as spaces, word joiners dropped)."""
    text = page.inner_text("body")
    return text.replace("\u2060", "").replace("\u202f", " ").replace("\u00a0", " ")


def open_tab(page: object, name: str, text: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    page.wait_for_function("(t) => document.body.innerText.replace(/\\u2060/g, '').includes(t)",
                           arg=text, timeout=60_000)
    wait_until_idle(page, content="[data-testid='stTabs']")


def from_data(page: object) -> list[list[str]]:
    return [tag for tag in page.evaluate(LINKS_AND_IMAGES) if HOST in tag[1]]


@pytest.mark.parametrize(
    ("path", "tabs"),
    [
        ("/capacity", [("Charge", "Service le plus chargé sur la période : "),
                       ("Semaines à venir", "Équipes qui dépasseraient leur capacité : ")]),
        ("/arbitration", [("Simulateur", "Effort estimé à partir de ")]),
    ],
)
def test_hostile_names_are_text_only(browser: object, hostile_server: str, path: str,
                                     tabs: list[tuple[str, str]]) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if HOST in request.url else None)
    page.goto(hostile_server + path)
    wait_until_idle(page)
    shown = []
    for name, text in tabs:
        open_tab(page, name, text)
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        assert from_data(page) == [], name
        shown.append(visible(page))
    page.wait_for_timeout(500)  # an image fetch would have started by now
    assert asked == []
    assert any(f"![x](http://{HOST}/p.png)" in body for body in shown)
    page.close()
