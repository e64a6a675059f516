"""The indicator catalogue, pinned against values worked out by hand from tests/fixtures/tiny/.

Each table row is (key, period, filters, expected). The expected value is an arithmetic expression
over the fixture's numbers with a comment saying where they come from; it is never produced by the
code under test. See tests/conftest.py for the story of the tiny town.

Calendar facts used throughout (2024): 1 May (Wed), 8 May (Wed), 9 May (Thu, Ascension) and 20 May
(Mon, Whit Monday) are public holidays, so MAY (ISO weeks 18–21) has 20 weekdays − 4 = 16 working
days: 4 in week 18, 3 in week 19, 5 in week 20, 4 in week 21.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import duckdb
import pytest

from analytics.indicators import (
    CATALOGUE,
    FILTERS_NOTE_EN,
    FILTERS_NOTE_FR,
    INDICATOR_KEYS,
    compute_indicators,
    families_of,
)
from analytics.scope import Scope
from analytics.settings import Thresholds
from analytics.store.db import execute, open_store, query_value, transaction
from analytics.store.derived import refresh_derived, workday_window
from tests.conftest import load_tiny

MAY = (date(2024, 4, 29), date(2024, 5, 26))  # ISO weeks 18–21 of 2024 (28 days)
APRIL = (date(2024, 4, 1), date(2024, 4, 28))  # ISO weeks 14–17: the 28 days before MAY
SPRING = (date(2024, 2, 26), date(2024, 5, 26))  # ISO weeks 9–21: all of David's long run
WEEK_17 = (date(2024, 4, 22), date(2024, 4, 28))
WEEK_20 = (date(2024, 5, 13), date(2024, 5, 19))  # Bruno on leave, Chloé at 39 h, Emma from Wed
WEEK_21 = (date(2024, 5, 20), date(2024, 5, 26))
WEEK_22 = (date(2024, 5, 27), date(2024, 6, 2))  # David has stopped
EMPTY = (date(2010, 1, 1), date(2010, 12, 31))  # before anything in the store
LATER = (date(2030, 1, 1), date(2030, 1, 31))  # after everything but open requests

# Hours of the four agents with entries in MAY, by ISO week 18, 19, 20, 21.
ALICE = 17.5 + 16 + 18 + 11  # (3 + 4 + 3.5 + 5 + 2) + (3 + 4 + 2 + 7) + (8 + 10) + (8 + 3)
BRUNO = 32 + 24 + 3 + 32  # 4 × 8, 3 × 8, 3 h while on leave, 4 × 8
CHLOE = 8 + 4 + 4  # 30 Apr (P_ADMIN, no level), 13 May and Sat 25 May (P_COPRO)
DAVID = 48.75 + 48 + 37 + 40  # 5 × 9.75, 10+10+8+10+10, 4 × 9.25, 4 × 10
MAY_HOURS = ALICE + BRUNO + CHLOE + DAVID  # 343.25

# Capacity in MAY (weekly_hours / 5 on each working day, not on leave).
MAY_CAPACITY = (
    16 * 7  # Alice, 35 h
    + (16 - 5) * 5.6  # Bruno, 28 h = 80 %; on leave Mon 13 – Fri 17 May
    + 7 * 7 + 9 * 7.8  # Chloé: 35 h in weeks 18–19, then the 39 h contract from 13 May wins
    + 16 * 7  # David, 35 h
    + 5 * 7  # Emma: 15, 16, 17, 21, 22 May (20 May is Whit Monday)
)  # 439.8
JEU_CAPACITY = 16 * 7 + (16 - 5) * 5.6

# Outside hours in MAY with the default 08:00–19:00 window.
MAY_OUTSIDE = (
    3.5 * 2 / 4  # Alice 2 May 17:00–21:00, 3.5 h paid: 2 of the 4 clock hours after 19:00
    + 5 * 1 / 5  # Alice 3 May 07:00–12:00: 1 of 5 clock hours before 08:00
    + 2  # Alice Saturday 4 May: wholly outside
    + 3  # Alice 6 May 22:00–01:00: no part inside 08:00–19:00
    + 2  # Alice 8 May, public holiday: wholly outside
    + 8 * 1 / 8  # Alice 13 May 12:00–20:00
    + 10 * 1 / 10  # Alice 14 May 07:00–17:00
    + 4  # Chloé Saturday 25 May
    + 9.75 + 8 + 10  # David on 1, 8 and 9 May (public holidays)
)  # 43.5 (Alice's 10 May entry has no times, her 22 May entry no end: both inside)


def case(key: str, period: tuple[date, date], expected: Any, case_id: str, **filters: Any) -> Any:
    """One row of a table: ``filters`` are the scope's service=, level= and compute_indicators'
    thresholds=."""
    return pytest.param(key, period, filters, expected, id=f"{key}-{case_id}")


HOURS_CASES = [
    case("hours.total", MAY, MAY_HOURS, "may"),
    case("hours.total", MAY, ALICE + BRUNO, "may-svc_jeu", service="svc_jeu"),
    case("hours.total", MAY, CHLOE + DAVID, "may-svc_tech", service="svc_tech"),
    # consultation = P_CONS: Alice 3 + 3.5 + 10 + 3 (start without end still counts), Bruno 8 + 8
    case("hours.total", MAY, (3 + 3.5 + 10 + 3) + (8 + 8), "may-consultation", level="consultation"),
    # 'none' = no project or a project without level (Chloé's P_ADMIN)
    case("hours.total", MAY, (4 + 5 + 4 + 7 + 8 + 8) + (16 + 24 + 32) + 8 + DAVID, "may-none",
         level="none"),
    # the agent's service decides: Alice (svc_jeu) on P_COPRO (a svc_tech project), 22:00–01:00
    case("hours.total", MAY, 3, "may-svc_jeu-coproduction", service="svc_jeu", level="coproduction"),
    case("hours.total", WEEK_17, 32 + 48.75, "week17"),  # Bruno 4 × 8, David 5 × 9.75
    case("hours.total", EMPTY, 0.0, "empty"),
    # participation = information + consultation + coproduction
    case("hours.participation", MAY, (3 + 3.5 + 2 + 3 + 2 + 10 + 3) + (8 + 8 + 3) + (4 + 4), "may"),
    case("hours.participation", MAY, 2 + 2 + 3, "may-information", level="information"),
    case("hours.participation", MAY, 0.0, "may-none", level="none"),
    case("hours.participation", MAY, 4 + 4, "may-svc_tech", service="svc_tech"),
    case("hours.participation", EMPTY, 0.0, "empty"),
    case("hours.participation_share", MAY, 53.5 / MAY_HOURS, "may"),
    case("hours.participation_share", MAY, (26.5 + 19) / (ALICE + BRUNO), "may-svc_jeu",
         service="svc_jeu"),
    case("hours.participation_share", MAY, 1.0, "may-coproduction", level="coproduction"),
    case("hours.participation_share", MAY, 0.0, "may-none", level="none"),
    case("hours.participation_share", EMPTY, None, "empty"),
    # outside share
    case("hours.outside_share", MAY, MAY_OUTSIDE / MAY_HOURS, "may"),
    # workday ending at 18:00: Alice's 17–21 entry has 3 of 4 clock hours outside, 12–20 has 2 of 8
    case("hours.outside_share", MAY,
         (MAY_OUTSIDE - 3.5 * 2 / 4 + 3.5 * 3 / 4 - 8 * 1 / 8 + 8 * 2 / 8) / MAY_HOURS,
         "may-end18", thresholds=Thresholds(workday_end=time(18, 0))),
    # information: Alice's Saturday and holiday entries, Bruno's 09:00–12:00 is inside
    case("hours.outside_share", MAY, (2 + 2) / (2 + 2 + 3), "may-information", level="information"),
    case("hours.outside_share", MAY, (4 + 9.75 + 8 + 10) / (CHLOE + DAVID), "may-svc_tech",
         service="svc_tech"),
    # 6–7 May: Alice 22:00–01:00 (3, all outside) + 08:00–12:00, Bruno 2 × 8, David 2 × 10
    case("hours.outside_share", (date(2024, 5, 6), date(2024, 5, 7)), 3 / (3 + 4 + 16 + 20),
         "6-7may"),
    case("hours.outside_share", EMPTY, None, "empty"),
]

CAPACITY_CASES = [
    case("capacity.hours", MAY, MAY_CAPACITY, "may"),
    case("capacity.hours", MAY, JEU_CAPACITY, "may-svc_jeu", service="svc_jeu"),
    case("capacity.hours", MAY, MAY_CAPACITY - JEU_CAPACITY, "may-svc_tech", service="svc_tech"),
    case("capacity.hours", MAY, MAY_CAPACITY, "may-level-keeps-capacity", level="coproduction"),
    # week 20: Alice 5 × 7, Bruno on leave, Chloé 5 × 7.8, David 5 × 7, Emma Wed–Fri 3 × 7
    case("capacity.hours", WEEK_20, 5 * 7 + 0 + 5 * 7.8 + 5 * 7 + 3 * 7, "week20"),
    case("capacity.hours", (date(2024, 5, 1), date(2024, 5, 1)), 0.0, "1may-holiday"),
    case("capacity.hours", (date(2024, 5, 4), date(2024, 5, 5)), 0.0, "weekend"),
    # Emma's contract ends 22 May inclusive: she counts on the 22nd, not on the 23rd
    case("capacity.hours", (date(2024, 5, 22), date(2024, 5, 23)),
         2 * (7 + 5.6 + 7.8 + 7) + 7, "22-23may"),
    case("capacity.hours", EMPTY, 0.0, "empty"),
    case("capacity.load_ratio", MAY, MAY_HOURS / MAY_CAPACITY, "may"),
    case("capacity.load_ratio", MAY, (ALICE + BRUNO) / JEU_CAPACITY, "may-svc_jeu",
         service="svc_jeu"),
    # level narrows the hours, not the capacity: coproduction = Alice 3 + Chloé 4 + 4
    case("capacity.load_ratio", MAY, (3 + 4 + 4) / MAY_CAPACITY, "may-coproduction",
         level="coproduction"),
    # week 20: Alice 8 + 10, Bruno 3, Chloé 4, David 4 × 9.25
    case("capacity.load_ratio", WEEK_20, (18 + 3 + 4 + 37) / (35 + 39 + 35 + 21), "week20"),
    # 1 May: David works 9.75 h on a public holiday, nobody has capacity
    case("capacity.load_ratio", (date(2024, 5, 1), date(2024, 5, 1)), None, "1may-no-capacity"),
    case("capacity.load_ratio", EMPTY, None, "empty"),
]

LEGAL_CASES = [
    # only Alice's 2 May (3 + 4 + 3.5 = 10.5 h); her 14 May and David's 10 h days are not > 10
    case("legal.days_over_10h", MAY, 1, "may"),
    case("legal.days_over_10h", MAY, 2 + (5 + 4 + 4 + 4), "may-max9",
         thresholds=Thresholds(max_daily_hours=9)),  # Alice 10.5 and 10; David 9.75/10/9.25 days
    case("legal.days_over_10h", MAY, 0, "may-max10.5", thresholds=Thresholds(max_daily_hours=10.5)),
    case("legal.days_over_10h", MAY, 0, "may-svc_tech", service="svc_tech"),
    case("legal.days_over_10h", MAY, 5 + 4 + 4 + 4, "may-svc_tech-max9", service="svc_tech",
         thresholds=Thresholds(max_daily_hours=9)),  # David: 8 May (8 h) is the one day not > 9
    case("legal.days_over_10h", MAY, 1, "may-level-ignored", level="coproduction"),
    case("legal.days_over_10h", EMPTY, 0, "empty"),
    # David week 18: 5 × 9.75 = 48.75 > 48; week 19 exactly 48 is not more than 48
    case("legal.weeks_over_48h", MAY, 1, "may"),
    case("legal.weeks_over_48h", MAY, 2, "may-max47", thresholds=Thresholds(max_weekly_hours=47)),
    case("legal.weeks_over_48h", SPRING, 10, "spring"),  # David weeks 9..18
    # a week counts whole (Mon–Sun) when its Monday is in the period...
    case("legal.weeks_over_48h", (date(2024, 4, 29), date(2024, 4, 30)), 1, "mon-tue"),
    # ... and not at all when its Monday is not
    case("legal.weeks_over_48h", (date(2024, 4, 30), date(2024, 5, 5)), 0, "tue-sun"),
    case("legal.weeks_over_48h", MAY, 0, "may-svc_jeu", service="svc_jeu"),
    case("legal.weeks_over_48h", MAY, 1, "may-level-ignored", level="information"),
    case("legal.weeks_over_48h", EMPTY, 0, "empty"),
    # David: weeks 9..18 at 48.75, 19 at 48, 20 at 37, 21 at 40; nothing before week 9.
    # week 18: (10 × 48.75) / 12 = 40.625 no; week 19: (10 × 48.75 + 48) / 12 = 44.625 yes;
    # week 20: (9 × 48.75 + 48.75 + 48 + 37) / 12 = 47.7 yes; week 21: (8 × 48.75 + ... + 40) / 12 yes
    case("legal.avg12_over_44h", MAY, 3, "may"),
    case("legal.avg12_over_44h", MAY, 4, "may-max40",
         thresholds=Thresholds(max_avg_weekly_hours=40)),  # week 18's 40.625 now counts
    # 4-week window: w18 4 × 48.75 / 4, w19 (3 × 48.75 + 48) / 4 = 48.56, w20 45.625, w21 43.44
    case("legal.avg12_over_44h", MAY, 2, "may-window4-max46",
         thresholds=Thresholds(avg_window_weeks=4, max_avg_weekly_hours=46)),
    case("legal.avg12_over_44h", SPRING, 3, "spring"),  # weeks 9..18 never reach 12 × 44 = 528
    case("legal.avg12_over_44h", WEEK_21, 1, "week21"),
    # week 22 has no entry at all but is still judged: (7 × 48.75 + 48.75 + 48 + 37 + 40 + 0) / 12
    # = 42.9 > 40
    case("legal.avg12_over_44h", WEEK_22, 1, "week22-max40",
         thresholds=Thresholds(max_avg_weekly_hours=40)),
    case("legal.avg12_over_44h", MAY, 0, "may-svc_jeu", service="svc_jeu"),
    case("legal.avg12_over_44h", EMPTY, 0, "empty"),
    # Alice: 2 May ends 21:00 → 3 May starts 07:00 (10 h); 6 May ends 01:00 on 7 May → 08:00 (7 h);
    # 13 May ends 20:00 → 14 May starts 07:00 is exactly 11 h (not less)
    case("legal.rest_under_11h", MAY, 2, "may"),
    case("legal.rest_under_11h", MAY, 3, "may-min11.5",
         thresholds=Thresholds(min_daily_rest_hours=11.5)),
    case("legal.rest_under_11h", MAY, 1, "may-min8", thresholds=Thresholds(min_daily_rest_hours=8)),
    # the day before may lie outside the period
    case("legal.rest_under_11h", (date(2024, 5, 7), date(2024, 5, 7)), 1, "7may"),
    case("legal.rest_under_11h", MAY, 0, "may-svc_tech", service="svc_tech"),
    case("legal.rest_under_11h", MAY, 2, "may-level-ignored", level="coproduction"),
    case("legal.rest_under_11h", EMPTY, 0, "empty"),
]

OVERLOAD_CASES = [
    # David: over 110 % in weeks 9..19 and 21; week 20 is 37 h for 35 h capacity (106 %).
    # Bruno: over in weeks 17, 18, 19, 21; week 20 he is on leave (capacity 0, 3 h logged).
    # MAY: David runs 18–19 and 21, Bruno 18–19 and 21: nobody reaches 4 weeks
    case("agents.sustained_overload", MAY, 0, "may"),
    case("agents.sustained_overload", MAY, 1, "may-ratio1.0",
         thresholds=Thresholds(overload_ratio=1.0)),  # David's 106 % week now joins 18..21
    case("agents.sustained_overload", MAY, 2, "may-min2",
         thresholds=Thresholds(overload_min_weeks=2)),  # David and Bruno, weeks 18–19
    case("agents.sustained_overload", SPRING, 1, "spring"),  # David weeks 9..19; Bruno 17..19 = 3
    # only weeks starting in the period count: 15 Apr → David 16..19 = 4, from 22 Apr 17..19 = 3
    case("agents.sustained_overload", (date(2024, 4, 15), date(2024, 5, 26)), 1, "from15apr"),
    case("agents.sustained_overload", (date(2024, 4, 22), date(2024, 5, 26)), 0, "from22apr"),
    case("agents.sustained_overload", (date(2024, 4, 22), date(2024, 5, 26)), 2, "from22apr-min3",
         thresholds=Thresholds(overload_min_weeks=3)),  # David and Bruno, weeks 17–19
    case("agents.sustained_overload", SPRING, 0, "spring-svc_jeu", service="svc_jeu"),
    case("agents.sustained_overload", SPRING, 1, "spring-svc_tech", service="svc_tech"),
    case("agents.sustained_overload", SPRING, 1, "spring-level-ignored", level="information"),
    case("agents.sustained_overload", EMPTY, 0, "empty"),
]

# Attended events in MAY: E3 (P_CONS) r01 r02 r03 r04; E4 (P_INFO) r01 r02 r05 r11;
# E5 (P_INFO) r01 r06 r10; E6 (P_COPRO) r01 r02 r03 r07; E7 (no project) r01 r08 r09.
# Per participant: r01 5, r02 3, r03 2, eight others 1 → n = 11, 18 attendances.
# APRIL: E1 (P_CONS) r01 r02 r03 r09 r12; E2 (P_COPRO) r01 r12. Before: E0 (P_CONS, 2023) r01 r04.
# No-shows: r10 at E1, r09 at E3. E8 only has a head count (25): never counted.
ENGAGEMENT_CASES = [
    case("engagement.participants", MAY, 11, "may"),
    case("engagement.participants", MAY, 8, "may-svc_jeu", service="svc_jeu"),  # E3, E4, E5
    case("engagement.participants", MAY, 4, "may-svc_tech", service="svc_tech"),  # E6
    case("engagement.participants", MAY, 4, "may-consultation", level="consultation"),  # E3
    case("engagement.participants", MAY, 6, "may-information", level="information"),  # E4, E5
    case("engagement.participants", MAY, 3, "may-none", level="none"),  # E7, no project
    case("engagement.participants", APRIL, 5, "april"),
    case("engagement.participants", EMPTY, 0, "empty"),
    # newcomers: r05, r06, r07, r08, r10 (its April no-show does not count), r11
    case("engagement.newcomer_share", MAY, 6 / 11, "may"),
    case("engagement.newcomer_share", APRIL, 4 / 5, "april"),  # all but r01 (E0 in 2023)
    case("engagement.newcomer_share", MAY, 4 / 8, "may-svc_jeu", service="svc_jeu"),
    case("engagement.newcomer_share", MAY, 0.0, "may-consultation", level="consultation"),
    # first coproduction event: r01 in April (E2); r02, r03, r07 in May
    case("engagement.newcomer_share", MAY, 3 / 4, "may-coproduction", level="coproduction"),
    # nobody had attended an information event before May, r01 included
    case("engagement.newcomer_share", MAY, 6 / 6, "may-information", level="information"),
    # from Sat 4 May (E4): r05 and r11 come for the first time on the period's first day
    case("engagement.newcomer_share", (date(2024, 5, 4), date(2024, 5, 25)), 6 / 10, "4-25may"),
    case("engagement.newcomer_share", EMPTY, None, "empty"),
    # k = ceil(11 / 10) = 2 most active: r01 5 + r02 3
    case("engagement.top10_share", MAY, (5 + 3) / 18, "may"),
    case("engagement.top10_share", APRIL, 2 / 7, "april"),  # k = 1; r01 or r12 with 2 of 7
    case("engagement.top10_share", MAY, 3 / 11, "may-svc_jeu", service="svc_jeu"),  # r01 3 of 11
    case("engagement.top10_share", MAY, 1 / 4, "may-consultation", level="consultation"),
    case("engagement.top10_share", EMPTY, None, "empty"),
    # Gini (2 Σ i·x(i) − (n+1) Σ x) / (n Σ x), x ascending
    case("engagement.gini", MAY, (2 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 * 2 + 10 * 3 + 11 * 5)
                                  - 12 * 18) / (11 * 18), "may"),  # x = 1 ×8, 2, 3, 5
    case("engagement.gini", APRIL, (2 * (1 + 2 + 3 + 4 * 2 + 5 * 2) - 6 * 7) / (5 * 7),
         "april"),  # x = 1, 1, 1, 2, 2
    case("engagement.gini", MAY, (2 * (1 + 2 + 3 + 4 + 5 + 6 + 7 * 2 + 8 * 3) - 9 * 11) / (8 * 11),
         "may-svc_jeu", service="svc_jeu"),  # x = 1 ×6, 2 (r02), 3 (r01)
    case("engagement.gini", MAY, 0.0, "may-consultation", level="consultation"),  # x = 1, 1, 1, 1
    case("engagement.gini", MAY, (2 * (1 + 2 + 3 + 4 + 5 + 6 * 2) - 7 * 7) / (6 * 7),
         "may-information", level="information"),  # x = 1 ×5, 2 (r01)
    case("engagement.gini", EMPTY, None, "empty"),
    # April's 5 (r01 r02 r03 r09 r12): all but r12 came back in May
    case("engagement.retention", MAY, 4 / 5, "may"),
    case("engagement.retention", APRIL, None, "april-nobody-before"),  # 4–31 March: no event
    case("engagement.retention", MAY, 3 / 5, "may-svc_jeu", service="svc_jeu"),  # E1 → E3–E5
    case("engagement.retention", MAY, 3 / 5, "may-consultation", level="consultation"),
    case("engagement.retention", MAY, 1 / 2, "may-coproduction", level="coproduction"),  # E2 → E6
    case("engagement.retention", MAY, None, "may-none", level="none"),
    # 2–25 May (24 days): the preceding period is 8 Apr – 1 May (E1, E2), E3 on 2 May is not in it
    case("engagement.retention", (date(2024, 5, 2), date(2024, 5, 25)), 4 / 5, "2-25may"),
    # 2–23 May (22 days): the preceding period starts exactly on E1's 10 April
    case("engagement.retention", (date(2024, 5, 2), date(2024, 5, 23)), 4 / 5, "2-23may"),
    case("engagement.retention", EMPTY, None, "empty"),
    case("engagement.lapsed", MAY, 1, "may"),  # r12
    case("engagement.lapsed", APRIL, 0, "april"),
    case("engagement.lapsed", MAY, 2, "may-consultation", level="consultation"),  # r09, r12
    case("engagement.lapsed", MAY, 1, "may-svc_tech", service="svc_tech"),  # r12
    case("engagement.lapsed", EMPTY, 0, "empty"),
]

# Requests (received → closed): Q1 15 Mar → 10 May (56 days, P_CONS, svc_jeu);
# Q2 30 Apr → 6 May (6, no project, svc_jeu); Q3 3 May → open (P_COPRO, svc_tech);
# Q4 20 May → 27 May (P_COPRO, svc_tech); Q5 26 May → 26 May (0, P_INFO, svc_jeu);
# Q6 10 Jun → open (svc_jeu); Q7 2 Apr → 20 Apr (18, svc_jeu);
# Q8 10 May → open (svc_jeu); Q9 15 Apr → 26 May (41, P_ADMIN = no level, svc_tech).
REQUESTS_CASES = [
    case("requests.received", MAY, 5, "may"),  # Q2, Q3, Q4, Q5, Q8
    case("requests.received", MAY, 3, "may-svc_jeu", service="svc_jeu"),  # Q2, Q5, Q8
    case("requests.received", MAY, 2, "may-coproduction", level="coproduction"),  # Q3, Q4
    case("requests.received", MAY, 2, "may-none", level="none"),  # Q2, Q8
    case("requests.received", MAY, 0, "may-consultation", level="consultation"),
    case("requests.received", APRIL, 2, "april"),  # Q7, Q9
    case("requests.received", EMPTY, 0, "empty"),
    # at 26 May: Q3 and Q8 open, Q4 closed only on the 27th; Q5 and Q9 closed on the 26th
    case("requests.open_at_end", MAY, 3, "may"),
    case("requests.open_at_end", MAY, 1, "may-svc_jeu", service="svc_jeu"),  # Q8
    case("requests.open_at_end", MAY, 2, "may-svc_tech", service="svc_tech"),  # Q3, Q4
    case("requests.open_at_end", MAY, 1, "may-none", level="none"),  # Q8
    case("requests.open_at_end", APRIL, 2, "april"),  # at 28 Apr: Q1, Q9
    case("requests.open_at_end", EMPTY, 0, "empty"),
    case("requests.open_at_end", LATER, 3, "2030"),  # Q3, Q6, Q8 never closed
    # closed in MAY: Q2 6, Q1 56, Q5 0, Q9 41 → median of 0, 6, 41, 56
    case("requests.median_days_to_close", MAY, (6 + 41) / 2, "may"),
    case("requests.median_days_to_close", MAY, 6.0, "may-svc_jeu", service="svc_jeu"),  # 0, 6, 56
    case("requests.median_days_to_close", MAY, 41.0, "may-svc_tech", service="svc_tech"),  # Q9
    case("requests.median_days_to_close", MAY, (6 + 41) / 2, "may-none", level="none"),  # Q2, Q9
    case("requests.median_days_to_close", MAY, 56.0, "may-consultation", level="consultation"),
    case("requests.median_days_to_close", MAY, 0.0, "may-information", level="information"),
    case("requests.median_days_to_close", MAY, None, "may-coproduction", level="coproduction"),
    case("requests.median_days_to_close", APRIL, 18.0, "april"),  # Q7
    case("requests.median_days_to_close", EMPTY, None, "empty"),
]

# Population: Q_NORD 1000, Q_SUD 500, Q_CENTRE 2000, Q_EST 400 (+ age bands, not used here).
# Participants live in: r01 r02 r07 r10 Q_NORD; r03 r04 r08 Q_SUD; r05 r06 r09 Q_CENTRE;
# r12 Q_EST; r11 nowhere known.
REPRESENTATIVENESS_CASES = [
    # Q_EST has nobody in MAY (r12 only came in April) → min rate 0
    case("representativeness.r_score_quartier", MAY, 0.0, "may"),
    # APRIL: Q_NORD 2/1000, Q_SUD 1/500, Q_CENTRE 1/2000 (r09), Q_EST 1/400 (r12)
    case("representativeness.r_score_quartier", APRIL, (1 / 2000) / (1 / 400), "april"),
    case("representativeness.r_score_quartier", APRIL, (1 / 2000) / (1 / 400), "april-consultation",
         level="consultation"),  # E1 has the same five people
    case("representativeness.r_score_quartier", APRIL, 0.0, "april-svc_tech",
         service="svc_tech"),  # E2: r01 (Q_NORD) and r12 (Q_EST) only
    case("representativeness.r_score_quartier", EMPTY, None, "empty"),  # every rate 0
]

KINDS = {indicator.key: indicator.kind for indicator in CATALOGUE}

CASES = (
    HOURS_CASES + CAPACITY_CASES + LEGAL_CASES + OVERLOAD_CASES + ENGAGEMENT_CASES
    + REQUESTS_CASES + REPRESENTATIVENESS_CASES
)


@pytest.mark.parametrize(("key", "period", "filters", "expected"), CASES)
def test_indicator(
    tiny_store: duckdb.DuckDBPyConnection,
    key: str,
    period: tuple[date, date],
    filters: dict[str, Any],
    expected: float | int | None,
) -> None:
    options: dict[str, Any] = {"thresholds": Thresholds()} | filters
    store = tiny_store
    if workday_window(options["thresholds"]) != workday_window(Thresholds()):
        store = open_store(":memory:")  # a store whose derived tables have that workday window
        load_tiny(store)
        with transaction(store) as cur:
            refresh_derived(cur, thresholds=options["thresholds"])
    thresholds = options.pop("thresholds")
    value = compute_indicators(store, Scope(*period, **options), thresholds=thresholds)[key]
    if expected is None:
        assert value is None
    elif KINDS[key] == "count":
        assert type(value) is int
        assert value == expected
    else:
        assert type(value) is float
        assert value == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_every_key_is_pinned_with_data_and_on_an_empty_period() -> None:
    pinned = {param.values[0] for param in CASES}
    assert pinned == set(INDICATOR_KEYS)
    on_empty = {param.values[0] for param in CASES if param.values[1] == EMPTY}
    assert on_empty == set(INDICATOR_KEYS)


DESIGN_KEYS = (
    "hours.total", "hours.participation", "hours.participation_share", "capacity.hours",
    "capacity.load_ratio", "hours.outside_share", "legal.days_over_10h", "legal.weeks_over_48h",
    "legal.avg12_over_44h", "legal.rest_under_11h", "agents.sustained_overload",
    "engagement.participants", "engagement.newcomer_share", "engagement.top10_share",
    "engagement.gini", "engagement.retention", "engagement.lapsed", "requests.received",
    "requests.open_at_end", "requests.median_days_to_close", "representativeness.r_score_quartier",
)


def test_catalogue_is_design_md_in_order() -> None:
    assert tuple(indicator.key for indicator in CATALOGUE) == DESIGN_KEYS
    assert INDICATOR_KEYS == DESIGN_KEYS
    threshold_names = set(Thresholds.__dataclass_fields__)
    for indicator in CATALOGUE:
        assert indicator.kind in {"share", "ratio", "count", "hours", "days"}
        assert indicator.definition_fr.strip() and indicator.definition_en.strip()
        assert set(indicator.uses) <= threshold_names, indicator.key
    assert FILTERS_NOTE_FR.strip() and FILTERS_NOTE_EN.strip()


@pytest.mark.parametrize(
    ("period", "filters"),
    [
        pytest.param(MAY, {}, id="may"),
        pytest.param(EMPTY, {}, id="empty"),
        pytest.param(MAY, {"service": "svc_jeu", "level": "none"}, id="filtered"),
        pytest.param(MAY, {"service": "no_such_service"}, id="unknown-service"),
    ],
)
def test_returns_exactly_the_catalogue_keys_as_plain_numbers(
    tiny_store: duckdb.DuckDBPyConnection, period: tuple[date, date], filters: dict[str, Any]
) -> None:
    values = compute_indicators(tiny_store, Scope(*period, **filters), thresholds=Thresholds())
    assert tuple(values) == INDICATOR_KEYS
    for key, value in values.items():
        if KINDS[key] == "count":
            assert type(value) is int, key
        else:
            assert value is None or type(value) is float, key


def test_empty_store_gives_zero_counts_and_no_ratios(
    empty_store: duckdb.DuckDBPyConnection,
) -> None:
    values = compute_indicators(empty_store, Scope(*MAY), thresholds=Thresholds())
    assert tuple(values) == INDICATOR_KEYS
    for key, value in values.items():
        if KINDS[key] == "count":
            assert value == 0, key
        elif key in {"hours.total", "hours.participation", "capacity.hours"}:
            assert value == 0.0, key
        else:
            assert value is None, key


def test_r_score_is_undefined_without_population(
    fresh_tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    execute(fresh_tiny_store, "DELETE FROM population WHERE dimension = 'quartier'")
    values = compute_indicators(fresh_tiny_store, Scope(*APRIL), thresholds=Thresholds())
    assert values["representativeness.r_score_quartier"] is None


def test_outside_share_matches_entry_facts_with_the_refresh_window(
    tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    """The indicator recomputes the split; with the same window it equals entry_facts' column."""
    outside = query_value(
        tiny_store,
        "SELECT sum(outside_hours) FROM entry_facts WHERE work_date BETWEEN ? AND ?",
        list(MAY),
    )
    values = compute_indicators(tiny_store, Scope(*MAY), thresholds=Thresholds())
    assert values["hours.outside_share"] == pytest.approx(outside / MAY_HOURS, rel=1e-12)


