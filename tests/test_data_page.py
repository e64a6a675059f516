"""The Data page: data health on the tiny town (tests/conftest.py), then AppTest of the page (upload,
preview, import with a summary, mapping, templates, health)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.data_health import HealthSummary, data_health
from analytics.i18n import plain_text
from analytics.ingest import import_file
from analytics.scope import Scope
from analytics.settings import Thresholds
from analytics.store.db import open_store, transaction
from analytics.store.derived import refresh_derived
from tests.ingest_support import FIXTURES, ROOT

MAY = (date(2024, 4, 29), date(2024, 5, 26))  # ISO weeks 18–21 of 2024
LATE_MAY = (date(2024, 5, 15), date(2024, 6, 9))  # ISO weeks 20–23 (week 20 overlaps from Monday 13)

# MAY in the tiny town: Alice, Bruno and David record time every week (Bruno even during his leave of
# week 20); Chloé has no entry in week 19 under her contract; Emma's only contract runs from Wed 15 to
# Wed 22 May (weeks 20 and 21) and she records nothing.
MAY_GRID = {
    "Emma Moreau": (2, "··✖✖"),
    "Chloé Durand": (1, "✔✖✔✔"),
    "Alice Martin": (0, "✔✔✔✔"),
    "Bruno Petit": (0, "✔✔✔✔"),
    "David Leroy": (0, "✔✔✔✔"),
}

# LATE_MAY after the additions of :func:`late_may_store`: absences cover all of week 22 for Alice
# (one absence) and David (two), only Monday–Thursday for Bruno; Farid has no contract and records
# time in weeks 20 and 22 only. Week 20 counts only its days inside the period (15–19 May), as on the
# load tab: Alice and Chloé recorded time on 13–14 May only, so week 20 is missing for them.
LATE_MAY_GRID = {
    "Alice Martin": (2, "✖✔○✖"),
    "Bruno Petit": (2, "✔✔✖✖"),  # no entry in weeks 22 and 23; a 4-day absence does not excuse
    "Chloé Durand": (2, "✖✔✖✔"),  # her 0.5 h on 3 June counts as recorded
    "Emma Moreau": (2, "✖✖··"),  # contract 15–22 May
    "David Leroy": (1, "✔✔○✖"),
    # Farid, without contract, has no capacity to miss: never a gap (as on the load tab)
}


def grid_rows(grid: pd.DataFrame) -> dict[str, tuple[int, str]]:
    """The grid as {agent: (gaps, symbols of the weeks in order)}, in the grid's row order."""
    return {str(agent): (int(row["gaps"]), "".join(row.drop("gaps"))) for agent, row in grid.iterrows()}


