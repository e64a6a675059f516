"""The importer's messages: every key translated, and what a French or English reader sees for bad input.

Reasons are raised as a message key and parameters (analytics/ingest/messages.py); the Data page shows
them in the session's language, the command line in English, and the store keeps the key so that rows
reviewed later read in the reader's language too.
"""

from __future__ import annotations

import ast
import pickle
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from analytics.i18n import Translator, catalogue, plain_text
from analytics.ingest import import_file
from analytics.ingest.mapping import ColumnMapping, save_mapping
from analytics.ingest.messages import (
    PREFIX,
    Code,
    Message,
    Position,
    choice,
    listing,
    placeholders,
    quoted,
)
from analytics.ingest.model import Refusal, Reject
from analytics.ingest.review import kept_rejects, localised_history
from analytics.ingest.templates import rejects_csv, rejects_frame
from analytics.ingest.vocabulary import CODES
from analytics.schema import TABLES
from analytics.store.db import migrate, migrations, open_store
from tests.ingest_support import FIXTURES, ROOT

FR, EN = Translator("fr"), Translator("en")
SOURCES = [*sorted((ROOT / "analytics" / "ingest").glob("*.py")),
           ROOT / "analytics" / "commands" / "imports.py", ROOT / "pages" / "data.py",
           ROOT / "dashboard" / "import_widgets.py"]
"""Where the importer's messages are raised or shown."""
RAISERS = frozenset({"Message", "Refusal", "ParseError", "MessageError"})
KEY = re.compile(r"^ingest(\.[a-z0-9_]+)+$")
DYNAMIC = ("data.table.",)
"""Keys built at run time from another catalogue (every table has a label: tested below)."""
NBSP = {"\u00a0", "\u202f"}


def plain(text: str) -> str:
    """What the reader sees of a text (markdown escapes undone), non-breaking spaces (around « »,
    in numbers) as ordinary spaces, for readable asserts."""
    return "".join(" " if ch in NBSP else ch for ch in plain_text(text))


# --- every key the importer can raise is translated ----------------------------------------------


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def raised() -> tuple[set[str], list[tuple[str, str, set[str]]], list[str]]:
    """(every ``ingest.*`` key written in the sources, the calls that give a literal key with keyword
    parameters only, the places that raise something else than a message key)."""
    keys: set[str] = set()
    calls: list[tuple[str, str, set[str]]] = []
    wrong: list[str] = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(
                    node.value):
                keys.add(node.value)
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(
                    node.values[0], ast.Constant) and str(node.values[0].value).startswith(PREFIX):
                wrong.append(f"{path.name}:{node.lineno}: a message key built at run time")
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            first = node.args[0] if node.args else None
            if name in RAISERS and first is not None:
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    if not first.value.startswith(PREFIX):
                        wrong.append(f"{path.name}:{node.lineno}: {name}({first.value!r})")
                    elif all(k.arg is not None for k in node.keywords):
                        calls.append((f"{path.name}:{node.lineno}", first.value,
                                      {k.arg for k in node.keywords if k.arg}))
                elif isinstance(first, ast.JoinedStr) and not (
                        isinstance(first.values[0], ast.Constant)
                        and str(first.values[0].value).startswith(DYNAMIC)):
                    wrong.append(f"{path.name}:{node.lineno}: {name}(f-string)")
            if name == "fail_where" and len(node.args) >= 3 and not (
                    isinstance(node.args[2], ast.Call) and _name(node.args[2].func) == "Message"):
                wrong.append(f"{path.name}:{node.lineno}: fail_where without a Message")
    return keys, calls, wrong


def test_the_scan_finds_the_importer_messages() -> None:
    keys, calls, _ = raised()
    assert len(keys) > 60 and len(calls) > 50
    assert {"ingest.cell.invalid_date", "ingest.row.no_agent", "ingest.file.no_header",
            "ingest.format.mismatch", "ingest.cell.unknown_value"} <= keys


