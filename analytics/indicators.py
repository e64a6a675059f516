"""The indicator catalogue of DESIGN.md: each indicator defined once, and the one path to its value.

:data:`CATALOGUE` lists every indicator in DESIGN.md's order: key, kind (how it is written:
:mod:`analytics.formats`), family (where it is computed), the tables it reads, its definition and
the thresholds it uses. :func:`compute_indicators` is the only way a page, the report, the command
line or a benchmark gets a catalogue number: one flat ``{key: number}`` dict of the keys asked, for
one :class:`~analytics.scope.Scope` (its period ``[start, end]``, both dates included, its service and
level). Families:

* ``hours`` and ``requests``: one SQL file each in ``analytics/sql/indicators/`` (run as one statement)
  over the derived tables of :mod:`analytics.store.derived`;
* ``legal`` and ``overload``: the length of the list a page shows (the legal findings of
  :mod:`analytics.capacity.legal`, the agents of the runs of :mod:`analytics.capacity.overload`);
* ``engagement``: the formulas of :func:`analytics.engagement.headline.catalogue_values` over the
  counts of one query (``sql/engagement/headline.sql``), which the Engagement page's headline reads
  too.

A value is ``None`` where it is undefined (a share of nothing, a median of no request, no
population...). Counts are ``int``; hours, shares, ratios and days are ``float``.

Filters (also in :data:`FILTERS_NOTE_FR` / :data:`FILTERS_NOTE_EN` for the methods page):

* ``service`` keeps the **agents** of that service for ``hours.*``, ``capacity.*``, ``legal.*`` and
  ``agents.*`` (an agent's hours count for their own service, whichever project they worked on); the
  **events of projects** of that service for ``engagement.*`` and ``representativeness.*`` (events
  without project are then left out); the **requests** assigned to that service for ``requests.*``.
* ``level`` (information, consultation, coproduction, or ``none`` = ordinary work: no project, or a
  project without level) keeps the time entries of projects at that level for ``hours.*`` and for the
  numerator of ``capacity.load_ratio`` (capacity itself stays all of the agents' capacity); the events
  of projects at that level for ``engagement.*`` and ``representativeness.*``; the requests born from
  projects at that level for ``requests.*``. ``legal.*`` and ``agents.sustained_overload`` always count
  all of an agent's hours: a legal limit is about total working time.
* ``engagement.newcomer_share``'s "first attended event ever" and ``engagement.retention``'s
  preceding period use the same filtered scope as the period itself.

Capacity is read from ``agent_day_capacity``, which covers the span of ``calendar_days`` (the store's
dates padded by a whole year each side): days outside that span carry no capacity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

import duckdb

from analytics.capacity import legal, overload
from analytics.engagement import headline
from analytics.schema import LEVELS, NO_LEVEL
from analytics.scope import Scope
from analytics.settings import Thresholds, load_thresholds
from analytics.store.db import query_df, read_sql
from analytics.store.derived import named_params, require_window

IndicatorKind = Literal["share", "ratio", "count", "hours", "days"]


@dataclass(frozen=True)
class Indicator:
    """One entry of the catalogue.

    ``kind`` says how to read and write the number (:mod:`analytics.formats`): ``share`` (a part of
    a whole, or a load against capacity: 0.25 = 25 %), ``ratio`` (a coefficient such as a Gini
    index), ``count`` (a whole number of things), ``hours`` (a duration in hours) or ``days`` (a
    duration in days).
    ``uses`` names the :class:`~analytics.settings.Thresholds` fields the value depends on.
    """

    key: str
    kind: IndicatorKind
    family: str
    """Where it is computed: the SQL file ``analytics/sql/indicators/<family>.sql`` (with the other
    keys of the family, in one query), or, for the :data:`LIST_FAMILIES`, the count of a list that a
    page shows (legal findings, runs of sustained overload): the count is the list's length."""
    reads: tuple[str, ...]
    """The tables (derived or stored) that file reads for it."""
    definition_fr: str
    definition_en: str
    uses: tuple[str, ...] = ()


