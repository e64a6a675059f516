"""Load per agent and service and week: bands, missing weeks, clipping to the period."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd
import pytest

from analytics.capacity.load import agent_weeks, load_band, load_view
from analytics.scope import Scope
from analytics.settings import Thresholds
from tests.test_capacity_store import agent, contract, entry, make_store

W1 = date(2026, 3, 30)   # an ordinary week
W2 = date(2026, 4, 6)    # Easter Monday off: 4 working days


@pytest.mark.parametrize(
    ("hours", "capacity", "recorded", "band"),
    [
        (84.0, 100.0, 84.0, "under"),     # 84 % < 85 %
        (85.0, 100.0, 85.0, "near"),      # 85 % is the first limit
        (100.0, 100.0, 100.0, "near"),    # exactly at capacity
        (100.5, 100.0, 100.5, "full"),    # just over capacity
        (110.0, 100.0, 110.0, "full"),    # 110 % is not yet overload ("exceed")
        (110.5, 100.0, 110.5, "over"),
        (0.0, 35.0, 0.0, "missing"),      # capacity but nothing recorded: no timesheet
        (5.0, 0.0, 5.0, "over"),          # worked in a week without capacity (leave)
        (0.0, 0.0, 5.0, "under"),         # level filter: other levels only, no capacity
        (0.0, 35.0, 30.0, "under"),       # level filter: recorded, none at that level
    ],
)
def test_load_band(hours: float, capacity: float, recorded: float, band: str) -> None:
    result = load_band(pd.Series([hours]), pd.Series([capacity]), pd.Series([recorded]),
                       (0.85, 1.00, 1.10))
    assert result.tolist() == [band]


def weekdays(monday: date, days: range) -> list[date]:
    return [monday + timedelta(days=i) for i in days]


@pytest.fixture(scope="module")
def store():
    """a: 40 h in W1 (2 h on a coproduction project), 28 h in W2; b: 30 h in W1, nothing in W2;
    c (part time 17.5 h, joined Wed 1 April, service S2): 3.5 h in W1, nothing in W2."""
    entries = [entry("a", d, 8.0) for d in weekdays(W1, range(5)) if d != W1 + timedelta(days=1)]
    entries += [entry("a", W1 + timedelta(days=1), 6.0),
                entry("a", W1 + timedelta(days=1), 2.0, project="P")]
    entries += [entry("a", d, 7.0) for d in weekdays(W2, range(1, 5))]
    entries += [entry("b", d, 6.0) for d in weekdays(W1, range(5))]
    entries += [entry("c", date(2026, 4, 1), 3.5)]
    return make_store(
        agents=[agent("a", "S1", "Alice"), agent("b", "S1", "Bruno"), agent("c", "S2", "Chloé")],
        contracts=[contract("a", date(2020, 1, 1), 35), contract("b", date(2020, 1, 1), 35),
                   contract("c", date(2026, 4, 1), 17.5)],
        projects=[{"project_id": "P", "project_name": "Jardin", "service_id": "S1",
                   "level": "coproduction", "status": "active"}],
        time_entries=entries,
    )


def cell(frame: pd.DataFrame, who: str, monday: date) -> pd.Series:
    rows = frame[(frame["agent_id"] == who) & (frame["week_start"] == pd.Timestamp(monday))]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("who", "monday", "hours", "capacity", "ratio", "band"),
    [
        ("a", W1, 40.0, 35.0, 40 / 35, "over"),     # 114 %
        ("a", W2, 28.0, 28.0, 1.0, "near"),         # Easter Monday: 4 × 7 h capacity
        ("b", W1, 30.0, 35.0, 30 / 35, "near"),     # 85.7 %
        ("b", W2, 0.0, 28.0, math.nan, "missing"),  # no timesheet: missing, not 0 %
        ("c", W1, 3.5, 10.5, 3.5 / 10.5, "under"),  # joined Wednesday: 3 × 3.5 h
        ("c", W2, 0.0, 14.0, math.nan, "missing"),
    ],
)
def test_agent_weeks(store, who, monday, hours, capacity, ratio, band) -> None:
    frame = agent_weeks(store, Scope(W1, W2 + timedelta(days=6)), thresholds=Thresholds())
    row = cell(frame, who, monday)
    assert row["hours"] == pytest.approx(hours)
    assert row["capacity_hours"] == pytest.approx(capacity)
    assert (math.isnan(row["load_ratio"]) and math.isnan(ratio)) or row["load_ratio"] == (
        pytest.approx(ratio)
    )
    assert row["band"] == band


def test_agent_weeks_add_up_to_the_period_totals(store) -> None:
    frame = agent_weeks(store, Scope(W1, W2 + timedelta(days=6)))
    assert len(frame) == 6
    assert frame["hours"].sum() == pytest.approx(40 + 28 + 30 + 3.5)
    assert frame["capacity_hours"].sum() == pytest.approx(35 + 28 + 35 + 28 + 10.5 + 14)


def test_level_filter_narrows_hours_not_capacity_nor_missing_weeks(store) -> None:
    frame = agent_weeks(store, Scope(W1, W2 + timedelta(days=6), level="coproduction"))
    a1 = cell(frame, "a", W1)
    assert (a1["hours"], a1["capacity_hours"], a1["band"]) == (2.0, 35.0, "under")
    assert cell(frame, "b", W1)["band"] == "under"      # recorded 30 h, none at that level
    assert cell(frame, "b", W2)["band"] == "missing"    # still no timesheet at all


def test_weeks_cut_by_the_period_count_only_their_days_inside(store) -> None:
    frame = agent_weeks(store, Scope(date(2026, 4, 1), W2 + timedelta(days=6), service="S1"))
    row = cell(frame, "a", W1)                          # Wednesday to Sunday of W1
    assert row["days_in_period"] == 5
    assert (row["hours"], row["capacity_hours"]) == (24.0, 21.0)
    assert set(frame["agent_id"]) == {"a", "b"}


def test_service_weeks(store) -> None:
    frame = load_view(store, Scope(W1, W2 + timedelta(days=6)), thresholds=Thresholds()).service_weeks
    s1w2 = frame[(frame["service_id"] == "S1") & (frame["week_start"] == pd.Timestamp(W2))].iloc[0]
    # b has no timesheet in W2: the load divides a's 28 h by a's capacity only (28 h) → 100 %.
    assert s1w2["hours"] == 28.0
    assert s1w2["capacity_hours"] == 56.0
    assert s1w2["recorded_capacity_hours"] == 28.0
    assert s1w2["agents"] == 2
    assert s1w2["agents_missing"] == 1
    assert s1w2["load_ratio"] == pytest.approx(1.0)
    s1w1 = frame[(frame["service_id"] == "S1") & (frame["week_start"] == pd.Timestamp(W1))].iloc[0]
    assert s1w1["load_ratio"] == pytest.approx(70 / 70)
    s2w2 = frame[(frame["service_id"] == "S2") & (frame["week_start"] == pd.Timestamp(W2))].iloc[0]
    assert s2w2["band"] == "missing"
    assert math.isnan(s2w2["load_ratio"])


@pytest.mark.parametrize(
    ("start", "service", "level", "weeks"),
    [
        (W1, None, None, 4),               # S1 × 2 weeks, S2 × 2 weeks
        (date(2026, 4, 1), "S1", None, 2),  # cut week W1 (Wednesday to Sunday) and W2
        (date(2026, 4, 1), None, None, 4),  # the same for every service: W2 read from service_week
        (W1, None, "coproduction", 4),
    ],
)
def test_service_weeks_add_up_the_agent_weeks(store, start, service, level, weeks) -> None:
    """Summed in DuckDB, the service × week rows equal the agent × week rows summed per service."""
    end = W2 + timedelta(days=6)
    agents = agent_weeks(store, Scope(start, end, service=service, level=level))
    services = load_view(store, Scope(start, end, service=service, level=level)).service_weeks
    assert len(services) == weeks
    summed = agents.groupby(["service_id", "week_start"], as_index=False)[
        ["hours", "capacity_hours"]].sum()
    merged = services.merge(summed, on=["service_id", "week_start"], suffixes=("", "_agents"))
    assert len(merged) == weeks
    assert merged["hours"].tolist() == pytest.approx(merged["hours_agents"].tolist())
    assert merged["capacity_hours"].tolist() == pytest.approx(merged["capacity_hours_agents"].tolist())


@pytest.mark.parametrize(
    ("limit", "shown"),
    [
        (1, ["a"]),              # over the two weeks (missing weeks left out): a 68/63 = 108 %,
        (2, ["a", "b"]),         # b 30/35 = 86 %, c 3.5/10.5 = 33 %
        (3, ["a", "b", "c"]),
        (80, ["a", "b", "c"]),
    ],
)
def test_the_heatmap_shows_the_most_loaded_agents(store, limit: int, shown: list[str]) -> None:
    view = load_view(store, Scope(W1, W2 + timedelta(days=6)), limit=limit)
    assert view.agents["agent_id"].tolist() == shown        # most loaded first
    assert sorted(set(view.agent_weeks["agent_id"])) == shown
    assert view.agents_total == 3
    assert view.agents.iloc[0]["load_ratio"] == pytest.approx(68 / 63)


def test_the_shown_agent_weeks_are_those_of_the_whole_table(store) -> None:
    end = W2 + timedelta(days=6)
    view = load_view(store, Scope(W1, end), limit=2)
    everyone = agent_weeks(store, Scope(W1, end))
    expected = everyone[everyone["agent_id"].isin(["a", "b"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(view.agent_weeks, expected, check_dtype=False)


def test_load_view_totals(store) -> None:
    view = load_view(store, Scope(W1, W2 + timedelta(days=6)))
    assert view.recorded_hours == pytest.approx(40 + 28 + 30 + 3.5)
    assert view.missing_weeks == 2                            # b and c in W2
    assert view.services.iloc[0]["service_id"] == "S1"        # 98/98 … before S2 3.5/10.5
    assert view.services.iloc[0]["load_ratio"] == pytest.approx((40 + 28 + 30) / (35 + 28 + 35))


def test_a_period_without_data() -> None:
    view = load_view(make_store(agents=[agent("a", "S1", "Alice")]), Scope(W1, W2))
    assert (view.recorded_hours, view.agents_total, view.missing_weeks) == (0.0, 0, 0)
    assert view.agent_weeks.empty and view.service_weeks.empty


def test_agents_without_a_service_are_one_service_of_their_own() -> None:
    """Agents created by an import have no service yet: their weeks add up in one row per week."""
    entries = [entry(name, d, hours) for name, hours in (("a", 7.0), ("b", 8.0), ("c", 6.0))
               for d in weekdays(W1, range(5))]
    store = make_store(
        agents=[agent("a", "S1", "Alice"), agent("b", None, "Bruno"), agent("c", None, "Chloé")],
        contracts=[contract(name, date(2020, 1, 1), 35) for name in "abc"],
        time_entries=entries,
    )
    view = load_view(store, Scope(W1, W1 + timedelta(days=6)))
    weeks = view.service_weeks
    assert weeks["service_id"].isna().tolist() == [False, True]
    assert weeks["hours"].tolist() == [35.0, 70.0]
    assert weeks["agents"].tolist() == [1, 2]
    assert view.services["hours"].tolist() == [35.0, 70.0]            # both at 100 %: no service last
    assert view.services["load_ratio"].tolist() == pytest.approx([1.0, 1.0])
    assert view.services["service_id"].isna().tolist() == [False, True]
    assert view.agents["agent_id"].tolist() == ["b", "a", "c"]       # 40/35, 35/35, 30/35
    assert view.agent_weeks["service_id"].isna().tolist() == [False, True, True]


def test_the_most_loaded_service_and_agent_name_their_busiest_week(tiny_store) -> None:
    """The tab states each most loaded one's load over the period; the heatmaps show weeks above
    it: the sentence adds the busiest week, computed here from the weekly rows."""
    from analytics.capacity.tables import most_loaded_text
    from analytics.i18n import Translator, iso_week, plain_text

    t = Translator("fr")
    view = load_view(tiny_store, Scope(date(2024, 3, 4), date(2024, 6, 3)))
    service, person = view.services.iloc[0], view.agents.iloc[0]
    weeks = view.service_weeks[view.service_weeks["service_id"] == service["service_id"]]
    ratios = weeks["hours"] / weeks["recorded_capacity_hours"]
    busiest = ratios.idxmax()
    mine = view.agent_weeks[view.agent_weeks["agent_id"] == person["agent_id"]]
    agent_ratios = mine["hours"] / mine["capacity_hours"]
    agent_busiest = agent_ratios.idxmax()
    text = plain_text(most_loaded_text(view, t))
    assert (f"{service['service_name']} : charge moyenne {t.percent(service['load_ratio'])} ; "
            f"semaine la plus chargée {t.percent(ratios[busiest])} "
            f"({iso_week(t, pd.Timestamp(weeks['week_start'][busiest]).date())})") in text
    assert (f"{person['agent_name']} : charge moyenne {t.percent(person['load_ratio'])} ; "
            f"semaine la plus chargée {t.percent(agent_ratios[agent_busiest])} "
            f"({iso_week(t, pd.Timestamp(mine['week_start'][agent_busiest]).date())})") in text
