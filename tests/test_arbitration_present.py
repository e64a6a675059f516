"""The verdicts and reasons as officials read them, in French and English."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.arbitration.present import (
    category_label,
    facts_text,
    group_text,
    month_peak_text,
    other_teams_text,
    portfolio_table,
    reason_text,
    styled,
    verdict_text,
    why_text,
)
from analytics.arbitration.simulate import (
    ALREADY_OVER,
    CAUSE_FITS,
    DOES_NOT_FIT,
    FITS,
    FITS_AT_LEVEL,
    FITS_FROM,
    FITS_LIGHTER_FROM,
    NO_CAPACITY,
    TIPS_OVER,
    TeamFit,
    Verdict,
)
from analytics.arbitration.teams import OTHER_TEAM
from analytics.i18n import Translator

LATEST = date(2027, 11, 30)
FIRST = date(2026, 12, 1)


def verdict(kind: str, level: str | None = None, start: date | None = None,
            alternative: tuple[str, date] | None = None) -> Verdict:
    return Verdict("p50", kind, level, start, date(2027, 1, 1), 0.9, alternative=alternative,
                   search_from=FIRST, search_to=LATEST)


@pytest.mark.parametrize(
    ("lang", "found", "text"),
    [
        ("fr", verdict(FITS, "coproduction", date(2027, 1, 1)), "Tient."),
        ("fr", verdict(FITS_AT_LEVEL, "consultation"),
         "Ne tient pas ainsi ; tient au niveau consultation, à la même date."),
        ("fr", verdict(FITS_FROM, None, date(2027, 3, 1)),
         "Ne tient pas à cette date ; tient au même niveau en démarrant le 1er mars 2027."),
        ("fr", verdict(FITS_LIGHTER_FROM, None, None, ("information", date(2027, 5, 1))),
         "Ne tient pas à ce niveau, à aucune date jusqu'au 30 nov. 2027, ni plus léger à cette "
         "date ; tient au niveau information en démarrant le 1er mai 2027."),
        ("fr", verdict(DOES_NOT_FIT),
         "Ne tient pas, même plus léger ou à une autre date : aucun niveau jusqu'au niveau choisi "
         "ne tient, quel que soit le démarrage entre le 1er déc. 2026 et le 30 nov. 2027."),
        ("en", verdict(FITS_AT_LEVEL, "consultation"),
         "Does not fit as described; fits at consultation level, at the same date."),
        ("en", verdict(FITS_FROM, None, date(2027, 3, 1)),
         "Does not fit at this date; fits at the same level starting on 1 Mar 2027."),
    ],
)
def test_verdicts_in_plain_words(lang: str, found: Verdict, text: str) -> None:
    assert verdict_text(found, Translator(lang), LATEST) == text


def why(cause: str, without: float, with_it: float, month: date | None = date(2027, 3, 1)
        ) -> Verdict:
    return Verdict("p50", FITS_FROM, None, None, month, with_it, cause=cause, month=month,
                   without_ratio=without, with_ratio=with_it, target=0.85)


@pytest.mark.parametrize(
    ("lang", "found", "text"),
    [
        ("fr", why(ALREADY_OVER, 1.17, 1.21),
         "L'équipe est déjà à 117 % de sa capacité en mars 2027 sans ce projet ; avec lui, "
         "121 % ; la limite est de 85 %. Aucun nouveau projet ne tient ce mois-là, même "
         "léger."),
        # 8 h on a large team: the ratios differ by less than 1 %, the share's decimal shows it
        ("fr", why(ALREADY_OVER, 1.171, 1.174),
         "L'équipe est déjà à 117,1 % de sa capacité en mars 2027 sans ce projet ; avec lui, "
         "117,4 % ; la limite est de 85 %. Aucun nouveau projet ne tient ce mois-là, "
         "même léger."),
        ("fr", why(TIPS_OVER, 0.80, 0.92),
         "C'est ce projet qui fait dépasser la limite : sans lui, l'équipe est à 80 % de sa "
         "capacité en mars 2027 ; avec lui, 92 % ; la limite est de 85 %."),
        ("fr", why(CAUSE_FITS, 0.70, 0.74),
         "Au mois le plus chargé, mars 2027, l'équipe est à 70 % de sa capacité sans ce "
         "projet et à 74 % avec lui ; la limite est de 85 %."),
        ("en", why(ALREADY_OVER, 1.17, 1.21),
         "The team is already at 117% of its capacity in March 2027 without this project; with "
         "it, 121%; the limit is 85%. No new project fits that month, however light."),
        ("en", why(TIPS_OVER, 0.80, 0.92),
         "This project tips the team over the limit: without it, the team is at 80% of its "
         "capacity in March 2027; with it, 92%; the limit is 85%."),
        ("fr", why(NO_CAPACITY, float("nan"), float("nan")),
         "L'équipe n'a aucune heure de capacité en mars 2027 (absences, jours fériés) : rien ne "
         "peut y être prévu."),
    ],
)
def test_every_verdict_says_why_with_its_numbers(lang: str, found: Verdict, text: str) -> None:
    assert why_text(found, Translator(lang)) == text.replace(" %", "\u202f%")  # no-break space


def test_facts_name_the_days_searched() -> None:
    found = verdict(FITS, "consultation", date(2027, 1, 4))
    assert facts_text(found, Translator("fr")) == (
        "Niveau le plus élevé qui tient à cette date (jusqu'au niveau choisi) : Consultation · "
        "démarrage au plus tôt au niveau choisi, cherché à partir du 1er déc. 2026 (début des "
        "prévisions) jusqu'au 30 nov. 2027 : 4 janv. 2027.")


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ({"project_id": "P1", "reason": "crowded_out", "short_hours": 12.4,
          "month_start": date(2027, 2, 1)},
         "Tiendrait seul, mais les projets plus prioritaires de l'équipe prennent la place : il "
         "manque 12,4\u00a0h en février 2027."),
        ({"project_id": "P1", "reason": "forced_out"}, "Écarté à votre demande."),
        ({"project_id": "P1", "reason": "too_large", "short_hours": 20.0, "needed_hours": 120.0,
          "room_hours": 100.0, "month_start": date(2027, 3, 1)},
         "Trop lourd pour l'équipe, même au niveau le plus léger : il demande 120\u00a0h en mars "
         "2027, l'équipe n'a que 100\u00a0h sous sa limite ; il manque 20\u00a0h."),
        # a month already over the limit: the reason says so, not "too heavy"
        ({"project_id": "P1", "reason": "too_large", "short_hours": 8.0, "needed_hours": 8.0,
          "room_hours": -30.0, "month_start": date(2027, 3, 1)},
         "L'équipe dépasse déjà sa limite de 30\u00a0h en mars 2027 sans aucun nouveau projet : "
         "rien ne peut s'y ajouter ce mois-là."),
        ({"project_id": "P1", "reason": "forced_crowded", "short_hours": 15.0,
          "needed_hours": 85.0, "room_hours": 70.0, "month_start": date(2027, 1, 1)},
         "Imposé, mais ne tient pas avec les projets imposés plus prioritaires de l'équipe : "
         "ensemble ils demandent 85\u00a0h en janvier 2027, l'équipe n'a que 70\u00a0h sous sa "
         "limite ; il manque 15\u00a0h."),
        ({"project_id": "P2", "reason": None}, "Imposé à votre demande."),
        ({"project_id": "P3", "reason": None}, ""),
        ({"project_id": "P4", "reason": None, "chosen_level": "consultation"},
         "Retenu au niveau proposé : il tient chaque mois avec les autres projets retenus."),
    ],
)
def test_reasons_in_plain_words(row: dict[str, object], text: str) -> None:
    assert reason_text(row, Translator("fr"), forced_in={"P2"}) == text


def test_groups_and_teams_are_named() -> None:
    t = Translator("fr")
    names = {"S1": "Jeunesse", OTHER_TEAM: "Autres services"}
    assert group_text((("level", "coproduction"), ("team", "S1")), t, names) == (
        "Coproduction, Jeunesse")
    assert group_text((), t, names) == "tous les projets terminés"
    assert category_label("team", None, t, names) == "Sans service / non montré"
    assert category_label("channel", "email", t, names) == "Courriel"


def test_tables_show_numbers_and_dates_the_french_way() -> None:
    frame = pd.DataFrame({"Heures (h)": [1234.5], "Début": [date(2027, 3, 1)]})
    html = styled(frame, Translator("fr")).to_html()
    assert "1\u202f234,5" in html and "01/03/2027" in html


@pytest.mark.parametrize(
    ("kind", "shown_kind"),
    [(None, "Projet proposé"), ("project", "Projet proposé"), ("request", "Sollicitation")],
)
def test_the_portfolio_table_reads_the_reason_first(kind: str | None, shown_kind: str) -> None:
    table = pd.DataFrame({
        "project_id": ["A"], "project_name": ["Parc"], "team": ["T"], "priority": [5.0],
        "level": ["consultation"], "chosen_level": [None], "initiative": ["residents"],
        "reason": ["forced_out"], "start": [date(2027, 1, 1)], "months": [3],
    })
    if kind is not None:   # no kind column: proposed projects only (as before requests)
        table["kind"] = [kind]
    shown = portfolio_table(table, Translator("fr"), {"T": "Jeunesse"}, ())
    assert list(shown.columns)[:6] == [
        "Pourquoi", "Projet", "Nature", "Niveau retenu", "Niveau proposé", "Initiative"]
    assert shown.iloc[0]["Pourquoi"] == "Écarté à votre demande."
    assert shown.iloc[0]["Nature"] == shown_kind


def team_fit(team: str, without: float, with_it: float) -> TeamFit:
    return TeamFit(team, date(2027, 2, 1), without, with_it)


@pytest.mark.parametrize(
    ("lang", "found", "text"),
    [
        ("fr", [team_fit("B", 0.50, 0.65)],
         "Une autre équipe peut le prendre à cette date, au même niveau ; sa charge au mois le "
         "plus chargé : Voirie (50 % de sa capacité sans ce projet, 65 % avec, en février 2027) "
         "; la limite est de 85 %."),
        # 8 h on a large team: one decimal shows the project adds something
        ("fr", [team_fit("D", 0.701, 0.704), team_fit("B", 0.50, 0.65)],
         "2 autres équipes peuvent le prendre à cette date, au même niveau ; leur charge au mois "
         "le plus chargé : Culture (70,1 % de sa capacité sans ce projet, 70,4 % avec, en "
         "février 2027), Voirie (50 % de sa capacité sans ce projet, 65 % avec, en février "
         "2027) ; la limite est de 85 %."),
        # more than three: the three with the most room, and how many there are
        ("fr", [team_fit(team, 0.1 * i, 0.1 * i + 0.05) for i, team in enumerate("DBEF")],
         "4 autres équipes peuvent le prendre à cette date, au même niveau ; les 3 plus "
         "disponibles, avec leur charge au mois le plus chargé : Culture (0 % de sa capacité "
         "sans ce projet, 5 % avec, en février 2027), Voirie (10 % de sa capacité sans ce "
         "projet, 15 % avec, en février 2027), E (20 % de sa capacité sans ce projet, 25 % avec, "
         "en février 2027) ; la limite est de 85 %."),
        ("fr", [], "Aucune autre équipe ne peut le prendre à cette date, au même niveau."),
        ("en", [team_fit("B", 0.50, 0.65)],
         "One other team can take it at this date, at the same level; its load in its busiest "
         "month: Roads (50% of its capacity without this project, 65% with it, in February "
         "2027); the limit is 85%."),
    ],
)
def test_another_team_is_named_with_its_load(lang: str, found: list[TeamFit], text: str) -> None:
    names = {"B": "Voirie" if lang == "fr" else "Roads", "D": "Culture"}
    assert other_teams_text(found, Translator(lang), names, 0.85) == text


def test_the_verdicts_month_and_its_busiest_week() -> None:
    """March 2027 at 92 % with the project over the month; its third week at 131 %: said; a month
    whose weeks all read as the month: nothing said."""
    weeks = pd.DataFrame({
        "week_start": pd.to_datetime(["2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22",
                                      "2027-04-05"]),
        "capacity_hours": [100.0] * 5,
        "with_p50_hours": [80.0, 90.0, 131.0, 67.0, 250.0],
    })
    found = why(TIPS_OVER, 0.80, 0.92)
    assert month_peak_text(found, weeks, Translator("fr")) == (
        "Charge moyenne de mars 2027 avec le projet : 92 % ; semaine la plus chargée : 131 % "
        "(2027-S11).")
    flat = weeks.assign(with_p50_hours=92.0)
    assert month_peak_text(found, flat, Translator("fr")) == ""


def test_a_team_name_from_the_data_is_escaped_once() -> None:
    found = [team_fit("B", 0.50, 0.65), team_fit("D", 0.6, 0.7)]
    text = other_teams_text(found, Translator("fr"), {"B": "R&D *x*", "D": "[a](b)"}, 0.85)
    assert "\\\\" not in text and "\\*x\\*" in text and "\\[a\\]" in text
