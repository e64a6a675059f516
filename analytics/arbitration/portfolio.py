"""Which proposed projects to take on, and at which level, within each team's capacity.

Each candidate (status ``proposed``) may be taken at its proposed level or any lighter one, or left
out. Taking project *p* at level *l* adds its estimated effort (the staff hours of comparable
finished projects at that level, spread over its working days) to its team's load. For every
team and every month of the horizon, the chosen projects' hours must stay within what the team has
left: ``target_utilisation`` × capacity − ordinary work − committed projects (never below 0: a month
already over target admits nothing new).

The choice is an exact 0/1 integer programme solved by ``scipy.optimize.milp`` in two stages:
first maximise the total priority of the projects taken; then, among the choices with that total,
maximise the levels kept (each project as close to its proposed level as capacity allows). A
project forced in must be taken (at some level), one forced out is not; projects without a positive
priority are only taken when forced in.

When the projects forced in cannot all be taken (their lightest levels exceed what a team has
left in some month), :func:`forced_conflicts` keeps them in priority order while they fit and
names the others with the month and the hours (needed, and left under the limit); the choice is
then made with the ones kept, so the rest of the table is still shown.

Every refusal is about one month: the month where the project falls shortest. The chart shows, on
the same basis, each team's tightest month (see :func:`tightest_months`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

import duckdb
import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from analytics.arbitration.baseline import DAYS_PER_MONTH, add_months, month_start
from analytics.arbitration.simulate import base_load, project_load
from analytics.schema import LEVELS
from analytics.store.db import query_df, read_sql
from analytics.store.derived import named_params

CANDIDATE_STATUS: Final[str] = "proposed"
"""projects.status of a candidate project."""
REQUEST_PREFIX: Final[str] = "req:"
"""A request candidate's project_id: this prefix and the request_id (apart from projects' ids)."""
REQUEST_LEVEL: Final[str] = "consultation"
"""The level an open request is costed at unless another is chosen."""
REQUEST_PRIORITY: Final[float] = 1.0
"""The arbitration weight of each open request unless another is chosen."""
PROJECT_KIND: Final[str] = "project"
REQUEST_KIND: Final[str] = "request"
PORTFOLIO_MONTHS: Final[int] = 12
"""The choice is made over this many months, starting with the month after the reference day."""
OPTIMAL: Final[str] = "optimal"
INFEASIBLE: Final[str] = "infeasible"
# Why a project is left out (or taken lighter), in the order they are checked.
FORCED_OUT: Final[str] = "forced_out"
NO_PRIORITY: Final[str] = "no_priority"
NO_TEAM: Final[str] = "no_team"
TOO_LARGE: Final[str] = "too_large"
CROWDED_OUT: Final[str] = "crowded_out"
LIGHTER: Final[str] = "lighter_level"
# A project forced in that cannot be taken: why (the others forced in are kept, see choose).
FORCED_TOO_LARGE: Final[str] = "forced_too_large"
FORCED_ALREADY_OVER: Final[str] = "forced_already_over"
FORCED_CROWDED: Final[str] = "forced_crowded"
FORCED_REASONS: Final[tuple[str, ...]] = (FORCED_TOO_LARGE, FORCED_ALREADY_OVER, FORCED_CROWDED)
_RELATIVE_TOLERANCE: Final[float] = 1e-7


def load_candidates(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Proposed participatory projects (see ``candidate_projects.sql``)."""
    sql = read_sql("arbitration/candidate_projects")
    values = {"candidate_status": CANDIDATE_STATUS, "levels": list(LEVELS)}
    return query_df(con, sql, named_params(sql, values))


