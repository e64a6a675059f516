"""Legal working-time limits (décret 2000-815, art. 3, applied to territorial staff by décret
2001-623): each finding listed with its agent, date or week and hours.

Each list is what the catalogue counts: ``compute_indicators(...)["legal." + rule]`` is
``len(findings[rule])`` for the same period and service: it counts the rows of the same SQL file
(:func:`count_sql`), inside the catalogue's one statement. Like the catalogue, the
lists always count all of an agent's hours, whatever the level filter: a legal limit is about total
working time.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import duckdb
import pandas as pd

from analytics.i18n import Translator
from analytics.scope import Scope
from analytics.settings import Thresholds, load_thresholds
from analytics.store.db import query_df, read_sql
from analytics.store.derived import named_params

RULES: Final[tuple[str, ...]] = (
    "days_over_10h", "weeks_over_48h", "avg12_over_44h", "rest_under_11h",
)
"""The four limits, named as their catalogue keys without the ``legal.`` prefix."""

_SQL: Final[dict[str, str]] = {
    "days_over_10h": "capacity/legal_days",
    "weeks_over_48h": "capacity/legal_weeks",
    "avg12_over_44h": "capacity/legal_avg12",
    "rest_under_11h": "capacity/legal_rest",
}


def _params(start: date, end: date, service: str | None, thresholds: Thresholds) -> dict:
    return {
        "start": start,
        "end": end,
        "service": service,
        "max_daily_hours": float(thresholds.max_daily_hours),
        "max_weekly_hours": float(thresholds.max_weekly_hours),
        "max_avg_weekly_hours": float(thresholds.max_avg_weekly_hours),
        "avg_window_weeks": int(thresholds.avg_window_weeks),
        "min_daily_rest_hours": float(thresholds.min_daily_rest_hours),
    }


def count_sql(rule: str) -> str:
    """A one-row query counting the findings of ``rule`` (column ``legal.<rule>``): the rows of the
    very query :func:`legal_findings` lists them with, so the catalogue's count is the list's
    length without fetching the list."""
    return f'SELECT count(*) AS "legal.{rule}"\nFROM (\n{read_sql(_SQL[rule])}\n)'


def legal_findings(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    thresholds: Thresholds | None = None,
    rules: tuple[str, ...] = RULES,
) -> dict[str, pd.DataFrame]:
    """The findings of each rule of ``rules`` (default :data:`RULES`) for the period and service:
    the catalogue's ``legal.<rule>`` is the length of its list
    (:func:`analytics.indicators.compute_indicators`).

    * ``days_over_10h``: agent, work_date, hours (> 10), limit_hours, excess_hours;
    * ``weeks_over_48h``: agent, week_start (Monday in the period), hours Monday–Sunday (> 48);
    * ``avg12_over_44h``: agent, week_start, window_start, window_hours, average_hours (> 44);
    * ``rest_under_11h``: agent, work_date, previous_end_ts, first_start_ts, rest_hours (< 11),
      missing_hours.

    Every frame also has agent_id, agent_name, service_id, service_name.
    """
    start, end, service = scope.start, scope.end, scope.service
    values = _params(start, end, service, thresholds or load_thresholds())
    found = {}
    for rule in rules:
        sql = read_sql(_SQL[rule])
        found[rule] = query_df(con, sql, named_params(sql, values))
    return found


def explain(rule: str, frame: pd.DataFrame, t: Translator) -> pd.Series:
    """One sentence per finding, in plain words (e.g. « Le 12 mars 2026, 11,5 h travaillées : 1,5 h
    au-delà des 10 h par jour. »), plain text for the table. Findings are few, so this formats row
    by row."""
    key = f"capacity.legal.{rule}.finding"
    if frame.empty:
        return pd.Series([], dtype="object", index=frame.index)
    if rule in ("days_over_10h", "weeks_over_48h"):
        day = "work_date" if rule == "days_over_10h" else "week_start"
        texts = [
            t.plain(key, date=t.date(getattr(row, day)), hours=t.hours(row.hours),
                    excess=t.hours(row.excess_hours), limit=t.hours(row.limit_hours))
            for row in frame.itertuples()
        ]
    elif rule == "avg12_over_44h":
        texts = [
            t.plain(key, date=t.date(row.week_start), start=t.date(row.window_start),
                    hours=t.hours(row.average_hours), limit=t.hours(row.limit_hours))
            for row in frame.itertuples()
        ]
    elif rule == "rest_under_11h":
        texts = [
            t.plain(key, date=t.date(row.work_date), end=f"{row.previous_end_ts:%H:%M}",
                    end_date=t.date(row.previous_end_ts), start=f"{row.first_start_ts:%H:%M}",
                    hours=t.hours(row.rest_hours), limit=t.hours(row.limit_hours))
            for row in frame.itertuples()
        ]
    else:
        raise ValueError(f"unknown legal rule {rule!r}; expected one of {RULES}")
    return pd.Series(texts, index=frame.index, dtype="object")
