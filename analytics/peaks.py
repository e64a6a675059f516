"""A load stated over a month or a period, and the busiest week inside it.

A page that says « charge moyenne 92 % » over a month (the simulator's verdict) or a period (the
overview's tile) while its weekly chart shows weeks far above reads as a contradiction; one sentence
names the busiest week beside the average: « charge moyenne du mois 92 % ; semaine la plus chargée
131 % (2027-S12) ». Pure functions; the pages only draw the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from analytics.i18n import Translator, iso_week


@dataclass(frozen=True)
class WeeklyPeak:
    """The busiest week: its Monday and its hours ÷ capacity."""

    week_start: date
    ratio: float


def weekly_peak(weeks: pd.DataFrame, hours: str, capacity: str = "capacity_hours",
                start: date | None = None, end: date | None = None) -> WeeklyPeak | None:
    """The week of ``weeks`` (a ``week_start`` column) with the highest ``hours`` ÷ ``capacity``,
    among the weeks starting in [start, end) when given; weeks without capacity are skipped (no
    ratio); None when no week is left. The first such week on a tie."""
    frame = weeks
    monday = pd.to_datetime(frame["week_start"])
    keep = np.ones(len(frame), dtype=bool)
    if start is not None:
        keep &= (monday >= pd.Timestamp(start)).to_numpy()
    if end is not None:
        keep &= (monday < pd.Timestamp(end)).to_numpy()
    cap = frame[capacity].to_numpy(dtype=float)
    keep &= cap > 0
    if not keep.any():
        return None
    ratios = np.where(keep, frame[hours].to_numpy(dtype=float) / np.where(cap > 0, cap, 1.0),
                      -np.inf)
    index = int(np.argmax(ratios))
    return WeeklyPeak(pd.Timestamp(monday.iloc[index]).date(), float(ratios[index]))


def peak_text(t: Translator, key: str, average: float | None, peak: WeeklyPeak | None,
              **values: object) -> str:
    """The message ``key`` (placeholders ``average``, ``peak``, ``week`` and ``values``) when the
    busiest week reads above the average as written (the share rule, as the page writes the
    average); empty otherwise — nothing to reconcile."""
    if average is None or peak is None or not np.isfinite(average):
        return ""
    shown = t.percent(average)
    if peak.ratio <= average or t.percent(peak.ratio) == shown:
        return ""
    return t(key, average=shown, peak=t.percent(peak.ratio),
             week=iso_week(t, peak.week_start), **values)
