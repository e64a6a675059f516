""""À traiter" on the overview: what each role is told to act on, from the tiny town (MAY, APRIL_MAY)
and from hand-made forecast and engagement frames. Sentences are checked as a user reads them."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.capacity.forecast import HORIZON_WEEKS
from analytics.capacity.legal import legal_findings
from analytics.capacity.load import load_view
from analytics.capacity.overload import overload_runs
from analytics.i18n import Translator
from analytics.indicators import compute_indicators
from analytics.overview import (
    AttentionInputs,
    attention_items,
    describe,
    participation_outside,
    services,
    tile_counts,
)
from analytics.scope import Scope
from analytics.settings import Thresholds

MAY = (date(2024, 4, 29), date(2024, 5, 26))
APRIL_MAY = (date(2024, 4, 1), date(2024, 5, 26))
FR, EN = Translator("fr"), Translator("en")
NO_TEAMS = pd.DataFrame(columns=["service_id", "service_name", "peak_load_ratio", "weeks_over",
                                 "weeks_without_capacity"])
NO_TRENDS = pd.DataFrame(columns=["dimension", "group_key", "events", "slope", "relative_slope",
                                  "direction"])


def inputs(con: duckdb.DuckDBPyConnection, period: tuple[date, date], thresholds: Thresholds,
           **changes: object) -> AttentionInputs:
    """What the overview's loaders gather, computed by the existing functions on the tiny town."""
    start, end = period
    values: dict[str, object] = {
        "legal": legal_findings(con, Scope(start, end), thresholds),
        "runs": overload_runs(con, Scope(start, end), thresholds),
        "service_load": load_view(con, Scope(start, end), thresholds).services,
        "services": services(con),
        "outside": participation_outside(con, Scope(start, end), thresholds),
        "teams": NO_TEAMS, "signal_counts": {"volunteers": 5, "any": 0}, "trends": NO_TRENDS,
        "lapsed": 0, "lapsed_share": None,
    }
    return AttentionInputs(**{**values, **changes})  # type: ignore[arg-type]


def sentences(items: list, t: Translator = FR, kind: str | None = None) -> list[str]:
    """The items' sentences (of one kind), non-breaking spaces read as spaces."""
    return [describe(item, t).replace("\xa0", " ").replace("\u202f", " ")
            for item in items if kind is None or item.kind == kind]


def todo(con: duckdb.DuckDBPyConnection, role: str, period: tuple[date, date] = MAY,
         thresholds: Thresholds | None = None, **changes: object) -> list:
    th = thresholds or Thresholds()
    return attention_items(inputs(con, period, th, **changes), role, th.min_group_size,
                           th.overload_ratio, th.overload_min_weeks, HORIZON_WEEKS)


@pytest.mark.parametrize(
    ("period", "service", "min_weeks"),
    [(MAY, None, 4), (MAY, "svc_tech", 4), (APRIL_MAY, None, 3), (APRIL_MAY, "svc_jeu", 3),
     (APRIL_MAY, None, 2)],
)
def test_the_tiles_count_the_lists(
    tiny_store: duckdb.DuckDBPyConnection, period: tuple[date, date], service: str | None,
    min_weeks: int,
) -> None:
    """One home per number: the tiles' counts come from the lists, and equal the catalogue's."""
    th = Thresholds(overload_min_weeks=min_weeks)
    counts = tile_counts(legal_findings(tiny_store, Scope(*period, service=service), th),
                         overload_runs(tiny_store, Scope(*period, service=service), th))
    catalogue = compute_indicators(tiny_store, Scope(*period, service), thresholds=th)
    assert counts == {key: catalogue[key] for key in counts}
    assert set(counts) == {"legal.days_over_10h", "legal.weeks_over_48h", "legal.avg12_over_44h",
                           "legal.rest_under_11h", "agents.sustained_overload"}


