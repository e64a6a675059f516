"""AppTest of the team capacity page on the demo town: it runs, shows its parts, follows the filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from analytics.demo import STORY_SERVICE_ID
from tests.apptest_support import metric, open_app

STORY_SERVICE_NAME = "Vie des quartiers et démocratie participative"


@pytest.fixture
def page(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return open_app(demo_db, monkeypatch, "capacity")


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def open_tab(at: AppTest, label: str) -> AppTest:
    """Open one tab of the page (only the open tab is computed) and rerun."""
    at.session_state["capacity_tab"] = label
    return at.run()


TABS = ["Charge", "Où va la participation", "Travail invisible", "Limites légales",
        "Surcharge prolongée", "Semaines à venir"]


def test_every_tab_shows_its_part_in_french(page: AppTest) -> None:
    assert page.title[0].value == "Capacité des équipes"
    assert [tab.label for tab in page.tabs] == [*TABS, "Fiche agent"]  # the direction's tabs
    assert "%" in metric(page, "Charge / capacité")
    charts = {}
    for label in TABS:
        open_tab(page, label)
        assert not page.exception, (label, page.exception)
        assert not page.error, (label, [e.value for e in page.error])
        charts[label] = len(page.get("plotly_chart"))
        assert any(b.label == "Télécharger (CSV)" for b in page.get("download_button")), label
    assert charts == {"Charge": 2, "Où va la participation": 4, "Travail invisible": 4,
                      "Limites légales": 0, "Surcharge prolongée": 1, "Semaines à venir": 2}


def test_page_names_the_story_team_and_agent(page: AppTest) -> None:
    """Last 3 months of the demo: the participation team is the most loaded, and one of its agents
    is in sustained overload, shown as a risk signal."""
    assert f"Service le plus chargé sur la période : **{STORY_SERVICE_NAME}**" in texts(page)
    assert metric(page, "Agents en surcharge prolongée") == "1"
    open_tab(page, "Surcharge prolongée")
    assert "1 agent en surcharge prolongée." in texts(page)
    assert any("signal de risque" in info.value for info in page.info)
    runs = page.dataframe[0].value
    assert runs.loc[0, "Service"] == STORY_SERVICE_NAME
    assert runs.loc[0, "Semaines consécutives"] >= 8


def test_the_load_tab_lists_each_service_once_most_loaded_first(
    page: AppTest, demo_con: duckdb.DuckDBPyConnection
) -> None:
    """Under the service heatmap, one row per service with its load over the period, the most
    loaded first (the week-by-week detail is the heatmap's, and the downloads')."""
    services = page.dataframe[0].value
    assert list(services.columns) == ["Service", "Heures (h)", "Capacité des agents ayant saisi (h)",
                                      "Charge (heures ÷ capacité) (%)"]
    assert services["Service"].is_unique
    assert len(services) == demo_con.execute(
        "SELECT count(DISTINCT service_id) FROM agents WHERE service_id IS NOT NULL").fetchone()[0]
    assert services.loc[0, "Service"] == STORY_SERVICE_NAME
    assert services["Charge (heures ÷ capacité) (%)"].is_monotonic_decreasing
    assert 50 < services.loc[0, "Charge (heures ÷ capacité) (%)"] < 200
    assert any(c.value.startswith("Le détail semaine par semaine") for c in page.caption)


def test_service_filter_applies_to_the_page(page: AppTest) -> None:
    everyone = metric(page, "Part de la participation")
    page.sidebar.selectbox(key="filter_service").select("SVC-TECH").run()
    assert not page.exception, page.exception
    assert metric(page, "Part de la participation") != everyone
    assert "Service le plus chargé sur la période : **Services techniques**" in texts(page)
    open_tab(page, "Surcharge prolongée")
    assert "Aucun agent en surcharge prolongée sur la période." in [s.value for s in page.success]
    page.sidebar.selectbox(key="filter_service").select(STORY_SERVICE_ID).run()
    assert "1 agent en surcharge prolongée." in texts(page)


def test_level_filter_and_english(page: AppTest) -> None:
    page.sidebar.selectbox(key="filter_level").select("coproduction").run()
    page.sidebar.selectbox(key="lang").set_value("en").run()
    assert not page.exception, page.exception
    assert page.title[0].value == "Team capacity"
    assert any("Level filter" in caption.value for caption in page.caption)


def test_forecast_team_selector_reruns_its_fragment(page: AppTest) -> None:
    open_tab(page, "Semaines à venir")
    selector = page.selectbox(key="capacity_forecast_team")
    assert selector.options[0] == "Toutes les équipes"
    selector.select_index(1).run()
    assert not page.exception, page.exception
    assert len(page.get("plotly_chart")) == 2


def test_a_period_without_data_shows_messages_not_errors(page: AppTest) -> None:
    page.sidebar.selectbox(key="period_preset").select("custom").run()
    page.sidebar.date_input(key="period_start").set_value(date(2031, 1, 1))
    page.sidebar.date_input(key="period_end").set_value(date(2031, 3, 31)).run()
    assert "Aucun temps saisi pour cette période et ces filtres." in [i.value for i in page.info]
    for label in TABS[1:]:
        open_tab(page, label)
        assert not page.exception, (label, page.exception)
        assert not page.error, (label, [e.value for e in page.error])


def test_the_tiles_are_asked_of_the_catalogue(tiny_store: duckdb.DuckDBPyConnection) -> None:
    from analytics.indicators import compute_indicators
    from analytics.scope import Scope
    from analytics.settings import Thresholds
    from dashboard.capacity_loaders import TILES

    values = compute_indicators(tiny_store, Scope(date(2024, 5, 1), date(2024, 5, 31)),
                                thresholds=Thresholds(), keys=TILES)
    assert set(values) == set(TILES)


def test_a_failing_tab_shows_its_message_and_the_tiles_still_draw(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tab computed ahead with the tiles fails: the tiles draw, the tab says why, no traceback."""
    import streamlit as st

    from analytics.capacity import load

    def broken(*args: object, **kwargs: object) -> None:
        raise duckdb.IOException("disk unreadable")

    monkeypatch.setattr(load, "load_view", broken)
    st.cache_data.clear()
    at = open_app(demo_db, monkeypatch, "capacity")
    assert "%" in metric(at, "Charge / capacité")
    assert [e.value for e in at.error] == [
        "Cette partie n'a pas pu être calculée (IOException). Les autres parties de la page "
        "restent valables."
    ]
    st.cache_data.clear()