def test_every_reason_is_a_message_key() -> None:
    """No English sentence raised directly (it could not be translated)."""
    assert raised()[2] == []


PLURAL = re.compile(r"\.(one|other)$")


def _texts(key: str) -> list[tuple[str, str] | None]:
    """The catalogue texts of a key: itself, or its plural forms (``key.one``, ``key.other``)."""
    if key in catalogue():
        return [catalogue()[key]]
    return [catalogue().get(f"{key}.one"), catalogue().get(f"{key}.other")]


def test_every_key_raised_has_a_french_and_an_english_text() -> None:
    keys, _, _ = raised()
    missing = sorted(key for key in keys
                     if not all(texts is not None and all(texts) for texts in _texts(key)))
    assert missing == []


def test_every_importer_key_of_the_catalogue_is_raised_somewhere() -> None:
    keys, _, _ = raised()
    unused = sorted(key for key in catalogue()
                    if key.startswith(PREFIX) and PLURAL.sub("", key) not in keys and key not in keys)
    assert unused == []


def test_placeholders_are_the_same_in_both_languages() -> None:
    differ = {key: (placeholders(fr), placeholders(en)) for key, (fr, en) in catalogue().items()
              if key.startswith(PREFIX) and placeholders(fr) != placeholders(en)}
    assert differ == {}


def test_each_call_gives_exactly_the_parameters_its_text_uses() -> None:
    _, calls, _ = raised()
    wrong = [(where, key, sorted(given), sorted(placeholders(catalogue()[key][1])))
             for where, key, given in calls
             if key in catalogue() and given != placeholders(catalogue()[key][1])]
    assert wrong == []


def test_labels_used_inside_messages_exist() -> None:
    """Table labels (mapping refusals) and coded values (unknown-value refusals) have both texts;
    age bands are written as their codes in both languages."""
    needed = [f"data.table.{table}" for table in TABLES] + [
        f"vocab.{vocabulary}.{code}" for vocabulary, codes in CODES.items() if vocabulary != "age_band"
        for code in codes]
    assert [key for key in needed if key not in catalogue() or not all(catalogue()[key])] == []


# --- messages themselves ---------------------------------------------------------------------------


def test_numbers_dates_and_lists_are_written_the_readers_way() -> None:
    message = Message("ingest.row.duplicate", line=Position(12345), columns=listing(["a", "b"]),
                      values=listing([12345.5, date(2026, 3, 4)]))
    assert plain(message.render(FR)) == "doublon de la ligne 12345 (même a, b : 12 345,5, 4 mars 2026)"
    assert message.render(EN) == "duplicate of line 12345 (same a, b: 12,345.5, 4 Mar 2026)"
    assert str(message) == message.render(EN)
    alternatives = choice(Code("level", code) for code in ("information", "coproduction"))
    unknown = Message("ingest.cell.unknown_value", value="x", allowed=alternatives)
    assert plain(unknown.render(FR)).endswith("(valeurs acceptées : Information ou Coproduction)")
    assert unknown.render(EN).endswith("(expected one of: Information or Co-production)")


def test_french_quotes_hold_non_breaking_spaces_and_the_value_as_typed() -> None:
    assert quoted(" 13/15/2024 ").render(FR) == "«\u00a0 13/15/2024 \u00a0»"
    assert quoted("it's").render(EN) == "'it's'"


def test_messages_survive_json_and_pickle() -> None:
    message = Message(
        "ingest.import.already", file="a.csv", earlier="b.csv", at=datetime(2026, 3, 4, 18, 30))
    nested = Message("ingest.import.refused", file="f.csv", reason=Message(
        "ingest.import.strict", count=3, line=Position(7), column=None,
        reason=Message("ingest.cell.unknown_value", value="v", allowed=choice(
            [Code("role", "resident"), "autre"]))))
    for original in (message, nested, Message("ingest.row.weekly_too_many", max=80.5)):
        stored = Message.stored(original.key, original.params_json(), str(original))
        assert stored == original
        assert stored.render(FR) == original.render(FR)
        assert pickle.loads(pickle.dumps(original)) == original
    assert plain(message.render(FR)) == (
        "a.csv : déjà importé sous le nom b.csv (le 4 mars 2026 à 18:30) ; rien n'a été ajouté")
    assert "ligne 7 (– :" in nested.render(FR)


