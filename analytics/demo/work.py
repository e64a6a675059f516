"""Time entries: ordinary work, project work and evening/weekend meetings, fully vectorised.

Patterns generated on purpose:

* **Ordinary work** (``project_id`` NULL, activity ``ordinary``) only on capacity days: Monday to
  Friday, inside a contract, outside absences and French public holidays. A day is two or three
  blocks (morning, lunch break, afternoon) starting at the agent's usual time (7:30–9:00) on quarter
  hours, ≈ 2.7 entries per agent and working day in all. A few field agents declare durations only
  (no clock times).
* **Project work**: preparation before and follow-up after the events of each project, in chunks of
  1–4 hours on the staff's working days, displacing ordinary work (the day's total stays the same);
  technical agents prepare coproduction chantiers (``site_work`` on weekdays).
* **Hidden work**: the staff of an event is there from a little before to a little after it —
  evening meetings (18:00–21:15), Saturday chantiers, festivities ending after midnight (an
  ``end_time`` earlier than ``start_time``). Agents recover only half of their evening hours, so
  participation raises the load.
* **Load**: each service has a usual load of 76–84 % of capacity before evenings; the participation
  team's load rises over the years and, over the last three months, is calibrated to 100 % of its
  capacity (saturation). Its first agent (the *story agent*) attends every evening meeting of the
  story projects (two evenings a week, a chantier every other Saturday), takes back only 30 % of
  those evening hours and works ~106 % of capacity by day: every ISO week of
  the last ten is above 115 % of capacity, with days over 10 hours and, after late meetings, some
  early starts less than 11 hours after the previous end.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.demo.catalogue import (
    DEFAULT_BASE_LOAD,
    SERVICE_BASE_LOAD,
    STORY_SERVICE_ID,
    ScaleSpec,
)
from analytics.demo.events import Events
from analytics.demo.people import Staff
from analytics.demo.projects import COPRO, NONE, ROLE_WEIGHTS, TECH, Projects
from analytics.demo.timeline import Timeline
from analytics.schema import ACTIVITIES, EVENT_KINDS, PROJECT_STATUSES

ACT = {name: i for i, name in enumerate(ACTIVITIES)}
TEAM_TARGET_LOAD = 1.0
"""Load of the participation team over the last three months (saturation)."""
TEAM_WINDOW_DAYS = 92
CALM_MAX_LOAD = 1.05
"""Agents other than the story agent never exceed this weekly load when their day work can absorb
their evenings (they take the hours back)."""
STORY_RAMP_DAYS = 140
"""From then on the story agent attends every meeting of the story projects and recovers little."""
STORY_OVERLOAD_DAYS = 70
STORY_DAY_LOAD = 1.06
STORY_RECOVERY = 0.3
STORY_WEEK_LOAD = 1.22
"""Minimum weekly load of the story agent over the overload window (topped up by day work)."""
RECOVERY = 0.5
"""Share of evening hours an agent takes back on ordinary work the same day."""
CHUNKS = np.array([1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0])
SPREAD_DAYS = 7
"""A chunk lands on a random working day of its agent within a week of its planned date."""
MAX_CHUNK_HOURS = 7.0
"""At most this many hours of project chunks land on one agent-day (and no more than its
capacity, beyond the first chunk)."""

_K = {kind: i for i, kind in enumerate(EVENT_KINDS)}
# probability that a staff member of each role (lead, colleague, participation, tech) attends
_ATTEND = np.full((len(EVENT_KINDS), 4), 0.0)
_ATTEND[:] = (0.9, 0.25, 0.75, 0.05)
_ATTEND[_K["site_work"]] = (0.5, 0.15, 0.6, 0.85)
_ATTEND[_K["festivity"]] = (0.9, 0.3, 0.7, 0.4)
_ATTEND[_K["permanence"]] = (0.7, 0.2, 0.5, 0.0)
# minutes of set-up before and tidying after an event
_SETUP = np.full(len(EVENT_KINDS), 30)
_SETUP[[_K["site_work"], _K["festivity"]]] = 60
_SETUP[_K["permanence"]] = 15
_TEARDOWN = np.full(len(EVENT_KINDS), 15)
_TEARDOWN[_K["site_work"]] = 30


@dataclass
class EntryArrays:
    """Time entries as parallel numpy arrays (one row per entry, sorted, ids = row number + 1).

    ``start``/``end`` are minutes after midnight (-1 = no clock time; an end smaller than the start
    ends the next day), ``project`` -1 = ordinary work, ``activity`` indexes schema.ACTIVITIES.
    """

    agent: np.ndarray
    project: np.ndarray
    day: np.ndarray
    start: np.ndarray
    end: np.ndarray
    hours: np.ndarray
    activity: np.ndarray

    def __len__(self) -> int:
        return len(self.agent)

    @property
    def id_width(self) -> int:
        """Digits of the entry ids ('TE' + zero-padded row number)."""
        return max(7, len(str(len(self))))

    def to_frame(self, tl: Timeline, agent_ids: np.ndarray, project_ids: np.ndarray) -> pd.DataFrame:
        """The canonical time_entries frame (dates as datetime64, times as datetime.time)."""
        from datetime import time

        times = np.array([time(m // 60, m % 60) for m in range(1440)] + [None], dtype=object)
        width = self.id_width
        numbers = np.arange(1, len(self) + 1).astype(np.dtypes.StringDType())
        ids = np.strings.add("TE", np.strings.zfill(numbers, width))
        project = np.append(project_ids, None).astype(object)[self.project]
        return pd.DataFrame({
            "entry_id": pd.Series(ids.astype(object), dtype="str"),
            "agent_id": pd.Series(agent_ids[self.agent], dtype="str"),
            "project_id": pd.Series(project, dtype="str"),
            "work_date": tl.dates(self.day),
            "start_time": times[np.where(self.start < 0, 1440, self.start)],
            "end_time": times[np.where(self.end < 0, 1440, self.end)],
            "hours": self.hours.astype(np.float64),
            "activity": pd.Series(np.array(ACTIVITIES, dtype=object)[self.activity], dtype="str"),
        })

    def compact_frame(self) -> pd.DataFrame:
        """Integer columns for a fast bulk insert (converted to canonical types in SQL)."""
        return pd.DataFrame({
            "seq": np.arange(1, len(self) + 1, dtype=np.int64),
            "agent": self.agent, "project": self.project, "day": self.day,
            "start_min": self.start, "end_min": self.end, "hours": self.hours,
            "activity": self.activity,
        })


def _event_entries(
    tl: Timeline, staff: Staff, projects: Projects, events: Events, rng: np.random.Generator
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Entries of the staff present at each past event, and each project's expected event hours.

    An agent attends at most one event a day; the story agent attends every event of its projects
    during the last ``STORY_RAMP_DAYS`` days.
    """
    last = tl.n_days - 1
    available = staff.available()
    busy = np.zeros_like(available)
    story = staff.story_agent
    expected = np.zeros(len(projects.level))
    agents: list[np.ndarray] = []
    index: list[np.ndarray] = []
    for e in range(len(events.day)):
        p = int(events.project[e])
        members, roles = projects.staff[p], projects.staff_role[p]
        if len(members) == 0:
            continue
        kind, day = int(events.kind[e]), int(events.day[e])
        go = rng.random(len(members)) < _ATTEND[kind, roles]
        if projects.story[p] and day >= last - STORY_RAMP_DAYS:
            go |= members == story
        if not go.any():
            go[0] = True
        chosen = members[go]
        span = events.dur_min[e] + _SETUP[kind] + _TEARDOWN[kind]
        expected[p] += len(chosen) * span / 60
        if day <= last:
            chosen = chosen[available[chosen, day] & ~busy[chosen, day]]
            busy[chosen, day] = True  # one event a day per agent
            agents.append(chosen)
            index.append(np.full(len(chosen), e))
    agent = np.concatenate(agents) if agents else np.zeros(0, np.int64)
    ev = np.concatenate(index) if index else np.zeros(0, np.int64)
    kind = events.kind[ev]
    start = events.start_min[ev] - _SETUP[kind]
    stop = events.start_min[ev] + events.dur_min[ev] + _TEARDOWN[kind]
    entries = {
        "agent": agent, "project": events.project[ev], "day": events.day[ev], "start": start,
        "end": stop % 1440, "hours": (stop - start) / 60.0,
        "activity": np.where(kind == _K["site_work"], ACT["site_work"], ACT["meeting"]),
    }
    return entries, expected