CATALOGUE: Final[tuple[Indicator, ...]] = (
    Indicator(
        "hours.total", "hours", "hours", ("service_day",),
        "Total des heures déclarées dans les feuilles de temps, pour les journées de la période.",
        "All hours recorded in timesheets for working dates in the period.",
    ),
    Indicator(
        "hours.participation", "hours", "hours", ("service_day",),
        "Les mêmes heures, limitées au travail sur des projets participatifs (niveau information, "
        "consultation ou coproduction).",
        "The same hours, limited to work on participatory projects (level information, consultation "
        "or coproduction).",
    ),
    Indicator(
        "hours.participation_share", "share", "hours", ("service_day",),
        "Part des heures consacrée à la participation : heures de participation ÷ heures totales "
        "(0,25 = un quart du temps).",
        "Share of hours spent on participation: participation hours ÷ total hours (0.25 = a quarter "
        "of the time).",
    ),
    Indicator(
        "capacity.hours", "hours", "hours", ("service_day_capacity",),
        "Heures que les agents peuvent travailler sur la période d'après leur contrat : chaque jour "
        "ouvré (lundi–vendredi, hors jours fériés et hors absences) compte le cinquième des heures "
        "hebdomadaires du contrat en vigueur ce jour-là.",
        "Hours the agents can work in the period according to their contracts: each working day "
        "(Monday–Friday, not a public holiday, not during an absence) counts one fifth of the weekly "
        "hours of the contract in force that day.",
    ),
    Indicator(
        "capacity.load_ratio", "share", "hours", ("service_day", "service_day_capacity"),
        "Charge : heures totales ÷ capacité (1,0 = exactement la capacité ; 1,2 = 20 % au-delà).",
        "Load: total hours ÷ capacity (1.0 = exactly at capacity; 1.2 = 20 % above it).",
    ),
    Indicator(
        "hours.outside_share", "share", "hours", ("service_day",),
        "Part des heures travaillées hors des heures ordinaires ({workday_start}–{workday_end}) : une saisie "
        "datée d'un samedi, d'un dimanche ou d'un jour férié compte entièrement ; sinon, ses heures "
        "comptent en proportion de la partie de son horaire (début → fin, au-delà de minuit s'il le "
        "faut) située hors de la plage du jour. Une saisie sans horaires compte comme travaillée "
        "dans la plage.",
        "Share of hours worked outside ordinary hours ({workday_start}–{workday_end}): an entry dated on a "
        "Saturday, a Sunday or a public holiday counts wholly; otherwise its hours count in "
        "proportion of the part of its clock time (start → end, past midnight if need be) lying "
        "outside that day's window. An entry without times counts as inside.",
        ("workday_start", "workday_end"),
    ),
    Indicator(
        "legal.days_over_10h", "count", "legal", ("agent_workday",),
        "Nombre de journées (agent, jour) de plus de {max_daily_hours} de travail (durée quotidienne "
        "maximale).",
        "Number of (agent, day) with more than {max_daily_hours} of work (the daily maximum).",
        ("max_daily_hours",),
    ),
    Indicator(
        "legal.weeks_over_48h", "count", "legal", ("agent_week_running",),
        "Nombre de semaines (agent, semaine ISO commençant dans la période) de plus de "
        "{max_weekly_hours}, "
        "comptées du lundi au dimanche.",
        "Number of (agent, ISO week starting in the period) with more than {max_weekly_hours}, "
        "counted Monday "
        "to Sunday.",
        ("max_weekly_hours",),
    ),
    Indicator(
        "legal.avg12_over_44h", "count", "legal", ("agent_week_running",),
        "Nombre de semaines (agent, semaine ISO commençant dans la période) où la moyenne des heures "
        "hebdomadaires sur les {avg_window_weeks} semaines finissant par celle-ci dépasse "
        "{max_avg_weekly_hours} (une semaine "
        "sans saisie compte pour 0).",
        "Number of (agent, ISO week starting in the period) where the mean weekly hours over the "
        "{avg_window_weeks} weeks ending with that week exceed {max_avg_weekly_hours} (a week "
        "without entries counts as 0).",
        ("max_avg_weekly_hours", "avg_window_weeks"),
    ),
    Indicator(
        "legal.rest_under_11h", "count", "legal", ("agent_workday",),
        "Nombre de jours (agent, jour de la période) où le travail commence moins de "
        "{min_daily_rest_hours} après "
        "la fin du travail daté de la veille (une fin après minuit compte comme telle) ; les jours "
        "sans horaires sont ignorés.",
        "Number of (agent, day in the period) where work starts less than {min_daily_rest_hours} "
        "after the end of "
        "the work dated the day before (an end after midnight counts as such); days without times "
        "are skipped.",
        ("min_daily_rest_hours",),
    ),
    Indicator(
        "agents.sustained_overload", "count", "overload", ("agent_week", "agent_project_day"),
        "Nombre d'agents ayant au moins {overload_min_weeks} semaines ISO consécutives (commençant "
        "dans la période) où leurs heures dépassent {overload_ratio} de leur capacité de la semaine "
        "(capacité non nulle). C'est un signal de risque, pas un diagnostic.",
        "Number of agents with at least {overload_min_weeks} consecutive ISO weeks (starting in the "
        "period) whose hours exceed {overload_ratio} of that week's capacity (capacity above zero). "
        "A risk signal, not a diagnosis.",
        ("overload_ratio", "overload_min_weeks"),
    ),
    Indicator(
        "engagement.participants", "count", "engagement", ("participant_activity",),
        "Nombre de personnes distinctes venues (présence confirmée) à au moins un rendez-vous daté "
        "de la période.",
        "Number of distinct people who attended (confirmed presence) at least one event dated in the "
        "period.",
    ),
    Indicator(
        "engagement.newcomer_share", "share", "engagement", ("participant_activity", "participant_first_all"),
        "Part de ces participants venus pour la première fois de leur vie pendant la période.",
        "Share of those participants whose first attended event ever falls in the period.",
    ),
    Indicator(
        "engagement.top10_share", "share", "engagement", ("participant_activity",),
        "Part des présences dues aux 10 % de participants les plus assidus (arrondi au supérieur) : "
        "leurs présences ÷ toutes les présences de la période.",
        "Share of attendances made by the most active 10 % of participants (rounded up): their "
        "attendances ÷ all attendances in the period.",
    ),
    Indicator(
        "engagement.gini", "ratio", "engagement", ("participant_activity",),
        "Indice de Gini du nombre de présences par participant : 0 = chacun vient autant, proche de "
        "1 = quelques personnes font presque toutes les présences.",
        "Gini index of attendances per participant: 0 = everyone comes equally often, close to 1 = a "
        "few people make almost all the attendances.",
    ),
    Indicator(
        "engagement.retention", "share", "engagement", ("participant_activity",),
        "Parmi les participants de la période précédente (même nombre de jours, finissant la veille "
        "du début), part de ceux revenus pendant la période.",
        "Of the participants of the preceding period (same number of days, ending the day before the "
        "start), the share who came again in the period.",
    ),
    Indicator(
        "engagement.lapsed", "count", "engagement", ("participant_activity",),
        "Nombre de participants de la période précédente qui ne sont pas revenus pendant la période.",
        "Number of participants of the preceding period who did not come in the period.",
    ),
    Indicator(
        "requests.received", "count", "requests", ("requests", "projects"),
        "Nombre de sollicitations reçues pendant la période.",
        "Number of requests received in the period.",
    ),
    Indicator(
        "requests.open_at_end", "count", "requests", ("requests", "projects"),
        "Nombre de sollicitations reçues au plus tard le dernier jour et pas encore closes ce jour-là.",
        "Number of requests received on or before the last day and not closed by that day.",
    ),
    Indicator(
        "requests.median_days_to_close", "days", "requests", ("requests", "projects"),
        "Délai médian de clôture, en jours (de la réception à la clôture), des sollicitations closes "
        "pendant la période : la moitié a été close plus vite.",
        "Median time to close, in days (from receipt to closing), of the requests closed in the "
        "period: half were closed faster.",
    ),
    Indicator(
        "representativeness.r_score_quartier", "share", "engagement", ("participant_activity", "population"),
        "Représentativité par quartier : taux de participation du quartier le moins représenté ÷ "
        "celui du quartier le plus représenté (participants qui y habitent ÷ population). 1 = tous "
        "les quartiers également présents ; 0 = au moins un quartier absent.",
        "Representativeness by quartier: participation rate of the least represented quartier ÷ that "
        "of the most represented one (participants living there ÷ population). 1 = every quartier "
        "equally present; 0 = at least one quartier absent.",
    ),
)
"""Every indicator of DESIGN.md, in its order."""

