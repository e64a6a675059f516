"""The audit log: events written with bound values, read back newest first, shown in Paris time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import duckdb
import pytest

from analytics.audit import audit_table, import_details, log_event, recent_events
from analytics.i18n import Translator
from analytics.store.db import data_version, open_store, query_value


@pytest.fixture
def store() -> Iterator[duckdb.DuckDBPyConnection]:
    con = open_store(":memory:")
    yield con
    con.close()


def test_an_event_is_read_back_as_written(store: duckdb.DuckDBPyConnection) -> None:
    log_event(store, "dgs@ville.fr", "direction", "import", "heures_2026.xlsx",
              {"rows": 1200, "rejected": 3}, at=datetime(2026, 3, 2, 9, 15))
    row = recent_events(store).iloc[0]
    assert row["at_utc"] == datetime(2026, 3, 2, 9, 15)
    assert (row["user_id"], row["role"], row["action"], row["target"]) == (
        "dgs@ville.fr", "direction", "import", "heures_2026.xlsx"
    )
    assert json.loads(row["details"]) == {"rejected": 3, "rows": 1200}


def test_text_that_looks_like_sql_is_stored_verbatim(store: duckdb.DuckDBPyConnection) -> None:
    sneaky = "x'); DROP TABLE audit_log; --"
    log_event(store, sneaky, None, "denied", sneaky)
    events = recent_events(store)
    assert list(events["user_id"]) == [sneaky] and list(events["target"]) == [sneaky]
    assert query_value(store, "SELECT count(*) FROM audit_log") == 1


def test_an_unknown_action_is_refused(store: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="unknown audit action"):
        log_event(store, "dgs@ville.fr", "direction", "delete")  # type: ignore[arg-type]


def test_an_aware_time_is_stored_in_utc(store: duckdb.DuckDBPyConnection) -> None:
    paris_summer = timezone(timedelta(hours=2))
    log_event(store, "u", "elected", "download", at=datetime(2026, 7, 1, 11, 0, tzinfo=paris_summer))
    assert recent_events(store).iloc[0]["at_utc"] == datetime(2026, 7, 1, 9, 0)


@pytest.mark.parametrize(
    ("limit", "actions", "expected_targets"),
    [
        (10, None, ["d", "c", "b", "a"]),     # newest first
        (2, None, ["d", "c"]),
        (10, ["download"], ["d", "b"]),
        (10, ["sign_in", "import"], ["c", "a"]),
        (10, [], []),                        # nothing chosen, nothing shown
    ],
)
def test_recent_events_newest_first_with_filters(
    store: duckdb.DuckDBPyConnection, limit: int, actions: list[str] | None, expected_targets: list[str]
) -> None:
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for minutes, (action, target) in enumerate(
        [("sign_in", "a"), ("download", "b"), ("import", "c"), ("download", "d")]
    ):
        log_event(store, "dgs@ville.fr", "direction", action, target, at=start + timedelta(minutes=minutes))
    assert list(recent_events(store, limit, actions)["target"]) == expected_targets


def test_logging_does_not_change_the_data_version(store: duckdb.DuckDBPyConnection) -> None:
    before = data_version(store)
    log_event(store, "dgs@ville.fr", "direction", "sign_in")
    assert data_version(store) == before


@pytest.mark.parametrize(
    ("at_utc", "role", "action", "lang", "expected"),
    [
        # winter: Paris = UTC + 1
        (datetime(2026, 1, 15, 9, 0), "elected", "download", "fr",
         ["2026-01-15 10:00:00", "Élu·e", "Téléchargement"]),
        # summer: Paris = UTC + 2
        (datetime(2026, 7, 1, 9, 0), "direction", "sign_in", "en",
         ["2026-07-01 11:00:00", "Management", "Sign-in"]),
        # a refused sign-in has no role
        (datetime(2026, 7, 1, 22, 30), None, "denied", "fr", ["2026-07-02 00:30:00", "–", "Accès refusé"]),
    ],
)
def test_the_page_shows_local_time_and_labels(
    store: duckdb.DuckDBPyConnection, at_utc: datetime, role: str | None, action: str, lang: str,
    expected: list[str],
) -> None:
    log_event(store, "someone@ville.fr", role, action, "t", at=at_utc)  # type: ignore[arg-type]
    t = Translator(lang)
    table = audit_table(recent_events(store), t)
    row = table.iloc[0]
    assert [row[t("audit.col.when")], row[t("audit.col.role")], row[t("audit.col.action")]] == expected
    assert row[t("audit.col.user")] == "someone@ville.fr"


@dataclass
class Imported:
    file: str = "heures_mai.csv"
    format: str | None = "toggl"
    status: str = "imported_with_rejects"
    rows_read: int = 120
    rows_added: int = 117
    rows_rejected: int = 3
    import_id: int | None = 7


def test_an_import_is_logged_with_its_counts(store: duckdb.DuckDBPyConnection) -> None:
    result = Imported()
    log_event(store, "rh.donnees@ville.fr", "data_admin", "import", result.file, import_details(result))
    row = recent_events(store).iloc[0]
    assert (row["action"], row["target"]) == ("import", "heures_mai.csv")
    assert json.loads(row["details"]) == {
        "format": "toggl", "import_id": 7, "rows_added": 117, "rows_read": 120, "rows_rejected": 3,
        "status": "imported_with_rejects",
    }