def load_open_requests(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """Residents' requests open on ``as_of`` and not yet carried by a project (see
    ``open_requests.sql``): request_id, received_on, topic, quartier, service_id."""
    sql = read_sql("arbitration/open_requests")
    values = {"as_of": as_of, "declined": "declined"}
    return query_df(con, sql, named_params(sql, values))


def request_candidates(
    requests: pd.DataFrame, level: str = REQUEST_LEVEL, priority: float = REQUEST_PRIORITY,
    levels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Open ``requests`` (from :func:`load_open_requests`) as candidates alike proposed projects:
    project_id ``req:<request_id>``, project_name ``topic — quartier`` (as written), at ``level``
    (the heaviest they may be taken at) and ``priority`` each, initiative ``residents``,
    perimeter ``quartier`` when the request names one (else ``commune``), no dates (the
    horizon's first month, for the comparable projects' median life), ``kind`` REQUEST_KIND and
    the ``request_id``. ``levels``: a level for some requests (request_id → level) instead of
    ``level``."""
    chosen = [(levels or {}).get(rid, level) for rid in requests["request_id"]]
    for code in {level, *chosen}:
        if code not in LEVELS:
            raise ValueError(f"unknown level {code!r}")
    return pd.DataFrame({
        "project_id": [f"{REQUEST_PREFIX}{rid}" for rid in requests["request_id"]],
        "project_name": [_request_name(topic, quartier)
                         for topic, quartier in zip(requests["topic"], requests["quartier"],
                                                    strict=True)],
        "theme": requests["topic"].astype("object").to_numpy(),
        "service_id": requests["service_id"].astype("object").to_numpy(),
        "level": pd.Series(chosen, dtype="object").to_numpy(),
        "initiative": "residents",
        "perimeter": ["commune" if pd.isna(q) else "quartier" for q in requests["quartier"]],
        "start_date": pd.Series([pd.NaT] * len(requests), dtype="datetime64[ns]").to_numpy(),
        "end_date": pd.Series([pd.NaT] * len(requests), dtype="datetime64[ns]").to_numpy(),
        "planned_hours": np.full(len(requests), np.nan),
        "priority": np.full(len(requests), float(priority)),
        "kind": REQUEST_KIND,
        "request_id": requests["request_id"].astype("object").to_numpy(),
    })


def _request_name(topic: object, quartier: object) -> str | None:
    parts = [str(part) for part in (topic, quartier) if isinstance(part, str) and part]
    return " — ".join(parts) or None


def with_requests(candidates: pd.DataFrame, requests: pd.DataFrame) -> pd.DataFrame:
    """Proposed projects (``kind`` PROJECT_KIND) followed by the request candidates."""
    projects = candidates.assign(kind=PROJECT_KIND, request_id=None)
    if requests.empty:
        return projects
    return pd.concat([projects, requests], ignore_index=True)


def horizon_months(first_day: date, months: int = PORTFOLIO_MONTHS) -> list[date]:
    """The first days of the ``months`` months of the choice: from the first month starting after
    ``first_day - 1`` (the month of ``first_day`` if it is the 1st, else the next one)."""
    first = first_day if first_day.day == 1 else add_months(month_start(first_day), 1)
    return [add_months(first, k) for k in range(months)]


def candidate_windows(
    candidates: pd.DataFrame, first_month: date, default_months: Mapping[str, float]
) -> pd.DataFrame:
    """Candidates with the window used to cost them: ``start`` (start_date, or ``first_month`` when
    missing or earlier) and ``months`` (whole months from start_date to end_date, at least 1; when the
    end date is missing, ``default_months[project_id]`` — the comparable projects' median life —
    rounded, at least 1)."""
    frame = candidates.copy()
    first = pd.Timestamp(first_month)
    start = pd.to_datetime(frame["start_date"])
    end = pd.to_datetime(frame["end_date"])
    span = ((end - start).dt.days + 1) / DAYS_PER_MONTH
    fallback = frame["project_id"].map(dict(default_months)).astype(float)
    months = span.where(end.notna() & start.notna() & (end >= start), fallback)
    frame["months"] = months.fillna(1.0).round().clip(lower=1).astype(int)
    frame["start"] = start.where(start >= first, first).fillna(first).dt.date
    return frame


@dataclass(frozen=True)
class Option:
    """Taking project ``project_id`` of ``team`` at ``level``: its ``priority``, the ``rank`` of the
    level (0 = information) and its ``load`` in hours per month of the horizon."""

    project_id: str
    team: str
    level: str
    priority: float
    load: np.ndarray = field(repr=False)

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)


@dataclass(frozen=True)
class Selection:
    """The solver's answer: ``status`` (OPTIMAL or INFEASIBLE), ``chosen`` project → level,
    ``total_priority`` of the projects taken and ``level_score`` (sum of their level ranks)."""

    status: str
    chosen: Mapping[str, str]
    total_priority: float
    level_score: int


def month_loads(
    days: pd.DataFrame, start: date, months: int, hours: float, horizon: Sequence[date]
) -> np.ndarray:
    """Hours a project adds in each month of ``horizon`` (first days of months), from the team's
    working days ``days`` (same spreading as the simulator)."""
    per_day = project_load(days, start, months, hours)
    return _by_month(days, per_day, horizon)


def available_hours(days: pd.DataFrame, target: float, horizon: Sequence[date]) -> np.ndarray:
    """Hours a team has left in each month of ``horizon``: target × capacity − ordinary −
    committed (may be negative when the month is already over target)."""
    room = target * days["capacity_hours"].to_numpy(dtype=float) - base_load(days)
    return _by_month(days, room, horizon)


def _by_month(days: pd.DataFrame, per_day: np.ndarray, horizon: Sequence[date]) -> np.ndarray:
    months = days["month_start"].to_numpy(dtype="datetime64[D]")
    keys = np.array([np.datetime64(m) for m in horizon], dtype="datetime64[D]")
    index = np.searchsorted(keys, months)
    inside = (index < len(keys)) & (keys[np.minimum(index, len(keys) - 1)] == months)
    return np.bincount(index[inside], weights=per_day[inside], minlength=len(keys))


def solve_portfolio(
    options: Sequence[Option],
    available: Mapping[str, np.ndarray],
    forced_in: Collection[str] = (),
    forced_out: Collection[str] = (),
) -> Selection:
    """Choose at most one option per project maximising total priority, then levels (see module).

    ``available[team]`` is the team's hours left per month (same length as each option's load).
    """
    if not options:
        return Selection(OPTIMAL, {}, 0.0, 0)
    projects = sorted({o.project_id for o in options})
    n = len(options)
    upper = np.array([
        0.0 if o.project_id in forced_out or (o.priority <= 0 and o.project_id not in forced_in)
        else 1.0
        for o in options
    ])
    rows, lows, highs = [], [], []
    for project in projects:
        rows.append([1.0 if o.project_id == project else 0.0 for o in options])
        lows.append(1.0 if project in forced_in else 0.0)
        highs.append(1.0)
    for team in sorted({o.team for o in options}):
        loads = np.array([o.load if o.team == team else np.zeros_like(o.load) for o in options])
        room = np.maximum(np.asarray(available[team], dtype=float), 0.0)
        for month in range(loads.shape[1]):
            if loads[:, month].any():
                rows.append(loads[:, month])
                lows.append(-np.inf)
                highs.append(room[month])
    matrix = np.array(rows)
    priority = np.array([o.priority for o in options])
    rank = np.array([o.rank for o in options], dtype=float)
    bounds = Bounds(np.zeros(n), upper)
    integrality = np.ones(n)
    first = milp(-priority, constraints=LinearConstraint(matrix, lows, highs),
                 integrality=integrality, bounds=bounds)
    if first.status != 0 or first.x is None:
        return Selection(INFEASIBLE, {}, 0.0, 0)
    best = float(priority @ np.round(first.x))
    slack = _RELATIVE_TOLERANCE * max(1.0, abs(best))
    second = milp(
        -rank,
        constraints=[LinearConstraint(matrix, lows, highs),
                     LinearConstraint(priority[None, :], [best - slack], [np.inf])],
        integrality=integrality, bounds=bounds,
    )
    x = np.round(second.x if second.status == 0 and second.x is not None else first.x)
    chosen = {options[i].project_id: options[i].level for i in range(n) if x[i] > 0.5}
    return Selection(OPTIMAL, chosen, float(priority @ x), int(rank @ x))


def left_out_reasons(
    options: Sequence[Option],
    available: Mapping[str, np.ndarray],
    selection: Selection,
    proposed: Mapping[str, str],
    forced_out: Collection[str] = (),
) -> pd.DataFrame:
    """Why each project is not taken at its proposed level: project_id, reason, month_index (the
    month where it falls short, None when not about capacity), short_hours (hours missing then).

    Reasons, in order: FORCED_OUT; NO_PRIORITY (priority ≤ 0); TOO_LARGE (even its lightest level
    does not fit what the team has left before any other candidate); CROWDED_OUT (it would fit
    alone, but the projects taken leave too little); LIGHTER (taken, at a lighter level than
    proposed: the proposed one would not fit beside the others).
    """
    by_project: dict[str, list[Option]] = {}
    for option in options:
        by_project.setdefault(option.project_id, []).append(option)
    used: dict[str, np.ndarray] = {
        team: np.zeros_like(np.asarray(room, dtype=float)) for team, room in available.items()
    }
    for option in options:
        if selection.chosen.get(option.project_id) == option.level:
            used[option.team] = used[option.team] + option.load
    rows = []
    for project, project_options in sorted(by_project.items()):
        lightest = min(project_options, key=lambda o: o.rank)
        room = np.maximum(np.asarray(available[lightest.team], dtype=float), 0.0)
        taken = selection.chosen.get(project)
        if taken == proposed.get(project):
            continue
        if taken is not None:
            heavier = next((o for o in project_options if o.level == proposed.get(project)), None)
            if heavier is None:
                continue
            residual = room - used[lightest.team] + _load_of(project_options, taken)
            rows.append(_shortfall(project, LIGHTER, heavier.load, residual))
        elif project in forced_out:
            rows.append({"project_id": project, "reason": FORCED_OUT})
        elif lightest.priority <= 0:
            rows.append({"project_id": project, "reason": NO_PRIORITY})
        elif (lightest.load > room + _slack(room)).any():
            row = _shortfall(project, TOO_LARGE, lightest.load, room)
            month = int(row["month_index"])  # type: ignore[call-overload]
            row["room_hours"] = float(np.asarray(available[lightest.team], dtype=float)[month])
            rows.append(row)  # room_hours < 0: the team is already over its limit that month
        else:
            rows.append(_shortfall(project, CROWDED_OUT, lightest.load, room - used[lightest.team]))
    columns = ["project_id", "reason", "month_index", "short_hours", "needed_hours", "room_hours"]
    return pd.DataFrame(rows, columns=columns).astype({"month_index": "Int64"})


def _load_of(options: Sequence[Option], level: str) -> np.ndarray:
    return next(o.load for o in options if o.level == level)


def _slack(room: np.ndarray) -> np.ndarray:
    return _RELATIVE_TOLERANCE * np.maximum(1.0, np.abs(room))


def _shortfall(project: str, reason: str, load: np.ndarray, room: np.ndarray) -> dict[str, object]:
    """The month where ``load`` exceeds ``room`` most, with the hours missing, the hours needed
    (``load``) and the hours left (``room``) that month."""
    gap = load - room
    month = int(np.argmax(gap))
    return {"project_id": project, "reason": reason, "month_index": month,
            "short_hours": float(max(gap[month], 0.0)), "needed_hours": float(load[month]),
            "room_hours": float(room[month])}


def forced_conflicts(
    options: Sequence[Option], available: Mapping[str, np.ndarray], forced_in: Collection[str]
) -> pd.DataFrame:
    """The projects forced in that cannot be taken beside the others forced in.

    For each team, its forced projects are kept in order of priority (then id) while their
    lightest levels fit together in every month; each one that does not is a conflict, with the
    month where it falls shortest: project_id, reason (FORCED_ALREADY_OVER when the team is
    already at or over its limit that month without any new project, FORCED_TOO_LARGE when it
    does not fit even alone, else FORCED_CROWDED), month_index, short_hours, needed_hours (the
    forced projects' hours that month, this one included) and room_hours (what the team has
    left under its limit that month, negative when already over).
    """
    lightest: dict[str, Option] = {}
    for option in options:
        if option.project_id in forced_in and (
            option.project_id not in lightest or option.rank < lightest[option.project_id].rank
        ):
            lightest[option.project_id] = option
    rows = []
    ordered = sorted(lightest.values(), key=lambda o: (-o.priority, o.project_id))
    for team in sorted({o.team for o in ordered}):
        raw = np.asarray(available[team], dtype=float)
        room = np.maximum(raw, 0.0)
        kept = np.zeros_like(room)
        for option in (o for o in ordered if o.team == team):
            together = kept + option.load
            if not (together > room + _slack(room)).any():
                kept = together
                continue
            row = _shortfall(option.project_id, FORCED_CROWDED, together, room)
            month = int(row["month_index"])  # type: ignore[call-overload]
            row["room_hours"] = float(raw[month])
            if raw[month] <= 0 and option.load[month] > 0:
                row["reason"] = FORCED_ALREADY_OVER
            elif option.load[month] > room[month] + _slack(room)[month]:
                row["reason"] = FORCED_TOO_LARGE
            rows.append(row)
    columns = ["project_id", "reason", "month_index", "short_hours", "needed_hours", "room_hours"]
    return pd.DataFrame(rows, columns=columns).astype({"month_index": "Int64"})


@dataclass(frozen=True)
class Portfolio:
    """The page's view of the choice: one row per candidate (``table``), the solver's
    ``selection``, the ``horizon`` months and each team's hours left and used per month
    (``usage``: team, month_start, available_hours, chosen_hours). ``conflicts``: the projects
    forced in that could not be taken (:func:`forced_conflicts`; empty when all were)."""

    selection: Selection
    table: pd.DataFrame
    usage: pd.DataFrame
    horizon: list[date]
    conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)


def build_options(
    windows: pd.DataFrame,
    team_days: Mapping[str, pd.DataFrame],
    hours: Mapping[tuple[str, str], float],
    horizon: Sequence[date],
) -> list[Option]:
    """One option per candidate and level up to its proposed one, for candidates whose team is in
    ``team_days``; ``hours[(project_id, level)]`` is that level's staff hours (options without
    it are skipped)."""
    options = []
    for row in windows.itertuples(index=False):
        if row.team not in team_days:
            continue
        priority = 0.0 if pd.isna(row.priority) else float(row.priority)
        for level in LEVELS[: LEVELS.index(row.level) + 1]:
            effort = hours.get((row.project_id, level))
            if effort is None:
                continue
            load = month_loads(team_days[row.team], row.start, int(row.months), effort, horizon)
            options.append(Option(row.project_id, row.team, level, priority, load))
    return options


def choose(
    windows: pd.DataFrame,
    team_days: Mapping[str, pd.DataFrame],
    hours: Mapping[tuple[str, str], float],
    target: float,
    horizon: Sequence[date],
    forced_in: Collection[str] = (),
    forced_out: Collection[str] = (),
) -> Portfolio:
    """Solve the choice for the candidates of ``windows`` (from :func:`candidate_windows`, with a
    ``team`` column) and explain it. Candidates without a visible team are left out (NO_TEAM).
    Projects forced in that cannot all be taken: the ones named by :func:`forced_conflicts` are
    left out with their reason, the others are still forced in."""
    options = build_options(windows, team_days, hours, horizon)
    teams = sorted({o.team for o in options})
    available = {team: available_hours(team_days[team], target, horizon) for team in teams}
    selection = solve_portfolio(options, available, forced_in, forced_out)
    conflicts: pd.DataFrame | None = None
    if selection.status == INFEASIBLE:
        conflicts = forced_conflicts(options, available, forced_in)
        culprits = set(conflicts["project_id"])
        selection = solve_portfolio(options, available, set(forced_in) - culprits,
                                    set(forced_out) | culprits)
    proposed = dict(zip(windows["project_id"], windows["level"], strict=True))
    reasons = left_out_reasons(options, available, selection, proposed, forced_out)
    if conflicts is not None and len(conflicts):
        reasons = pd.concat(
            [reasons[~reasons["project_id"].isin(conflicts["project_id"])], conflicts],
            ignore_index=True,
        )
    table = windows.copy()
    table["chosen_level"] = table["project_id"].map(dict(selection.chosen)).astype("object")
    table = table.merge(reasons, on="project_id", how="left")
    with_option = {o.project_id for o in options}
    no_team = ~table["project_id"].isin(with_option) & table["reason"].isna()
    table.loc[no_team, "reason"] = NO_TEAM
    table["month_start"] = table["month_index"].map(
        lambda i: None if pd.isna(i) else horizon[int(i)]
    )
    usage = _usage(options, available, selection, horizon)
    return Portfolio(selection=selection, table=table, usage=usage, horizon=list(horizon),
                     conflicts=conflicts if conflicts is not None else forced_conflicts([], {}, ()))


def tightest_months(usage: pd.DataFrame) -> pd.DataFrame:
    """Each team's tightest month of the horizon: the month with the fewest hours left under its
    limit once the chosen projects are counted (the earliest one on a tie). Columns: team,
    month_start, available_hours (left under the limit before the chosen projects, negative when
    already over), chosen_hours, left_hours (available − chosen). Refusals are about one month
    too, so the chart drawn from this reads on the same basis."""
    columns = ["team", "month_start", "available_hours", "chosen_hours", "left_hours"]
    if usage.empty:
        return pd.DataFrame(columns=columns)
    frame = usage.assign(left_hours=usage["available_hours"] - usage["chosen_hours"])
    frame = frame.sort_values(["team", "left_hours", "month_start"], kind="stable")
    return frame.groupby("team", as_index=False).head(1)[columns].reset_index(drop=True)


def _usage(
    options: Sequence[Option], available: Mapping[str, np.ndarray], selection: Selection,
    horizon: Sequence[date],
) -> pd.DataFrame:
    frames = []
    for team, room in available.items():
        chosen = sum(
            (o.load for o in options
             if o.team == team and selection.chosen.get(o.project_id) == o.level),
            start=np.zeros(len(horizon)),
        )
        frames.append(pd.DataFrame({
            "team": team, "month_start": list(horizon), "available_hours": room,
            "chosen_hours": chosen,
        }))
    columns = ["team", "month_start", "available_hours", "chosen_hours"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def horizon_end(horizon: Sequence[date]) -> date:
    """The last day of the horizon."""
    return add_months(horizon[-1], 1) - timedelta(days=1)
