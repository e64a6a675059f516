"""AppTest smoke test of the Engagement page on the demo town: French by default, a sidebar filter
changes the numbers, English on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest_support import metric, open_app


def test_engagement_page_shows_its_numbers_and_follows_the_filters(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_app(demo_db, monkeypatch, "engagement")
    assert at.title[0].value == "Engagement des habitants"
    everyone = metric(at, "Participants distincts")
    assert everyone.replace("\u202f", "").isdigit()
    assert "%" in metric(at, "Part des 10 % les plus actifs")
    gini = [m for m in at.metric if m.label.startswith("Indice de Gini (n = ")]
    assert gini and gini[0].label == f"Indice de Gini (n = {everyone})"
    assert gini[0].value.startswith("0,")
    assert [tab.label for tab in at.tabs][:2] == ["Renouvellement", "Concentration"]
    assert len(at.get("plotly_chart")) == 3  # the open tab only: rotation
    assert len(at.dataframe) == 3
    assert at.get("download_button")  # the tables' and the report's

    at.sidebar.selectbox(key="filter_service").select_index(1).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Engagement des habitants"
    assert metric(at, "Participants distincts") != everyone

    at.sidebar.selectbox(key="filter_service").select_index(0).run()
    at.sidebar.selectbox(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Residents' engagement"
    assert metric(at, "Distinct participants") == everyone.replace("\u202f", ",")
