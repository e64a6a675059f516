"""Overview computations: weekly load agrees with the catalogue; freshness of the store."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from analytics.indicators import compute_indicators
from analytics.overview import freshness, weekly_load
from analytics.scope import Scope

MAY = (date(2024, 4, 29), date(2024, 5, 26))  # ISO weeks 18 to 21 of 2024, Monday to Sunday


@pytest.mark.parametrize(
    ("service", "level"),
    [(None, None), ("svc_jeu", None), ("svc_tech", None), (None, "none"), ("svc_jeu", "coproduction")],
)
def test_weekly_load_adds_up_to_the_catalogue(
    tiny_store: duckdb.DuckDBPyConnection, service: str | None, level: str | None
) -> None:
    """On whole ISO weeks, the chart's weekly bars sum to hours.total and its line to capacity.hours."""
    weeks = weekly_load(tiny_store, Scope(*MAY, service=service, level=level))
    values = compute_indicators(tiny_store, Scope(*MAY, service=service, level=level))
    assert list(weeks["week_start"].dt.date) == [
        date(2024, 4, 29), date(2024, 5, 6), date(2024, 5, 13), date(2024, 5, 20)
    ]
    assert weeks["hours"].sum() == pytest.approx(values["hours.total"])
    assert weeks["capacity_hours"].sum() == pytest.approx(values["capacity.hours"])
    assert "load_ratio" not in weeks  # the ratio's one home is the catalogue (capacity.load_ratio)


def test_a_week_the_data_cover_in_part_compares_the_same_days(
    tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    """The tiny town's last recorded day is Monday 3 June 2024: that week's bar has one day of
    hours, so its capacity is that one day's too, not Monday to Friday's (a load of a fifth)."""
    weeks = weekly_load(tiny_store, Scope(date(2024, 5, 27), date(2024, 6, 3)))
    whole = compute_indicators(tiny_store, Scope(date(2024, 5, 27), date(2024, 6, 2)))
    monday = compute_indicators(tiny_store, Scope(date(2024, 6, 3), date(2024, 6, 3)))
    assert list(weeks["week_start"].dt.date) == [date(2024, 5, 27), date(2024, 6, 3)]
    assert weeks["capacity_hours"].tolist() == pytest.approx(
        [whole["capacity.hours"], monday["capacity.hours"]])
    assert weeks["hours"].tolist() == pytest.approx([whole["hours.total"], monday["hours.total"]])


def test_freshness_of_an_empty_store(empty_store: duckdb.DuckDBPyConnection) -> None:
    fresh = freshness(empty_store)
    assert (fresh.origin, fresh.imports, fresh.last_work_date) == ("imports", 0, None)


def test_the_overview_asks_every_tile_once(tiny_store: duckdb.DuckDBPyConnection) -> None:
    from analytics.settings import Thresholds
    from dashboard.loaders import OVERVIEW_COMPUTED, OVERVIEW_LISTED, OVERVIEW_TILES

    values = compute_indicators(tiny_store, Scope(*MAY), thresholds=Thresholds(),
                                keys=OVERVIEW_COMPUTED)
    shown = {key for keys in OVERVIEW_TILES.values() for key in keys}
    assert shown == set(values) | set(OVERVIEW_LISTED)
    assert not set(OVERVIEW_LISTED) & set(values)  # counted once, from the lists