def test_a_partial_last_month_is_named_on_the_work_tab(page: AppTest) -> None:
    """A period ending on 20 November: November is drawn with 20 days of 30, and the page says so."""
    page.sidebar.selectbox(key="period_preset").select("custom").run()
    page.sidebar.date_input(key="period_start").set_value(date(2026, 1, 1))
    page.sidebar.date_input(key="period_end").set_value(date(2026, 11, 20)).run()
    open_tab(page, "Où va la participation")
    assert not page.exception, page.exception
    notes = [c.value for c in page.caption]
    assert any("Mois partiels, hachurés" in n and "novembre 2026, 20 jours sur 30" in n
               for n in notes), notes


def test_the_direction_opens_an_agents_card(page: AppTest, demo_con: duckdb.DuckDBPyConnection) -> None:
    """The direction picks an agent on the Fiche agent tab and sees contracts, absences, weekly load
    with why each week's capacity is what it is, and legal findings."""
    assert [tab.label for tab in page.tabs] == [*TABS, "Fiche agent"]
    open_tab(page, "Fiche agent")
    assert not page.exception, page.exception
    picker = page.selectbox(key="capacity_agent")
    assert picker.value is None and page.get("plotly_chart") == []
    absent = demo_con.execute(
        "SELECT a.agent_id, a.agent_name FROM absences AS b JOIN agents AS a USING (agent_id) "
        "WHERE b.start_date BETWEEN DATE '2026-09-07' AND DATE '2026-11-20' "
        "AND b.end_date - b.start_date >= 4 ORDER BY a.agent_name LIMIT 1").fetchone()
    picker.set_value(absent[0]).run()
    assert not page.exception, page.exception
    assert f"**{absent[1]}**" in texts(page)
    assert [s.value for s in page.subheader if s.value in (
        "Contrats", "Absences sur la période", "Charge semaine par semaine", "Limites légales")] == [
        "Contrats", "Absences sur la période", "Charge semaine par semaine", "Limites légales"]
    weeks = page.dataframe[2].value
    assert "Pourquoi" in weeks.columns
    assert weeks["Pourquoi"].str.contains("absence : ").any()
    assert len(page.get("plotly_chart")) == 1


def test_the_forecasts_peaks_say_why(page: AppTest) -> None:
    """A team over capacity in the coming weeks: its busiest week is explained by its capacity,
    the ordinary work expected and the projects that week carries, named with their hours."""
    open_tab(page, "Semaines à venir")
    assert not page.exception, page.exception
    warned = [w.value for w in page.warning if "au-delà" in w.value or "semaine" in w.value]
    assert warned, [w.value for w in page.warning]
    why = [c.value for c in page.caption if c.value.startswith("Pourquoi")]
    assert len(why) == 1
    lines = why[0].split("\n")[1:]
    assert lines and all(", semaine du " in line and "travail ordinaire attendu" in line
                         and "projets" in line for line in lines)
    assert any(" : " in line.rsplit("projets", 1)[1] for line in lines)  # projects named