INDICATOR_KEYS: Final[tuple[str, ...]] = tuple(indicator.key for indicator in CATALOGUE)
"""The catalogue's keys, in order: exactly the keys of :func:`compute_indicators`' result."""

INDICATOR_FAMILIES: Final[tuple[str, ...]] = tuple(dict.fromkeys(i.family for i in CATALOGUE))
"""Every family, in catalogue order."""

LIST_FAMILIES: Final[tuple[str, ...]] = ("legal", "overload")
"""Families counted from the lists the pages show: ``legal.<rule>`` = the findings of
:func:`analytics.capacity.legal.legal_findings` for that rule, ``agents.sustained_overload`` =
the agents of :func:`analytics.capacity.overload.overload_rows`. Each count runs the list's own
query inside the catalogue's one statement (``count_sql`` beside each list), so it is the list's
length without fetching the list."""

COUNTED_FAMILIES: Final[tuple[str, ...]] = ("engagement",)
"""Families whose counts come from one query and whose formulas are Python: ``engagement`` =
:func:`analytics.engagement.headline.catalogue_values` of
:func:`~analytics.engagement.headline.period_counts` (the Engagement page's headline reads the
same). Every other family (``hours``, ``requests``) is one SQL file, read by its path in
:func:`compute_indicators` (``read_sql("indicators/hours")``, ``read_sql("indicators/requests")``);
together they return every key once.

``hours.sql`` reads the daily totals of ``service_day``, whose outside hours use the workday window
the derived tables were built with (part of their signature: a new window rebuilds them)."""

