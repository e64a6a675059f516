"""The gettext catalogues (analytics/locales/<lang>/LC_MESSAGES/<area>.po): every key the code uses
exists in French and in English, with the same placeholders, and a plural entry has each language's
forms, chosen by the language's rule (« 0 agent », « 1 agent », « 2 agents »; "0 agents")."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from analytics.i18n import (
    LANGUAGES,
    LOCALES_DIR,
    Translator,
    counted,
    message_key,
    messages,
    placeholders,
    po_catalogues,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("analytics/**/*.py"), *ROOT.glob("pages/**/*.py"),
                  *ROOT.glob("dashboard/**/*.py"), ROOT / "app.py"])
"""The code that shows messages (benchmarks and tests only name functions and files)."""
KEY_SHAPE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")
PREFIX_SHAPE = re.compile(r"^[a-z][a-z0-9_]*\.(?:[a-z0-9_]+\.)*[a-z0-9_]*$")
FILE_SUFFIXES = {"py", "sql", "csv", "xlsx", "duckdb", "json", "md", "html", "po", "txt", "parquet"}
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);", "en": "nplurals=2; plural=(n != 1);"}


def keys(lang: str) -> set[str]:
    return set(messages(lang).texts) | set(messages(lang).plurals)


ALL_KEYS = keys("fr") | keys("en")
PREFIXES = {key.split(".", 1)[0] for key in ALL_KEYS}


def texts(lang: str, key: str) -> tuple[str, ...]:
    entries = messages(lang)
    return (entries.texts[key],) if key in entries.texts else entries.plurals.get(key, ())


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def used_keys() -> Iterator[tuple[str, str, str]]:
    """(where, how, text) of every literal in the code that names a message: the key of a call
    ``t("…")``, ``t.plain("…")``, ``counted(t, "…")`` (how = 'call' or 'counted'), any other string
    shaped like a key of a known area (tables of keys; how = 'literal'), and the literal start of an
    f-string or a sum that builds one (``f"eng.fig.{name}"``, ``"x.per_" + grain``; how = 'prefix').
    A key-shaped string that is a file name or an indicator's key (``capacity.load_ratio``, named by
    ``ind.capacity.load_ratio``) is not a message."""
    for path in SOURCES:
        where = str(path.relative_to(ROOT))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                       for part in node.values}
        glued = {id(node.left): node for node in ast.walk(tree)
                 if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
                 and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name, args = _name(node.func), node.args
                key_arg = args[1] if name == "counted" and len(args) > 1 else (
                    args[0] if name in {"t", "plain"} and args else None)
                if isinstance(key_arg, ast.Constant) and isinstance(key_arg.value, str):
                    yield f"{where}:{node.lineno}", "counted" if name == "counted" else "call", key_arg.value
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                start = str(node.values[0].value)
                if len(node.values) > 1 and PREFIX_SHAPE.match(start) and start.split(".")[0] in PREFIXES:
                    yield f"{where}:{node.lineno}", "prefix", start
            elif id(node) in glued and isinstance(node, ast.Constant):
                start = str(node.value)
                if PREFIX_SHAPE.match(start) and start.split(".")[0] in PREFIXES:
                    yield f"{where}:{node.lineno}", "prefix", start
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in in_fstrings and KEY_SHAPE.match(node.value)
                  and node.value.split(".")[0] in PREFIXES
                  and node.value.rsplit(".", 1)[1] not in FILE_SUFFIXES
                  and f"ind.{node.value}" not in ALL_KEYS):
                yield f"{where}:{node.lineno}", "literal", node.value


USED = list(used_keys())


def test_the_scan_finds_the_keys_of_every_kind() -> None:
    found = {(how, text) for _, how, text in USED}
    assert {("call", "capacity.title"), ("counted", "capacity.legal.count"),
            ("literal", "nav.overview"), ("prefix", "vocab."),
            ("prefix", "capacity.fig.axis.hours_per_")} <= found
    assert len({text for _, how, text in USED if how != "prefix"}) > 500


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_used_in_the_code_exists(lang: str) -> None:
    missing = sorted(f"{where}: {text}" for where, how, text in USED if how != "prefix"
                     and not all(texts(lang, text) or ("",)))
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_built_by_an_f_string_has_messages(lang: str) -> None:
    missing = sorted(f"{where}: {start}…" for where, how, start in USED
                     if how == "prefix" and not any(key.startswith(start) for key in keys(lang)))
    assert missing == []


def test_a_counted_key_is_a_plural_entry() -> None:
    plain = sorted(f"{where}: {text}" for where, how, text in USED
                   if how == "counted" and text not in messages("fr").plurals)
    assert plain == []


def test_both_languages_have_the_same_keys_in_the_same_areas() -> None:
    def areas(lang: str) -> dict[str, set[str]]:
        return {area: {message_key(m) for m in catalogue if m.id}
                for area, catalogue in po_catalogues(lang).items()}

    assert areas("fr") == areas("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_and_current(lang: str) -> None:
    entries = [(area, m) for area, catalogue in po_catalogues(lang).items() for m in catalogue if m.id]
    assert [f"{area}: {message_key(m)}" for area, m in entries
            if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))] == []
    assert [area for area, catalogue in po_catalogues(lang).items() if catalogue.obsolete] == []


def test_both_languages_use_the_same_placeholders() -> None:
    differ = sorted(key for key in ALL_KEYS
                    if {frozenset(placeholders(text)) for text in texts("fr", key)[-1:]}
                    != {frozenset(placeholders(text)) for text in texts("en", key)[-1:]}
                    or [placeholders(text) for text in texts("fr", key)[:-1]]
                    != [placeholders(text) for text in texts("en", key)[:-1]])
    assert differ == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_singular_form_uses_no_other_value_than_the_plural_form(lang: str) -> None:
    wrong = sorted(key for key, forms in messages(lang).plurals.items()
                   if not all(placeholders(form) <= placeholders(forms[-1]) | {"n", "count"}
                              for form in forms))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_states_the_languages_plural_rule(lang: str) -> None:
    assert {area: catalogue.plural_forms for area, catalogue in po_catalogues(lang).items()} == {
        area: PLURAL_FORMS[lang] for area in po_catalogues(lang)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_entry_has_the_languages_number_of_forms(lang: str) -> None:
    entries = [m for catalogue in po_catalogues(lang).values() for m in catalogue
               if isinstance(m.id, tuple)]
    assert len(entries) > 40
    assert [message_key(m) for m in entries if len(m.string) != 2] == []


@pytest.mark.parametrize(
    ("lang", "count", "digits", "expected"),
    [
        ("fr", 0, 0, "0 agent en surcharge prolongée."),
        ("fr", 1, 0, "1 agent en surcharge prolongée."),
        ("fr", 2, 0, "2 agents en surcharge prolongée."),
        ("fr", 1234, 0, "1 234 agents en surcharge prolongée."),
        ("en", 0, 0, "0 agents in sustained overload."),
        ("en", 1, 0, "1 agent in sustained overload."),
        ("en", 2, 0, "2 agents in sustained overload."),
        ("en", -1, 0, "\u22121 agent in sustained overload."),
        ("fr", 1.5, 1, "1,5 agents en surcharge prolongée."),
        ("en", 1.5, 1, "1.5 agents in sustained overload."),
    ],
)
def test_the_count_chooses_the_form_by_the_languages_rule(
    lang: str, count: float, digits: int, expected: str
) -> None:
    text = counted(Translator(lang), "capacity.overload.count", count, digits)
    assert text.replace("\u202f", " ").replace("\u00a0", " ") == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [({}, "capacity.overload.count"), ({"count": "2"}, "capacity.overload.count"),
     ({"count": 2, "n": "2"}, "2 agents en surcharge prolongée.")],
)
def test_a_plural_entry_without_a_number_shows_its_key(values: dict[str, object], expected: str) -> None:
    assert Translator("fr")("capacity.overload.count", **values) == expected


def test_no_python_message_module_is_left() -> None:
    """After a merge, the (fr, en) tuples of a branch go into the .po files (tools/po_merge.py in the
    team's worktree area, see README 'Messages'); a module left here would be ignored silently."""
    assert sorted(p.name for p in LOCALES_DIR.glob("*.py") if p.name != "__init__.py") == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "Agents dont les heures ont dépassé 110 % de leur capacité pendant au moins 4 semaines "
            "consécutives"),
     ("en", "Agents whose hours exceeded 110% of their capacity for at least 4 consecutive weeks")],
)
def test_a_definition_is_a_template_filled_with_the_thresholds_in_force(lang: str, expected: str) -> None:
    """A message names the thresholds it shows; the caller passes those in force (here overridden to
    110 % and 4 weeks), and values the text does not name are ignored."""
    t = Translator(lang)
    key = "capacity.overload.intro"
    assert {"ratio", "weeks"} <= placeholders(t.plain(key))
    text = t.plain(key, ratio=t.percent(1.1), weeks=4, max_daily_hours=10)
    assert text.replace("\u202f", " ").replace("\u00a0", " ").startswith(expected)
