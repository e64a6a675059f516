"""AppTest: the arbitration page on the demo town — effort, simulator (with a tentative project
switched on and off), the choice of projects and the demand, in French, then in English. Only the
open tab is computed; the choices made in a tab are kept while another one is open."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.arbitration.portfolio import load_candidates, load_open_requests
from analytics.demo import STORY_SERVICE_ID
from tests.apptest_support import metric, open_app

PAGE = "arbitration"
TENTATIVE_COLUMN = "Projets provisoires, P50 (h)"
STORY_SERVICE_NAME = "Vie des quartiers et démocratie participative"


@pytest.fixture
def page(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return open_app(demo_db, monkeypatch, PAGE)


TABS = {"effort": "Coût par niveau", "simulator": "Simulateur", "portfolio": "Choix des projets",
        "demand": "Demande générée"}


def open_tab(at: AppTest, name: str) -> AppTest:
    """Open one tab of the page (only the open tab is computed) and rerun."""
    at.session_state["arbitration_tab"] = TABS[name]
    at.run()
    assert not at.exception, at.exception
    return at


def verdicts(at: AppTest) -> list[str]:
    boxes = [*at.success, *at.warning, *at.error]
    return [box.value for box in boxes if "(P50)" in box.value or "(P80)" in box.value]


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    for frame in at.dataframe:
        value = frame.value
        data = value.data if hasattr(value, "data") else value
        if column in data.columns:
            return data
    raise AssertionError(f"no table with a column {column!r}")


def test_effort_per_level_and_simulator_verdicts(page: AppTest) -> None:
    assert page.title[0].value.startswith("Arbitrage")
    for level in ("Information", "Consultation", "Coproduction"):
        assert metric(page, f"{level} : typique (P50)").endswith("h")
    open_tab(page, "simulator")
    assert len(verdicts(page)) == 2   # typical and pessimistic
    # a large reinforcement of the team makes the project fit
    page.number_input(key="arb_capacity").set_value(2000.0).run()
    assert not page.exception
    assert all("Tient." in text for text in verdicts(page))


def test_tentative_project_can_be_stacked_and_switched_off(page: AppTest) -> None:
    open_tab(page, "simulator")
    assert table_with(page, TENTATIVE_COLUMN)[TENTATIVE_COLUMN].sum() == 0
    page.button(key="arb_add").click().run()
    assert not page.exception
    assert page.checkbox(key="arb_on_1").value is True
    assert table_with(page, TENTATIVE_COLUMN)[TENTATIVE_COLUMN].sum() > 0
    page.checkbox(key="arb_on_1").uncheck().run()
    assert table_with(page, TENTATIVE_COLUMN)[TENTATIVE_COLUMN].sum() == 0
    page.button(key="arb_rm_1").click().run()
    assert not any(box.key == "arb_on_1" for box in page.checkbox)


def test_forcing_every_project_out_leaves_none_taken(
    page: AppTest, demo_con: duckdb.DuckDBPyConnection
) -> None:
    candidates = list(load_candidates(demo_con)["project_id"])
    open_tab(page, "portfolio")
    assert metric(page, "Projets retenus").endswith(f"sur {len(candidates)}")
    page.multiselect(key="arb_force_out").set_value(candidates).run()
    assert not page.exception
    assert metric(page, "Projets retenus") == f"0 sur {len(candidates)}"


def test_service_filter_narrows_the_demand(page: AppTest) -> None:
    open_tab(page, "demand")
    received_by_all = int(metric(page, "Sollicitations reçues").replace("\u202f", ""))
    page.sidebar.selectbox(key="filter_service").select(STORY_SERVICE_ID).run()
    assert not page.exception
    assert any(STORY_SERVICE_NAME in caption.value for caption in page.caption)
    assert 0 < int(metric(page, "Sollicitations reçues")) < received_by_all


def test_page_in_english(page: AppTest) -> None:
    page.sidebar.selectbox(key="lang").set_value("en").run()
    assert not page.exception
    assert page.title[0].value.startswith("Arbitration")
    assert metric(page, "Co-production: typical (P50)").endswith("h")


def test_no_agent_name_or_id_on_the_page(page: AppTest, demo_con: duckdb.DuckDBPyConnection) -> None:
    """Officials see services, never agents: no agent's id or full name in any table or text of
    any tab."""
    agents = demo_con.execute("SELECT agent_id, agent_name FROM agents").fetchall()
    shown = []
    for name in TABS:
        open_tab(page, name)
        for frame in page.dataframe:
            data = frame.value.data if hasattr(frame.value, "data") else frame.value
            shown.append(data.to_csv())
        for elements in (page.markdown, page.caption, page.success, page.warning, page.error):
            shown += [element.value for element in elements]
        shown += [f"{m.label} {m.value}" for m in page.metric]
    text = "\n".join(shown)
    leaked = [value for row in agents for value in row if value and value in text]
    assert not leaked


@pytest.mark.parametrize(
    ("tab", "shown", "not_shown"),
    [
        ("effort", "Consultation : typique (P50)", "Sollicitations reçues"),
        ("simulator", None, "Consultation : typique (P50)"),
        ("portfolio", "Projets retenus", "Sollicitations reçues"),
        ("demand", "Sollicitations reçues", "Projets retenus"),
    ],
)
def test_only_the_open_tab_is_computed(
    page: AppTest, tab: str, shown: str | None, not_shown: str
) -> None:
    assert [t.label for t in page.tabs] == list(TABS.values())
    open_tab(page, tab)
    labels = [m.label for m in page.metric]
    assert shown is None or shown in labels
    assert not_shown not in labels
    assert (len(verdicts(page)) == 2) == (tab == "simulator")


def test_choices_are_kept_while_another_tab_is_open(page: AppTest) -> None:
    page.selectbox(key="arb_effort_dim").select("team").run()
    open_tab(page, "simulator")
    page.number_input(key="arb_months").set_value(3).run()
    page.selectbox(key="arb_level").select("information").run()
    open_tab(page, "demand")
    open_tab(page, "simulator")
    assert page.number_input(key="arb_months").value == 3
    assert page.selectbox(key="arb_level").value == "information"
    open_tab(page, "effort")
    assert page.selectbox(key="arb_effort_dim").value == "team"


def test_tentative_projects_and_forced_choices_survive_tab_switches(
    page: AppTest, demo_con: duckdb.DuckDBPyConnection
) -> None:
    open_tab(page, "simulator")
    page.button(key="arb_add").click().run()
    page.checkbox(key="arb_on_1").uncheck().run()
    candidate = str(load_candidates(demo_con)["project_id"].iloc[0])
    open_tab(page, "portfolio")
    page.multiselect(key="arb_force_out").set_value([candidate]).run()
    open_tab(page, "simulator")
    assert page.checkbox(key="arb_on_1").value is False
    # removed, then stacked again under the same number: switched on, as any new project
    page.button(key="arb_rm_1").click().run()
    page.button(key="arb_add").click().run()
    assert page.checkbox(key="arb_on_1").value is True
    open_tab(page, "portfolio")
    assert page.multiselect(key="arb_force_out").value == [candidate]
    assert not [w.value for w in page.warning if "Session State" in w.value]


@pytest.mark.parametrize(
    ("start", "shown"),
    [(date(2027, 9, 1), "démarrage le 1er sept. 2027"), (date(2027, 3, 1), "démarrage le 1er mars 2027")],
)
def test_picking_a_start_recomputes_the_verdict_and_says_why(
    page: AppTest, start: date, shown: str
) -> None:
    open_tab(page, "simulator")
    page.selectbox(key="arb_start").select(start).run()
    assert not page.exception
    assert any(shown in text.value for text in page.markdown)
    for text in verdicts(page):
        assert "la limite est de 85\u202f%" in text   # the why, with its numbers
    facts = [c.value for c in page.caption if "cherché à partir du 1er déc. 2026" in c.value]
    assert len(facts) == 2


def test_forcing_every_project_in_names_the_culprits_and_keeps_the_table(
    page: AppTest, demo_con: duckdb.DuckDBPyConnection
) -> None:
    candidates = list(load_candidates(demo_con)["project_id"])
    open_tab(page, "portfolio")
    page.multiselect(key="arb_force_in").set_value(candidates).run()
    assert not page.exception
    table = table_with(page, "Pourquoi")
    assert len(table) == len(candidates)   # the table stays
    assert table.columns[0] == "Pourquoi"  # the reason first
    refused = table[table["Niveau retenu"] == "Écarté"]
    assert len(refused) >= 1
    assert all(text.startswith("Imposé, mais") for text in refused["Pourquoi"])
    errors = [box.value for box in page.error]
    assert errors[0].startswith(f"{len(refused)} projets imposés ne peuvent pas être retenus")
    assert errors[0].count("h en ") >= len(refused)   # each with its month and hours
    titles = [json.loads(chart.proto.spec)["layout"]["title"]["text"]
              for chart in page.get("plotly_chart")]
    assert any("Mois le plus serré" in title for title in titles)


def test_open_requests_are_chosen_among_with_the_proposed_projects(
    page: AppTest, demo_con: duckdb.DuckDBPyConnection
) -> None:
    from tests.demo_fixtures import DEMO_AS_OF

    projects = list(load_candidates(demo_con)["project_id"])
    requests = list(load_open_requests(demo_con, DEMO_AS_OF)["request_id"])
    open_tab(page, "portfolio")
    assert len(table_with(page, "Pourquoi")) == len(projects)   # off by default
    page.toggle(key="arb_pf_requests").set_value(True).run()
    assert not page.exception
    table = table_with(page, "Pourquoi")
    assert len(table) == len(projects) + len(requests)
    assert table.columns[0] == "Pourquoi"    # the reason first, then what the row is
    assert list(table.columns[1:3]) == ["Projet", "Nature"]
    assert (table["Nature"] == "Sollicitation").sum() == len(requests)
    asked = table[table["Nature"] == "Sollicitation"]
    assert set(asked["Niveau proposé"]) == {"Consultation"}
    assert all(why for why in asked["Pourquoi"])   # each one says why it is in or out
    taken = int(metric(page, "Sollicitations retenues").split(" sur ")[0])
    assert metric(page, "Sollicitations retenues") == f"{taken} sur {len(requests)}"
    assert (asked["Niveau retenu"] != "Écarté").sum() == taken
    # one request set apart, at coproduction, in the folded table of levels (its first row)
    page.session_state["arb_pf_levels_consultation"] = {
        "edited_rows": {0: {"Niveau": "Coproduction"}}, "added_rows": [], "deleted_rows": []}
    page.run()
    assert not page.exception
    asked = table_with(page, "Pourquoi").query("Nature == 'Sollicitation'")
    assert asked.loc[asked["Réf."] == f"req:{requests[0]}", "Niveau proposé"].tolist() == [
        "Coproduction"]
    assert (asked["Niveau proposé"] == "Consultation").sum() == len(requests) - 1
    # a lighter level for every request: none is proposed heavier than information
    page.selectbox(key="arb_pf_request_level").select("information").run()
    asked = table_with(page, "Pourquoi").query("Nature == 'Sollicitation'")
    assert set(asked["Niveau proposé"]) == {"Information"}
    # forcing one request in still names culprits the usual way and keeps the table
    page.multiselect(key="arb_force_in").set_value([f"req:{requests[0]}", *projects]).run()
    assert not page.exception
    assert len(table_with(page, "Pourquoi")) == len(projects) + len(requests)
    page.toggle(key="arb_pf_requests").set_value(False).run()
    assert not page.exception
    assert len(table_with(page, "Pourquoi")) == len(projects)


def _simulator(demo_db: Path, monkeypatch: pytest.MonkeyPatch, team: str | None) -> AppTest:
    """The arbitration page reached by a link of the overview (``?tab=simulator&team=…``)."""
    query = {"tab": "simulator"} if team is None else {"tab": "simulator", "team": team}
    return open_app(demo_db, monkeypatch, PAGE, query)


def test_a_link_from_the_overview_opens_the_simulator_on_its_team(
        demo_db: Path, demo_con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _simulator(demo_db, monkeypatch, None).selectbox(key="arb_team")
    ids = dict(demo_con.execute("SELECT service_name, service_id FROM services").fetchall())
    other = next(ids[name] for name in plain.options if ids.get(name, plain.value) != plain.value)
    linked = _simulator(demo_db, monkeypatch, other)
    assert linked.selectbox(key="arb_team").value == other
    assert linked.session_state["arbitration_tab"] == TABS["simulator"]
    assert "team" not in linked.query_params and "tab" not in linked.query_params
    unknown = _simulator(demo_db, monkeypatch, "NOT-A-TEAM")  # a team the page does not show
    assert unknown.selectbox(key="arb_team").value == plain.value


def test_a_team_that_cannot_take_the_project_names_those_that_can(page: AppTest) -> None:
    """The story team is over its limit in the coming months: the simulator names the other teams
    that can take the project at the same date and level, with their load without and with it."""
    open_tab(page, "simulator")
    page.selectbox(key="arb_team").select(STORY_SERVICE_ID).run()
    page.selectbox(key="arb_level").select("information").run()
    assert not page.exception
    assert not any(text.startswith("Tient.") for text in verdicts(page))
    others = [m.value for m in page.markdown if "le prendre à cette date, au même niveau" in m.value]
    assert len(others) == 2, [m.value for m in page.markdown]   # one per estimate
    assert all("de sa capacité sans ce projet" in text and "la limite est de 85\u202f%" in text
               for text in others)
