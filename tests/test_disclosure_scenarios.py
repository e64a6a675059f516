"""Issue 14, small groups: what an elected official sees of the two leaking scenarios
(tests/disclosure_fixtures.py) on the Engagement page, in its report and on the overview (AppTest).

No figure may describe fewer than 5 people, directly or by subtraction: a scope of 2 people shows no
number at all (each section says why); 30 participants of whom 27 newcomers show 30 but neither the
newcomers nor their share (3 returning would follow); a quartier table with one participant in a row
hides that row, a second row, and the R score, dissimilarity and chi-square computed over it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics.i18n import Translator
from tests.apptest_support import sign_in_mode, signed_in_app
from tests.disclosure_fixtures import CULTURE, ONE_DAY, Case, build_scenario_store

FR = Translator("fr")
HIDDEN = "–"
SECTION_HIDDEN = FR("eng.section_hidden", k=5)
SECTION_TABS = ["rotation", "concentration", "cohorts", "fatigue", "representativeness", "milestones"]

QUARTIER = FR("eng.axis.quartier")
AGE = FR("eng.axis.age_band")
R_QUARTIER = FR("eng.tile.r_score", dimension=QUARTIER)
D_QUARTIER = FR("eng.tile.dissimilarity", dimension=QUARTIER)
R_AGE = FR("eng.tile.r_score", dimension=AGE)
PARTICIPANTS = FR("ind.engagement.participants")
NEWCOMER_SHARE = FR("ind.engagement.newcomer_share")
NEWCOMERS = FR("eng.tile.newcomers")
TOP10 = FR("ind.engagement.top10_share")
R_HEADLINE = FR("ind.representativeness.r_score_quartier")


@pytest.fixture(scope="module")
def scenario_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("disclosure") / "scenarios.duckdb"
    build_scenario_store(path).close()
    return path


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The data handed to ``st.download_button`` (the report) during the test."""
    captured: list[Any] = []
    function = st.download_button

    def recording(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        captured.append(data() if callable(data) else data)
        return function(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return captured


@pytest.fixture
def signed_in(
    scenario_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str, Case, str], AppTest]:
    """Run a page as a signed-in official (or evaluator) with the period and filters of a case."""
    sign_in_mode(scenario_db, tmp_path, monkeypatch)

    def run(role: str, case: Case, page: str) -> AppTest:
        at = signed_in_app(role, name=role)
        at.run()
        at.sidebar.selectbox(key="period_preset").select("custom").run()
        at.sidebar.date_input(key="period_start").set_value(case.start)
        at.sidebar.date_input(key="period_end").set_value(case.end).run()
        if case.service:
            at.sidebar.selectbox(key="filter_service").select(case.service).run()
        if case.level:
            at.sidebar.selectbox(key="filter_level").select(case.level).run()
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, at.exception
        return at

    return run


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def open_tab(at: AppTest, key: str) -> AppTest:
    at.session_state["engagement_tab"] = FR(f"eng.tab.{key}")
    at.run()
    assert not at.exception, at.exception
    return at


def rows_of(at: AppTest, column: str) -> dict[str, list[str]]:
    """Rows of the page's tables whose first column is ``column``, by that first cell."""
    found = {}
    for frame in (d.value for d in at.dataframe):
        if frame.columns[0] == column:
            found.update({row[0]: list(row[1:]) for row in frame.itertuples(index=False)})
    return found


def report_tiles(html: str) -> dict[str, str]:
    """Label → value of every tile of the report (the headline's and each section's; later wins)."""
    pairs = re.findall(r'<div class="label">(.*?)</div><div class="value">(.*?)</div>', html)
    return {unescape(label): unescape(value) for label, value in pairs}


def report_rows(html: str, first_cell: str) -> list[list[str]]:
    """The cells of every report table row whose first cell is ``first_cell``."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        cells = [unescape(c.strip()) for c in re.findall(r"<td>(.*?)</td>", row, flags=re.S)]
        if cells and cells[0] == first_cell:
            found.append(cells)
    return found


# --- a scope of 2 people: nothing but the sentence saying why ----------------------------------

@pytest.mark.parametrize("role", ["elected", "evaluator"])
def test_a_scope_of_two_people_shows_no_number_on_the_page(
    role: str, signed_in: Callable[[str, Case, str], AppTest]
) -> None:
    at = signed_in(role, ONE_DAY, "engagement")
    assert set(metrics(at).values()) == {HIDDEN}  # every headline tile
    for key in SECTION_TABS:
        open_tab(at, key)
        assert set(metrics(at).values()) == {HIDDEN}, key  # no section tile is drawn
        assert SECTION_HIDDEN in [i.value for i in at.info], key
        assert not at.dataframe, key
        assert not at.get("plotly_chart"), key


def test_a_scope_of_two_people_shows_no_number_in_the_report(
    signed_in: Callable[[str, Case, str], AppTest], downloads: list[Any]
) -> None:
    signed_in("elected", ONE_DAY, "engagement")
    html = downloads[-1].decode("utf-8")
    assert set(report_tiles(html).values()) == {HIDDEN}
    assert html.count(SECTION_HIDDEN) == len(SECTION_TABS)
    assert "<table" not in html
    assert not report_rows(html, "Q_NORD") and "Q_SUD" not in html


def test_a_scope_of_two_people_shows_no_number_on_the_overview(
    signed_in: Callable[[str, Case, str], AppTest]
) -> None:
    shown = metrics(signed_in("elected", ONE_DAY, "overview"))
    assert [shown[label] for label in (PARTICIPANTS, NEWCOMER_SHARE, R_HEADLINE)] == [HIDDEN] * 3


# --- 30 participants, 27 newcomers, one quartier of one participant -----------------------------

@pytest.mark.parametrize(
    ("tab", "label", "shown"),
    [
        (None, PARTICIPANTS, "30"),
        (None, NEWCOMER_SHARE, HIDDEN),  # 90 % of 30: 3 returning would follow
        (None, TOP10, HIDDEN),  # the top tenth of 30 is 3 people
        ("concentration", TOP10, HIDDEN),
        (None, R_HEADLINE, HIDDEN),  # 0,12: a quartier of about one participant
        ("rotation", NEWCOMERS, HIDDEN),  # 30 − 27 = 3
        ("representativeness", R_QUARTIER, HIDDEN),
        ("representativeness", D_QUARTIER, HIDDEN),
        ("representativeness", R_AGE, "0\u202f%"),  # the age table hides nothing: its score stays
    ],
)
def test_culture_information_hides_what_gives_a_small_group_away(
    tab: str | None, label: str, shown: str, signed_in: Callable[[str, Case, str], AppTest]
) -> None:
    at = signed_in("elected", CULTURE, "engagement")
    if tab:
        open_tab(at, tab)
    assert metrics(at)[label] == shown


@pytest.mark.parametrize(
    ("quartier", "participants"),
    [("Q_EST", HIDDEN),      # one participant
     ("Q_CENTRE", HIDDEN),   # 9, hidden with it: otherwise 30 − 10 − 10 − 9 = 1
     ("Q_NORD", "10"), ("Q_SUD", "10")],
)
def test_culture_quartier_table_on_the_page_and_in_the_report(
    quartier: str, participants: str, signed_in: Callable[[str, Case, str], AppTest],
    downloads: list[Any],
) -> None:
    at = open_tab(signed_in("elected", CULTURE, "engagement"), "representativeness")
    page_row = rows_of(at, QUARTIER)[quartier]
    assert page_row[1] == participants  # population, participants, rate, ...
    assert (HIDDEN in page_row[2:5]) == (participants == HIDDEN)  # rate and shares go with it
    chi2 = FR("eng.chi2.not_shown", dimension=QUARTIER, reason=FR("eng.chi2.small_groups", k=5))
    assert chi2 in [c.value for c in at.caption]
    html = downloads[-1].decode("utf-8")
    assert report_rows(html, quartier)[0][2] == participants
    tiles = report_tiles(html)
    assert (tiles[NEWCOMERS], tiles[NEWCOMER_SHARE], tiles[R_QUARTIER], tiles[D_QUARTIER]) == (
        HIDDEN, HIDDEN, HIDDEN, HIDDEN)
    assert tiles[PARTICIPANTS] == "30"


def test_culture_overview_tiles(signed_in: Callable[[str, Case, str], AppTest]) -> None:
    shown = metrics(signed_in("elected", CULTURE, "overview"))
    assert [shown[label] for label in (PARTICIPANTS, NEWCOMER_SHARE, TOP10, R_HEADLINE)] == [
        "30", HIDDEN, HIDDEN, HIDDEN]
