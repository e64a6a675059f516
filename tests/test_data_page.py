"""AppTest of the Data page: upload, preview, import with a summary, mapping, templates, health."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.ingest import import_file
from analytics.store.db import open_store
from tests.ingest_support import FIXTURES, ROOT

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
    return [element.value for element in elements]  # type: ignore[attr-defined]


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
    assert any("badgeuse.csv" in text and "1 acceptées" in text for text in texts(app.success))


def test_data_health_and_english(app: AppTest) -> None:
    assert any("Santé des données" in text for text in texts(app.subheader))
    assert len(app.metric) >= 2
    app.sidebar.selectbox(key="lang").set_value("en").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Data: imports and data health"
