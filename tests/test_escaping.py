"""Texts from data are escaped before they reach Streamlit markdown (issue 14, item 3).

``t(key, **values)`` escapes the values it interpolates; ``t.plain`` does not (tables, plotly, the
command line); a :class:`~analytics.i18n.Markdown` value is markdown the app made itself. The
escaped text leaves no markdown special bare and breaks every autolink (what the browser then shows
is checked in tests/browser/test_hostile_browser.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analytics import i18n
from analytics.figures import chart_text, escape_figure
from analytics.i18n import Markdown, Translator, escape_markdown, plain_text
from analytics.ingest.messages import Message

WJ = "\u2060"
HOSTILE = [
    "![x](http://evil.example/p.png)",
    "[clique](http://evil.example/)",
    "<img src=x onerror=alert(1)>",
    "**gras**",
    "$x^2$",
    "`code`",
    "http://evil.example/p.png",
    "www.evil.example",
    "qui@evil.example",
    ":red[rouge] :smile:",
    "# titre",
    "- puce",
    "1. liste",
    "> citation",
    "a\n\n![x](http://evil.example/p.png)",
    "~~barré~~ | table | _souligné_ \\",
]


SPECIALS = set("\\`*_[]<>$~|&#")


def unescaped_specials(text: str) -> list[str]:
    """The markdown specials of ``text`` not preceded by a backslash (a backslash escapes one)."""
    found, escaped = [], False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in SPECIALS:
            found.append(ch)
    return found


@pytest.mark.parametrize("value", HOSTILE)
def test_an_escaped_value_has_no_live_markdown(value: str) -> None:
    """No special character left bare, no autolink (scheme, www., e-mail), no new line."""
    escaped = escape_markdown(value)
    assert unescaped_specials(escaped) == []
    assert not re.search(r"(?i)(https?|mailto|javascript):/|www\.|\w@\w|:[a-z]", escaped)
    assert "\n" not in escaped


@pytest.mark.parametrize("value", HOSTILE)
def test_plain_text_undoes_the_escaping(value: str) -> None:
    assert plain_text(escape_markdown(value)) == value.replace("\n", " ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Vie des quartiers et démocratie participative",
         "Vie des quartiers et démocratie participative"),
        ("![x](http://h/p.png)", f"!\\[x\\](http:{WJ}//h/p.png)"),
        ("<img src=x>", "\\<img src=x\\>"),
        ("**b** $m$ `c`", "\\*\\*b\\*\\* \\$m\\$ \\`c\\`"),
        ("a@b.fr www.b.fr", f"a{WJ}@b.fr w{WJ}ww.b.fr"),
        ("10:05", "10:05"),
        ("# h", "\\# h"),
        ("- x", "\\- x"),
        ("12. x", "12\\. x"),
        ("-0,04", "-0,04"),
        ("12.5 h", "12.5 h"),
        ("===", "\\==="),
        ("a\nb", "a b"),
    ],
)
def test_escape_markdown(value: str, expected: str) -> None:
    assert escape_markdown(value) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda t: t("ingest.quoted", value="**X** ![i](http://h/i.png)"),
         "«\u00a0\\*\\*X\\*\\* !\\[i\\](http:\u2060//h/i.png)\u00a0»"),
        (lambda t: t.plain("ingest.quoted", value="**X**"), "«\u00a0**X**\u00a0»"),
        (lambda t: t("ingest.quoted", value=Markdown("*X*")), "«\u00a0*X*\u00a0»"),
        (lambda t: t("ingest.quoted", value=t("ingest.quoted", value="_a_")),
         "«\u00a0«\u00a0\\_a\\_\u00a0»\u00a0»"),
        (lambda t: t("ingest.quoted", value=3.5), "«\u00a03.5\u00a0»"),
    ],
)
def test_the_translator_escapes_values_not_its_own_texts(call: object, expected: str) -> None:
    assert call(Translator("fr")) == expected  # type: ignore[operator]


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("fr", 1, "1 agent de **\\*X\\***"), ("fr", 0, "0 agent de **\\*X\\***"),
     ("en", 0, "0 agents of **\\*X\\***"), ("en", 2, "2 agents of **\\*X\\***")],
)
def test_plural_forms_still_follow_count(
    monkeypatch: pytest.MonkeyPatch, lang: str, count: int, expected: str
) -> None:
    forms = {"fr": ("{count} agent de **{name}**", "{count} agents de **{name}**"),
             "en": ("{count} agent of **{name}**", "{count} agents of **{name}**")}
    entries = i18n.Messages({}, {"x.agents": forms[lang]}, i18n.messages(lang).plural_index)
    monkeypatch.setattr(i18n, "messages", lambda _lang: entries)
    assert Translator(lang)("x.agents", count=count, name="*X*") == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [(True, "valeur inconnue : «\u00a0\\*\\*gras\\*\\* !\\[x\\](http:\u2060//h/p.png)\u00a0» "
            "(valeurs acceptées : a, b)"),
     (False, "valeur inconnue : «\u00a0**gras** ![x](http://h/p.png)\u00a0» (valeurs acceptées : a, b)")],
)
def test_import_messages_escape_their_values_for_the_page(markdown: bool, expected: str) -> None:
    message = Message("ingest.cell.unknown_value", allowed="a, b",
                      value="**gras** ![x](http://h/p.png)")
    assert message.render(Translator("fr"), markdown=markdown) == expected


IMAGE = "![x](http://evil.example/p.png)"


@pytest.mark.parametrize(
    ("name", "data", "seen"),
    [
        (f"{IMAGE}.csv", b"", f"{IMAGE}.csv : refusé — le fichier est vide"),
        ("export.csv", f"{IMAGE};**b**\n1;2\n".encode(),
         f"export.csv : refusé — export non reconnu (en-têtes trouvés : « {IMAGE} », « **b** »)"),
    ],
)
def test_an_import_message_shows_file_names_and_headers_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, seen: str
) -> None:
    from analytics.ingest import import_file
    from analytics.store.db import open_store

    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", str(tmp_path / "keys"))
    con = open_store(":memory:")
    try:
        result = import_file(con, data, name)
    finally:
        con.close()
    shown = result.text(Translator("fr"))
    assert not re.search(r"!\[|(?<!\\)\]\(|http://|\*\*b", shown)
    assert plain_text(shown).replace("\u00a0", " ").startswith(seen)
    assert str(result.message).startswith(name)  # the command line and the store: plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<a href="http://h/">x</a> S1', '&lt;a href="http://h/"&gt;x&lt;/a&gt; S1'),
        ("R&D <b>", "R&amp;D &lt;b&gt;"),
        (Markdown("!\\[x\\](http:\u2060//h/p.png) \\<i\\>"), "![x](http://h/p.png) &lt;i&gt;"),
        ("Jeunesse", "Jeunesse"),
    ],
)
def test_chart_text(text: str, expected: str) -> None:
    assert chart_text(text) == expected


def test_escape_figure_reaches_categories_names_hover_data_and_titles() -> None:
    import numpy as np
    import plotly.graph_objects as go

    bad = "<a href='http://h/'>x</a>"
    fig = go.Figure(go.Bar(x=[1.0, 2.0], y=[bad, "Jeunesse"], name=bad,
                           customdata=np.array([[bad, 1], ["ok", 2]], dtype=object)))
    fig.update_layout(title=bad, xaxis_title=bad, annotations=[{"text": bad}])
    escape_figure(fig)
    spec = fig.to_json()
    assert "<a " not in spec and spec.count("&lt;a href=") == 6
