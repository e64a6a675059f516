"""Tables of the methods page: the catalogue and the thresholds in force, in one language."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import time
from typing import Final

import pandas as pd

from analytics.arbitration import baseline, effort, portfolio, simulate
from analytics.capacity import forecast
from analytics.engagement import fatigue, scope
from analytics.i18n import Translator, counted
from analytics.indicators import CATALOGUE, Indicator
from analytics.settings import ENV_PREFIX, Thresholds, load_thresholds


def clock(value: time, t: Translator) -> str:
    """A time of day as a person reads it: « 8 h », « 8 h 30 » in French, « 8:00 » in English."""
    if t.lang == "en":
        return f"{value.hour}:{value.minute:02d}"
    return f"{value.hour}\u00a0h" + (f"\u00a0{value.minute:02d}" if value.minute else "")


def threshold_text(name: str, value: object, t: Translator) -> str:
    """A threshold as it reads inside a sentence: a time of day (« 19 h »), hours (« 10 h »), a
    ratio of capacity as a share (« 110 % »), a number of weeks or people (« 12 »)."""
    if isinstance(value, time):
        return clock(value, t)
    if isinstance(value, tuple):
        return " / ".join(t.percent(float(part)) for part in value)
    if name.endswith("_hours"):
        return t.hours(float(value))  # type: ignore[arg-type]
    if name.endswith(("_ratio", "_utilisation")):
        return t.percent(float(value))  # type: ignore[arg-type]
    return t.count(value)  # type: ignore[arg-type]


def definition(indicator: Indicator, thresholds: Thresholds, t: Translator) -> str:
    """The indicator's definition in ``t``'s language, its template filled with the thresholds in
    force (``{max_daily_hours}`` → « 10 h », or « 9,5 h » once overridden)."""
    template = indicator.definition_fr if t.lang == "fr" else indicator.definition_en
    return template.format(**{name: threshold_text(name, getattr(thresholds, name), t)
                              for name in indicator.uses})


def catalogue_table(t: Translator, thresholds: Thresholds | None = None) -> pd.DataFrame:
    """One row per indicator: key, short name, definition (filled with ``thresholds``, default those
    in force: :func:`~analytics.settings.load_thresholds`) and thresholds used, in ``t``'s
    language."""
    limits = thresholds or load_thresholds()
    rows = [
        {
            t("methods.col.key"): indicator.key,
            t("methods.col.name"): t(f"ind.{indicator.key}"),
            t("methods.col.definition"): definition(indicator, limits, t),
            t("methods.col.thresholds"): ", ".join(indicator.uses),
        }
        for indicator in CATALOGUE
    ]
    return pd.DataFrame(rows)


def thresholds_table(thresholds: Thresholds, t: Translator) -> pd.DataFrame:
    """One row per setting: its environment variable, its value in force (written as in the
    definitions: « 110 % », « 10 h », « 19 h ») and what it means."""
    return pd.DataFrame(
        [
            {
                t("methods.col.setting"): ENV_PREFIX + field.name.upper(),
                t("methods.col.value"): threshold_text(field.name, getattr(thresholds, field.name), t),
                t("methods.col.meaning"): t(f"threshold.{field.name}"),
            }
            for field in fields(Thresholds)
        ]
    )


@dataclass(frozen=True)
class MethodParameter:
    """A fixed parameter of a method (not a setting): where it is used, its value and its unit.

    The value is read from the constant of the module that uses it (its one home), so the methods
    page can never disagree with the computation. ``unit`` is ``months``, ``weeks``, ``count``,
    ``hours_per_month``, ``share`` (0.25 = 25 %) or ``quantile`` (0.8 = P80)."""

    page: str
    name: str
    value: float
    unit: str


METHOD_PARAMETERS: Final[tuple[MethodParameter, ...]] = (
    MethodParameter("capacity", "forecast_horizon_weeks", forecast.HORIZON_WEEKS, "weeks"),
    MethodParameter("capacity", "forecast_baseline_weeks", forecast.BASELINE_WEEKS, "weeks"),
    MethodParameter("arbitration", "min_comparable_projects", effort.MIN_COMPARABLE_PROJECTS, "count"),
    MethodParameter("arbitration", "typical_quantile", effort.P50, "quantile"),
    MethodParameter("arbitration", "pessimistic_quantile", effort.P80, "quantile"),
    MethodParameter("arbitration", "recent_weeks", baseline.RECENT_WEEKS, "weeks"),
    MethodParameter("arbitration", "start_search_months", baseline.START_SEARCH_MONTHS, "months"),
    MethodParameter("arbitration", "max_project_months", baseline.MAX_PROJECT_MONTHS, "months"),
    MethodParameter("arbitration", "projection_months", simulate.PROJECTION_MONTHS, "months"),
    MethodParameter("arbitration", "portfolio_months", portfolio.PORTFOLIO_MONTHS, "months"),
    MethodParameter("engagement", "lapse_months", scope.LAPSE_MONTHS, "months"),
    MethodParameter("engagement", "volunteer_window_months", fatigue.VOLUNTEER_WINDOW_MONTHS, "months"),
    MethodParameter("engagement", "commitment_window_months", fatigue.COMMITMENT_WINDOW_MONTHS,
                    "months"),
    MethodParameter("engagement", "concurrent_commitments_min", fatigue.CONCURRENT_COMMITMENTS_MIN,
                    "count"),
    MethodParameter("engagement", "hours_per_month_min", fatigue.HOURS_PER_MONTH_MIN,
                    "hours_per_month"),
    MethodParameter("engagement", "run_months_min", fatigue.RUN_MONTHS_MIN, "months"),
    MethodParameter("engagement", "no_show_window_months", fatigue.NO_SHOW_WINDOW_MONTHS, "months"),
    MethodParameter("engagement", "no_show_rise_min", fatigue.NO_SHOW_RISE_MIN, "share"),
    MethodParameter("engagement", "no_show_min_registrations", fatigue.NO_SHOW_MIN_REGISTRATIONS,
                    "count"),
    MethodParameter("engagement", "trend_confidence", fatigue.CONFIDENCE, "share"),
)
"""The fixed parameters the pages' methods use, shown on the methods page (see :func:`parameters_table`)."""


def format_parameter(parameter: MethodParameter, t: Translator) -> str:
    """A fixed parameter's value with its unit, as a person reads it (``12 mois``, ``25 %``, ``P80``)."""
    if parameter.unit == "share":
        return t.percent(parameter.value)
    if parameter.unit == "quantile":
        return f"P{round(parameter.value * 100)}"
    if parameter.unit == "count":
        return t.number(parameter.value)
    return counted(t, f"methods.unit.{parameter.unit}", parameter.value)


def parameters_table(t: Translator) -> pd.DataFrame:
    """One row per fixed method parameter: the page that uses it, its value and what it means."""
    return pd.DataFrame(
        [
            {
                t("methods.col.page"): t(f"methods.page.{parameter.page}"),
                t("methods.col.value"): format_parameter(parameter, t),
                t("methods.col.meaning"): t(f"parameter.{parameter.name}"),
            }
            for parameter in METHOD_PARAMETERS
        ]
    )
