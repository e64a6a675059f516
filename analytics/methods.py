"""Tables of the methods page: the catalogue and the thresholds in force, in one language."""

from __future__ import annotations

from dataclasses import fields
from datetime import time

import pandas as pd

from analytics.i18n import Translator
from analytics.indicators import CATALOGUE
from analytics.settings import ENV_PREFIX, Thresholds


def catalogue_table(t: Translator) -> pd.DataFrame:
    """One row per indicator: key, short name, definition and thresholds used, in ``t``'s language."""
    rows = [
        {
            t("methods.col.key"): indicator.key,
            t("methods.col.name"): t(f"ind.{indicator.key}"),
            t("methods.col.definition"): (
                indicator.definition_fr if t.lang == "fr" else indicator.definition_en
            ),
            t("methods.col.thresholds"): ", ".join(indicator.uses),
        }
        for indicator in CATALOGUE
    ]
    return pd.DataFrame(rows)


def format_threshold(value: object, t: Translator) -> str:
    """A threshold value as a person reads it (``110 %``, ``08:00``, ``10 h``)."""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, tuple):
        return " / ".join(t.percent(float(part)) for part in value)
    if isinstance(value, float):
        return t.number(value, 2)
    return str(value)


def thresholds_table(thresholds: Thresholds, t: Translator) -> pd.DataFrame:
    """One row per setting: its environment variable, its value in force and what it means."""
    return pd.DataFrame(
        [
            {
                t("methods.col.setting"): ENV_PREFIX + field.name.upper(),
                t("methods.col.value"): format_threshold(getattr(thresholds, field.name), t),
                t("methods.col.meaning"): t(f"threshold.{field.name}"),
            }
            for field in fields(Thresholds)
        ]
    )
