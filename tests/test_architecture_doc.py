"""docs/architecture.md and README's "Where things are" name only files, functions and lines that
exist, so the map a newcomer follows cannot silently drift from the tree.

Read from the two texts: every path under a top-level folder (``analytics/…``, ``pages/…``, a glob
such as ``dashboard/*loaders.py`` included), ``path::name`` (a function, class, method or constant
defined in that file) and ``path:line`` (a line the file has); in README's tree block, every name of
the left-hand column, under its folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
README = ROOT / "README.md"

ROOTS = ("pages", "dashboard", "analytics", "tests", "docs", "benchmarks", "data")
REFERENCE = re.compile(
    r"(?<![\w/.*-])(?P<path>app\.py|Makefile|pyproject\.toml|(?:" + "|".join(ROOTS) + r")/[\w./*-]*)"
    r"(?:::(?P<name>[A-Za-z_][\w.]*)|:(?P<line>\d+))?"
)
TREE_NAME = re.compile(r"^[\w.*-]+/?$")


def where_things_are() -> str:
    """README's "Where things are" section, up to the next heading of its level."""
    text = README.read_text(encoding="utf-8")
    start = text.index("## Where things are")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def tree_paths(section: str) -> list[str]:
    """The left-hand names of the section's first code block: a name at column 0 is a top-level
    path, a name indented by two spaces lives in the last top-level folder above it."""
    block = section.split("```")[1].split("\n", 1)[1]
    found, folder = [], ""
    for line in block.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if indent not in (0, 2) or not line.strip():
            continue  # a description's continuation line
        names = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        for name in (part.strip() for part in names.split(",")):
            if not TREE_NAME.match(name):
                continue
            if indent == 0:
                folder = name if name.endswith("/") else ""
                found.append(name)
            else:
                found.append(folder + name)
    return found


def references(text: str) -> list[tuple[str, str | None, int | None]]:
    """(path, name, line) of every reference in ``text``, in order, without repeats."""
    found = []
    for match in REFERENCE.finditer(text):
        path = match["path"].rstrip(".")
        item = (path, match["name"], int(match["line"]) if match["line"] else None)
        if item not in found:
            found.append(item)
    return found


def existing(path: str) -> list[Path]:
    """The files or folders ``path`` (maybe a glob) names."""
    if any(char in path for char in "*?["):
        return sorted(ROOT.glob(path.rstrip("/")))
    target = ROOT / path
    return [target] if target.exists() else []


def defines(source: str, name: str) -> bool:
    """Whether ``source`` defines ``name``: a function, a class or a module-level constant;
    ``Class.method`` is a method of a class of the file."""
    *owner, last = name.split(".")
    if owner and not re.search(rf"^class\s+{re.escape(owner[-1])}\b", source, re.M):
        return False
    return bool(re.search(
        rf"^\s*(?:async\s+)?(?:def|class)\s+{re.escape(last)}\b|^{re.escape(last)}\s*(?::[^=\n]*)?=",
        source, re.M,
    ))


DOC_REFERENCES = references(ARCHITECTURE.read_text(encoding="utf-8"))
README_REFERENCES = references(where_things_are())
TREE = tree_paths(where_things_are())


def test_the_texts_name_enough_paths_to_check() -> None:
    # a parser that finds nothing would pass every test below
    assert len(DOC_REFERENCES) > 60
    assert len(TREE) > 20
    assert len(README_REFERENCES) > 5


@pytest.mark.parametrize(
    ("path", "name", "line"),
    [pytest.param(*ref, id=f"architecture:{ref[0]}{'::' + ref[1] if ref[1] else ''}"
                  f"{':' + str(ref[2]) if ref[2] else ''}") for ref in DOC_REFERENCES]
    + [pytest.param(*ref, id=f"readme:{ref[0]}") for ref in README_REFERENCES],
)
def test_a_named_path_exists(path: str, name: str | None, line: int | None) -> None:
    found = existing(path)
    assert found, f"{path} is named in the docs but does not exist"
    if name is not None:
        assert defines(found[0].read_text(encoding="utf-8"), name), f"{path} defines no {name}"
    if line is not None:
        assert line <= len(found[0].read_text(encoding="utf-8").splitlines()), \
            f"{path} has no line {line}"


