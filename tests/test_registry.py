"""The registry of what each page computes: pages call their loaders through it, the benchmarks
measure the same entries, a rerun reads the cache, and the scope is one type everywhere."""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import streamlit as st

from analytics.scope import Scope
from dashboard import registry

ROOT = Path(__file__).resolve().parent.parent
DRAWING_FILES = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("dashboard/*_view.py")])


@pytest.mark.parametrize("file", DRAWING_FILES, ids=lambda path: path.name)
def test_pages_and_views_call_no_loader_module_directly(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    called = re.findall(r"\b(\w*loaders)\.(\w+)\(", text)
    allowed = {("loaders", "agent_weeks_table")}
    assert [call for call in called if call not in allowed] == []


@pytest.mark.parametrize("page", registry.PAGES, ids=lambda page: page.name)
def test_every_page_of_the_registry_is_a_file_of_the_app(page: registry.PageCalls) -> None:
    assert (ROOT / page.file).exists()
    assert all(use.tab is None or use.tab in page.tabs for use in page)


def test_the_benchmarks_measure_the_registry_s_calls() -> None:
    from benchmarks.pages import BUILDERS

    for calls in registry.PAGES:
        measured = {step.name for step in BUILDERS[calls.name]().steps}
        assert {use.name for use in calls if use.first_visit} <= measured


def test_the_engagement_scope_is_the_one_scope() -> None:
    from analytics.engagement.scope import Scope as EngagementScope

    assert EngagementScope is Scope


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(date(2026, 2, 1), date(2026, 1, 31), "before it starts")],
)
def test_a_scope_never_ends_before_it_starts(start: date, end: date, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Scope(start, end)


COMPUTED_BY = {
    "load": ("analytics.capacity.load", "load_view"),
    "work": ("analytics.capacity.work", "work_view"),
    "hidden": ("analytics.capacity.hidden", "hidden_view"),
    "legal": ("analytics.capacity.legal", "legal_findings"),
    "overload": ("analytics.capacity.overload", "overload_runs"),
    "forecast": ("analytics.capacity.forecast", "forecast_view"),
}
"""The analytics function behind each capacity tab's loader: counting its calls counts misses."""


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    counts: Counter[str] = Counter()
    for name, (module, function) in COMPUTED_BY.items():
        target = importlib.import_module(module)
        original = getattr(target, function)

        def counted(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(target, function, counted)
    st.cache_data.clear()
    yield counts
    st.cache_data.clear()


@pytest.mark.parametrize("tab", list(COMPUTED_BY))
def test_a_rerun_of_a_capacity_tab_reads_the_cache(
    demo_db: Path, computed: Counter[str], tab: str
) -> None:
    from dashboard.store import Source, connection, version

    src = Source(str(demo_db), version(connection(str(demo_db))))
    scope = Scope(date(2026, 6, 1), date(2026, 11, 30))
    first = registry.CAPACITY[tab](src, scope)
    again = registry.CAPACITY[tab](src, scope)
    assert computed == Counter({tab: 1})
    assert type(first) is type(again)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(Scope(date(2026, 6, 1), date(2026, 11, 30), floor=5, individuals=False),
                     Scope(date(2026, 6, 1), date(2026, 11, 30)), id="official-then-direction"),
        pytest.param(Scope(date(2026, 6, 1), date(2026, 11, 30), floor=5, individuals=True),
                     Scope(date(2026, 6, 1), date(2026, 11, 30), floor=5, individuals=False),
                     id="evaluator-then-official"),
    ],
)
def test_every_role_shares_a_loader_that_does_not_read_the_role(
    demo_db: Path, computed: Counter[str], first: Scope, second: Scope
) -> None:
    from dashboard.store import Source, connection, version

    src = Source(str(demo_db), version(connection(str(demo_db))))
    registry.CAPACITY["legal"](src, first)
    registry.CAPACITY["legal"](src, second)
    assert computed == Counter({"legal": 1})
