"""Real browser, one question per user of DESIGN.md, followed from the overview's "À traiter" to the
page and tab that answers it, signed in as that user (the documented deployment of
tests/browser/test_signin_browser.py, on the demo town).

The demo town is generated relative to today, so the numbers are read from the overview's sentence and
looked for on the answer's tab: the test checks that what the overview says is what the detail shows.
"""

from __future__ import annotations

import re

import pytest

from analytics.demo.catalogue import FIRST_NAMES, LAST_NAMES
from tests.browser import test_signin_browser as signin
from tests.browser.conftest import TABS, wait_for_text, wait_until_idle

pytestmark = pytest.mark.browser

deployment = signin.deployment  # one server for the module; each test signs in as its user
MAIN = "[data-testid='stMain']"
AGENT_NAME = re.compile(
    r"\b(?:" + "|".join(map(re.escape, FIRST_NAMES)) + r") (?:"
    + "|".join(map(re.escape, LAST_NAMES)) + r")\b"
)
"""A full name as the demo town gives its agents (first name, last name)."""


def plain(text: str) -> str:
    """Non-breaking spaces as ordinary ones, for readable asserts."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def overview_as(browser: object, server: signin.Deployment, email: str) -> tuple[object, str]:
    """Sign in as ``email`` (a person of the documented roles.toml) and read the overview."""
    page = signin.sign_in(browser, server, {
        "sub": email, "email": email, "email_verified": True, "name": "Personne Test",
    })
    wait_until_idle(page)
    page.get_by_text("À traiter", exact=True).wait_for(timeout=60_000)
    return page, plain(page.inner_text(MAIN))


def follow(page: object, sentence: str, tab: str) -> None:
    """Click the link beside the "À traiter" line that says ``sentence``; wait for its tab."""
    row = page.locator(f"{MAIN} [data-testid='stHorizontalBlock']").filter(has_text=sentence)
    row.get_by_role("link", name=tab, exact=True).first.click()
    page.wait_for_function(
        "(tab) => [...document.querySelectorAll(\"[role='tab'][aria-selected='true']\")]"
        ".some(el => el.innerText.trim() === tab)", arg=tab, timeout=60_000,
    )
    wait_until_idle(page, content="[data-testid='stTabs']")


def tile(page: object, label: str) -> str:
    """The value of the metric tile named ``label``."""
    metric = page.locator(f"{MAIN} [data-testid='stMetric']").filter(has_text=label).first
    return plain(metric.locator("[data-testid='stMetricValue']").inner_text()).strip()


def test_director_sees_which_agent_is_beyond_the_legal_limits(
    browser: object, deployment: signin.Deployment
) -> None:
    """"Can my teams take more?" An agent named by the overview beyond the 10-hour day: the legal
    limits tab lists that agent's days, as many as the overview counted."""
    page, overview = overview_as(browser, deployment, "dgs@ville.fr")
    line = re.search(r"priority_high (?P<agent>[^\n:()]+) \((?P<service>[^)\n]+)\) : "
                     r"(?P<days>\d+) journées? de plus de 10 h", overview)
    assert line, overview
    agent, days = line["agent"].strip(), int(line["days"])
    town_days = tile(page, "Journées de plus de 10 h")
    follow(page, f"{agent} ({line['service']}) : {line['days']} journ", "Limites légales")
    assert page.url.split("?")[0].endswith("/capacity")
    body = plain(page.inner_text(MAIN))
    assert f"{town_days} constats" in body  # the tile of the overview is the tab's count
    table = page.locator(f"{MAIN} [data-testid='stDataFrame']").first  # days over 10 h
    cells = table.locator("[role='gridcell']")
    cells.first.wait_for(state="attached", timeout=60_000)  # drawn on a canvas; read by screen readers
    texts = [plain(text).strip() for text in cells.all_inner_texts()]
    rows = int(table.locator("[role='grid']").first.get_attribute("aria-rowcount") or 0) - 1
    assert rows == int(town_days)  # one row per day over 10 h, all agents
    if len(texts) // 6 == rows:  # every row drawn (the grid draws the rows in view: 10 by default)
        assert texts.count(agent) == days, texts
    else:
        assert 0 < texts.count(agent) <= days, texts
    assert any(re.fullmatch(r"Le \d+ \S+ \d{4}, \d+(?:,\d)? h travaillées : \d+(?:,\d)? h au-delà des 10 h "
                            r"par jour\.", text) for text in texts), texts
    page.context.close()


