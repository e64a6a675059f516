"""No traceback reaches a user (issue 14): Streamlit redacts uncaught errors, and the app frame turns
an unexpected error on a page into a sentence in the user's language quoting an id that is logged
with the traceback."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 120
SECRET = "/srv/secret/path.duckdb held by PID 4242"


def test_streamlit_shows_no_error_details() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", r"Une erreur inattendue .*identifiant ([0-9a-f]{8})"),
        ("en", r"An unexpected error .* error id ([0-9a-f]{8})"),
    ],
)
def test_an_unexpected_error_on_a_page_shows_a_sentence_quoting_the_logged_id(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    lang: str, sentence: str,
) -> None:
    import analytics.vega_figures

    def broken(*_: object) -> None:
        raise RuntimeError(SECRET)

    monkeypatch.setenv("PARTICIPATION_DB", str(demo_db))
    monkeypatch.setattr(analytics.vega_figures, "weekly_load_chart", broken)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.sidebar.selectbox(key="lang").set_value(lang).run()
    with caplog.at_level(logging.ERROR):
        at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    shown = " ".join(e.value for e in at.error)
    match = re.search(sentence, shown)
    assert match, shown
    assert SECRET not in shown and "RuntimeError" not in shown
    logged = [r for r in caplog.records if match.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info and SECRET in str(logged[0].exc_info[1])
    assert at.sidebar.selectbox(key="lang").value == lang  # the frame still drew around the page


def test_an_unexpected_error_in_the_frame_shows_the_sentence_and_no_page(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    import dashboard.components

    def broken(*_: object) -> None:
        raise RuntimeError(SECRET)

    monkeypatch.setenv("PARTICIPATION_DB", str(demo_db))
    monkeypatch.setattr(dashboard.components, "demo_banner", broken)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    with caplog.at_level(logging.ERROR):
        at.run()
    assert not at.exception, at.exception
    shown = " ".join(e.value for e in at.error)
    match = re.search(r"Une erreur inattendue .*identifiant ([0-9a-f]{8})", shown)
    assert match and SECRET not in shown, shown
    assert any(match.group(1) in r.getMessage() for r in caplog.records)
    assert not at.title  # the page did not run without its frame