@pytest.mark.parametrize("path", TREE)
def test_a_path_of_the_readme_tree_exists(path: str) -> None:
    assert existing(path), f"README's 'Where things are' names {path}, which does not exist"


def test_the_readme_links_the_architecture_page() -> None:
    assert "docs/architecture.md" in where_things_are()


@pytest.mark.parametrize("number", [
    "Overview load ratio", "Capacity heatmap cell", "Hidden work per project",
    "Simulator verdict", "Engagement Gini", "Representativeness R score",
])
def test_each_of_the_six_numbers_starts_from_a_page_line(number: str) -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split(number, 1)[1].split("\n### ", 1)[0]
    assert re.search(r"`pages/\w+\.py:\d+`", section), f"{number}: no page line"


SIX_NUMBERS = ("Overview load ratio", "Capacity heatmap cell", "Hidden work per project",
               "Simulator verdict", "Engagement Gini", "Representativeness R score")
HOPS = ("registry", "loader", "function", "SQL", "tables")
"""The five hops after the page, in order: page → registry entry → loader → analytics function →
SQL file → table."""
HOP_ROW = re.compile(r"^\| (\d+) (\w+) \|", re.M)


def number_section(number: str) -> str:
    """The section of one of the six numbers, from its heading to the next one."""
    return ARCHITECTURE.read_text(encoding="utf-8").split(number, 1)[1].split("\n### ", 1)[0]


@pytest.mark.parametrize("number", SIX_NUMBERS)
def test_each_of_the_six_numbers_takes_at_most_five_hops(number: str) -> None:
    section = number_section(number)
    claimed = re.search(r"— (\d+) hops", section.split("\n", 1)[0])
    assert claimed, f"{number}: the heading says no '— N hops'"
    table = section.split("\n\n| hop |", 1)[1].split("\n\n", 1)[0]
    hops = [(int(n), kind) for n, kind in HOP_ROW.findall(table) if kind != "include"]
    # the first table follows the number hop by hop; an include is a fragment of the SQL hop
    assert hops == list(enumerate(HOPS, start=1)), f"{number}: hops {hops}"
    assert int(claimed[1]) == len(HOPS)


SQL_DIR = ROOT / "analytics" / "sql"
SQL_NAMES = sorted(str(path.relative_to(SQL_DIR).with_suffix("")) for path in SQL_DIR.rglob("*.sql"))
CODE = "\n".join(path.read_text(encoding="utf-8") for folder in ("analytics", "dashboard", "pages")
                 for path in sorted((ROOT / folder).rglob("*.py")))
SQL_TEXT = "\n".join((SQL_DIR / f"{name}.sql").read_text(encoding="utf-8") for name in SQL_NAMES)


def derived_tables() -> tuple[str, ...]:
    from analytics.store.derived import DERIVED_TABLES

    return DERIVED_TABLES


@pytest.mark.parametrize("name", SQL_NAMES)
def test_a_sql_file_is_named_by_its_path_where_it_is_read(name: str) -> None:
    """Rule 5: grepping ``area/name`` finds the reader (``read_sql("area/name")`` or an
    ``-- @include area/name`` line); the one exception, a derived table's own file, is named by
    its table (Known detours)."""
    if name.startswith("derived/") and name.removeprefix("derived/") in derived_tables():
        return
    assert f'"{name}"' in CODE or f"-- @include {name}\n" in SQL_TEXT, \
        f"analytics/sql/{name}.sql is read by no literal path"


@pytest.mark.parametrize("table", derived_tables())
def test_a_derived_table_has_its_file_named_like_it(table: str) -> None:
    assert (SQL_DIR / "derived" / f"{table}.sql").exists()


def test_no_other_sql_path_is_built_in_code() -> None:
    built = re.findall(r"""read_sql\(\s*f["'][^"']*""", CODE)
    assert built == ['read_sql(f"derived/{table}'] * len(built), built
