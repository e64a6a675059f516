"""The overview as the direction and as an elected official see it (AppTest on the tiny town):
"À traiter" names agents for the direction only, each line links to the page and tab with the detail,
the tiles count the same lists, and the period presets and typed dates apply at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import APP, TIMEOUT, sign_in_mode, signed_in_app
from tests.conftest import write_tiny_db

NAMES = ("Alice", "Bruno", "Chloé", "David", "Emma")


@pytest.fixture
def tiny_db(tmp_path: Path) -> Path:
    return write_tiny_db(tmp_path / "tiny.duckdb")


@pytest.fixture
def overview_as(
    tiny_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], AppTest]:
    """The app on the tiny town (last day with time 3 June 2024: the default period is 4 March to
    3 June) as ``direction`` (local mode) or ``elected`` (signed in); runs of 3 weeks count."""
    monkeypatch.setenv("PARTICIPATION_DB", str(tiny_db))
    monkeypatch.setenv("PARTICIPATION_OVERLOAD_MIN_WEEKS", "3")

    def run(role: str) -> AppTest:
        if role == "direction":
            at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        else:
            sign_in_mode(tiny_db, tmp_path, monkeypatch)
            at = signed_in_app(role)
        at.run()
        assert not at.exception, at.exception
        return at

    return run


MARKS = (":red[:material/priority_high:] ", ":orange[:material/visibility:] ")


def lines(at: AppTest) -> list[str]:
    """The sentences of "À traiter" (after their mark), non-breaking spaces read as spaces."""
    return [text.value.split("] ", 1)[1].replace("\xa0", " ").replace("\u202f", " ")
            for text in at.main.markdown if text.value.startswith(MARKS)]


def links(at: AppTest) -> list[tuple[str, str, str]]:
    """(tooltip or label, page, query string) of each page link of the main area."""
    return [(link.proto.help or link.proto.label, link.proto.page, link.proto.query_string)
            for link in at.main.get("page_link")]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_direction_reads_who_and_why(overview_as: Callable[[str], AppTest]) -> None:
    at = overview_as("direction")
    assert lines(at)[:4] == [
        "David Leroy (Services techniques) : 9 semaines de plus de 48 h, 3 semaines où la moyenne "
        "des 12 dernières semaines dépasse 44 h, au-delà des limites légales du temps de travail.",
        "Alice Martin (Jeunesse) : 1 journée de plus de 10 h, 2 repos de moins de 11 h entre deux "
        "journées, au-delà des limites légales du temps de travail.",
        "David Leroy (Services techniques) : 10 semaines de suite au-delà de 110 % de sa capacité, "
        "du 4 mars 2024 au 12 mai 2024 (charge moyenne 151,2 %).",
        "Bruno Petit (Jeunesse) : 3 semaines de suite au-delà de 110 % de sa capacité, du 22 avr. "
        "2024 au 12 mai 2024 (charge moyenne 131 %).",
    ]
    # the tiles count exactly the lines above
    assert [metric(at, label) for label in (
        "Agents en surcharge prolongée", "Journées de plus de 10 h", "Semaines de plus de 48 h",
        "Semaines à plus de 44 h en moyenne sur 12", "Repos quotidiens de moins de 11 h",
    )] == ["2", "1", "9", "3", "2"]
    assert links(at)[:6] == [
        ("Voir : Capacité des équipes › Limites légales", "capacity", "tab=legal"),
        ("Voir : Capacité des équipes › Limites légales", "capacity", "tab=legal"),
        ("Voir : Capacité des équipes › Surcharge prolongée", "capacity", "tab=overload"),
        ("Voir : Capacité des équipes › Surcharge prolongée", "capacity", "tab=overload"),
        ("Voir : Capacité des équipes › Charge", "capacity", "tab=load"),
        ("Voir : Capacité des équipes › Travail invisible", "capacity", "tab=hidden"),
    ]


def test_a_link_opens_its_tab(overview_as: Callable[[str], AppTest]) -> None:
    """Following "Voir : … › Limites légales" (the page with ?tab=legal) opens that tab, once."""
    at = overview_as("direction")
    at.query_params["tab"] = "legal"
    at.switch_page("pages/capacity.py").run()
    assert not at.exception, at.exception
    assert at.session_state["capacity_tab"] == "Limites légales"
    assert "tab" not in at.query_params


def test_an_elected_official_reads_services_and_counts_never_names(
    overview_as: Callable[[str], AppTest],
) -> None:
    at = overview_as("elected")
    said = lines(at)
    assert said, "the elected official has lines to read"
    text = " ".join(said)
    assert not any(name in text for name in NAMES)
    assert any(line.startswith("Moins de 5 agents en surcharge prolongée") for line in said)
    assert any(line.startswith("Limites légales du temps de travail, tous services : moins de 5 ")
               for line in said)
    assert metric(at, "Agents en surcharge prolongée") == "–"
    assert metric(at, "Journées de plus de 10 h") == "–"
    assert [page for _, page, _ in links(at)] == ["arbitration", "engagement"]  # never capacity


@pytest.mark.parametrize(
    ("preset", "caption"),
    [("this_month", "Du 1er juin 2024 au 3 juin 2024"),
     ("last_month", "Du 1er mai 2024 au 31 mai 2024"),
     ("last_year", "Du 1er janv. 2023 au 31 déc. 2023")],
)
def test_period_presets(overview_as: Callable[[str], AppTest], preset: str, caption: str) -> None:
    at = overview_as("direction")
    at.sidebar.selectbox(key="period_preset").select(preset).run()
    assert not at.exception, at.exception
    assert caption in [c.value.replace("\xa0", " ") for c in at.sidebar.caption]


def test_typed_dates_apply_at_once(overview_as: Callable[[str], AppTest]) -> None:
    at = overview_as("direction")
    at.sidebar.selectbox(key="period_preset").select("custom").run()
    assert [d.value for d in at.sidebar.date_input] == [date(2024, 3, 4), date(2024, 6, 3)]
    at.sidebar.date_input(key="period_start").set_value(date(2024, 5, 6)).run()
    assert "Du 6 mai 2024 au 3 juin 2024" in [c.value for c in at.sidebar.caption]
    assert not at.warning or all("Du" not in w.value for w in at.warning)


def test_the_average_load_and_the_busiest_week_are_reconciled(
    overview_as: Callable[[str], AppTest], tiny_db: Path
) -> None:
    """The tile states the period's average load; the weekly chart shows weeks above it: one
    sentence says both, with the busiest week's own ratio, computed here from the store."""
    from analytics.i18n import Translator, iso_week
    from analytics.overview import weekly_load
    from analytics.scope import Scope
    from dashboard.store import connection

    at = overview_as("direction")
    weeks = weekly_load(connection(str(tiny_db)).cursor(),
                        Scope(date(2024, 3, 4), date(2024, 6, 3)))
    ratios = weeks["hours"] / weeks["capacity_hours"]
    busiest = int(ratios.idxmax())
    t = Translator("fr")
    expected = (f"semaine la plus chargée : {t.percent(float(ratios[busiest]))} "
                f"({iso_week(t, pd.Timestamp(weeks['week_start'][busiest]).date())})")
    average = metric(at, "Charge / capacité")
    said = [c.value for c in at.main.caption if "semaine la plus chargée" in c.value]
    assert said == [f"Charge moyenne sur la période : {average} ; {expected}."]
