"""The Engagement page's tables, as shown, downloaded (CSV/Excel) and put in the report.

Each function turns a frame of a section's part (:mod:`analytics.engagement.page`) into a
:class:`Table`: translated column headers and group labels, raw numbers (so that a spreadsheet can
compute with them), and the kind of each column so that :func:`format_table` can write them the
French way (``12,5 %``, ``1 234``). Frames are already suppressed: a hidden small group is a missing
value, written "–" (see :mod:`analytics.disclosure`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

from analytics import formats
from analytics.engagement.cohorts import SURVIVAL_HORIZONS, survival_summary
from analytics.engagement.fatigue import SIGNALS
from analytics.engagement.figures import group_label
from analytics.i18n import Translator, counted

if TYPE_CHECKING:
    from analytics.engagement.page import (
        CohortsPart,
        ConcentrationPart,
        FatiguePart,
        MilestonesPart,
        RepresentativenessPart,
        RotationPart,
    )

Kind = Literal["text", "count", "share", "ratio", "hours", "signed", "date", "flag"]
"""A column's kind: the numeric ones are :mod:`analytics.formats`' (one rule each)."""


@dataclass(frozen=True)
class Table:
    """A table to show and export: ``name`` (file-name stem), its ``title``, ``frame`` and each
    column's kind."""

    name: str
    title: str
    frame: pd.DataFrame
    kinds: dict[str, Kind]


def _table(name: str, t: Translator, columns: list[tuple[str, pd.Series, Kind]]) -> Table:
    frame = pd.DataFrame({header: values.reset_index(drop=True) for header, values, _ in columns})
    return Table(name, t(f"eng.table.{name}"), frame, {header: kind for header, _, kind in columns})


def format_value(value: object, kind: Kind, t: Translator) -> str:
    """One cell as a person reads it in the translator's language ("–" when missing)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if kind in ("count", "share", "ratio", "hours", "signed"):
        return t.indicator(kind, float(value))  # type: ignore[arg-type]
    if kind == "date":
        return t.date(pd.Timestamp(value).date())
    if kind == "flag":
        return "●" if bool(value) else ""
    return str(value)


def export_frame(table: Table) -> pd.DataFrame:
    """The table as downloaded: numbers, not text, each column by the one rule of its kind
    (:func:`analytics.formats.export_column`: shares as percentages to 0.1 under a « (%) »
    header, counts whole), the same as the capacity page's downloads."""
    columns = {}
    for header, values in table.frame.items():
        kind = table.kinds[header] if table.kinds[header] in ("share", "count", "hours") else None
        name, column = (formats.export_column(kind, str(header), values) if kind
                        else (str(header), values))
        columns[name] = column
    return pd.DataFrame(columns)


def format_table(table: Table, t: Translator) -> pd.DataFrame:
    """The table with every cell written as text the translator's way."""
    return pd.DataFrame({
        column: [format_value(v, table.kinds[column], t) for v in table.frame[column]]
        for column in table.frame.columns
    })


