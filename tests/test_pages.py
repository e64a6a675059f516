"""AppTest smoke tests: each page runs on the demo town without an exception and shows its numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import APP, TIMEOUT, metric, open_app


@pytest.fixture
def app(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return open_app(demo_db, monkeypatch)


def test_overview_shows_headline_numbers_in_french(app: AppTest) -> None:
    assert app.title[0].value == "Vue d'ensemble"
    assert "%" in metric(app, "Charge / capacité")
    assert metric(app, "Participants distincts") not in ("", "–")
    assert any("démonstration" in info.value for info in app.info)
    [chart] = [json.loads(c.proto.spec) for c in app.get("vega_lite_chart")]
    assert chart["title"]["text"] == "Heures travaillées par semaine et capacité des agents"
    assert chart["encoding"]["x"]["title"] == "Semaine (lundi)"
    assert chart["layer"][0]["encoding"]["y"]["title"] == "Heures par semaine (h)"
    assert not app.get("plotly_chart")  # the first page needs no plotly (issue 16)


def test_overview_in_english(app: AppTest) -> None:
    app.sidebar.selectbox(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Overview"
    assert "%" in metric(app, "Load / capacity")


def test_service_filter_changes_the_numbers(app: AppTest) -> None:
    everyone = metric(app, "Heures de participation")
    options = app.sidebar.selectbox(key="filter_service").options
    app.sidebar.selectbox(key="filter_service").select_index(1).run()
    assert not app.exception
    assert len(options) > 2
    assert metric(app, "Heures de participation") != everyone


def test_methods_lists_every_indicator(app: AppTest) -> None:
    from analytics.indicators import CATALOGUE

    app.switch_page("pages/methods.py").run()
    assert not app.exception
    assert app.title[0].value == "Méthodes : indicateurs et seuils"
    table = app.dataframe[0].value
    assert list(table["Clé"]) == [indicator.key for indicator in CATALOGUE]
    thresholds = app.dataframe[1].value
    assert "PARTICIPATION_OVERLOAD_RATIO" in set(thresholds["Réglage"])


def test_the_app_rebuilds_derived_tables_built_by_another_version(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store whose derived tables an older version built (one missing) opens, and every page works."""
    import shutil

    from analytics.store.db import open_store, set_meta
    from analytics.store.derived import SIGNATURE_META, is_current
    from dashboard.store import connection

    old = tmp_path / "old.duckdb"
    shutil.copy(demo_db, old)
    con = open_store(old)
    set_meta(con, SIGNATURE_META, "an older version")
    con.execute("DROP TABLE participation_buckets")
    con.close()
    monkeypatch.setenv("PARTICIPATION_DB", str(old))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    assert is_current(connection(str(old)))
    at.switch_page("pages/engagement.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Engagement")