def test_official_reads_what_a_new_project_can_afford(browser: object, deployment: signin.Deployment) -> None:
    """"How much participation can a new project afford?" From a team the overview says cannot take
    a new project to the simulator: a verdict with its numbers and its reason, and never an agent's
    name on the way."""
    page, overview = overview_as(browser, deployment, "maire@ville.fr")
    seen = [overview]
    line = re.search(r"priority_high (?P<service>[^\n:]+) ne peut pas prendre de nouveau projet",
                     overview)
    assert line, overview
    service = line["service"].strip()
    follow(page, f"{service} ne peut pas prendre", "Simulateur")
    assert page.url.split("?")[0].endswith("/arbitration")
    main = page.locator(MAIN)
    main.locator("[data-testid='stSelectbox']").filter(has_text="Équipe (service)").click()
    page.get_by_role("option", name=service, exact=True).click()
    wait_until_idle(page, content="[data-testid='stTabs']")
    main.locator("[data-testid='stSelectbox']").filter(has_text="Niveau d'implication").click()
    page.get_by_role("option", name="Information", exact=True).click()
    wait_until_idle(page, content="[data-testid='stTabs']")
    start = main.locator("[data-testid='stSelectbox']").filter(has_text="Démarrage")
    start.locator("input").fill("juin 2027")
    start.locator("input").press("Enter")
    wait_for_text(page, "démarrage le 1er juin 2027", content=TABS)
    body = plain(page.inner_text(MAIN))
    seen.append(body)
    assert f"Verdict pour {service} : niveau information, démarrage le 1er juin 2027" in body
    assert re.search(r"Effort estimé à partir de \d+ projets terminés comparables .*: typique "
                     r"[\d ]+(?:,\d)? h, pessimiste [\d ]+(?:,\d)? h au total", body), body
    for label in ("Estimation typique (P50)", "Estimation pessimiste (P80)"):
        verdict = re.search(re.escape(label) + r" — (?P<verdict>Tient\.|Ne tient pas[^.]*\.)"
                            r"(?P<why>[^\n]*)", body)
        assert verdict, body
        assert re.search(r"\w+ \d{4}.* \d+(,\d+)? % de sa capacité.* \d+(,\d+)? %.*la limite est de "
                         r"\d+ %", verdict["why"]), verdict.group(0)  # the month, load without and with
    assert re.search(r"Niveau le plus élevé qui tient à cette date \(jusqu'au niveau choisi\) : "
                     r"\w+ · démarrage au plus tôt au niveau choisi", body), body
    seen += page.locator(f"{MAIN} [role='gridcell']").all_inner_texts()
    named = [AGENT_NAME.search(text) for text in seen]
    assert not any(named), [match.group(0) for match in named if match]
    page.context.close()


def test_evaluator_sees_why_engagement_erodes(browser: object, deployment: signin.Deployment) -> None:
    """"Is engagement eroding?" The lapsed participants of the overview, on the erosion and fatigue
    tab: the same count and share, the falling attendance with its numbers, small groups as "–"."""
    page, overview = overview_as(browser, deployment, "evaluation@cabinet-conseil.fr")
    lapsed = re.search(r"(?P<count>\d[\d ]*) participants? actifs? l'année précédente (?:n'est pas "
                       r"revenu|ne sont pas revenus) depuis 12 mois \((?P<share>\d+(?:,\d)?) % d'entre "
                       r"eux\)", overview)
    assert lapsed, overview
    count = lapsed["count"].strip()
    falling = re.search(r"Fréquentation en baisse pour « (?P<group>[^»]+) » : .*? sur "
                        r"(?P<events>[\d ]+) rendez-vous", overview)
    follow(page, lapsed.group(0)[:40], "Érosion et fatigue")
    assert page.url.split("?")[0].endswith("/engagement")
    assert tile(page, "Perdus de vue (12 mois)") == count
    share = tile(page, "Part perdue de vue")
    assert share == f"{lapsed['share']} %", share  # one rule for shares: the same text
    body = plain(page.inner_text(MAIN))
    if falling:  # the overview's falling attendance, explained with its slope and interval
        assert re.search(re.escape(falling["group"]) + r" : −\d+,\d+ participants? par rendez-vous "
                         r"et par an \(IC 95 % : [−+]?\d+,\d+ à −\d+,\d+ ; " + falling["events"]
                         + r" rendez-vous\) — en baisse\.", body), body
    for label in ("Bénévoles suivis", "Engagements simultanés", "Beaucoup d'heures",
                  "Longue série sans pause", "Absences en hausse"):
        value = tile(page, label)  # a count of people: none, or at least 5, or hidden
        assert value == "–" or value == "0" or int(value.replace(" ", "")) >= 5, (label, value)
    assert tile(page, "Absences en hausse") == "–"  # fewer than 5 people today: hidden
    assert "tout groupe de moins de 5 personnes est masqué (–)" in body  # and the tab says why
    page.context.close()