def test_a_broken_or_unknown_message_never_raises() -> None:
    assert Message("ingest.cell.not_date").render(FR, markdown=False).startswith("ingest.cell.not_date")
    assert Message.stored("ingest.gone", "{}", "old English text").render(FR) == "old English text"
    assert Message.stored("ingest.cell.not_date", "{not json", "stored").render(FR) == "stored"
    assert Message.stored(None, None, "reason before 0004").render(FR) == "reason before 0004"


def test_errors_keep_their_english_text_and_carry_the_message() -> None:
    error = Refusal("ingest.file.no_header")
    assert str(error) == "the file is empty (no header line)"
    assert error.message.render(FR) == "le fichier est vide (aucune ligne d'en-tête)"
    reject = Reject(3, "Date", "a plain reason")
    assert (reject.reason, reject.text(FR)) == ("a plain reason", "a plain reason")


# --- what a reader sees for bad input ------------------------------------------------------------

ROWS: list[tuple[str, bytes, int, str | None, str, str]] = [
    ("bad_date", b"date;agent;heures\n01/02/2025;A;2\n31/02/2025;A;2\n", 3, "date",
     "date invalide : « 31/02/2025 »", "invalid date '31/02/2025'"),
    ("month_over_12", b"date;agent;heures\n20/03/2024;A;2\n25/03/2024;A;2\n03/15/2024;A;2\n", 4,
     "date", "date invalide : « 03/15/2024 », le mois serait 15 (la colonne est lue au format "
     "JJ/MM/AAAA)", "invalid date '03/15/2024': month 15 (the column reads DD/MM/YYYY)"),
    ("unreadable_date", b"date;agent;heures\nmardi;A;2\n", 2, "date",
     "date illisible : « mardi » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)",
     "not a date: 'mardi' (expected DD/MM/YYYY or YYYY-MM-DD)"),
    ("bad_duration", "date;agent;durée (h)\n01/02/2025;A;deux heures\n".encode(), 2, "durée (h)",
     "durée illisible : « deux heures » (attendu : H:MM ou un nombre d'heures, par exemple 1,5)",
     "not a duration: 'deux heures' (expected H:MM or decimal hours)"),
    ("negative_duration", b"date;agent;heures\n01/02/2025;A;-2,5\n", 2, "heures",
     "durée négative : « -2,5 »", "negative duration '-2,5'"),
    ("too_long", b"date;agent;heures\n01/02/2025;A;30,5\n", 2, "heures",
     "plus de 24 heures dans une seule saisie", "more than 24 hours in one entry"),
    ("no_duration", b"date;agent;heures\n01/02/2025;A;\n", 2, "heures",
     "durée manquante : indiquez les heures, ou une heure de début et une heure de fin",
     "no duration: give the hours, or a start and an end time"),
    ("bad_time", b"date;agent;heure de debut;heure de fin\n01/02/2025;A;25:00;26:00\n", 2,
     "heure de debut", "heure invalide : « 25:00 »", "invalid time '25:00'"),
    ("unreadable_time", b"date;agent;heure de debut;heure de fin\n01/02/2025;A;midi;14:00\n", 2,
     "heure de debut", "heure illisible : « midi » (attendu : HH:MM)",
     "not a time: 'midi' (expected HH:MM)"),
    ("missing_agent", b"date;agent;heures\n01/02/2025;;2\n", 2, "agent",
     "aucun agent (identifiant, nom ou courriel)", "no agent (id, name or e-mail)"),
    ("unknown_dimension", b"dimension;category;population\nrevenu;bas;120\n", 2, "dimension",
     "valeur inconnue : « revenu » (valeurs acceptées : Quartier ou Tranche d'âge)",
     "unknown value 'revenu' (expected one of: Neighbourhood or Age band)"),
    ("year_one", b"date;agent;heures\n0001-01-01;A;2\n", 2, "date",
     "date hors de la période acceptée (1900–2100) : « 0001-01-01 »",
     "date outside the accepted years (1900–2100): '0001-01-01'"),
    ("year_9999", b"date;agent;heures\n31/12/9999;A;2\n", 2, "date",
     "date hors de la période acceptée (1900–2100) : « 31/12/9999 »",
     "date outside the accepted years (1900–2100): '31/12/9999'"),
    ("count_too_large", b"event_id;event_date;attendees_count\ne1;01/02/2025;99999999999\n", 2,
     "attendees_count",
     "nombre trop grand pour cette colonne (au plus 2 147 483 647) : « 99999999999 »",
     "number too large for this column (at most 2,147,483,647): '99999999999'"),
    ("digits_400", b"event_id;event_date;attendees_count\ne1;01/02/2025;" + b"9" * 400 + b"\n", 2,
     "attendees_count",
     "nombre trop grand pour cette colonne (au plus 1 000 000 000 000) : « " + "9" * 400 + " »",
     "number too large for this column (at most 1,000,000,000,000): '" + "9" * 400 + "'"),
    ("nan", b"event_id;event_date;attendees_count\ne1;01/02/2025;NaN\n", 2, "attendees_count",
     "nombre illisible : « NaN »", "not a number: 'NaN'"),
    ("infinity", b"date;agent;heures\n01/02/2025;A;inf\n", 2, "heures",
     "durée illisible : « inf » (attendu : H:MM ou un nombre d'heures, par exemple 1,5)",
     "not a duration: 'inf' (expected H:MM or decimal hours)"),
    ("not_a_number", b"event_id;event_date;attendees_count\ne1;01/02/2025;douze\n", 2,
     "attendees_count", "nombre illisible : « douze »", "not a number: 'douze'"),
    ("not_whole", b"event_id;event_date;attendees_count\ne1;01/02/2025;-3\n", 2,
     "attendees_count", "nombre de personnes attendu (entier positif ou nul), trouvé « -3 »",
     "expected a whole number of people, found '-3'"),
    ("duplicate", b"agent_id;valid_from;weekly_hours\na1;01/01/2025;35\na1;01/01/2025;30\n", 3,
     "agent_id", "doublon de la ligne 2 (même agent_id, valid_from : a1, 1er janv. 2025)",
     "duplicate of line 2 (same agent_id, valid_from: a1, 1 Jan 2025)"),
    ("weekly_hours", b"agent_id;valid_from;weekly_hours\na1;01/01/2025;90,5\n", 2, "weekly_hours",
     "plus de 80 heures par semaine", "more than 80 hours a week"),
    ("ends_before_start", b"agent_id;valid_from;valid_to;weekly_hours\na1;01/01/2025;01/12/2024;35\n",
     2, "valid_to", "la fin précède le début", "ends before it starts"),
    ("required_cell", b"agent_id;valid_from;weekly_hours\na1;01/01/2025;\n", 2, "weekly_hours",
     "valeur obligatoire manquante : weekly_hours", "no weekly_hours"),
    ("one_of", b"agent_id;agent_name;valid_from;weekly_hours\n;;01/01/2025;35\n", 2, "agent_id",
     "il faut au moins l'une de ces valeurs : agent_id, agent_name ou agent_email",
     "no agent_id, agent_name or agent_email"),
    ("too_many_cells", b"date;agent;heures\n01/02/2025;A;2\n01/02/2025;B;2;3\n", 3, None,
     "4 cellules alors que l'en-tête en compte 3 (un séparateur non protégé par des guillemets ?)",
     "4 cells where the header has 3 (an unquoted separator?)"),
]