OVERLOAD_KEY: Final[str] = "agents.sustained_overload"

LEVEL_FILTERS: Final[tuple[str, ...]] = (*LEVELS, NO_LEVEL)
"""Accepted values of the ``level`` filter."""

QUARTIER_DIMENSION: Final[str] = "quartier"
"""population.dimension of the rows used by representativeness.r_score_quartier."""

FILTERS_NOTE_FR: Final[str] = (
    "Filtre « service » : les heures, la capacité, les limites légales et la surcharge durable "
    "portent sur les agents de ce service (toutes leurs heures, quel que soit le projet) ; "
    "l'engagement et la représentativité portent sur les rendez-vous des projets de ce service ; "
    "les sollicitations sur celles attribuées à ce service. "
    "Filtre « niveau » (information, consultation, coproduction, ou aucun = travail ordinaire) : "
    "les heures ne comptent que le travail sur les projets de ce niveau, y compris au numérateur "
    "de la charge (la capacité reste celle de tous les agents) ; l'engagement et la "
    "représentativité ne comptent que les rendez-vous des projets de ce niveau ; les sollicitations "
    "celles issues de projets de ce niveau. Les limites légales et la surcharge durable comptent "
    "toujours toutes les heures d'un agent : une limite légale porte sur le temps de travail total. "
    "La « première venue » des nouveaux participants et la période précédente de la fidélisation "
    "sont cherchées dans le même périmètre filtré."
)
"""How the service and level filters narrow each family (French, for the methods page)."""

FILTERS_NOTE_EN: Final[str] = (
    "Service filter: hours, capacity, legal limits and sustained overload cover that service's "
    "agents (all their hours, whatever the project); engagement and representativeness cover the "
    "events of that service's projects; requests cover those assigned to that service. "
    "Level filter (information, consultation, coproduction, or none = ordinary work): hours count "
    "only work on projects at that level, including the numerator of the load ratio (capacity "
    "stays that of all the agents); engagement and representativeness count only events of "
    "projects at that level; requests only those born from projects at that level. Legal limits "
    "and sustained overload always count all of an agent's hours: a legal limit is about total "
    "working time. Newcomers' \"first event ever\" and retention's preceding period are looked for "
    "in the same filtered scope."
)
"""How the service and level filters narrow each family (English)."""

_KINDS: Final[dict[str, IndicatorKind]] = {indicator.key: indicator.kind for indicator in CATALOGUE}
_FAMILIES: Final[dict[str, str]] = {indicator.key: indicator.family for indicator in CATALOGUE}


def indicator(key: str) -> Indicator:
    """The catalogue entry of ``key`` (KeyError when unknown)."""
    for entry in CATALOGUE:
        if entry.key == key:
            return entry
    raise KeyError(key)


def indicator_params(
    start: date,
    end: date,
    *,
    service: str | None,
    level: str | None,
    thresholds: Thresholds,
) -> dict[str, Any]:
    """Every value the indicator SQL files may bind (each file receives the ones it names)."""
    return {
        "start": start,
        "end": end,
        "service": service,
        "level": level,
        "no_level": NO_LEVEL,
        "participation_levels": list(LEVELS),
        "quartier_dimension": QUARTIER_DIMENSION,
        "workday_start_hours": thresholds.workday_start_hours,
        "workday_end_hours": thresholds.workday_end_hours,
        "max_daily_hours": float(thresholds.max_daily_hours),
        "max_weekly_hours": float(thresholds.max_weekly_hours),
        "max_avg_weekly_hours": float(thresholds.max_avg_weekly_hours),
        "avg_window_weeks": int(thresholds.avg_window_weeks),
        "min_daily_rest_hours": float(thresholds.min_daily_rest_hours),
        "overload_ratio": float(thresholds.overload_ratio),
        "overload_min_weeks": int(thresholds.overload_min_weeks),
    }


def _plain(value: Any, kind: IndicatorKind) -> float | int | None:
    """A DuckDB/pandas scalar as a plain Python number (None for NULL/NaN)."""
    if value is None:
        return None
    number = float(value)
    if math.isnan(number):
        return None
    return round(number) if kind == "count" else number


