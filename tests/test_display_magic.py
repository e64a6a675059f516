"""No developer text on screen: Streamlit's "magic" draws any bare string literal of a page that is
not a docstring (the first statement of the module, a function or a class)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py")])


def floating_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every bare string statement that is not a docstring."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        docstring_allowed = isinstance(
            node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        for position, statement in enumerate(body):
            if (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                    and not (docstring_allowed and position == 0)):
                found.append((statement.lineno, statement.value.value[:60]))
    return found


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_page_has_a_floating_string_that_magic_would_draw(script: Path) -> None:
    assert floating_strings(script.read_text(encoding="utf-8")) == []


def test_the_arbitration_page_shows_no_developer_text(demo_db: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTICIPATION_DB", str(demo_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/arbitration.py").run()
    assert not at.exception, at.exception
    shown = [element.value for element in at.markdown]
    assert [text for text in shown if "persist_state" in text] == []


def widget_calls_without_placeholder(source: str, widgets: tuple[str, ...]) -> list[int]:
    """Lines of the ``widgets`` calls that leave Streamlit's English placeholder ("Choose an
    option") in place."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in widgets
            and not any(keyword.arg == "placeholder" for keyword in node.keywords)]


@pytest.mark.parametrize("script", [*SCRIPTS, *sorted((ROOT / "dashboard").glob("*.py"))],
                         ids=lambda p: p.name)
def test_every_multiselect_has_a_placeholder_in_the_pages_language(script: Path) -> None:
    assert widget_calls_without_placeholder(script.read_text(encoding="utf-8"),
                                            ("multiselect",)) == []


def empty_selectboxes_without_placeholder(source: str) -> list[int]:
    """Lines of the ``selectbox`` calls that open empty (``index=None``) on Streamlit's English
    "Choose an option"."""
    return [line for line in widget_calls_without_placeholder(source, ("selectbox",))
            if any(isinstance(node, ast.Call) and node.lineno == line and any(
                keyword.arg == "index" and isinstance(keyword.value, ast.Constant)
                and keyword.value.value is None for keyword in node.keywords)
                for node in ast.walk(ast.parse(source)))]


@pytest.mark.parametrize("script", [*SCRIPTS, *sorted((ROOT / "dashboard").glob("*.py"))],
                         ids=lambda p: p.name)
def test_every_empty_selectbox_has_a_placeholder_in_the_pages_language(script: Path) -> None:
    assert empty_selectboxes_without_placeholder(script.read_text(encoding="utf-8")) == []


def test_an_empty_selectbox_without_placeholder_is_found() -> None:
    assert empty_selectboxes_without_placeholder(
        "st.selectbox('a', [1], index=None)\nst.selectbox('b', [1])\n"
        "st.selectbox('c', [1], index=None, placeholder=t('x'))\n") == [1]
