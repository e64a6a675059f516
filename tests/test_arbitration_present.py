"""The verdicts and reasons as officials read them, in French and English."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.arbitration.present import (
    category_label,
    group_text,
    reason_text,
    styled,
    verdict_text,
)
from analytics.arbitration.simulate import DOES_NOT_FIT, FITS, FITS_AT_LEVEL, FITS_FROM, Verdict
from analytics.arbitration.teams import OTHER_TEAM
from analytics.i18n import Translator

LATEST = date(2027, 11, 30)


def verdict(kind: str, level: str | None = None, start: date | None = None) -> Verdict:
    return Verdict("p50", kind, level, start, date(2027, 1, 1), 0.9)


@pytest.mark.parametrize(
    ("lang", "found", "text"),
    [
        ("fr", verdict(FITS, "coproduction", date(2027, 1, 1)), "Tient."),
        ("fr", verdict(FITS_AT_LEVEL, "consultation"),
         "Ne tient pas ainsi ; tient au niveau consultation."),
        ("fr", verdict(FITS_FROM, None, date(2027, 3, 1)),
         "Ne tient pas à cette date ; tient à partir de mars 2027."),
        ("fr", verdict(DOES_NOT_FIT), "Ne tient pas, même plus léger ou plus tard (jusqu'à "
                                      "30 nov. 2027)."),
        ("en", verdict(FITS_AT_LEVEL, "consultation"),
         "Does not fit as described; fits at consultation level."),
        ("en", verdict(FITS_FROM, None, date(2027, 3, 1)),
         "Does not fit at this date; fits from March 2027."),
    ],
)
def test_verdicts_in_plain_words(lang: str, found: Verdict, text: str) -> None:
    assert verdict_text(found, Translator(lang), LATEST) == text


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ({"project_id": "P1", "reason": "crowded_out", "short_hours": 12.4,
          "month_start": date(2027, 2, 1)},
         "Tiendrait seul, mais les projets plus prioritaires de l'équipe prennent la place : il "
         "manque 12\u00a0h en février 2027."),
        ({"project_id": "P1", "reason": "forced_out"}, "Écarté à votre demande."),
        ({"project_id": "P2", "reason": None}, "Imposé à votre demande."),
        ({"project_id": "P3", "reason": None}, ""),
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