def _chunks(
    tl: Timeline, projects: Projects, expected: np.ndarray, day_capacity: np.ndarray,
    rng: np.random.Generator,
) -> dict[str, np.ndarray]:
    """Preparation and follow-up chunks of every started project, on its staff's working days."""
    last = tl.n_days - 1
    n_days = day_capacity.shape[1]
    started = np.isin(projects.status, [PROJECT_STATUSES.index(s) for s in ("done", "active")])
    sizes = np.array([len(m) for m in projects.staff])
    ok = started & (sizes > 0)
    remaining = np.maximum(projects.target_hours - expected, 0.15 * projects.target_hours)
    count = np.where(ok, np.maximum(1, np.rint(remaining / CHUNKS.mean())), 0).astype(np.int64)
    project = np.repeat(np.arange(len(count)), count)
    n = len(project)
    # pick the agent of each chunk by role weight: cumulative weights offset by the project index
    owners = np.repeat(np.arange(len(sizes)), sizes)
    members = np.concatenate(projects.staff)
    roles = np.concatenate(projects.staff_role)
    weights = ROLE_WEIGHTS[roles]
    totals = np.bincount(owners, weights=weights, minlength=len(sizes))
    cumulative = np.cumsum(weights)
    offsets = np.concatenate([[0.0], np.cumsum(totals)])[owners]
    cum = owners + (cumulative - offsets) / totals[owners]
    pick = np.searchsorted(cum, project + rng.random(n), side="right")
    pick = np.minimum(pick, len(cum) - 1)
    agent = members[pick]
    role = roles[pick]
    span = (projects.end - projects.start)[project]
    prep = rng.random(n) < 0.6
    lo = projects.start[project] + np.where(prep, -0.05, 0.3) * span
    hi = projects.start[project] + np.where(prep, 0.75, 1.0) * span + np.where(prep, 0, 20)
    target = np.rint(lo + rng.random(n) * (hi - lo)).astype(np.int64)
    # chunks after the as-of day are future work (not recorded); before day 0, not in the history
    lo = np.clip(target - SPREAD_DAYS, 0, last + 1)
    hi = np.where(target > last, -1, np.clip(target + SPREAD_DAYS, -1, last))
    level = projects.level[project]
    activity = np.where(prep, ACT["preparation"], ACT["follow_up"])
    activity = np.where((role == TECH) & (level == COPRO), ACT["site_work"], activity)
    activity = np.where((level == NONE) & (rng.random(n) < 0.15), ACT["meeting"], activity)
    hours = rng.choice(CHUNKS, size=n)
    # a random capacity day of that agent inside the window (none: the chunk is dropped)
    cells = np.flatnonzero(day_capacity.ravel())
    first = np.searchsorted(cells, agent * n_days + lo)
    after = np.searchsorted(cells, agent * n_days + hi, side="right")
    room = np.maximum(after - first, 0)
    pick = first + np.minimum((rng.random(n) * room).astype(np.int64), np.maximum(room - 1, 0))
    keep = room > 0
    day = cells[np.minimum(pick, len(cells) - 1)] % n_days
    agent, project, day = agent[keep], project[keep], day[keep]
    hours, activity = hours[keep], activity[keep]
    # chunks of one day fit in the day's capacity (always at least one chunk)
    order = np.lexsort((rng.random(len(agent)), day, agent))
    agent, project, day = agent[order], project[order], day[order]
    hours, activity = hours[order], activity[order]
    key = agent * n_days + day
    total = np.cumsum(hours)
    start = np.concatenate([[True], key[1:] != key[:-1]])
    offset = np.maximum.accumulate(np.where(start, np.arange(len(key)), 0))
    within = total - total[offset] + hours[offset]
    keep = start | (within <= np.minimum(day_capacity.ravel()[key], MAX_CHUNK_HOURS))
    return {
        "agent": agent[keep], "project": project[keep], "day": day[keep],
        "hours": hours[keep], "activity": activity[keep],
    }