def test_indicators_follow_a_new_import(fresh_tiny_store: duckdb.DuckDBPyConnection) -> None:
    """After an import refreshes the derived tables, the numbers include the new rows."""
    with transaction(fresh_tiny_store) as cur:
        cur.execute(
            "INSERT INTO time_entries VALUES ('T-NEW', 'A5', NULL, DATE '2024-05-21', "
            "TIME '08:00', TIME '19:30', 11.5, 'ordinary')"
        )
        refresh_derived(cur, thresholds=Thresholds())
    values = compute_indicators(fresh_tiny_store, Scope(*MAY), thresholds=Thresholds())
    assert values["hours.total"] == pytest.approx(MAY_HOURS + 11.5)
    assert values["legal.days_over_10h"] == 1 + 1  # Alice's 2 May and Emma's 11.5 h
    # 0.5 of the 11.5 clock hours are after 19:00
    assert values["hours.outside_share"] == pytest.approx(
        (MAY_OUTSIDE + 11.5 * 0.5 / 11.5) / (MAY_HOURS + 11.5)
    )


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(("hours.total", "capacity.load_ratio", "hours.outside_share"), id="hours"),
        pytest.param(("legal.days_over_10h", "legal.rest_under_11h", "agents.sustained_overload"),
                     id="legal-days-overload"),
        pytest.param(("agents.sustained_overload", "legal.days_over_10h"), id="any-order"),
        pytest.param(("legal.weeks_over_48h", "legal.avg12_over_44h"), id="legal-weeks"),
        pytest.param(("engagement.participants", "engagement.gini"), id="engagement"),
        pytest.param(("representativeness.r_score_quartier", "requests.received",
                      "capacity.hours"), id="three-families"),
    ],
)
@pytest.mark.parametrize("filters", [{}, {"service": "svc_jeu", "level": "none"}], ids=["all", "filtered"])
def test_a_subset_of_keys_gives_the_catalogue_values(
    tiny_store: duckdb.DuckDBPyConnection, keys: tuple[str, ...], filters: dict[str, Any],
) -> None:
    whole = compute_indicators(tiny_store, Scope(*MAY, **filters), thresholds=Thresholds())
    part = compute_indicators(tiny_store, Scope(*MAY, **filters), thresholds=Thresholds(), keys=keys)
    assert set(part) == set(keys)
    assert part == {key: whole[key] for key in keys}
    assert tuple(part) == tuple(key for key in INDICATOR_KEYS if key in keys)


