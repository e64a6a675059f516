"""A town's own labels are data, not errors (issue 13): every rule read as a table.

Descriptive labels (activity, event kind, absence kind, channel, age band, perimeter) land as they
come or as their code; coded values that drive a computation (level, status, initiative, role,
attendance status) land empty when no code matches, are counted in the summary, and can be mapped;
durations and clock times check each other; a name that differs only by punctuation is the same.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from analytics.i18n import Translator
from analytics.indicators import compute_indicators
from analytics.ingest import import_file
from analytics.ingest.mapping import ColumnMapping, load_mapping, save_mapping
from analytics.ingest.preview import preview_file
from analytics.ingest.review import kept_rejects
from analytics.ingest.vocabulary import age_band, read_label
from analytics.scope import Scope
from tests.ingest_support import FIXTURES

FR, EN = Translator("fr"), Translator("en")
NBSP = {"\u00a0", "\u202f"}


def plain(text: str) -> str:
    return "".join(" " if ch in NBSP else ch for ch in text)


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


# --- one label, one stored value --------------------------------------------------------------------

LABELS = [
    # (vocabulary, as written, stored, unplaced)
    ("activity", "Réunions", "meeting", False),
    ("activity", "réunion publique", "meeting", False),
    ("activity", "admin", "admin", False),
    ("activity", "service", "service", False),
    ("activity", "field_work", "field_work", False),
    ("activity", "Animation", "Animation", False),
    ("perimeter", "Cité 5", "Cité 5", False),
    ("perimeter", "Ville", "commune", False),
    ("perimeter", "  Le   Marais ", "Le Marais", False),
    ("event_kind", "Goûter partagé", "Goûter partagé", False),
    ("absence_kind", "Congé parental", "Congé parental", False),
    ("channel", "Application", "Application", False),
    ("age_band", "18-29", "18-29", False),
    ("age_band", "18 à 29 ans", "18-29", False),
    ("age_band", "75 ans et plus", "75+", False),
    ("age_band", "moins de 15 ans", "0-14", False),
    ("age_band", "Retraités", "Retraités", False),
    ("level", "Co-production", "coproduction", False),
    ("level", "aucun", None, False),
    ("level", "participatif", None, True),
    ("status", "en cours", "active", False),
    ("status", "suspendu", None, True),
    ("initiative", "Conseil citoyen", None, True),
    ("attendance_status", "peut-être", None, True),
]


@pytest.mark.parametrize(("vocabulary", "text", "stored", "unplaced"), LABELS)
def test_a_label_is_read_as_its_code_or_kept(vocabulary: str, text: str, stored: str | None,
                                             unplaced: bool) -> None:
    reading = read_label(text, vocabulary)
    assert (reading.code, reading.unplaced) == (stored, unplaced)


@pytest.mark.parametrize(("text", "band"), [
    ("15-29", "15-29"), ("de 30 à 44 ans", "30-44"), ("60 to 74", "60-74"), ("75+", "75+"),
    ("plus de 75 ans", "75+"), ("Moins de 15 ans", "0-14"), ("Jeunes", "Jeunes"),
])
def test_age_bands_are_written_one_way(text: str, band: str) -> None:
    assert age_band(text) == band


def test_a_chosen_code_places_the_label() -> None:
    assert read_label("participatif", "level", {"participatif": "coproduction"}).code == \
        "coproduction"
    assert read_label("Participatif", "level", {"participatif": ""}) .code is None
    assert not read_label("participatif", "level", {"participatif": ""}).unplaced


# --- whole files ------------------------------------------------------------------------------------

TIMESHEET = (
    "agent_id;work_date;project_id;hours;activity\n"
    "a1;2025-03-03;;3;admin\n"
    "a1;2025-03-03;p1;2;meeting\n"
    "a1;2025-03-04;p1;4;field_work\n"
    "a1;2025-03-04;;1,5;service\n"
    "a1;2025-03-05;p1;2;réunion publique\n"
    "a1;2025-03-05;p1;1;animation\n"
)


def test_canonical_time_entries_with_the_towns_activities_land_whole(
        store: duckdb.DuckDBPyConnection) -> None:
    result = import_file(store, TIMESHEET.encode(), "time_entries.csv")
    assert (result.status, result.rows_accepted, result.rows_rejected) == ("imported", 6, 0)
    assert rows(store, "SELECT activity, sum(hours) FROM time_entries GROUP BY 1 ORDER BY 1") == [
        ("admin", 3.0), ("animation", 1.0), ("field_work", 4.0), ("meeting", 4.0),
        ("service", 1.5)]


PROJECTS = (
    "project_id;project_name;level;initiative;perimeter;status\n"
    "p1;Jardin partagé;coproduction;residents;Cité 5;active\n"
    "p2;Fresque;consultation;municipality;Marais;active\n"
)


def test_a_quartier_name_as_perimeter_keeps_the_project_and_its_participation_hours(
        store: duckdb.DuckDBPyConnection) -> None:
    assert import_file(store, PROJECTS.encode(), "projects.csv").rows_accepted == 2
    assert rows(store, "SELECT project_id, level, perimeter, perimeter_kind(perimeter) "
                       "FROM projects ORDER BY 1") == [
        ("p1", "coproduction", "Cité 5", "quartier"), ("p2", "consultation", "Marais", "quartier")]
    assert import_file(store, TIMESHEET.encode(), "time_entries.csv").rows_accepted == 6
    values = compute_indicators(store, Scope(date(2025, 3, 1), date(2025, 3, 31)),
                                keys=("hours.total", "hours.participation"))
    assert (values["hours.total"], values["hours.participation"]) == (13.5, 9.0)


UNPLACED = (
    "project_id;project_name;niveau;statut\n"
    "p1;Jardin;participatif;active\n"
    "p2;Fresque;participatif;suspendu\n"
    "p3;Marché;information;active\n"
)


def test_an_unknown_level_lands_empty_and_the_summary_says_how_many_rows_and_hours(
        store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, b"agent_id;work_date;project_id;hours\na1;2025-03-03;p1;6\n", "t.csv")
    result = import_file(store, UNPLACED.encode(), "projets.csv")
    assert (result.status, result.rows_accepted, result.rows_rejected) == ("imported", 3, 0)
    assert rows(store, "SELECT project_id, level, status FROM projects ORDER BY 1") == [
        ("p1", None, "active"), ("p2", None, None), ("p3", "information", "active")]
    text = plain(result.text(FR))
    assert "2 lignes où « niveau » vaut « participatif » : valeur inconnue laissée vide" in text
    assert "1 ligne où « statut » vaut « suspendu »" in text
    assert "6 h déjà saisies sur ces projets comptent comme travail ordinaire" in text
    assert "2 rows where 'niveau' is 'participatif'" in result.text(EN)


def test_a_saved_value_map_places_the_labels_of_the_next_file(
        store: duckdb.DuckDBPyConnection) -> None:
    preview = preview_file(store, UNPLACED.encode(), "projets.csv")
    assert [(c.header, c.vocabulary, c.labels) for c in preview.unplaced] == [
        ("niveau", "level", {"participatif": 2}), ("statut", "status", {"suspendu": 1})]
    chosen = ColumnMapping.for_values("projects", preview.format or "",
                                      {"level": {"participatif": "coproduction"},
                                       "status": {"suspendu": "planned"}})
    save_mapping(store, "projets de la ville", chosen, preview.headers)
    assert load_mapping(store, "projets de la ville").values == chosen.values
    result = import_file(store, UNPLACED.encode(), "projets.csv")  # the saved mapping is found
    assert result.unplaced_rows == 0
    assert rows(store, "SELECT project_id, level, status FROM projects ORDER BY 1") == [
        ("p1", "coproduction", "active"), ("p2", "coproduction", "planned"),
        ("p3", "information", "active")]
    assert preview_file(store, UNPLACED.encode(), "projets.csv").unplaced == []


def test_an_unknown_attendance_status_is_not_counted_as_attended(
        store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, b"event_id;event_date\ne1;2025-03-03\n", "events.csv")
    result = import_file(store, "event_id;participant_id;statut\ne1;p1;peut-être\ne1;p2;\n"
                         "e1;p3;absent\n".encode(), "attendances.csv")
    assert (result.rows_accepted, result.rows_rejected, result.unplaced_rows) == (3, 0, 1)
    assert sorted(rows(store, "SELECT coalesce(status, '-') FROM attendances")) == [
        ("-",), ("attended",), ("no_show",)]


def test_participants_age_bands_meet_the_population_categories(
        store: duckdb.DuckDBPyConnection) -> None:
    population = ("dimension;category;population\ntranche d'âge;18 à 29 ans;1200\n"
                  "age_band;30-44;1500\n")
    assert import_file(store, population.encode(), "population.csv").rows_accepted == 2
    people = "participant_id;age_band\np1;18-29\np2;30 à 44 ans\np3;Retraités\n"
    assert import_file(store, people.encode(), "participants.csv").rows_accepted == 3
    assert rows(store, "SELECT category FROM population ORDER BY 1") == [("18-29",), ("30-44",)]
    assert rows(store, "SELECT age_band FROM participants ORDER BY 1") == [
        ("18-29",), ("30-44",), ("Retraités",)]


KIMAI_1X = (
    "Date,From,To,Duration,User,Customer,Project,Activity,Description\n"
    "03.02.2025,09:00,09:45,2700,Anna Schmidt,Town,Jardin,Preparation,\n"
    "03.02.2025,14:00,15:30,5400,Anna Schmidt,Town,Jardin,Animation,\n"
    "04.02.2025,18:00,20:00,3600,Anna Schmidt,Town,Jardin,Meeting,mis-typed duration\n"
)


def test_kimai_1x_durations_in_seconds_checked_against_the_clock(
        store: duckdb.DuckDBPyConnection) -> None:
    result = import_file(store, KIMAI_1X.encode(), "kimai-export.csv")
    assert (result.format, result.rows_accepted, result.rows_rejected) == ("kimai", 3, 0)
    assert rows(store, "SELECT work_date, hours, activity FROM time_entries ORDER BY 1, 2") == [
        (date(2025, 2, 3), 0.75, "preparation"), (date(2025, 2, 3), 1.5, "Animation"),
        (date(2025, 2, 4), 1.0, "meeting")]
    assert "durations in 'Duration' read as seconds" in result.text(EN)
    [remark] = result.remarks
    assert (remark.line, remark.column) == (4, "Duration")
    assert plain(remark.text(FR)) == \
        "durée 1:00 mais 2:00 entre le début et la fin : la durée indiquée est gardée"
    [kept] = kept_rejects(store, result.import_id, kind="note")
    assert (kept.line, kept.text(EN)) == (
        4, "duration 1:00 but 2:00 between start and end: the given duration is kept")
    assert kept_rejects(store, result.import_id) == []


def test_a_name_differing_by_punctuation_is_the_same_project(
        store: duckdb.DuckDBPyConnection) -> None:
    import_file(store, "project_id;project_name;level\njardin;Jardin-partagé Nord;coproduction\n"
                .encode(), "projects.csv")
    result = import_file(store, "agent;date;projet;heures\nA;03/03/2025;Jardin partagé (Nord);2\n"
                         .encode(), "saisie.csv")
    assert result.created_projects == []
    assert rows(store, "SELECT project_id, hours FROM time_entries") == [("jardin", 2.0)]
    assert "Jardin partagé (Nord) → Jardin-partagé Nord" in result.text(EN)


def test_a_french_excel_timesheet_with_the_towns_labels_keeps_every_good_row(
        store: duckdb.DuckDBPyConnection) -> None:
    result = import_file(store, FIXTURES / "french_labels_cp1252.csv")
    assert [(r.line, r.column) for r in result.rejects] == [(5, "Date"), (7, "Durée (h)")]
    assert (result.rows_accepted, result.rows_rejected) == (6, 2)
    assert rows(store, "SELECT activity, sum(hours) FROM time_entries GROUP BY 1 ORDER BY 1") == [
        ("Animation", 3.0), ("Service", 2.0), ("meeting", 4.5), ("ordinary", 3.5),
        ("site_work", 3.25)]


# --- completing what an import created -------------------------------------------------------------


def test_agents_and_projects_created_by_a_timesheet_are_completed(
        store: duckdb.DuckDBPyConnection) -> None:
    from analytics.ingest.completion import (
        AgentAnswer,
        ProjectAnswer,
        complete,
        incomplete_agents,
        incomplete_projects,
    )

    import_file(store, b"service_id;service_name\nculture;Culture\n", "services.csv")
    sheet = "agent;date;projet;heures\nAnna Schmidt;03/03/2025;Jardin partagé;6\n"
    import_file(store, sheet.encode(), "saisie.csv")
    assert incomplete_agents(store)[["agent_id", "service_id", "contracts"]].values.tolist() == [
        ["anna-schmidt", None, 0]]
    assert incomplete_projects(store)[["project_id", "hours"]].values.tolist() == [
        ["jardin-partage", 6.0]]
    done = complete(store, [AgentAnswer("anna-schmidt", "culture", 35.0, date(2025, 1, 1))],
                    [ProjectAnswer("jardin-partage", "coproduction", "residents", "Cité 5")])
    assert (done.agents, done.contracts, done.projects) == (1, 1, 1)
    assert incomplete_agents(store).empty and incomplete_projects(store).empty
    values = compute_indicators(store, Scope(date(2025, 3, 3), date(2025, 3, 9)),
                                keys=("hours.participation", "capacity.hours"))
    assert (values["hours.participation"], values["capacity.hours"]) == (6.0, 35.0)


@pytest.mark.parametrize(("agent", "project", "reason"), [
    (("anna-schmidt", "nope", None, None), None, "unknown service 'nope'"),
    (("anna-schmidt", None, 35.0, None), None,
     "contract of anna-schmidt: give both the weekly hours and the start date"),
    (("anna-schmidt", None, 90.0, date(2025, 1, 1)), None,
     "contract of anna-schmidt: weekly hours go from 0 to 80"),
    (None, ("jardin-partage", "participatif", None, None), "unknown value 'participatif'"),
])
def test_a_wrong_completion_writes_nothing(store: duckdb.DuckDBPyConnection, agent: tuple | None,
                                           project: tuple | None, reason: str) -> None:
    from analytics.ingest.completion import AgentAnswer, ProjectAnswer, complete
    from analytics.ingest.model import Refusal

    import_file(store, b"agent;date;projet;heures\nAnna Schmidt;03/03/2025;Jardin partage;6\n",
                "saisie.csv")
    before = rows(store, "SELECT * FROM agents ORDER BY 1") + rows(
        store, "SELECT * FROM projects ORDER BY 1") + rows(store, "SELECT * FROM contracts")
    with pytest.raises(Refusal) as refused:
        complete(store, [AgentAnswer(*agent)] if agent else [],
                 [ProjectAnswer(*project)] if project else [])
    assert str(refused.value.message) == reason
    assert before == rows(store, "SELECT * FROM agents ORDER BY 1") + rows(
        store, "SELECT * FROM projects ORDER BY 1") + rows(store, "SELECT * FROM contracts")


def test_the_command_line_prints_remarks_beside_rejects(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.cli import main

    monkeypatch.setenv("PARTICIPATION_SECRET_DIR", str(tmp_path / "keys"))
    export = tmp_path / "kimai-export.csv"
    export.write_text(KIMAI_1X, encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "s.duckdb"), str(export)]) == 0
    out = capsys.readouterr().out
    assert "durations in 'Duration' read as seconds" in out
    assert ("    line 4, Duration (imported): duration 1:00 but 2:00 between start and end: the "
            "given duration is kept") in out


@pytest.mark.parametrize(("lang", "level", "initiative", "expected"), [
    ("fr", "Coproduction", "Sollicitée par les habitants", ("coproduction", "residents")),
    ("fr", "Travail ordinaire", "Portée par la mairie", ("none", "municipality")),
    ("en", "Co-production", "Led by the town", ("coproduction", "municipality")),
    ("en", None, None, None),
])
def test_completion_lists_levels_and_initiatives_by_their_label(
        lang: str, level: str | None, initiative: str | None,
        expected: tuple[str, str] | None) -> None:
    import pandas as pd

    from analytics.i18n import Translator
    from dashboard.import_widgets import _project_answers, choices

    t = Translator(lang)
    assert list(choices(t, "initiative")) == [t.label("initiative", "municipality"),
                                              t.label("initiative", "residents")]
    frame = pd.DataFrame({"project_id": ["jardin"], "level": [level], "initiative": [initiative],
                          "perimeter": [None], "service_id": [None]})
    answers = _project_answers(frame, {}, t)
    assert ((answers[0].level, answers[0].initiative) if answers else None) == expected
