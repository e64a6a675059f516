"""Erosion and fatigue: who has lapsed, which volunteers show signs of wearing out, and whether
attendance per event is falling over the years.

* *Lapsed participants*: active (at least one attended event) in the
  :data:`~.scope.LAPSE_MONTHS` months before the last ones, and not in those last months (windows
  end at the period's end; a headline count, :mod:`.headline`); year on year, those active in a
  year and not the next (:func:`year_transitions`).
* *Volunteers at risk of exhaustion*: each signal is computed and shown separately, with its
  threshold (:class:`FatigueSettings`). They are **risk signals that invite a conversation, never a
  diagnosis** of burnout. A volunteer is a participant who attended at least one event as a volunteer
  in the last :attr:`FatigueSettings.volunteer_window_months` months.
* *Attendance per event*: attended attendances of an event (or its ``attendees_count`` when it has no
  per-person attendance), per year, by kind of event and by initiative; the trend is the least-squares
  slope (attendees per event per year) with its 95 % confidence interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import duckdb
import numpy as np
import pandas as pd
from scipy import special  # not scipy.stats: importing it costs ~0.5 s on a first visit

from analytics.disclosure import hide_small_count, mask_small_counts
from analytics.engagement.scope import Scope, months_before, run_query, trailing_windows
from analytics.schema import NO_LEVEL
from analytics.store.db import read_sql

VOLUNTEER_WINDOW_MONTHS: Final[int] = 12
"""A volunteer attended at least one event in role 'volunteer' in this many months before the end."""
COMMITMENT_WINDOW_MONTHS: Final[int] = 3
"""Window (months before the end) of the concurrent-commitments and hours-per-month signals."""
CONCURRENT_COMMITMENTS_MIN: Final[int] = 3
"""Signal: attended events of at least this many distinct coproduction projects in that window."""
HOURS_PER_MONTH_MIN: Final[float] = 20.0
"""Signal: at least this many volunteer hours per month on average over that window (≈ 5 h a week)."""
RUN_MONTHS_MIN: Final[int] = 12
"""Signal: an unbroken run of at least this many consecutive months with an attended event, still
going (ending in the month of the end date or the month before)."""
NO_SHOW_WINDOW_MONTHS: Final[int] = 6
"""No-shows are compared between the last 6 months and the 6 months before."""
NO_SHOW_RISE_MIN: Final[float] = 0.25
"""Signal: the no-show share of registrations rose by at least 25 percentage points."""
NO_SHOW_MIN_REGISTRATIONS: Final[int] = 4
"""…with at least this many registrations in the recent window (fewer is too little to tell)."""
NO_SHOW_MIN_BASELINE: Final[int] = 2
"""…and at least this many in the window before (the baseline): a volunteer new to the data, or with
a single earlier registration, has nothing to rise from and is never flagged (counted apart)."""
CONFIDENCE: Final[float] = 0.95
"""Confidence level of the attendance trends' intervals."""
TREND_ORIGIN: Final[date] = date(2000, 1, 1)
"""Origin of the time axis of the trend fits (only the intercept depends on it)."""
VOLUNTEER_ROLE: Final[str] = "volunteer"
COPRODUCTION: Final[str] = "coproduction"
ATTENDED: Final[str] = "attended"
SIGNALS: Final[tuple[str, ...]] = ("commitments", "hours", "run", "no_shows")
"""The four risk signals, each a boolean column ``signal_<name>`` of :func:`flag_signals`."""


@dataclass(frozen=True)
class FatigueSettings:
    """Thresholds of the volunteers' risk signals (defaults: the module's documented constants)."""

    volunteer_window_months: int = VOLUNTEER_WINDOW_MONTHS
    commitment_window_months: int = COMMITMENT_WINDOW_MONTHS
    concurrent_commitments_min: int = CONCURRENT_COMMITMENTS_MIN
    hours_per_month_min: float = HOURS_PER_MONTH_MIN
    run_months_min: int = RUN_MONTHS_MIN
    no_show_window_months: int = NO_SHOW_WINDOW_MONTHS
    no_show_rise_min: float = NO_SHOW_RISE_MIN
    no_show_min_registrations: int = NO_SHOW_MIN_REGISTRATIONS
    no_show_min_baseline: int = NO_SHOW_MIN_BASELINE


