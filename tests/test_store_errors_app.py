"""A store the app cannot open (issue 14): the page says why in the user's language — locked, not a
DuckDB file, a directory — never DuckDB's raw English message with its path and PID."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.i18n import Translator
from analytics.store.db import StoreProblem
from tests.store_support import held_open

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120


@pytest.fixture
def holder(demo_db: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the demo store held open for writing by another process."""
    with held_open(demo_db, tmp_path) as path:
        yield path


def store_at(kind: str, tmp_path: Path, holder: Path | None) -> Path:
    if kind == "directory":
        (tmp_path / "folder.duckdb").mkdir()
        return tmp_path / "folder.duckdb"
    if kind == "not_duckdb":
        (tmp_path / "notes.duckdb").write_text("not a database\n", encoding="utf-8")
        return tmp_path / "notes.duckdb"
    assert holder is not None
    return holder


@pytest.mark.parametrize(
    ("kind", "lang", "sentence"),
    [
        ("locked", "fr", "La base de données est utilisée par un autre programme"),
        ("locked", "en", "The database is in use by another program"),
        ("not_duckdb", "fr", "Le fichier de la base de données n'est pas une base DuckDB"),
        ("not_duckdb", "en", "The database file is not a DuckDB database"),
        ("directory", "fr", "Le chemin de la base de données désigne un dossier"),
        ("directory", "en", "The database path names a folder"),
    ],
)
def test_the_page_says_why_the_store_cannot_be_opened_in_the_users_language(
    kind: str, lang: str, sentence: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    path = store_at(kind, tmp_path, request.getfixturevalue("holder") if kind == "locked" else None)
    monkeypatch.setenv("PARTICIPATION_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    shown = " ".join(e.value for e in at.error)
    assert sentence in shown, shown
    assert str(path) not in shown and "PID" not in shown and "IO Error" not in shown


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", typing.get_args(StoreProblem))
def test_every_kind_of_store_error_has_a_sentence_in_both_languages(kind: str, lang: str) -> None:
    sentence = Translator(lang)(f"error.store.{kind}", id="0a1b2c3d")
    assert sentence != f"error.store.{kind}" and "{" not in sentence
    assert kind == "locked" or "0a1b2c3d" in sentence  # the administrator finds the log line
