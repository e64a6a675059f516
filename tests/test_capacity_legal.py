"""Legal limits: each finding listed, and the lists agree with the catalogue's legal.* counts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from analytics.capacity.legal import RULES, explain, legal_findings
from analytics.i18n import Translator
from analytics.indicators import compute_indicators
from analytics.scope import Scope
from tests.test_capacity_store import agent, contract, entry, make_store

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def nine_hour_weeks(who: str, first_monday: date, weeks: int) -> list[dict]:
    """45 h a week (5 × 9 h, without times) for ``weeks`` weeks."""
    return [entry(who, first_monday + timedelta(weeks=w, days=d), 9.0)
            for w in range(weeks) for d in range(5)]


@pytest.fixture(scope="module")
def store():
    """Agent l (S1):
    Mon 2 Mar 08:00–13:00 + 14:00–20:00 = 11 h                → a day over 10 h (1 h over);
    Tue 3 Mar 06:00–16:00 = 10 h, 10 h after Monday's 20:00    → a rest under 11 h (not a long day);
    Wed 4 Mar 08:00–12:00;
    Thu 5 Mar 18:00–01:00 (ends on Friday);
    Fri 6 Mar 09:00–12:00, 8 h after 01:00                    → a rest under 11 h;
    Mon 9 Mar 12 h without times                               → a day over 10 h, no rest check;
    16–20 Mar 10 h a day without times = 50 h                  → a week over 48 h.
    Agent m (S2): 45 h a week for the 12 weeks from 5 January to 23 March → the 12-week mean of the
    week of 23 March is 540 / 12 = 45 h (> 44); the week of 16 March includes 29 December (0 h):
    495 / 12 = 41.25; the week of 30 March is 0 h: 495 / 12 again."""
    entries = [
        entry("l", date(2026, 3, 2), 5, "08:00", "13:00"),
        entry("l", date(2026, 3, 2), 6, "14:00", "20:00"),
        entry("l", date(2026, 3, 3), 10, "06:00", "16:00"),
        entry("l", date(2026, 3, 4), 4, "08:00", "12:00"),
        entry("l", date(2026, 3, 5), 7, "18:00", "01:00"),
        entry("l", date(2026, 3, 6), 3, "09:00", "12:00"),
        entry("l", date(2026, 3, 9), 12),
        *[entry("l", date(2026, 3, 16) + timedelta(days=d), 10) for d in range(5)],
        *nine_hour_weeks("m", date(2026, 1, 5), 12),
    ]
    return make_store(
        agents=[agent("l", "S1", "Léa"), agent("m", "S2", "Marc")],
        contracts=[contract("l", date(2020, 1, 1), 35), contract("m", date(2020, 1, 1), 35)],
        time_entries=entries,
    )


def test_days_over_10h(store) -> None:
    days = legal_findings(store, Scope(*MARCH))["days_over_10h"]
    assert days[["agent_id", "work_date", "hours", "excess_hours"]].to_dict("records") == [
        {"agent_id": "l", "work_date": pd.Timestamp(2026, 3, 2), "hours": 11.0, "excess_hours": 1.0},
        {"agent_id": "l", "work_date": pd.Timestamp(2026, 3, 9), "hours": 12.0, "excess_hours": 2.0},
    ]


def test_weeks_over_48h(store) -> None:
    weeks = legal_findings(store, Scope(*MARCH))["weeks_over_48h"]
    assert weeks[["agent_id", "week_start", "hours"]].to_dict("records") == [
        {"agent_id": "l", "week_start": pd.Timestamp(2026, 3, 16), "hours": 50.0},
    ]


def test_avg12_over_44h(store) -> None:
    found = legal_findings(store, Scope(*MARCH))["avg12_over_44h"]
    assert found[["agent_id", "week_start", "window_start", "average_hours"]].to_dict("records") == [
        {"agent_id": "m", "week_start": pd.Timestamp(2026, 3, 23),
         "window_start": pd.Timestamp(2026, 1, 5), "average_hours": 45.0},
    ]


def test_rest_under_11h(store) -> None:
    rests = legal_findings(store, Scope(*MARCH))["rest_under_11h"]
    assert rests[["work_date", "previous_end_ts", "first_start_ts", "rest_hours"]].to_dict(
        "records"
    ) == [
        {"work_date": pd.Timestamp(2026, 3, 3), "previous_end_ts": pd.Timestamp(2026, 3, 2, 20),
         "first_start_ts": pd.Timestamp(2026, 3, 3, 6), "rest_hours": 10.0},
        {"work_date": pd.Timestamp(2026, 3, 6), "previous_end_ts": pd.Timestamp(2026, 3, 6, 1),
         "first_start_ts": pd.Timestamp(2026, 3, 6, 9), "rest_hours": 8.0},
    ]


@pytest.mark.parametrize(
    ("period", "service", "expected"),
    [
        (MARCH, None, {"days_over_10h": 2, "weeks_over_48h": 1, "avg12_over_44h": 1,
                       "rest_under_11h": 2}),
        (MARCH, "S2", {"days_over_10h": 0, "weeks_over_48h": 0, "avg12_over_44h": 1,
                       "rest_under_11h": 0}),
        # From Tuesday 3 March: Monday's long day is out, the rest of Tuesday morning still counts
        # (its previous day may lie before the period); the weeks of 2 and 9 March start before.
        ((date(2026, 3, 3), date(2026, 3, 16)), None,
         {"days_over_10h": 1, "weeks_over_48h": 1, "avg12_over_44h": 0, "rest_under_11h": 2}),
    ],
)
def test_lists_agree_with_the_catalogue(store, period, service, expected) -> None:
    findings = legal_findings(store, Scope(*period, service=service))
    counts = {rule: len(findings[rule]) for rule in RULES}
    assert counts == expected
    values = compute_indicators(store, Scope(*period, service))
    assert counts == {rule: values[f"legal.{rule}"] for rule in RULES}


def test_level_filter_does_not_apply_to_legal_limits(store) -> None:
    """legal_findings takes no level: a legal limit is about total working time."""
    values = compute_indicators(store, Scope(*MARCH, level="coproduction"))
    assert values["legal.days_over_10h"] == len(legal_findings(store, Scope(*MARCH))["days_over_10h"])


@pytest.mark.parametrize(
    ("lang", "rule", "row", "text"),
    [
        ("fr", "days_over_10h",
         {"work_date": date(2026, 3, 2), "hours": 11.5, "excess_hours": 1.5, "limit_hours": 10.0},
         "Le 2 mars 2026, 11,5 h travaillées : 1,5 h au-delà des 10 h par jour."),
        ("en", "weeks_over_48h",
         {"week_start": date(2026, 3, 16), "hours": 50.0, "excess_hours": 2.0, "limit_hours": 48.0},
         "Week of 16 Mar 2026: 50 h worked, 2 h over the 48 h limit."),
        ("fr", "avg12_over_44h",
         {"week_start": date(2026, 3, 23), "window_start": date(2026, 1, 5),
          "average_hours": 45.0, "limit_hours": 44.0},
         "Du 5 janv. 2026 à la semaine du 23 mars 2026 : 45 h par semaine en moyenne, au-delà "
         "des 44 h."),
        ("fr", "rest_under_11h",
         {"work_date": date(2026, 3, 6), "previous_end_ts": datetime(2026, 3, 6, 1, 0),
          "first_start_ts": datetime(2026, 3, 6, 9, 0), "rest_hours": 8.0, "limit_hours": 11.0},
         "Fin à 01:00 le 6 mars 2026, reprise à 09:00 le 6 mars 2026 : 8 h de repos seulement "
         "(minimum 11 h)."),
    ],
)
def test_findings_explained_in_plain_words(lang, rule, row, text) -> None:
    sentence = explain(rule, pd.DataFrame([row]), Translator(lang)).iloc[0]
    assert sentence.replace("\u00a0", " ").replace("\u202f", " ") == text