@pytest.fixture
def late_may_store(fresh_tiny_store: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The tiny town plus three absences in week 22 and an agent without contract."""
    with transaction(fresh_tiny_store) as cur:
        cur.execute(
            "INSERT INTO absences VALUES ('A1', DATE '2024-05-27', DATE '2024-05-31', 'leave'),"
            " ('A4', DATE '2024-05-27', DATE '2024-05-29', 'leave'),"
            " ('A4', DATE '2024-05-30', DATE '2024-06-02', 'training'),"
            " ('A2', DATE '2024-05-27', DATE '2024-05-30', 'leave')"
        )
        cur.execute("INSERT INTO agents VALUES ('A6', 'Farid Nadir', 'svc_tech')")
        cur.execute(
            "INSERT INTO time_entries VALUES"
            " ('T-A6-01', 'A6', NULL, DATE '2024-05-14', TIME '09:00', TIME '12:00', 3, 'ordinary'),"
            " ('T-A6-02', 'A6', NULL, DATE '2024-05-28', TIME '09:00', TIME '12:00', 3, 'ordinary')"
        )
        refresh_derived(cur, thresholds=Thresholds())
    return fresh_tiny_store


@pytest.mark.parametrize(("only_gaps", "expected"), [
    pytest.param(True, {k: v for k, v in MAY_GRID.items() if v[0] > 0}, id="gaps-only"),
    pytest.param(False, MAY_GRID, id="all-agents"),
])
def test_health_grid_of_may(
    tiny_store: duckdb.DuckDBPyConnection, only_gaps: bool, expected: dict[str, tuple[int, str]]
) -> None:
    summary, grid = data_health(tiny_store, Scope(*MAY), only_gaps)
    assert summary == HealthSummary(expected=4 + 4 + 3 + 4 + 3, missing=3, agents_with_gaps=2)
    assert summary.missing_share == pytest.approx(3 / 18)
    assert list(grid.columns) == ["gaps", "2024-S18", "2024-S19", "2024-S20", "2024-S21"]
    assert grid.index.name == "agent"
    assert grid_rows(grid) == expected
    assert list(grid_rows(grid)) == list(expected)  # most gaps first, then by name


def test_health_absences_and_agents_without_contract(late_may_store: duckdb.DuckDBPyConnection) -> None:
    summary, grid = data_health(late_may_store, Scope(*LATE_MAY), only_gaps=True)
    recorded = 1 + 2 + 2 + 2 + 0 + 1  # Alice, Bruno, Chloé, David, Emma, Farid
    assert summary == HealthSummary(expected=recorded + 9, missing=9, agents_with_gaps=5)
    assert list(grid.columns) == ["gaps", "2024-S20", "2024-S21", "2024-S22", "2024-S23"]
    assert grid_rows(grid) == LATE_MAY_GRID
    assert list(grid_rows(grid)) == list(LATE_MAY_GRID)


@pytest.mark.parametrize("period", [
    pytest.param((date(2010, 1, 1), date(2010, 3, 31)), id="before-any-contract"),
])  # a period ending before it starts never reaches data_health: the Scope refuses it
def test_health_without_gaps(tiny_store: duckdb.DuckDBPyConnection, period: tuple[date, date]) -> None:
    summary, grid = data_health(tiny_store, Scope(*period), only_gaps=True)
    assert summary.missing == 0 and summary.agents_with_gaps == 0
    assert grid.empty


def test_health_of_an_empty_store(empty_store: duckdb.DuckDBPyConnection) -> None:
    summary, grid = data_health(empty_store, Scope(*MAY), only_gaps=False)
    assert summary == HealthSummary(0, 0, 0)
    assert summary.missing_share is None
    assert grid.empty

def sunday_contract_store(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The tiny town plus Gaëlle, whose contract starts on Sunday 26 May 2024 (ISO week 21 has no
    working day of hers) and who records time from week 22 on."""
    with transaction(con) as cur:
        cur.execute("INSERT INTO agents VALUES ('A7', 'Gaëlle Roux', 'svc_jeu')")
        cur.execute("INSERT INTO contracts VALUES ('A7', DATE '2024-05-26', NULL, 35)")
        cur.execute(
            "INSERT INTO time_entries VALUES"
            " ('T-A7-01', 'A7', NULL, DATE '2024-05-28', TIME '09:00', TIME '12:00', 3, 'ordinary')"
        )
        refresh_derived(cur, thresholds=Thresholds())
    return con


# One definition of a missing week (no timesheet): the agent had capacity in the days of that week
# inside the period (a contract, on a working day neither holiday nor absence) and recorded nothing
# there. The Data page's grid and the load tab's count read the same agent-weeks.
@pytest.mark.parametrize(("period", "missing"), [
    pytest.param(MAY, 3, id="may-whole-weeks"),
    pytest.param((date(2024, 5, 1), date(2024, 5, 31)), 8, id="may-cut-weeks"),
    pytest.param((date(2024, 5, 20), date(2024, 6, 2)), 5, id="sunday-start-contract"),
    pytest.param((date(2024, 1, 1), date(2024, 12, 31)), 219, id="year"),
])
def test_health_and_load_tab_count_the_same_missing_weeks(
    fresh_tiny_store: duckdb.DuckDBPyConnection, period: tuple[date, date], missing: int
) -> None:
    from analytics.capacity.load import load_view

    con = sunday_contract_store(fresh_tiny_store)
    summary, _ = data_health(con, Scope(*period), only_gaps=True)
    assert (summary.missing, load_view(con, Scope(*period)).missing_weeks) == (missing, missing)


APP = str(ROOT / "app.py")
TIMEOUT = 120
FRENCH = FIXTURES / "french_excel_cp1252.csv"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app on a store holding one small import (so no demo town is generated)."""
    db = tmp_path / "store.duckdb"
    monkeypatch.setenv("PARTICIPATION_DB", str(db))
    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", str(tmp_path / "keys"))
    con = open_store(db)
    assert import_file(con, FIXTURES / "kimai1_en.csv").status == "imported"
    con.close()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    return at


def texts(elements: object) -> list[str]:
    """What the reader sees of each element's markdown (file names and values are escaped)."""
    return [plain_text(element.value) for element in elements]  # type: ignore[attr-defined]


def test_upload_preview_and_import(app: AppTest) -> None:
    assert app.title[0].value == "Données : imports et santé des données"
    app.file_uploader(key="data_upload").set_value(
        (FRENCH.name, FRENCH.read_bytes(), "text/csv")).run()
    assert not app.exception, app.exception
    assert any("canonical_time_entries" in text and "7 lignes" in text
               for text in texts(app.markdown))
    preview = app.dataframe[0].value
    assert list(preview.columns)[:3] == ["Date", "Agent", "Projet"]

    app.button(key="data_import").click().run()
    assert not app.exception, app.exception
    summaries = texts(app.success)
    assert any(FRENCH.name in text and "5 acceptées" in text and "2 refusées" in text
               for text in summaries), summaries
    rejects = next(frame.value for frame in app.dataframe if "Ligne" in frame.value.columns)
    assert rejects["Ligne"].tolist() == [5, 8]
    assert {b.label for b in app.get("download_button")} >= {
        "Télécharger (CSV)", "Télécharger (Excel)", "Tous les modèles (zip)"}
    history = next(frame.value for frame in app.dataframe if "Fichier" in frame.value.columns)
    assert history["Fichier"].tolist()[:2] == [FRENCH.name, "kimai1_en.csv"]

    app.button(key="data_import").click().run()  # the same file again
    assert any("Déjà importé" in text for text in texts(app.info))


def test_unknown_sheet_gets_a_mapping_that_can_be_saved(app: AppTest) -> None:
    sheet = b"Employee;Day;Start;End;Job\nAnna;03/02/2025;08:00;12:00;Accueil\n"
    app.file_uploader(key="data_upload").set_value(("badgeuse.csv", sheet, "text/csv")).run()
    assert not app.exception, app.exception
    assert any("non reconnu" in text for text in texts(app.warning))
    assert app.selectbox(key="target_badgeuse.csv").value == "time_entries"
    app.text_input(key="mapping_name_badgeuse.csv").input("badgeuse").run()
    app.button(key="save_badgeuse.csv").click().run()
    assert not app.exception, app.exception
    assert any("badgeuse" in text for text in texts(app.success))

    app.button(key="data_import").click().run()
    assert any("badgeuse.csv" in text and "1 acceptée" in text for text in texts(app.success))


def test_data_health_and_english(app: AppTest) -> None:
    assert any("Santé des données" in text for text in texts(app.subheader))
    assert len(app.metric) >= 2
    app.sidebar.selectbox(key="lang").set_value("en").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Data: imports and data health"


PROJECTS = ("project_id;project_name;niveau;statut\np1;Jardin;participatif;active\n"
            "p2;Fresque;participatif;active\np3;Marché;information;active\n").encode()


def test_unknown_values_get_a_dropdown_and_the_choice_is_imported_and_saved(app: AppTest) -> None:
    app.file_uploader(key="data_upload").set_value(("projets.csv", PROJECTS, "text/csv")).run()
    assert not app.exception, app.exception
    [choice] = [box for box in app.selectbox if box.key and box.key.startswith("value_")]
    assert choice.label.replace("\u00a0", " ") == "« niveau » = « participatif » (2 lignes)"
    assert choice.options[0] == "(laisser vide)" and "Coproduction" in choice.options
    choice.set_value("coproduction").run()
    app.text_input(key="values_name_projets.csv").input("projets de la ville").run()
    app.button(key="values_save_projets.csv").click().run()
    assert any("projets de la ville" in text for text in texts(app.success))
    app.button(key="data_import").click().run()
    assert not app.exception, app.exception
    captions = " ".join(texts(app.caption))
    assert "lignes lues : 3 ; acceptées : 3" in captions.replace("\u00a0", " ")
    assert "valeur inconnue" not in captions


def test_without_a_choice_the_summary_says_what_landed_empty(app: AppTest) -> None:
    app.file_uploader(key="data_upload").set_value(("projets.csv", PROJECTS, "text/csv")).run()
    app.button(key="data_import").click().run()
    assert not app.exception, app.exception
    captions = " ".join(texts(app.caption)).replace("\u00a0", " ").replace("\u202f", " ")
    assert "2 lignes où « niveau » vaut « participatif » : valeur inconnue laissée vide" in captions


def test_agents_and_projects_created_by_an_import_are_listed_to_complete(app: AppTest) -> None:
    shown = [frame.value for frame in app.dataframe]
    names = {name for frame in shown if "agent_name" in frame.columns
             for name in frame["agent_name"]}
    projects = {name for frame in shown if "project_name" in frame.columns
                for name in frame["project_name"]}
    assert "Anna Schmidt" in names  # created by the Kimai import, without service nor contract
    assert "Participatory budget" in projects  # created by name: no level, initiative, perimeter


def test_a_spreadsheet_bomb_is_refused_on_the_page_and_the_session_lives_on(app: AppTest) -> None:
    """Issue 14: a 1.4 KB workbook with a cell at XFD1048576 used to abort the server."""
    from tests.test_ingest_budget import BOMBS

    name, bomb, _says = BOMBS[0]
    app.file_uploader(key="data_upload").set_value(
        (name, bomb, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    assert not app.exception, app.exception
    shown = " ".join(texts(app.error) + texts(app.warning) + texts(app.markdown)).replace(
        "\u202f", " ").replace("\u00a0", " ")
    assert "déclare 17 179 869 184 cellules" in shown, shown
    app.file_uploader(key="data_upload").set_value(
        (FRENCH.name, FRENCH.read_bytes(), "text/csv")).run()
    assert not app.exception, app.exception
    assert any("7 lignes" in text for text in texts(app.markdown))
