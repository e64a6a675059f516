"""Format detection from headers (never from the file name) and the refusal message."""

from __future__ import annotations

import pytest

from analytics.ingest.formats import (
    FORMATS,
    detect,
    expected_message,
    normalise_header,
    score,
)
from analytics.ingest.mapping import propose_mapping
from analytics.schema import TABLES

KIMAI2_EN = ("Date, From, To, Duration, Currency, Price, Internal price, Hourly price, Fixed price, "
             "Name, User, E-mail, Staff number, Customer, Project, Activity, Description, "
             "Billable, Tags, Type, category, Account, Project number, VAT-ID, Order number, "
             "Meta field")
KIMAI2_DE = ("Datum;Von;Bis;Dauer;Währung;Preis;Interner Preis;Stundenpreis;Festpreis;Name;"
             "Benutzer;E-Mail;Personalnummer;Kunde;Projekt;Tätigkeit;Beschreibung;Abrechenbar;"
             "Schlagworte;Typ;Kategorie;Konto;Projektnummer;USt-IdNr.;Bestellnummer")
KIMAI1_EN = ("Date,Begin,End,Duration,Rate,User,Customer,Project,Activity,Description,Exported,"
             "Tags,Hourly rate,Fixed rate")
KIMAI1_DE = ("Datum,Beginn,Ende,Dauer,Lohn,Benutzer,Kunde,Projekt,Tätigkeit,Beschreibung,"
             "Exportiert,Schlagworte,Stundenlohn,Festpreis")


def headers(line: str) -> list[str]:
    sep = ";" if ";" in line else ","
    return [part.strip() for part in line.split(sep)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
         "End time,Duration,Tags,Amount (EUR)", "toggl"),
        ("Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,"
         "End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),"
         "Billable Amount (USD)", "clockify"),
        ("Project,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,"
         "End Time,Client", "clockify"),
        ("Date,Project,Client,Description,Time (h),Time (decimal)", "clockify_summary"),
        ("Employee?,First Name,Last Name,Date,Hours", "harvest"),
        (KIMAI2_EN, "kimai"), (KIMAI2_DE, "kimai"), (KIMAI1_EN, "kimai"), (KIMAI1_DE, "kimai"),
        ("description,billable,client,project,tags,start,end,task,user_name,user_email",
         "solidtime"),
        ("ID de cita,Títol,Descripció,Data,Adreça,Districte,Categoria,Subcategoria,Assistents,"
         "Propostes,Intervencions,URL", "decidim_meetings"),
        ("id;category/id;category/name/ca;scope/id;title/ca;description/ca;start_time;end_time;"
         "attendees;contributions;address;reference;url", "decidim_meetings"),
        ("id;code;user/name;user/email;registration_form_answers/1/question",
         "decidim_registrations"),
        ("date,shift_id,postcode,volunteer_hours,attended,demand,event_id,event_name,event_type",
         "volunteer_shifts"),
        ("Date;Agent;Projet;Début;Fin;Durée (h);Activité;Commentaire", "canonical_time_entries"),
        ("entry_id,agent_id,project_id,work_date,start_time,end_time,hours,activity",
         "canonical_time_entries"),
        ("Matricule;Du;Au;Heures hebdomadaires", "canonical_contracts"),
        ("Nom;Courriel;Quartier;Tranche d'âge", "canonical_participants"),
        ("Date;Type;Quartier;Nombre de participants", "canonical_events"),
        ("Reçu le;Clos le;Canal;Objet;Quartier;Statut", "canonical_requests"),
    ],
)
def test_detection(line: str, expected: str) -> None:
    match = detect(headers(line))
    assert match is not None
    assert match.name == expected


def test_every_canonical_table_is_detected_by_its_own_names() -> None:
    for table, columns in TABLES.items():
        match = detect(list(columns))
        assert match is not None and match.name == f"canonical_{table}", table


@pytest.mark.parametrize(
    "line",
    [
        "Project,Client,Status,Visibility,Billability,Tasks,Tracked (h),Estimated (h)",
        "Client Name,Address",
        "active,admin,email,group_ids,id,inactive,labour_cost,name,rate,role,timezone,uid",
        "name,color,billable_rate,is_public,client,billable_default,estimated_time,archived_at",
        "foo,bar,baz",
    ],
)
def test_not_recognised(line: str) -> None:
    assert detect(headers(line)) is None


def test_refusal_message_says_what_was_expected() -> None:
    message = expected_message(["foo", "bar"])
    assert "'foo', 'bar'" in message
    for fmt in ("toggl", "clockify", "harvest", "kimai", "decidim_meetings", "time_entries"):
        assert fmt in message


def test_names_are_unique_and_explicit_format_ignores_the_threshold() -> None:
    names = [fmt.name for fmt in FORMATS]
    assert len(names) == len(set(names))
    toggl = next(fmt for fmt in FORMATS if fmt.name == "toggl")
    few = ["User", "Start date", "Duration", *[f"x{i}" for i in range(20)]]
    assert score(toggl, few) is None
    assert score(toggl, few, enforce_min=False) is not None


def test_header_normalisation() -> None:
    assert normalise_header(" Nom de l’agent ") == "nom de l'agent"
    assert normalise_header("\ufeffentry_id") == "entry id"
    assert normalise_header("E-Mail") == "e mail"
    assert normalise_header("Durée (h):") == "duree (h)"


def test_proposed_mapping_for_an_unknown_sheet() -> None:
    mapping = propose_mapping(["Employee", "Day", "Start", "End", "Job", "Notes"])
    assert mapping.target == "time_entries"
    assert mapping.columns == {"agent_name": "Employee", "work_date": "Day",
                               "start_time": "Start", "end_time": "End",
                               "project_name": "Job", "description": "Notes"}