def _list_counts(keys: tuple[str, ...] | list[str]) -> list[str]:
    """One-row queries counting the lists of the keys of ``keys`` in :data:`LIST_FAMILIES`, each
    the count of the very query its list comes from (:func:`analytics.capacity.legal.count_sql`,
    :func:`analytics.capacity.overload.count_sql`). Those queries read the period and service
    only: all of an agent's hours, whatever the level filter (a legal limit is about total working
    time)."""
    rules = [key.removeprefix("legal.") for key in keys if _FAMILIES[key] == "legal"]
    return [*(legal.count_sql(rule) for rule in rules),
            *((overload.count_sql(),) if OVERLOAD_KEY in keys else ())]


def _counted(
    con: duckdb.DuckDBPyConnection, keys: tuple[str, ...] | list[str], scope: Scope,
) -> dict[str, float | int | None]:
    """The keys of ``keys`` in :data:`COUNTED_FAMILIES`, for the scope's period, service and
    level."""
    if not any(_FAMILIES[key] == "engagement" for key in keys):
        return {}
    values = headline.catalogue_values(headline.period_counts(con, scope.for_every_role()))
    return {key: _plain(value, _KINDS[key]) for key, value in values.items() if key in keys}


def families_of(keys: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The families (SQL files) that compute ``keys``, in :data:`INDICATOR_FAMILIES`' order: the
    one place that knows which query feeds which tile (KeyError for an unknown key)."""
    wanted = {indicator(key).family for key in keys}
    return tuple(family for family in INDICATOR_FAMILIES if family in wanted)


def compute_indicators(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    *,
    thresholds: Thresholds | None = None,
    keys: tuple[str, ...] = INDICATOR_KEYS,
) -> dict[str, float | int | None]:
    """The catalogue indicators ``keys`` (default: all of them) for the scope's period
    ``[start, end]`` (both dates included), service and level: the one way a page, the report, the
    command line or a benchmark gets a catalogue number. Only the families (SQL files) of ``keys``
    run (:func:`families_of`), as one statement (one plan, which DuckDB spreads over the cores
    itself); a value is the same whichever other keys are asked with it. The role's disclosure
    (``scope.floor``, ``scope.individuals``) changes no value: a page hides the small groups
    afterwards (:func:`analytics.disclosure.protect_indicators`).

    Returns ``{key: value}`` for exactly ``keys``, in catalogue order: counts as ``int`` (0 when
    nothing qualifies), hours and days as ``float``, shares and ratios as ``float`` (e.g.
    ``capacity.load_ratio`` 1.0 = exactly at capacity, ``hours.participation_share`` 0.25 = a
    quarter of the hours), ``None`` where undefined (division by zero, no data). The scope's
    ``service`` and ``level`` narrow each family as described in the module docstring (ValueError
    for an unknown level); ``thresholds`` defaults to :func:`~analytics.settings.load_thresholds`.
    Reads the derived tables, which must be fresh (:func:`analytics.store.derived.refresh_derived`).
    """
    if scope.level is not None and scope.level not in LEVEL_FILTERS:
        raise ValueError(f"unknown level {scope.level!r}; expected one of "
                         f"{', '.join(LEVEL_FILTERS)}")
    unknown = [key for key in keys if key not in _KINDS]
    if unknown or not keys:
        raise ValueError(f"unknown indicator keys {unknown}; expected some of the catalogue's "
                         "(analytics.indicators.INDICATOR_KEYS)")
    limits = thresholds or load_thresholds()
    values = indicator_params(scope.start, scope.end, service=scope.service, level=scope.level,
                              thresholds=limits)
    ordered = tuple(family for family in families_of(keys)
                    if family not in (*LIST_FAMILIES, *COUNTED_FAMILIES))
    require_window(con, limits)
    found = _counted(con, keys, scope)
    sql = {"hours": read_sql("indicators/hours"), "requests": read_sql("indicators/requests")}
    parts = [*(sql[family] for family in ordered), *_list_counts(keys)]
    if parts:
        together = "SELECT *\nFROM " + ",\n".join(
            f"(\n{part}\n) AS part_{number}" for number, part in enumerate(parts))
        row = query_df(con, together, named_params(together, values))  # one row
        for position, key in enumerate(row.columns):
            if key not in _KINDS or key in found:
                raise RuntimeError(f"the indicator SQL files return an unexpected column {key!r}")
            found[key] = _plain(row.iloc[0, position], _KINDS[key])
    missing = [key for key in keys if key not in found]
    if missing:
        raise RuntimeError(f"the indicator SQL files do not compute {missing}")
    return {key: found[key] for key in INDICATOR_KEYS if key in keys}