def test_the_direction_reads_each_agent_and_all_four_legal_limits(
    tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    assert sentences(todo(tiny_store, "direction"), kind="legal_agent") == [
        "David Leroy (Services techniques) : 1 semaine de plus de 48 h, 3 semaines où la moyenne "
        "des 12 dernières semaines dépasse 44 h, au-delà des limites légales du temps de travail.",
        "Alice Martin (Jeunesse) : 1 journée de plus de 10 h, 2 repos de moins de 11 h entre deux "
        "journées, au-delà des limites légales du temps de travail.",
    ]


def test_the_sustained_overload_tile_names_who(tiny_store: duckdb.DuckDBPyConnection) -> None:
    th = Thresholds(overload_min_weeks=3)
    items = todo(tiny_store, "direction", APRIL_MAY, th)
    assert sentences(items, kind="overload_agent") == [
        "David Leroy (Services techniques) : 6 semaines de suite au-delà de 110 % de sa capacité, "
        "du 1er avr. 2024 au 12 mai 2024 (charge moyenne 160,3 %).",
        "Bruno Petit (Jeunesse) : 3 semaines de suite au-delà de 110 % de sa capacité, du 22 avr. "
        "2024 au 12 mai 2024 (charge moyenne 131 %).",
    ]
    assert {item.links for item in items if item.kind == "overload_agent"} == {
        (("capacity", "overload"),)}


@pytest.mark.parametrize("role", ["elected", "evaluator"])
def test_other_roles_read_no_agent_and_no_small_count(
    tiny_store: duckdb.DuckDBPyConnection, role: str
) -> None:
    th = Thresholds(overload_min_weeks=3)
    text = " ".join(sentences(todo(tiny_store, role, APRIL_MAY, th)))
    for name in ("Alice", "Bruno", "Chloé", "David", "Emma", "A1", "A2", "A4"):
        assert name not in text
    items = todo(tiny_store, role, APRIL_MAY, th)
    assert sentences(items, kind="overload_town") == [
        "Moins de 5 agents en surcharge prolongée (au moins 3 semaines de suite au-delà de 110 % "
        "de leur capacité) : le nombre exact d'un si petit groupe n'est pas affiché."]
    legal = sentences(items, kind="legal_town")
    assert len(legal) == 1 and "moins de 5 journées de plus de 10 h" in legal[0]
    assert not [item for item in items if item.kind in ("overload_service", "forecast_team")], \
        "both tiny services have fewer than 5 agents"


def test_participation_hours_outside_ordinary_hours_name_their_projects(
    tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    """Alice's and Chloé's evening, Saturday, holiday and site-work hours on the three participatory
    projects of MAY (David's holiday hours without a project are not participation)."""
    assert sentences(todo(tiny_store, "elected"), kind="hidden_participation") == [
        "13,8 h de travail sur des projets participatifs hors des heures ordinaires (5,8 h le soir "
        "ou tôt le matin en semaine, 8 h le week-end ou un jour férié), surtout pour : Fifty-Fifty "
        "jardins partagés (7 h), Journal de quartier (4 h), Concertation city stade (2,8 h)."]


def teams(*rows: tuple[str, str, float, int, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(NO_TEAMS.columns))


def many_services(*ids: str) -> pd.DataFrame:
    return pd.DataFrame({"service_id": list(ids), "service_name": [i.title() for i in ids],
                         "agents": [8 if i != "small" else 2 for i in ids]})


@pytest.mark.parametrize(
    ("role", "expected", "link"),
    [
        ("direction",
         ["Voirie ne peut pas prendre de nouveau projet : au-delà de sa capacité 3 semaines sur les "
          "12 à venir (jusqu'à 117 %).",
          "Small ne peut pas prendre de nouveau projet : au-delà de sa capacité 1 semaine sur les "
          "12 à venir (jusqu'à 130 %)."], ("capacity", "forecast")),
        ("elected",
         ["Voirie ne peut pas prendre de nouveau projet : au-delà de sa capacité 3 semaines sur les "
          "12 à venir (jusqu'à 117 %)."], ("capacity", "forecast")),
    ],
)
def test_teams_that_cannot_take_a_new_project(
    tiny_store: duckdb.DuckDBPyConnection, role: str, expected: list[str],
    link: tuple[str, str],
) -> None:
    forecast = teams(("voirie", "Voirie", 1.17, 3, 0), ("small", "Small", 1.30, 1, 0),
                     ("calme", "Calme", 0.80, 0, 0))
    items = todo(tiny_store, role, teams=forecast,
                 services=many_services("voirie", "small", "calme"))
    assert sentences(items, kind="forecast_team") == expected
    assert items[0].kind in ("forecast_team", "legal_agent", "legal_town")  # "act" lines first
    assert all(item.links[0] == link and item.links[1] == ("arbitration", "simulator")
               for item in items if item.kind == "forecast_team")
    assert [item.team for item in items if item.kind == "forecast_team"] == \
        ["voirie", "small"][:len(expected)]  # the simulator opens on the team of the line


@pytest.mark.parametrize(
    ("role", "signals", "lapsed", "trend", "expected"),
    [
        ("elected", {"volunteers": 40, "any": 7}, 12, ("event_kind", "public_meeting", -2.5, -0.1),
         ["7 bénévoles sur 40 montrent au moins un signal d'usure : une conversation à ouvrir, pas "
          "un diagnostic.",
          "12 participants actifs l'année précédente ne sont pas revenus depuis 12 mois (30 % "
          "d'entre eux).",
          "Fréquentation en baisse pour « Réunion publique » : 2,5 présents de moins par "
          "rendez-vous chaque année (10 % par an, sur 9 rendez-vous)."]),
        ("elected", {"volunteers": 40, "any": 2}, None, None,
         ["Moins de 5 bénévoles (sur 40) montrent au moins un signal d'usure."]),
        ("direction", {"volunteers": 40, "any": 1}, 1, None,
         ["1 bénévole sur 40 montre au moins un signal d'usure : une conversation à ouvrir, pas "
          "un diagnostic.",
          "1 participant actif l'année précédente n'est pas revenu depuis 12 mois (30 % d'entre "
          "eux)."]),
        # the fatigue tab's counts hide a small group (None: 1 to 4) from every role, the direction
        # included: the overview says "fewer than 5", as the tab does
        ("direction", {"volunteers": 40, "any": None}, None, None,
         ["Moins de 5 bénévoles (sur 40) montrent au moins un signal d'usure."]),
        ("elected", {"volunteers": None, "any": None}, None, None,
         ["Moins de 5 bénévoles (sur –) montrent au moins un signal d'usure."]),
    ],
)
def test_engagement_warnings(
    tiny_store: duckdb.DuckDBPyConnection, role: str, signals: dict[str, int | None],
    lapsed: int | None,
    trend: tuple[str, str, float, float] | None, expected: list[str],
) -> None:
    trends = NO_TRENDS if trend is None else pd.DataFrame(
        [{"dimension": trend[0], "group_key": trend[1], "events": 9, "slope": trend[2],
          "relative_slope": trend[3], "direction": "down"}])
    items = todo(tiny_store, role, signal_counts=signals, lapsed=lapsed, lapsed_share=0.3,
                 trends=trends)
    engagement = [i for i in items if i.kind in ("volunteers_at_risk", "lapsed", "attendance_down")]
    assert sentences(engagement) == expected
    assert {i.links for i in engagement} <= {(("engagement", "fatigue"),)}


def test_a_long_list_is_cut_with_a_line_saying_how_many_more(
    tiny_store: duckdb.DuckDBPyConnection,
) -> None:
    ids = [f"s{i}" for i in range(8)]
    forecast = teams(*[(i, i.upper(), 1.2, 2, 0) for i in ids])
    items = todo(tiny_store, "direction", teams=forecast, services=many_services(*ids))
    lines = [i for i in items if i.kind in ("forecast_team", "more")]
    assert len(lines) == 4
    assert describe(lines[-1], FR) == "… et 5 autres lignes : voir le détail."
    assert describe(lines[-1], EN) == "… and 5 more lines: see the detail."


def test_in_english(tiny_store: duckdb.DuckDBPyConnection) -> None:
    assert sentences(todo(tiny_store, "direction"), EN, kind="legal_agent")[1] == (
        "Alice Martin (Jeunesse): 1 day over 10 h, 2 rests of less than 11 h between two days, "
        "beyond the legal working-time limits.")


def test_nothing_to_report_on_an_empty_store(empty_store: duckdb.DuckDBPyConnection) -> None:
    assert todo(empty_store, "direction") == []
