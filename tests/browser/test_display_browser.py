"""Real-browser test: the charts' axes, as vega-lite (the overview) and plotly (the other pages)
draw them, separate thousands the French way (« 4 000 », not « 4000 ») and the English way
(« 4,000 »)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import open_page, wait_for_text, wait_until_idle

pytestmark = pytest.mark.browser

NBSP = {"\u00a0": " ", "\u202f": " "}
Y_TICKS = "[data-testid='stVegaLiteChart'] g.role-axis[aria-label^='Y-axis'] .role-axis-label text"
"""The labels of the y axis of the overview's weekly chart, as vega draws them (svg text)."""


def y_ticks(browser: object, url: str) -> list[str]:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(url)
    wait_until_idle(page)
    page.wait_for_selector(Y_TICKS, timeout=60_000)
    ticks = [text.translate(str.maketrans(NBSP)) for text in
             page.locator(Y_TICKS).all_text_contents()]
    page.close()
    return ticks


@pytest.mark.parametrize(("query", "separated"), [("", r"\d{1,3}( \d{3})+"),
                                                  ("/?lang=en", r"\d{1,3}(,\d{3})+")])
def test_weekly_hours_ticks_separate_thousands(
    browser: object, fresh_server: str, query: str, separated: str
) -> None:
    ticks = y_ticks(browser, fresh_server + query)
    assert [tick for tick in ticks if re.fullmatch(r"\d{4,}", tick)] == []
    assert any(re.fullmatch(separated, tick) for tick in ticks), ticks


def chart_ticks(page: object, title: str, axis: str) -> list[str]:
    """The tick labels of one axis of the chart titled ``title``, as drawn."""
    chart = page.locator(".js-plotly-plot").filter(has_text=title).first
    return chart.locator(f".{axis}tick text").all_text_contents()


def test_hidden_hours_name_every_service_and_evenings_each_month_once(
    browser: object, fresh_server: str
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 2400})
    open_page(page, fresh_server, "capacity")
    page.get_by_role("tab", name="Travail invisible").click()
    wait_for_text(page, "Heures hors plage par service", "Soirées travaillées par agent et par mois")
    services = chart_ticks(page, "Heures hors plage par service", "y")
    bars = page.locator(".js-plotly-plot").filter(has_text="Heures hors plage par service").first \
        .locator(".trace.bars").first.locator(".point")
    assert len(services) == bars.count() >= 5
    months = chart_ticks(page, "Soirées travaillées par agent et par mois", "x")
    assert months and len(months) == len(set(months)), months
    page.close()