@pytest.mark.parametrize(("data", "line", "column", "fr", "en"),
                         [case[1:] for case in ROWS], ids=[case[0] for case in ROWS])
def test_a_refused_row_reads_in_french_and_in_english(
    store: duckdb.DuckDBPyConnection, data: bytes, line: int, column: str | None, fr: str, en: str,
) -> None:
    result = import_file(store, data, "saisie.csv")
    assert result.status == "imported", result.message
    [reject] = result.rejects
    assert (reject.line, reject.column) == (line, column)
    assert reject.message.keys() <= set(catalogue())
    assert plain(reject.text(FR)) == fr
    assert plain_text(reject.text(EN)) == en == reject.reason
    shown = {lang: rejects_frame(result.rejects, Translator(lang)).iloc[0].tolist()[:3]
             for lang in ("fr", "en")}
    assert [shown["fr"][0], shown["fr"][1], plain(shown["fr"][2])] == [line, column, fr]
    assert shown["en"] == [line, column, en]
    [kept] = kept_rejects(store, result.import_id)  # reviewed later: still in the reader's language
    assert (kept.line, kept.column, plain(kept.text(FR)), plain_text(kept.text(EN))) == (
        line, column, fr, en)


FILES: list[tuple[str, bytes, dict[str, Any], str, str]] = [
    ("vide.csv", b"", {}, "le fichier est vide", "the file is empty"),
    ("entete.csv", b'""\n\n', {}, "le fichier est vide (aucune ligne d'en-tête)",
     "the file is empty (no header line)"),
    ("binaire.csv", b"abc\x00def", {},
     "le fichier contient des données binaires (octets nuls) : ce n'est ni du texte ni un tableur",
     "the file holds binary data (NUL bytes), not text or a spreadsheet"),
    ("export.csv", b"foo;bar\n1;2\n", {"format": "toggl"},
     "ce n'est pas un fichier toggl : en-têtes attendus « user » ou « email », « start date », "
     "« start time » ou « duration » ; en-têtes trouvés : « foo », « bar »",
     "not a toggl file: expected the headers 'user' or 'email', 'start date', 'start time' or "
     "'duration'; found 'foo', 'bar'"),
    ("export.csv", b"foo;bar\n1;2\n", {"format": "tempo"}, "format inconnu : « tempo »",
     "unknown format 'tempo'"),
    ("liste.json", b'[{"a": 1},', {},
     "le JSON n'a pas pu être lu : une valeur est attendue (ligne 1, colonne 11)",
     "the JSON could not be read: Expecting value (line 1, column 11)"),
    ("liste.json", b"[1, 2]", {}, "la liste JSON ne contient pas d'enregistrements (objets)",
     "the JSON list does not hold records (objects)"),
    ("badge.csv", b"Employee;Day\nAnna;03/02/2025\n",
     {"mapping": ColumnMapping("time_entries", {"agent_name": "Employee"})},
     "la correspondance vers la table « Temps saisis » ne dit pas où trouver : work_date ; hours "
     "ou start_time",
     "the mapping onto Time entries lacks: work_date; hours or start_time"),
    ("badge.csv", b"Employee;Day\nAnna;03/02/2025\n", {"mapping": "badgeuse"},
     "aucune correspondance enregistrée sous le nom « badgeuse » (enregistrez-en une depuis la "
     "page Données)",
     "no saved mapping called 'badgeuse' (save one from the Data page first)"),
    ("strict.csv", b"date;agent;heures\n01/02/2025;A;2\n31/02/2025;A;2\n", {"strict": True},
     "mode strict : lignes refusées : 1, la première à la ligne 3 (date : date invalide : "
     "« 31/02/2025 ») ; rien n'a été importé",
     "strict mode: rejected rows: 1, the first at line 3 (date: invalid date '31/02/2025'); "
     "nothing was imported"),
]