def rotation(data: RotationPart, grain: str, t: Translator) -> Table:
    """Participants per quarter or year: newcomers, returning and the newcomers' share."""
    frame = data.rotation_quarter if grain == "quarter" else data.rotation_year
    starts = pd.to_datetime(frame["bucket_start"])
    labels = (
        starts.map(lambda d: t("eng.quarter_label", quarter=(d.month - 1) // 3 + 1, year=d.year))
        if grain == "quarter" else starts.dt.year.astype(str)
    )
    return _table(f"participants_{grain}", t, [
        (t(f"eng.axis.{grain}"), labels, "text"),
        (t("eng.col.participants"), frame["participants"], "count"),
        (t("eng.newcomers"), frame["newcomers"], "count"),
        (t("eng.returning"), frame["returning"], "count"),
        (t("eng.col.newcomer_share"), frame["newcomer_share"], "share"),
    ])


def frequency(data: RotationPart, t: Translator) -> Table:
    """Participants per year by frequency class, counts and shares."""
    f = data.frequency
    return _table("frequency_classes", t, [
        (t("eng.axis.year"), f["year"].astype(str), "text"),
        (t("eng.col.participants"), f["participants"], "count"),
        *[(t(f"eng.class.{name}"), f[name], "count") for name in ("one_time", "occasional",
                                                                     "frequent")],
        *[(t(f"eng.col.share_{name}"), f[f"{name}_share"], "share")
          for name in ("one_time", "occasional", "frequent")],
    ])


def concentration(data: ConcentrationPart, t: Translator) -> Table:
    """Top-10 % share and Gini with n, for the period, each year, level and kind of event."""
    c = data.concentration
    dims = c["dimension"].map(lambda d: t(f"eng.dimension.{d}"))
    groups = [
        t("eng.all_participants") if d == "period" else group_label(t, d, g)
        for d, g in zip(c["dimension"], c["group_key"], strict=True)
    ]
    return _table("concentration", t, [
        (t("eng.col.breakdown"), dims, "text"),
        (t("eng.col.group"), pd.Series(groups), "text"),
        (t("eng.col.n"), c["participants"], "count"),
        (t("eng.col.attendances"), c["attendances"], "count"),
        (t("eng.top10_share"), c["top10_share"], "share"),
        (t("eng.gini"), c["gini"], "ratio"),
    ])


def retention(data: CohortsPart, t: Translator) -> Table:
    """Cohort retention: share of each cohort active k years after its first year."""
    r = data.retention_table
    horizons = [c for c in r.columns if isinstance(c, int)]
    return _table("cohort_retention", t, [
        (t("eng.axis.cohort"), r["cohort_year"].astype(str), "text"),
        (t("eng.col.cohort_size"), r["cohort_size"], "count"),
        *[(counted(t, "eng.col.years_after", k), r[k], "share") for k in horizons],
    ])


def survival(data: CohortsPart, grouping: str, t: Translator) -> Table:
    """Median engagement and survival at 12, 24, 36 months per group (Kaplan–Meier)."""
    curves = data.survival_level if grouping == "level" else data.survival_initiative
    s = survival_summary(curves)
    return _table(f"survival_{grouping}", t, [
        (t("eng.col.group"), s["group_key"].map(lambda g: group_label(t, grouping, g)), "text"),
        (t("eng.col.n"), s["participants"], "count"),
        (t("eng.col.median_months"), s["median_months"], "count"),
        *[(t("eng.col.survival_at", months=h), s[f"s{h}"], "share") for h in SURVIVAL_HORIZONS],
    ])


def transitions(data: FatiguePart, t: Translator) -> Table:
    """Year-on-year erosion: active the year before, active again, lapsed."""
    y = data.year_transitions
    return _table("year_on_year", t, [
        (t("eng.axis.year"), y["year"].astype(str), "text"),
        (t("eng.col.previous_active"), y["previous_active"], "count"),
        (t("eng.still_active"), y["still_active"], "count"),
        (t("eng.lapsed"), y["lapsed"], "count"),
        (t("eng.col.lapsed_share"), y["lapsed_share"], "share"),
    ])


def volunteers(data: FatiguePart, t: Translator) -> Table:
    """Volunteers showing at least one risk signal, by pseudonym (never a name)."""
    v = data.volunteers
    return _table("volunteer_risk_signals", t, [
        (t("eng.col.pseudonym"), v["participant_id"], "text"),
        (t("eng.col.coproduction_projects"), v["coproduction_projects"], "count"),
        (t("eng.col.hours_per_month"), v["hours_per_month"], "hours"),
        (t("eng.col.run_months"), v["run_months"], "count"),
        (t("eng.col.no_show_recent"), v["no_show_share_recent"], "share"),
        (t("eng.col.no_show_earlier"), v["no_show_share_earlier"], "share"),
        *[(t(f"eng.signal.{name}"), v[f"signal_{name}"], "flag") for name in SIGNALS],
    ])


def attendance_trends(data: FatiguePart, t: Translator) -> Table:
    """Trend of attendance per event by kind of event and initiative, with its 95 % interval."""
    a = data.attendance_trends
    return _table("attendance_trends", t, [
        (t("eng.col.breakdown"), a["dimension"].map(lambda d: t(f"eng.dimension.{d}")), "text"),
        (t("eng.col.group"), pd.Series([group_label(t, d, g) for d, g in
                                        zip(a["dimension"], a["group_key"], strict=True)]), "text"),
        (t("eng.col.events"), a["events"], "count"),
        (t("eng.col.slope"), a["slope"], "signed"),
        (t("eng.col.ci_low"), a["low"], "signed"),
        (t("eng.col.ci_high"), a["high"], "signed"),
        (t("eng.col.relative_slope"), a["relative_slope"], "share"),
        (t("eng.col.direction"), a["direction"].map(lambda d: t(f"eng.direction.{d}")), "text"),
    ])


def representation(data: RepresentativenessPart, dimension: str, t: Translator) -> Table:
    """Participants against the population per quartier or age band: rate, shares and gap."""
    r = data.representation[dimension].table
    return _table(f"representation_{dimension}", t, [
        (t(f"eng.axis.{dimension}"), r["category"].astype(str), "text"),
        (t("eng.col.population"), r["population"], "count"),
        (t("eng.col.participants"), r["participants"], "count"),
        (t("eng.col.rate"), r["rate"], "share"),
        (t("eng.participant_share"), r["participant_share"], "share"),
        (t("eng.population_share"), r["population_share"], "share"),
        (t("eng.col.gap"), r["gap"] * 100, "signed"),
    ])


def milestones(data: MilestonesPart, t: Translator) -> Table:
    """Milestones (cailloux blancs) of the timeline, with their project and level."""
    m = data.milestones
    labels = {code: t.label("level", code) for code in m["level"].unique()}
    return _table("milestones", t, [
        (t("eng.col.date"), m["achieved_on"], "date"),
        (t("eng.col.milestone"), m["title"].fillna(""), "text"),
        (t("eng.col.project"), m["project_name"].fillna(""), "text"),
        (t("eng.col.level"), m["level"].map(lambda code: labels[code]), "text"),
    ])