def _dense_sum(agent: np.ndarray, day: np.ndarray, values: np.ndarray, shape: tuple[int, int]
               ) -> np.ndarray:
    flat = np.bincount(agent * shape[1] + day, weights=values, minlength=shape[0] * shape[1])
    return flat.reshape(shape).astype(np.float32)


class _Weeks:
    """Sums and rescaling of (agent × day) matrices by ISO week (weeks start on Monday)."""

    def __init__(self, first_weekday: int, n_days: int) -> None:
        self.pad = first_weekday
        self.n_days = n_days
        self.count = (first_weekday + n_days + 6) // 7
        self.week = (np.arange(n_days) + first_weekday) // 7

    def total(self, matrix: np.ndarray) -> np.ndarray:
        """(agents × weeks) sums of an (agents × days) matrix."""
        padded = np.zeros((matrix.shape[0], self.count * 7), dtype=np.float64)
        padded[:, self.pad : self.pad + self.n_days] = matrix
        return padded.reshape(matrix.shape[0], self.count, 7).sum(axis=2)

    def rescale(
        self, ordinary: np.ndarray, fixed_w: np.ndarray, capacity_w: np.ndarray,
        goal: np.ndarray, days: np.ndarray, *, low: float, high: float,
    ) -> np.ndarray:
        """Scale each week's ordinary hours so that (ordinary + fixed) / capacity meets ``goal``.

        The factor is clipped to [low, high]; with ``high`` = 1 this only caps (never raises).
        Only ``days`` (a boolean mask over days) are changed.
        """
        ordinary_w = self.total(ordinary)
        with np.errstate(divide="ignore", invalid="ignore"):
            factor = (goal[None, :] * capacity_w - fixed_w) / ordinary_w
        factor = np.where((ordinary_w > 0) & (capacity_w > 0), factor, 1.0)
        if high <= 1.0:  # a cap: weeks already under the goal stay as they are
            factor = np.where(ordinary_w + fixed_w > goal[None, :] * capacity_w, factor, 1.0)
        factor = np.clip(factor, low, high)
        out = ordinary.copy()
        out[:, days] = ordinary[:, days] * factor[:, self.week[days]]
        return out


    def top_up(
        self, ordinary: np.ndarray, fixed_w: np.ndarray, capacity: np.ndarray, goal: float,
        days: np.ndarray,
    ) -> np.ndarray:
        """One agent's ordinary hours raised so that every week reaches ``goal`` × capacity.

        The missing hours of a week are spread evenly over its capacity days among ``days``.
        """
        one = ordinary[None, :]
        capacity_w = self.total(capacity[None, :])[0]
        deficit = np.maximum(goal * capacity_w - self.total(one)[0] - fixed_w, 0)
        open_days = (capacity > 0) & days
        count = np.bincount(self.week[open_days], minlength=self.count)
        share = np.where(count > 0, deficit / np.maximum(count, 1), 0.0)
        return ordinary + np.where(open_days, share[self.week], 0.0)


