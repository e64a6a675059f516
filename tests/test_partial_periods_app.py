"""AppTest: what a reader sees of a partial period on the overview (the demo town as of Monday 30
November 2026: the last week of the default period has one day of data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import open_app


@pytest.fixture
def app(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return open_app(demo_db, monkeypatch)


@pytest.mark.parametrize(("lang", "note"), [
    ("fr", "Semaines partielles, hachurées (moins de jours, pas une baisse) : 2026-S49, 1 jour sur 7."),
    ("en", "Partial weeks, hatched (fewer days, not a drop): 2026-W49, 1 day of 7."),
])
def test_the_overview_names_its_partial_last_week(app: AppTest, lang: str, note: str) -> None:
    app.sidebar.selectbox(key="lang").set_value(lang).run()
    assert not app.exception, app.exception
    assert note in [c.value for c in app.caption]