def year_transitions(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """Per year Y up to the end: previous_active (active in Y − 1), still_active, lapsed, and
    lapsed_share = lapsed / previous_active. Raw counts."""
    frame = run_query(con, read_sql("engagement/year_transitions"), scope.params())
    return frame.assign(
        lapsed_share=frame["lapsed"] / frame["previous_active"].where(frame["previous_active"] > 0)
    )


def previous_month_start(day: date) -> date:
    """The first day of the month before ``day``'s month (a current run of months ends in one of
    these two months)."""
    year, month = divmod(day.year * 12 + day.month - 2, 12)
    return date(year, month + 1, 1)


def volunteer_signals(
    con: duckdb.DuckDBPyConnection, scope: Scope, settings: FatigueSettings | None = None
) -> pd.DataFrame:
    """The raw measures behind the risk signals, one row per volunteer at the period's end.

    Columns: participant_id (pseudonym), coproduction_projects, volunteer_hours, run_months,
    registrations_recent, no_shows_recent, registrations_earlier, no_shows_earlier
    (see sql/engagement/volunteer_signals.sql).
    """
    s = settings or FatigueSettings()
    end = scope.end
    volunteer_start = months_before(end, s.volunteer_window_months)
    commitment_start = months_before(end, s.commitment_window_months)
    earlier, recent = trailing_windows(end, s.no_show_window_months)
    params = {
        "end": end, "service": scope.service, "level": scope.level,
        "window_start": min(volunteer_start, commitment_start, earlier.start),
        "volunteer_start": volunteer_start, "commitment_start": commitment_start,
        "noshow_recent_start": recent.start, "noshow_earlier_start": earlier.start,
        "run_start": previous_month_start(end),
        "volunteer_role": VOLUNTEER_ROLE, "attended_status": ATTENDED,
        "coproduction": COPRODUCTION, "no_level": NO_LEVEL,
    }
    return run_query(con, read_sql("engagement/volunteer_signals"), params)


def flag_signals(measures: pd.DataFrame, settings: FatigueSettings | None = None) -> pd.DataFrame:
    """The measures with each risk signal as a boolean column, and how many signals each shows.

    Adds: hours_per_month (volunteer_hours / commitment window in months), no_show_share_recent and
    no_show_share_earlier (no-shows / registrations), no_show_baseline (at least
    ``no_show_min_baseline`` registrations in the earlier window: a rise can be measured), and
    ``signal_commitments``, ``signal_hours``, ``signal_run``, ``signal_no_shows`` (only with a
    baseline), ``signals`` (count). A signal is a prompt for a conversation, not a diagnosis.
    """
    s = settings or FatigueSettings()
    out = measures.copy()
    out["hours_per_month"] = out["volunteer_hours"] / s.commitment_window_months
    out["no_show_share_recent"] = out["no_shows_recent"] / out["registrations_recent"].where(
        out["registrations_recent"] > 0
    )
    out["no_show_share_earlier"] = out["no_shows_earlier"] / out["registrations_earlier"].where(
        out["registrations_earlier"] > 0
    )
    out["no_show_baseline"] = out["registrations_earlier"] >= s.no_show_min_baseline
    rise = out["no_show_share_recent"] - out["no_show_share_earlier"]
    out["signal_commitments"] = out["coproduction_projects"] >= s.concurrent_commitments_min
    out["signal_hours"] = out["hours_per_month"] >= s.hours_per_month_min
    out["signal_run"] = out["run_months"] >= s.run_months_min
    out["signal_no_shows"] = (
        (out["registrations_recent"] >= s.no_show_min_registrations)
        & out["no_show_baseline"]
        & (rise >= s.no_show_rise_min).fillna(False)
    )
    out["no_show_unmeasured"] = (
        (out["registrations_recent"] >= s.no_show_min_registrations) & ~out["no_show_baseline"]
    )
    out["signals"] = out[[f"signal_{name}" for name in SIGNALS]].sum(axis=1).astype(int)
    return out


def flagged_volunteers(
    con: duckdb.DuckDBPyConnection, scope: Scope, settings: FatigueSettings | None = None
) -> pd.DataFrame:
    """Every volunteer at the period's end with its measures and risk signals:
    :func:`flag_signals` of :func:`volunteer_signals`, with the same ``settings``."""
    s = settings or FatigueSettings()
    return flag_signals(volunteer_signals(con, scope, s), s)


def signal_counts(flagged: pd.DataFrame) -> dict[str, int]:
    """Number of volunteers showing each signal, plus ``volunteers``, ``any`` (at least one) and
    ``no_shows_without_baseline`` (enough recent registrations, but too few before to tell a rise)."""
    counts = {name: int(flagged[f"signal_{name}"].sum()) for name in SIGNALS}
    counts["no_shows_without_baseline"] = int(flagged["no_show_unmeasured"].sum())
    counts["volunteers"] = len(flagged)
    counts["any"] = int((flagged["signals"] > 0).sum())
    return counts


def shown_signal_counts(flagged: pd.DataFrame, min_group_size: int) -> dict[str, int | None]:
    """:func:`signal_counts` as the fatigue tab and the overview show them: each count of people
    None when between 1 and ``min_group_size`` − 1 (:func:`~analytics.disclosure.hide_small_count`),
    whoever looks."""
    return {name: None if hide_small_count(count, min_group_size) is None else count
            for name, count in signal_counts(flagged).items()}


def attendance_yearly(
    con: duckdb.DuckDBPyConnection, scope: Scope, min_group_size: int
) -> pd.DataFrame:
    """Attendance per event per year up to the end, by event kind and by initiative.

    Columns: dimension, group_key, year, events, attendees, mean_attendees. Cells gathering fewer than
    ``min_group_size`` attendances are hidden.
    """
    params = scope.params(attended_status=ATTENDED, no_level=NO_LEVEL)
    frame = run_query(con, read_sql("engagement/attendance_yearly"), params)
    return mask_small_counts(frame, min_group_size, {"attendees": ["mean_attendees"]})


@dataclass(frozen=True)
class Trend:
    """A least-squares trend y = intercept + slope · x, with the slope's confidence interval.

    ``slope`` is in y units per x unit (attendees per event per year); ``low``/``high`` bound its
    ``CONFIDENCE`` interval (Student t with n − 2 degrees of freedom); ``p_value`` tests slope = 0;
    ``relative_slope`` = slope / mean y (e.g. −0.03 = −3 % of the mean attendance per year).
    """

    n: int
    slope: float
    intercept: float
    low: float
    high: float
    stderr: float
    p_value: float
    relative_slope: float | None


def trend_from_sums(
    n: int, mean_x: float, slope: float, intercept: float, sxx: float, syy: float, sxy: float,
    confidence: float = CONFIDENCE,
) -> Trend | None:
    """The trend and its confidence interval from sufficient statistics (as DuckDB's ``regr_*``
    aggregates give them: sums of squared deviations sxx, syy, sxy). None with fewer than three points
    or no spread in x. Agrees with ``scipy.stats.linregress`` on the same points."""
    if n < 3 or not sxx > 0:
        return None
    residual = max(syy - slope * sxy, 0.0)
    stderr = float(np.sqrt(residual / (n - 2) / sxx))
    # Student's t with n - 2 degrees of freedom: its quantile and its two-sided tail, as
    # scipy.stats.t.ppf and t.sf compute them (special.stdtrit, special.stdtr)
    quantile = float(special.stdtrit(n - 2, 0.5 + confidence / 2))
    # A perfect fit (no residual) is certain: p = 0 unless the slope itself is 0.
    p_value = (float(2 * special.stdtr(n - 2, -abs(slope) / stderr)) if stderr > 0
               else float(slope == 0))
    mean_y = intercept + slope * mean_x
    return Trend(
        n=n, slope=slope, intercept=intercept,
        low=slope - quantile * stderr, high=slope + quantile * stderr, stderr=stderr,
        p_value=p_value, relative_slope=slope / mean_y if mean_y else None,
    )


def attendance_trends(con: duckdb.DuckDBPyConnection, scope: Scope) -> pd.DataFrame:
    """The attendance-per-event trend of each event kind and initiative (events up to the end).

    Columns: dimension, group_key, events, slope (attendees per event per year), intercept (at
    :data:`TREND_ORIGIN`, years counted from it), low, high (95 %
    interval), p_value, relative_slope (share of the mean attendance per year), direction ('down' when
    the whole interval is below 0, 'up' when above, else 'flat'). Groups with fewer than 3 events are
    left out.
    """
    params = scope.params(attended_status=ATTENDED, no_level=NO_LEVEL, origin=TREND_ORIGIN)
    sums = run_query(con, read_sql("engagement/attendance_trend"), params)
    rows = []
    for row in sums.itertuples(index=False):
        trend = trend_from_sums(
            int(row.events), float(row.mean_years or 0.0), float(row.slope or 0.0),
            float(row.intercept or 0.0), float(row.sxx or 0.0), float(row.syy or 0.0),
            float(row.sxy or 0.0),
        )
        if trend is None:
            continue
        direction = "down" if trend.high < 0 else "up" if trend.low > 0 else "flat"
        rows.append({
            "dimension": row.dimension, "group_key": row.group_key, "events": trend.n,
            "slope": trend.slope, "intercept": trend.intercept, "low": trend.low,
            "high": trend.high, "p_value": trend.p_value, "relative_slope": trend.relative_slope,
            "direction": direction,
        })
    columns = ["dimension", "group_key", "events", "slope", "intercept", "low", "high", "p_value",
               "relative_slope", "direction"]
    return pd.DataFrame(rows, columns=columns)