def _quarter(x: np.ndarray) -> np.ndarray:
    return np.rint(x * 4) / 4


def build_work(
    spec: ScaleSpec, tl: Timeline, staff: Staff, projects: Projects, events: Events,
    rng: np.random.Generator,
) -> EntryArrays:
    """Every time entry of the history (up to and including the as-of day)."""
    last = tl.n_days - 1
    n_agents, n_days = staff.weekly.shape
    shape = (n_agents, n_days)
    story = staff.story_agent
    working = tl.working_days()
    capacity_mask = (staff.weekly > 0) & ~staff.absent & working[None, :]
    capacity = np.where(capacity_mask, staff.weekly / 5, 0).astype(np.float32)

    evt, expected = _event_entries(tl, staff, projects, events, rng)
    chunks = _chunks(tl, projects, expected, capacity, rng)

    # daily aggregates of the fixed (project) work
    project_day = _dense_sum(chunks["agent"], chunks["day"], chunks["hours"], shape)
    on_workday = working[evt["day"]]
    evening = _dense_sum(evt["agent"][on_workday], evt["day"][on_workday],
                         evt["hours"][on_workday], shape)
    first_event = np.full(n_agents * n_days, 1440, dtype=np.int64)
    np.minimum.at(first_event, evt["agent"][on_workday] * n_days + evt["day"][on_workday],
                  evt["start"][on_workday])
    first_event = first_event.reshape(shape)

    # day start and lunch break
    jitter = rng.choice(np.array([-15, 0, 0, 15], dtype=np.int16), size=shape)
    day_start = staff.start_habit[:, None].astype(np.int16) + jitter
    early = rng.random(n_days) < 0.35
    day_start[story] = np.where(early, 465, 510)
    lunch = np.broadcast_to(staff.lunch_habit[:, None], shape)

    # target load of each agent-day
    part = staff.service_index(STORY_SERVICE_ID)
    base = np.array([SERVICE_BASE_LOAD.get(s, DEFAULT_BASE_LOAD) for s in staff.service_ids])
    ratio = rng.standard_normal(shape, dtype=np.float32) * np.float32(0.07)
    ratio += (base[staff.service_of] + rng.normal(0, 0.03, n_agents)).astype(np.float32)[:, None]
    years = tl.years_since_start(np.arange(n_days)).astype(np.float32)
    team = staff.service_of == part
    ratio[team] += (-0.06 + 0.012 * years)[None, :]
    ramp = np.arange(n_days) >= last - STORY_RAMP_DAYS + 1
    overload = np.arange(n_days) >= last - STORY_OVERLOAD_DAYS + 1
    ratio[story, ramp] += np.float32(1.0) - ratio[story, ramp].mean()
    ratio[story, overload] += np.float32(STORY_DAY_LOAD - 1.0)
    recovery = np.full(shape, RECOVERY, dtype=np.float32)
    recovery[story, ramp] = STORY_RECOVERY

    room = (first_event - 15 - day_start - lunch) / 60.0 - project_day  # before evening meetings
    ordinary = ratio * capacity - project_day - recovery * evening
    ordinary = np.clip(np.minimum(ordinary, np.where(first_event < 1440, room, 24.0)), 0, 11.0)
    del ratio, recovery, evening

    # every hour of project work per agent-day (weekends included) and per ISO week
    fixed = project_day + _dense_sum(evt["agent"], evt["day"], evt["hours"], shape)
    weeks = _Weeks(int(tl.weekday[tl.ext(0)]), n_days)
    fixed_w, capacity_w = weeks.total(fixed), weeks.total(capacity)
    # the participation team at saturation over the last three months: the story agent's excess
    # is balanced by the others working a little under capacity, week after week
    window = np.arange(n_days) > last - TEAM_WINDOW_DAYS
    members = np.flatnonzero(team)
    others = members[members != story]
    story_hours = (ordinary[story] + fixed[story])[window].sum()
    others_capacity = capacity[others][:, window].sum()
    if others_capacity > 0:
        target = (TEAM_TARGET_LOAD * capacity[members][:, window].sum() - story_hours)
        target /= others_capacity
        goal = np.full(weeks.count, target)
        ordinary[others] = weeks.rescale(ordinary[others], fixed_w[others], capacity_w[others],
                                         goal, window, low=0.3, high=1.6)
    # nobody else ever piles up overloaded weeks: heavy evening weeks are compensated by day
    calm = np.flatnonzero(np.arange(n_agents) != story)
    ordinary[calm] = weeks.rescale(ordinary[calm], fixed_w[calm], capacity_w[calm],
                                   np.full(weeks.count, CALM_MAX_LOAD), np.ones(n_days, bool),
                                   low=0.0, high=1.0)
    # the story agent: every week of the overload window well above 115 % of capacity
    overload_days = np.arange(n_days) > last - STORY_OVERLOAD_DAYS
    ordinary[story] = weeks.top_up(ordinary[story], fixed_w[story], capacity[story],
                                   STORY_WEEK_LOAD, overload_days)
    ordinary = np.minimum(ordinary, np.where(first_event < 1440, np.maximum(room, 0), 24.0))
    ordinary = _quarter(ordinary) * capacity_mask
    ordinary[ordinary < 0.5] = 0
    del room, fixed

    # split each day of ordinary work into blocks
    cell = np.flatnonzero(ordinary.ravel())
    total = ordinary.ravel()[cell]
    long_day = total >= 2.5
    expected_entries = spec.entries_per_day * capacity_mask.sum()
    known = len(chunks["agent"]) + len(evt["agent"]) + len(cell) + long_day.sum()
    p_third = float(np.clip((expected_entries - known) / max(long_day.sum(), 1), 0, 1))
    third = long_day & (rng.random(len(cell)) < p_third)
    morning = np.where(long_day, _quarter(total * rng.uniform(0.42, 0.56, len(cell))), total)
    rest = total - morning
    piece = np.where(third, _quarter(rest * rng.uniform(0.3, 0.7, len(cell))), rest)
    third &= (piece >= 0.25) & (rest - piece >= 0.25)
    piece = np.where(third, piece, rest)

    d_cell = np.concatenate([cell, cell[long_day], cell[third],
                             chunks["agent"] * n_days + chunks["day"]])
    d_hours = np.concatenate([morning, piece[long_day], (rest - piece)[third], chunks["hours"]])
    d_order = np.concatenate([
        np.zeros(len(cell)), np.full(long_day.sum(), 8), np.full(third.sum(), 9),
        rng.integers(1, 8, len(chunks["agent"])),
    ]).astype(np.int64)
    n_ordinary = len(cell) + long_day.sum() + third.sum()
    d_project = np.concatenate([np.full(n_ordinary, -1), chunks["project"]])
    d_activity = np.concatenate([np.full(n_ordinary, ACT["ordinary"]), chunks["activity"]])
    del cell, total, morning, rest, piece

    # lay the day out: start, morning block, lunch, then the rest back to back
    order = np.argsort(d_cell * 16 + d_order, kind="stable")
    d_cell, d_hours = d_cell[order], d_hours[order]
    d_project, d_activity = d_project[order], d_activity[order]
    minutes = np.rint(d_hours * 60).astype(np.int64)
    first = np.concatenate([[True], d_cell[1:] != d_cell[:-1]])
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(d_cell)), 0))
    before = np.cumsum(minutes) - minutes
    before -= before[group_start]
    start = day_start.ravel()[d_cell] + before + np.where(first, 0, lunch.ravel()[d_cell])
    # a day that would run into its evening meeting starts earlier instead
    starts = np.flatnonzero(first)
    day_end = np.maximum.reduceat(start + minutes, starts)
    clash = np.maximum(day_end - (first_event.ravel()[d_cell[starts]] - 15), 0)
    start -= np.minimum(clash, day_start.ravel()[d_cell[starts]] - 360)[np.cumsum(first) - 1]
    d_agent, d_day = d_cell // n_days, d_cell % n_days
    untimed = staff.untimed[d_agent]
    end = np.where(untimed, -1, start + minutes)
    start = np.where(untimed, -1, start)

    agent = np.concatenate([evt["agent"], d_agent])
    day = np.concatenate([evt["day"], d_day])
    start_all = np.concatenate([evt["start"], start])
    end_all = np.concatenate([evt["end"], end])
    clock = np.where(start_all >= 0, start_all, -10) + 16  # untimed first, then by start
    order = np.argsort((agent.astype(np.int64) * n_days + day) * 2048 + clock, kind="stable")
    return EntryArrays(
        agent=agent[order].astype(np.int32),
        project=np.concatenate([evt["project"], d_project])[order].astype(np.int32),
        day=day[order].astype(np.int32),
        start=start_all[order].astype(np.int16),
        end=end_all[order].astype(np.int16),
        hours=np.concatenate([evt["hours"], d_hours])[order].astype(np.float64),
        activity=np.concatenate([evt["activity"], d_activity])[order].astype(np.int8),
    )