@pytest.mark.parametrize(("name", "data", "options", "fr", "en"), FILES,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(FILES)])
def test_a_refused_file_reads_in_french_and_in_english(
    store: duckdb.DuckDBPyConnection, name: str, data: bytes, options: dict[str, Any], fr: str,
    en: str,
) -> None:
    result = import_file(store, data, name, **options)
    assert result.status == "refused"
    assert result.detail is not None and result.detail.keys() <= set(catalogue())
    assert plain(result.text(FR)) == f"{name} : refusé — {fr}"
    assert plain_text(result.text(EN)) == result.message == f"{name}: refused — {en}"


def test_an_unrecognised_file_says_what_was_expected_in_both_languages(
    store: duckdb.DuckDBPyConnection,
) -> None:
    result = import_file(store, b"foo;bar\n1;2\n", "inconnu.csv")
    french = plain(result.text(FR))
    assert french.startswith("inconnu.csv : refusé — export non reconnu (en-têtes trouvés : « foo », "
                             "« bar »). Il faut les en-têtes d'un format connu — toggl : « user » ou")
    assert "ou un modèle canonique (services, agents," in french
    assert result.message.startswith("inconnu.csv: refused — not a recognised export (headers found: "
                                     "'foo', 'bar'). Expected the headers of a known format")


