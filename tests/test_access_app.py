"""The app by role (AppTest): each role reaches exactly its pages, and an elected official never
receives an agent's name or id through any page, chart, widget or download."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
import streamlit as st
from google.protobuf.json_format import MessageToDict
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from analytics.access import PAGES, ROLE_PAGES, ROLES, PageId, Role
from analytics.i18n import Translator
from analytics.store.db import query_rows
from tests.apptest_support import AUTH, sign_in_mode, signed_in_app

ROOT = Path(__file__).resolve().parent.parent
FR = Translator("fr")
WIRED: list[PageId] = list(PAGES)  # every page of the access model has its file (see the test below)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Everything handed to a download button during the test."""
    captured: list[Any] = []
    method, function = DeltaGenerator.download_button, st.download_button

    def recording_method(self: DeltaGenerator, label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        captured.append(data() if callable(data) else data)
        return method(self, label, data, *args, **kwargs)

    def recording_function(label: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        captured.append(data() if callable(data) else data)
        return function(label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording_method)  # st.columns()[0]...
    monkeypatch.setattr(st, "download_button", recording_function)  # st.download_button
    return captured


@pytest.fixture
def signed_in(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Role], AppTest]:
    """Run the app as the signed-in user of a role (OIDC configured, server on a network address)."""
    sign_in_mode(demo_db, tmp_path, monkeypatch)

    def run(role: Role) -> AppTest:
        at = signed_in_app(role, name=role)
        at.run()
        assert not at.exception, at.exception
        return at

    return run


def titles(at: AppTest) -> list[str]:
    return [title.value for title in at.title]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_pages(role: Role, signed_in: Callable[[Role], AppTest]) -> None:
    """A page is reached when its own screen shows. A forbidden one is not registered (switch_page
    refuses), or falls back to the landing page, or is stopped by its page guard (AppTest, like a
    server just restarted, may run a file of pages/ directly)."""
    at = signed_in(role)
    allowed = [page for page in WIRED if page in ROLE_PAGES[role]]
    landing = titles(at)  # the first allowed page
    reached = set()
    for page in WIRED:
        try:
            at.switch_page(f"pages/{page}.py").run()
        except ValueError:
            continue
        assert not at.exception, (page, at.exception)
        denied = FR("access.page_denied") in [error.value for error in at.error]
        if not denied and (titles(at) != landing or page == allowed[0]):
            reached.add(page)
    assert reached == set(allowed)


def guarded_page(page_id: str) -> None:
    import streamlit as st

    from analytics.i18n import Translator
    from dashboard.access import page_guard

    page_guard(page_id, Translator("fr"))  # type: ignore[arg-type]
    st.write("agent table")


@pytest.mark.parametrize(
    ("user", "page", "shown"),
    [
        ({"is_logged_in": True, "email": "maire@ville.fr"}, "capacity", False),
        ({"is_logged_in": True, "email": "maire@ville.fr"}, "arbitration", True),
        ({"is_logged_in": True, "email": "dgs@ville.fr"}, "capacity", True),
        ({"is_logged_in": True, "email": "inconnu@ville.fr"}, "overview", False),
        ({"is_logged_in": False}, "overview", False),
    ],
)
def test_the_page_guard_decides_on_its_own(
    user: dict[str, object], page: str, shown: bool, signed_in: Callable[[Role], AppTest]
) -> None:
    """A page run without app.py (Streamlit's legacy pages/ mode after a restart) still checks."""
    at = AppTest.from_function(guarded_page, args=(page,), default_timeout=30)
    at.secrets.update(AUTH)
    at.user = user
    at.run()
    assert ("agent table" in [markdown.value for markdown in at.markdown]) is shown
    assert ([error.value for error in at.error] == [FR("access.page_denied")]) is not shown


def visible_text(at: AppTest, downloads: list[Any]) -> str:
    """Every text the session received: elements and widgets (their protobuf, as JSON), tables
    (decoded), charts (their JSON spec) and downloads (CSV decoded, Excel read back)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in getattr(node, "children", {}).values():
            walk(child)
        proto = getattr(node, "proto", None)
        if proto is not None and not hasattr(node, "children"):
            parts.append(json.dumps(MessageToDict(proto), ensure_ascii=False))
        if getattr(node, "type", "") in ("arrow_data_frame", "arrow_table", "table", "dataframe"):
            parts.append(node.value.to_csv())

    walk(at.main)
    walk(at.sidebar)
    for data in downloads:
        raw = data.encode() if isinstance(data, str) else bytes(data)
        if raw[:2] == b"PK":  # an Excel workbook
            sheets = pd.read_excel(io.BytesIO(raw), sheet_name=None, engine="calamine")
            parts.extend(sheet.to_csv() for sheet in sheets.values())
        else:
            parts.append(raw.decode("utf-8-sig", errors="replace"))
    return "\n".join(parts)


def agent_pattern(con: duckdb.DuckDBPyConnection) -> re.Pattern[str]:
    rows = query_rows(con, "SELECT agent_id, agent_name FROM agents WHERE agent_name IS NOT NULL")
    words = sorted({value for row in rows for value in row}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


def test_the_scanner_finds_a_name_in_a_table_a_chart_a_widget_and_a_download(
    demo_con: duckdb.DuckDBPyConnection, downloads: list[Any]
) -> None:
    name = query_rows(demo_con, "SELECT agent_name FROM agents ORDER BY agent_id LIMIT 1")[0][0]

    def page(name: str, kind: str, workbook: bytes) -> None:
        import pandas as pd
        import plotly.graph_objects as go
        import streamlit as st

        st.title("Capacité")
        if kind == "dataframe":
            st.dataframe(pd.DataFrame({"agent": [name]}))
        if kind == "chart":
            st.plotly_chart(go.Figure(go.Bar(x=[name], y=[1])))
        if kind == "selectbox":
            st.selectbox("Agent", ["–", name])
        if kind == "download":
            st.download_button("xlsx", workbook, "x.xlsx")

    pattern = agent_pattern(demo_con)
    for kind in ("nothing", "dataframe", "chart", "selectbox", "download"):
        downloads.clear()
        at = AppTest.from_function(page, args=(name, kind, excel_bytes(name)), default_timeout=30)
        at.run()
        assert (pattern.search(visible_text(at, downloads)) is not None) is (kind != "nothing"), kind


def excel_bytes(name: str) -> bytes:
    buffer = io.BytesIO()
    pd.DataFrame({"agent": [name]}).to_excel(buffer, index=False, engine="xlsxwriter")
    return buffer.getvalue()


def test_an_elected_official_never_receives_an_agent_name(
    signed_in: Callable[[Role], AppTest], demo_con: duckdb.DuckDBPyConnection,
    downloads: list[Any],
) -> None:
    pattern = agent_pattern(demo_con)
    pages = [page for page in WIRED if page in ROLE_PAGES["elected"]]
    for service_index in (0, 1):  # every service, then the first one
        at = signed_in("elected")
        at.sidebar.selectbox(key="filter_service").select_index(service_index).run()
        for page in pages:
            at.switch_page(f"pages/{page}.py").run()
            assert not at.exception, (page, at.exception)
            found = pattern.search(visible_text(at, downloads))
            assert found is None, f"{page}: agent {found.group(0) if found else ''} shown to an elected"


def test_the_direction_does_see_agents_on_the_capacity_page(
    signed_in: Callable[[Role], AppTest], demo_con: duckdb.DuckDBPyConnection, downloads: list[Any],
) -> None:
    """The control of the test above: the same scan finds agents where they are meant to be."""
    at = signed_in("direction")
    at.switch_page("pages/capacity.py").run()
    assert not at.exception, at.exception
    assert agent_pattern(demo_con).search(visible_text(at, downloads))


def restricted_loader_page() -> None:
    import streamlit as st

    from analytics.access import AGENT_VIEWERS
    from dashboard.access import restricted

    @restricted(AGENT_VIEWERS, "agent load")
    @st.cache_data
    def agent_rows() -> list[str]:
        return ["agent table"]

    for row in agent_rows():
        st.write(row)


@pytest.mark.parametrize(("email", "shown"), [("dgs@ville.fr", True), ("maire@ville.fr", False),
                                              ("evaluation@cabinet.fr", False)])
def test_a_restricted_loader_checks_the_role_on_every_call(
    email: str, shown: bool, signed_in: Callable[[Role], AppTest]
) -> None:
    for _ in range(2):  # the second call is a cache hit for the direction: still checked
        at = AppTest.from_function(restricted_loader_page, default_timeout=30)
        at.secrets.update(AUTH)
        at.user = {"is_logged_in": True, "email": email}
        at.run()
        assert not at.exception, at.exception
        assert ("agent table" in [markdown.value for markdown in at.markdown]) is shown
        assert ([error.value for error in at.error] == [FR("access.page_denied")]) is not shown


PSEUDONYM = re.compile(r"\bp_[0-9a-f]{24}\b")


def test_an_elected_official_never_receives_a_residents_pseudonym(
    signed_in: Callable[[Role], AppTest], downloads: list[Any],
) -> None:
    """Rows about one resident are for the direction and evaluators only; elected officials see
    groups of at least the minimum size."""
    at = signed_in("elected")
    for page in [page for page in WIRED if page in ROLE_PAGES["elected"]]:
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        found = PSEUDONYM.search(visible_text(at, downloads))
        assert found is None, f"{page}: pseudonym {found.group(0) if found else ''} shown to an elected"


def test_an_evaluator_does_receive_pseudonyms_somewhere(
    signed_in: Callable[[Role], AppTest], downloads: list[Any],
) -> None:
    """The control of the test above: the engagement page lists volunteers at risk by pseudonym
    (erosion tab; the evaluation report names nobody, whatever the role)."""
    at = signed_in("evaluator")
    at.switch_page("pages/engagement.py").run()
    at.session_state["engagement_tab"] = FR("eng.tab.fatigue")
    at.run()
    assert not at.exception, at.exception
    assert PSEUDONYM.search(visible_text(at, downloads))


def test_every_page_of_the_access_model_has_its_file() -> None:
    assert [page for page in PAGES if not (ROOT / "pages" / f"{page}.py").exists()] == []


@pytest.mark.parametrize(
    ("role", "small_teams_listed"),
    [pytest.param("elected", False, id="elected"), pytest.param("evaluator", False, id="evaluator"),
     pytest.param("direction", True, id="direction")],
)
def test_the_service_filter_hides_teams_under_the_minimum_size_from_protected_roles(
    signed_in: Callable[[Role], AppTest], monkeypatch: pytest.MonkeyPatch, role: Role,
    small_teams_listed: bool,
) -> None:
    monkeypatch.setenv("PARTICIPATION_MIN_GROUP_SIZE", "9")  # the demo's Urbanisme has 7, Sports 8
    at = signed_in(role)
    names = [at.sidebar.selectbox(key="filter_service").format_func(option)
             for option in at.sidebar.selectbox(key="filter_service").options]
    assert ("Urbanisme" in names, "Sports" in names) == (small_teams_listed, small_teams_listed)
    assert "Vie des quartiers et démocratie participative" in names  # 9 agents: at the minimum
