"""A store whose names are hostile: the demo town with every service, agent, project, quartier,
milestone and request topic renamed to markdown, HTML and autolinks (issue 14, item 3).

Coded columns (levels, activities, statuses, kinds) keep their real codes, so that every page computes
what it computes on the demo; only the texts a person typed are attacks. Every name keeps a short
suffix so that names stay distinct.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

HOST = "evil.example"
"""The host every hostile link and image points at: a page must never ask it for anything."""
PAYLOADS: tuple[str, ...] = (
    f"![x](http://{HOST}/p.png)",
    f"[clique](http://{HOST}/lien)",
    f"<img src=http://{HOST}/i.png onerror=alert(1)>",
    "**gras** $x^2$ `code`",
    f'<a href="http://{HOST}/a">lien</a>',
    f"http://{HOST}/auto www.{HOST} qui@{HOST}",
)
"""What the names are made of (one payload per name, in turn)."""
LIVE: re.Pattern[str] = re.compile(
    r"!\[|(?<!\\)\]\(|(?<!\\)<(img|a )|\*\*gras|\$x\^2\$|`code`|http://|www\.|i@e")
"""What markdown would read as live markup in a payload (an image, a link, HTML, emphasis, math,
code, an autolink); its escaped form never matches."""

RENAMES: tuple[tuple[str, str, str], ...] = (
    ("services", "service_id", "service_name"),
    ("agents", "agent_id", "agent_name"),
    ("projects", "project_id", "project_name"),
    ("milestones", "milestone_id", "title"),
    ("requests", "request_id", "topic"),
)


def hostile(index: int, suffix: str) -> str:
    """The ``index``-th hostile name, ending with ``suffix`` so that names stay distinct."""
    return f"{PAYLOADS[index % len(PAYLOADS)]} {suffix}"


def make_hostile(db: Path) -> None:
    """Rename, in the store at ``db``, every name and every quartier to a hostile text, then refresh
    the derived tables."""
    from analytics.settings import Thresholds
    from analytics.store.db import open_store, transaction
    from analytics.store.derived import refresh_derived

    con = open_store(db)
    try:
        with transaction(con) as cur:
            for table, key, column in RENAMES:
                keys = [row[0] for row in cur.execute(
                    f'SELECT "{key}" FROM "{table}" ORDER BY "{key}"').fetchall()]
                cur.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE "{key}" = ?',
                                [(hostile(i, f"{table[0].upper()}{i}"), k)
                                 for i, k in enumerate(keys)])
            quartiers = sorted({row[0] for row in cur.execute(
                "SELECT quartier FROM participants WHERE quartier IS NOT NULL UNION "
                "SELECT quartier FROM events WHERE quartier IS NOT NULL UNION "
                "SELECT category FROM population WHERE dimension = 'quartier'").fetchall()})
            for i, quartier in enumerate(quartiers):
                name = hostile(i, f"Q{i}")
                for table in ("participants", "events", "requests"):
                    cur.execute(f'UPDATE "{table}" SET quartier = ? WHERE quartier = ?',
                                [name, quartier])
                cur.execute("UPDATE population SET category = ? WHERE dimension = 'quartier' "
                            "AND category = ?", [name, quartier])
            refresh_derived(cur, thresholds=Thresholds())
    finally:
        con.close()


@pytest.fixture(scope="session")
def hostile_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store with hostile names (see the module docstring)."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    shutil.copyfile(demo_db, path)
    make_hostile(path)
    return path