@pytest.mark.parametrize("keys", [(), ("hours.total", "budget.total")], ids=["none", "unknown"])
def test_rejects_unknown_keys(tiny_store: duckdb.DuckDBPyConnection, keys: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="unknown indicator keys"):
        compute_indicators(tiny_store, Scope(*MAY), thresholds=Thresholds(), keys=keys)


@pytest.mark.parametrize(
    ("keys", "families"),
    [
        (("capacity.load_ratio",), ("hours",)),
        (("legal.days_over_10h", "capacity.load_ratio"), ("hours", "legal")),
        (("representativeness.r_score_quartier", "engagement.gini"), ("engagement",)),
    ],
)
def test_the_catalogue_knows_which_family_computes_a_key(
    keys: tuple[str, ...], families: tuple[str, ...]
) -> None:
    assert families_of(keys) == families


@pytest.mark.parametrize(
    ("start", "end", "level", "message"),
    [
        pytest.param(date(2024, 5, 2), date(2024, 5, 1), None, "before it starts",
                     id="end-before-start"),
        pytest.param(date(2024, 5, 1), date(2024, 5, 2), "participation", "unknown level",
                     id="unknown-level"),
    ],
)
def test_rejects_bad_arguments(
    tiny_store: duckdb.DuckDBPyConnection, start: date, end: date, level: str | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        compute_indicators(tiny_store, Scope(start, end, level=level), thresholds=Thresholds())