def test_a_mapping_without_a_name_is_refused_in_both_languages(
    store: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(Refusal) as caught:
        save_mapping(store, "  ", ColumnMapping("time_entries", {}), ["a"])
    assert caught.value.message.render(FR) == "une correspondance doit avoir un nom"
    assert str(caught.value) == "a mapping needs a name"


# --- what the store keeps --------------------------------------------------------------------------


def test_summary_and_history_read_in_the_readers_language(store: duckdb.DuckDBPyConnection) -> None:
    from analytics.data_health import import_history

    result = import_file(store, FIXTURES / "french_excel_cp1252.csv")
    assert result.message.endswith("; line 10: totals row skipped")
    french = plain(result.text(FR))
    assert french.startswith("french_excel_cp1252.csv — lignes lues : 7 ; acceptées : 5 "
                             "(nouvelles : 5) ; refusées : 2 ; agents créés : ")
    assert french.endswith(" ; ligne 10 : ligne de total ignorée")
    history = import_history(store)
    assert plain(localised_history(history, FR)["message"].iloc[0]) == french
    assert localised_history(history, EN)["message"].iloc[0] == result.message
    assert "message_key" not in localised_history(history, FR).columns
    again = import_file(store, FIXTURES / "french_excel_cp1252.csv", name="copie.csv")
    assert plain(again.text(FR)).startswith("copie.csv : déjà importé sous le nom "
                                            "french_excel_cp1252.csv (le ")


def test_the_store_keeps_key_parameters_and_english_text(store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, b"date;agent;heures\n31/02/2025;A;2\n", "saisie.csv")
    row = store.execute("SELECT line, column_name, reason, reason_key, reason_params "
                        "FROM import_rejects").fetchall()
    assert row == [(2, "date", "invalid date '31/02/2025'", "ingest.cell.invalid_date",
                    '{"value": "31/02/2025"}')]


def test_rows_kept_before_migration_0004_show_their_stored_text(tmp_path: Path) -> None:
    """A store made before 0004 migrates; its refused rows keep their English reason."""
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    for version, name, sql in migrations():
        if version < 4:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
    con.execute("INSERT INTO imports (import_id, file_name, sha256, format, rows_read, rows_accepted,"
                " rows_rejected, status, message) VALUES (1, 'old.csv', 'x', 'toggl', 1, 0, 1,"
                " 'imported', 'old.csv: 1 rows read')")
    con.execute("INSERT INTO import_rejects VALUES (1, 2, 'Date', 'invalid date ''x''', 'x;A')")
    assert 4 in migrate(con)
    [kept] = kept_rejects(con, 1)
    assert (kept.line, kept.column, kept.text(FR), kept.text(EN)) == (
        2, "Date", "invalid date 'x'", "invalid date 'x'")
    con.close()


def test_downloaded_refused_rows_carry_the_readers_language(store: duckdb.DuckDBPyConnection) -> None:
    result = import_file(store, FIXTURES / "french_excel_cp1252.csv")
    french = plain(rejects_csv(result.rejects, FR).decode("utf-8-sig"))
    assert "5;Date;date invalide : « 31/02/2025 »;" in french
    english = rejects_csv(result.rejects).decode("utf-8-sig")
    assert "5;Date;invalid date '31/02/2025';" in english


# --- the Data page ---------------------------------------------------------------------------------


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The Data page on a store holding one import with a refused row (so that it can be reviewed)."""
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "store.duckdb"
    monkeypatch.setenv("PARTICIPATION_DB", str(db))
    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", str(tmp_path / "keys"))
    con = open_store(db)
    assert import_file(con, FIXTURES / "kimai1_en.csv").status == "imported"
    kept = import_file(con, b"dimension;category;population\nrevenu;bas;120\n", "population.csv")
    assert kept.rows_rejected == 1
    con.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    yield at


def _frames(at: Any, column: str) -> list[Any]:
    return [frame.value for frame in at.dataframe if column in frame.value.columns]


def test_the_data_page_shows_reasons_in_the_sessions_language(page: Any) -> None:
    french = FIXTURES / "french_excel_cp1252.csv"
    page.file_uploader(key="data_upload").set_value((french.name, french.read_bytes(), "text/csv"))
    page.run()
    page.button(key="data_import").click().run()
    assert not page.exception, page.exception
    fresh, reviewed = _frames(page, "Raison")
    assert [plain(reason) for reason in fresh["Raison"]] == [
        "date invalide : « 31/02/2025 »",
        "durée illisible : « deux heures » (attendu : H:MM ou un nombre d'heures, par exemple 1,5)"]
    assert fresh["Ligne"].tolist() == [5, 8]
    assert page.selectbox(key="review_import").value is not None
    assert [plain(reason) for reason in reviewed["Raison"]] == [
        "valeur inconnue : « revenu » (valeurs acceptées : Quartier ou Tranche d'âge)"]
    history = _frames(page, "Détail")[0]
    assert any("lignes lues : 7" in plain(text) for text in history["Détail"])

    page.sidebar.selectbox(key="lang").set_value("en").run()
    assert not page.exception, page.exception
    fresh, reviewed = _frames(page, "Reason")
    assert fresh["Reason"].tolist() == [
        "invalid date '31/02/2025'", "not a duration: 'deux heures' (expected H:MM or decimal hours)"]
    assert reviewed["Reason"].tolist() == [
        "unknown value 'revenu' (expected one of: Neighbourhood or Age band)"]


def test_an_unreadable_upload_is_explained_in_french(page: Any) -> None:
    page.file_uploader(key="data_upload").set_value(("vide.csv", b'""\n', "text/csv")).run()
    assert not page.exception, page.exception
    assert any("le fichier est vide (aucune ligne d'en-tête)" in error.value for error in page.error)


@pytest.mark.parametrize(
    ("fixture", "t", "format_shown", "status_shown"),
    [
        ("french_excel_cp1252.csv", FR, "Modèle canonique : Temps saisis", "Importé"),
        ("french_excel_cp1252.csv", EN, "Canonical template: Time entries", "Imported"),
        ("kimai1_en.csv", FR, "Kimai (export CSV, 1.x et 2.x, anglais ou allemand)", "Importé"),
    ],
)
def test_history_names_format_and_status_in_the_readers_language(
        store: duckdb.DuckDBPyConnection, fixture: str, t: Translator, format_shown: str,
        status_shown: str) -> None:
    from analytics.data_health import import_history

    import_file(store, FIXTURES / fixture)
    shown = localised_history(import_history(store), t).iloc[0]
    assert (shown["format"], shown["status"]) == (format_shown, status_shown)
