"""The data contract: canonical tables, their columns, and the vocabulary of coded values.

This module is the one home of column names. Importers, the demo generator, the SQL files and the
pages all refer to these names; the migration ``store/migrations/0001_canonical.sql`` creates them.
"""

from __future__ import annotations

from typing import Final

# Canonical tables and their columns, key first, in the order of DESIGN.md's data contract.
TABLES: Final[dict[str, tuple[str, ...]]] = {
    "services": ("service_id", "service_name"),
    "agents": ("agent_id", "agent_name", "service_id"),
    "contracts": ("agent_id", "valid_from", "valid_to", "weekly_hours"),
    "absences": ("agent_id", "start_date", "end_date", "absence_kind"),
    "projects": (
        "project_id", "project_name", "theme", "service_id", "level", "initiative", "perimeter",
        "status", "start_date", "end_date", "planned_hours", "priority",
    ),
    "time_entries": (
        "entry_id", "agent_id", "project_id", "work_date", "start_time", "end_time", "hours",
        "activity",
    ),
    "events": (
        "event_id", "project_id", "event_date", "start_time", "end_time", "event_kind", "quartier",
        "attendees_count",
    ),
    "participants": ("participant_id", "quartier", "age_band"),
    "attendances": ("event_id", "participant_id", "role", "status", "hours"),
    "requests": (
        "request_id", "received_on", "closed_on", "channel", "topic", "quartier", "service_id",
        "project_id", "status",
    ),
    "population": ("dimension", "category", "population"),
    "milestones": ("milestone_id", "project_id", "achieved_on", "title"),
}

# Insertion order that respects references (services before agents before time entries...).
LOAD_ORDER: Final[tuple[str, ...]] = (
    "services", "agents", "contracts", "absences", "projects", "time_entries", "events",
    "participants", "attendances", "requests", "population", "milestones",
)

# Vocabulary: the coded values the store holds (UI labels live in analytics/locales).
LEVELS: Final[tuple[str, ...]] = ("information", "consultation", "coproduction")
"""Levels of involvement, from the lightest to the heaviest. A NULL level = ordinary work."""
NO_LEVEL: Final[str] = "none"
"""The level code used in derived tables and filters for work outside any participatory project."""
INITIATIVES: Final[tuple[str, ...]] = ("municipality", "residents")
PERIMETERS: Final[tuple[str, ...]] = ("quartier", "commune", "intercommunal")
PROJECT_STATUSES: Final[tuple[str, ...]] = ("proposed", "planned", "active", "done", "declined")
EVENT_KINDS: Final[tuple[str, ...]] = (
    "public_meeting", "workshop", "site_work", "forum", "walk", "permanence", "festivity",
)
ACTIVITIES: Final[tuple[str, ...]] = ("preparation", "meeting", "follow_up", "site_work", "ordinary")
ROLES: Final[tuple[str, ...]] = ("resident", "volunteer", "association")
ATTENDANCE_STATUSES: Final[tuple[str, ...]] = ("attended", "no_show")
ABSENCE_KINDS: Final[tuple[str, ...]] = ("leave", "sickness", "training")
REQUEST_CHANNELS: Final[tuple[str, ...]] = (
    "letter", "petition", "meeting", "street", "email", "phone", "website",
)
REQUEST_STATUSES: Final[tuple[str, ...]] = ("open", "in_progress", "closed", "declined")
POPULATION_DIMENSIONS: Final[tuple[str, ...]] = ("quartier", "age_band")
AGE_BANDS: Final[tuple[str, ...]] = ("0-14", "15-29", "30-44", "45-59", "60-74", "75+")
"""INSEE's usual age bands."""
