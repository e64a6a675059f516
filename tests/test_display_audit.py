"""The access log reads as sentences, not JSON: each detail labelled and its value in words."""

from __future__ import annotations

import json

import pytest

from analytics.audit import details_text
from analytics.i18n import Translator

NBSP_CHARS = {"\u00a0", "\u202f"}


def plain(text: str) -> str:
    return "".join(" " if ch in NBSP_CHARS else ch for ch in text)


IMPORT = {"status": "imported", "format": "toggl", "import_id": 12, "rows_read": 1200,
          "rows_added": 1195, "rows_rejected": 5}


@pytest.mark.parametrize(
    ("details", "lang", "expected"),
    [
        (IMPORT, "fr", "Statut : Importé · Format : toggl · N° d'import : 12 · Lignes lues : 1 200 · "
                       "Lignes ajoutées : 1 195 · Lignes refusées : 5"),
        (IMPORT, "en", "Status: Imported · Format: toggl · Import no.: 12 · Rows read: 1,200 · "
                       "Rows added: 1,195 · Rows refused: 5"),
        ({"mode": "local", "by": "loopback"}, "fr",
         "Mode : poste local · Décidé par : connexion depuis la machine elle-même"),
        ({"mode": "oidc", "by": "provider"}, "en",
         "Mode: single sign-on · Decided by: identity provider"),
        ({"format": "xlsx"}, "fr", "Format : xlsx"),
        ({"format": None, "something_new": "x"}, "fr", "something_new : x"),
        (None, "fr", ""),
    ],
)
def test_access_log_details_read_in_words(
    details: dict[str, object] | None, lang: str, expected: str
) -> None:
    stored = None if details is None else json.dumps(details)
    assert plain(details_text(stored, Translator(lang))) == expected


def test_details_that_are_not_json_are_shown_as_they_are() -> None:
    assert details_text("not json", Translator("fr")) == "not json"
