"""Staff of the demo town: services, agents, contracts (capacity history) and absences.

Patterns generated on purpose:

* **Positions and turnover**: each service has a fixed number of posts (the headcount on the as-of
  day). A post's holder leaves now and then (about 3.5 % a year) and is replaced after a vacancy of
  two weeks to three months, so some agents join and others leave in the middle of the history. The
  participation team also *grew*: some of its posts were created during the history.
* **Part time and contract changes**: most contracts are 35 h a week; some are 80 % (28 h), 90 %,
  70 % or 50 % (17.5 h); about a fifth of agents change once or twice (a move to 80 % after a birth,
  a return to full time...). The older row ends the day before the new one starts; the current row is
  open-ended (or ends on the departure date).
* **Absences**: annual leave in a few blocks a year (two or three summer weeks, often Christmas, a
  spring and an autumn week, a few bridge days), some sickness (mostly short, sometimes long) and a
  few training days. Leave and training already booked for the next three months are included.
* **The story agent**: the first post of the participation team is held by one agent all along, on
  a full-time contract, who took no absence during the last twelve weeks (see ``work.py`` for the
  overload).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.demo.catalogue import (
    FIRST_NAMES,
    LAST_NAMES,
    SERVICES,
    STORY_SERVICE_ID,
    TECH_SERVICE_IDS,
    ScaleSpec,
)
from analytics.demo.timeline import Timeline
from analytics.schema import ABSENCE_KINDS

OPEN_END = 10**7
"""Tenure end of an agent still in post (an index far after any date used)."""
TURNOVER_PER_YEAR = 0.035
STORY_QUIET_DAYS = 84
"""The story agent takes no absence during the last twelve weeks before the as-of day."""
PLANNED_ABSENCE_DAYS = 90
"""Leave and training already booked up to this many days after the as-of day are included."""

_WEEKLY_CHOICES = np.array([35.0, 28.0, 31.5, 17.5, 24.5])
_WEEKLY_WEIGHTS = np.array([0.74, 0.12, 0.05, 0.07, 0.02])


@dataclass
class Staff:
    """Agents and their capacity, as canonical frames plus dense (agent × day) matrices."""

    services: pd.DataFrame
    agents: pd.DataFrame
    contracts: pd.DataFrame
    absences: pd.DataFrame
    service_ids: list[str]
    service_of: np.ndarray
    """Service index of each agent."""
    tenure_start: np.ndarray
    tenure_end: np.ndarray
    """First and last day (inclusive) of each agent in post; ``OPEN_END`` when still there."""
    weekly: np.ndarray = field(repr=False)
    """float32 (agents × history days): weekly hours of the contract valid that day, 0 outside."""
    absent: np.ndarray = field(repr=False)
    """bool (agents × history days): inside an absence."""
    start_habit: np.ndarray
    """Usual start of the working day, in minutes after midnight."""
    lunch_habit: np.ndarray
    """Usual lunch break, in minutes."""
    untimed: np.ndarray
    """True for agents who declare durations only (no clock times) for their daytime work."""
    story_agent: int

    def service_index(self, service_id: str) -> int:
        """Index of a service id."""
        return self.service_ids.index(service_id)

    def available(self) -> np.ndarray:
        """bool (agents × history days): under contract and not absent (may work that day)."""
        return (self.weekly > 0) & ~self.absent


def _allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """Integers proportional to ``weights`` summing exactly to ``total`` (largest remainders)."""
    raw = weights / weights.sum() * total
    base = np.floor(raw).astype(np.int64)
    order = np.argsort(-(raw - base), kind="stable")
    base[order[: total - base.sum()]] += 1
    return base


def _positions(spec: ScaleSpec, tl: Timeline, rng: np.random.Generator) -> list[tuple[int, int, int]]:
    """Holders of every post: (service index, first day, last day or OPEN_END), ordered by post."""
    weights = np.array([w for _, _, w in SERVICES[: spec.services]], dtype=np.float64)
    counts = np.maximum(_allocate(spec.agents, weights), 2)
    part = [sid for sid, _, _ in SERVICES].index(STORY_SERVICE_ID)
    n_days = tl.n_days
    holders: list[tuple[int, int, int]] = []
    for service, count in enumerate(counts):
        for post in range(int(count)):
            story_post = service == part and post == 0
            if service == part and post >= max(4, int(count * 0.6)):
                created = int(n_days * rng.uniform(0.2, 0.8))  # the team grew with participation
            elif not story_post and rng.random() < 0.06:
                created = int(n_days * rng.uniform(0.05, 0.9))
            else:
                created = -int(rng.integers(30, 20 * 365))
            switches = 0 if story_post else int(rng.poisson(TURNOVER_PER_YEAR * spec.years))
            lo = max(created, 0) + 60
            days = np.sort(rng.integers(lo, n_days - 120, size=switches)) if lo < n_days - 120 else []
            begin = created
            for day in days:
                if day <= begin + 60:
                    continue
                holders.append((service, begin, int(day)))
                begin = int(day) + int(rng.integers(14, 91))
            holders.append((service, begin, OPEN_END))
    return holders


def _names(count: int, rng: np.random.Generator) -> list[str]:
    """Plausible, invented French names (unique while the grid of first × last names allows)."""
    grid = len(FIRST_NAMES) * len(LAST_NAMES)
    picks = rng.choice(grid, size=count, replace=count > grid)
    return [f"{FIRST_NAMES[p // len(LAST_NAMES)]} {LAST_NAMES[p % len(LAST_NAMES)]}" for p in picks]


def _contracts(
    tenure_start: np.ndarray, tenure_end: np.ndarray, story: int, tl: Timeline,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Contract rows (agent, valid_from, valid_to or -1 for open, weekly hours)."""
    n_agents = len(tenure_start)
    n_days = tl.n_days
    rows_a: list[int] = []
    rows_from: list[int] = []
    rows_to: list[int] = []
    rows_h: list[float] = []
    base = rng.choice(_WEEKLY_CHOICES, size=n_agents, p=_WEEKLY_WEIGHTS)
    base[story] = 35.0
    for agent in range(n_agents):
        start, end = int(tenure_start[agent]), int(tenure_end[agent])
        last = min(end, n_days - 1)
        lo = max(start, 0) + 90
        changes: list[int] = []
        if agent != story and last - lo > 365 and rng.random() < 0.22:
            count = 2 if rng.random() < 0.3 else 1
            changes = sorted({int(d) for d in rng.integers(lo, last - 30, size=count)})
        hours = float(base[agent])
        begin = start
        for day in changes:
            rows_a.append(agent)
            rows_from.append(begin)
            rows_to.append(day - 1)
            rows_h.append(hours)
            if hours == 35.0:
                hours = float(rng.choice([28.0, 31.5, 17.5], p=[0.6, 0.3, 0.1]))
            else:
                hours = 35.0 if rng.random() < 0.8 else (31.5 if hours == 28.0 else 28.0)
            begin = day
        rows_a.append(agent)
        rows_from.append(begin)
        rows_to.append(-1 if end == OPEN_END else end)
        rows_h.append(hours)
    return np.array(rows_a), np.array(rows_from), np.array(rows_to), np.array(rows_h)


def _mondays(tl: Timeline, idx: np.ndarray) -> np.ndarray:
    """The Monday on or after each day index."""
    wd = tl.weekday[tl.ext(idx)]
    return idx + (-wd.astype(np.int64)) % 7


def _absences(
    tenure_start: np.ndarray, tenure_end: np.ndarray, story: int, tl: Timeline,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Absence intervals (agent, first day, last day, kind index), without overlaps."""
    years = np.arange(tl.start.year, tl.as_of.year + 1)
    agent = np.repeat(np.arange(len(tenure_start)), len(years))
    year = np.tile(years, len(tenure_start))
    n = len(agent)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []

    def block(mask: np.ndarray, month: int, spread: int, lengths: np.ndarray) -> None:
        first = tl.date_index(year[mask], month, 1 + rng.integers(0, spread, size=mask.sum()))
        first = _mondays(tl, first)
        parts.append((agent[mask], first, first + lengths[mask], 0))

    weeks = np.where(rng.random(n) < 0.55, 2, 3)
    block(np.ones(n, dtype=bool), 7, 40, weeks * 7 - 3)  # summer: two or three weeks
    block(rng.random(n) < 0.65, 12, 4, np.where(rng.random(n) < 0.5, 4, 11))  # Christmas
    block(rng.random(n) < 0.55, 4, 25, np.full(n, 4))  # spring week
    block(rng.random(n) < 0.45, 10, 14, np.full(n, 4))  # autumn week
    # bridge days
    k = rng.poisson(1.5, size=n)
    a, y = np.repeat(agent, k), np.repeat(year, k)
    day = tl.date_index(y, 1, 1) + rng.integers(0, 365, size=len(a))
    day = tl.next_matching(day, (tl.weekday < 5) & ~tl.holiday)
    parts.append((a, day, day, 0))
    # sickness: mostly short, sometimes long
    k = rng.poisson(0.8, size=n)
    a, y = np.repeat(agent, k), np.repeat(year, k)
    day = tl.date_index(y, 1, 1) + rng.integers(0, 365, size=len(a))
    u = rng.random(len(a))
    length = np.where(
        u < 0.7, rng.integers(1, 6, len(a)),
        np.where(u < 0.95, rng.integers(6, 21, len(a)), rng.integers(30, 121, len(a))),
    )
    parts.append((a, day, day + length - 1, 1))
    # training: one to three days
    k = rng.poisson(0.9, size=n)
    a, y = np.repeat(agent, k), np.repeat(year, k)
    day = tl.date_index(y, 1, 1) + rng.integers(0, 365, size=len(a))
    day = tl.next_matching(day, np.isin(tl.weekday, (1, 2)) & ~tl.holiday)
    parts.append((a, day, day + rng.integers(0, 3, len(a)), 2))

    ag = np.concatenate([p[0] for p in parts])
    st = np.concatenate([p[1] for p in parts]).astype(np.int64)
    en = np.concatenate([p[2] for p in parts]).astype(np.int64)
    kind = np.concatenate([np.full(len(p[0]), p[3]) for p in parts])
    st = np.maximum(st, tenure_start[ag])
    en = np.minimum(en, tenure_end[ag])
    last = tl.n_days - 1
    keep = (st <= en) & (en >= 0)
    keep &= np.where(kind == 1, st <= last, st <= last + PLANNED_ABSENCE_DAYS)
    keep &= ~((ag == story) & (en >= last - STORY_QUIET_DAYS) & (st <= last))
    ag, st, en, kind = ag[keep], st[keep], en[keep], kind[keep]
    # drop any interval overlapping an earlier one of the same agent (leave wins at equal start)
    order = np.lexsort((kind, st, ag))
    ag, st, en, kind = ag[order], st[order], en[order], kind[order]
    big = 10**8
    running = np.maximum.accumulate(en + ag * big)
    previous = np.concatenate([[-1], running[:-1]])
    keep = st + ag * big > previous
    return ag[keep], st[keep], en[keep], kind[keep]


def _dense(
    n_agents: int, n_days: int, agent: np.ndarray, first: np.ndarray, last: np.ndarray,
    value: np.ndarray,
) -> np.ndarray:
    """Sum of ``value`` over the intervals covering each (agent, day), via a difference array."""
    lo = np.clip(first, 0, n_days)
    hi = np.clip(last + 1, 0, n_days)
    ok = lo < hi
    diff = np.zeros((n_agents, n_days + 1), dtype=np.int32)
    np.add.at(diff, (agent[ok], lo[ok]), value[ok])
    np.add.at(diff, (agent[ok], hi[ok]), -value[ok])
    return np.cumsum(diff[:, :n_days], axis=1, dtype=np.int32)


def build_staff(spec: ScaleSpec, tl: Timeline, rng: np.random.Generator) -> Staff:
    """Services, agents, contracts and absences of the demo town."""
    services = SERVICES[: spec.services]
    service_ids = [sid for sid, _, _ in services]
    holders = _positions(spec, tl, rng)
    service_of = np.array([h[0] for h in holders], dtype=np.int64)
    tenure_start = np.array([h[1] for h in holders], dtype=np.int64)
    tenure_end = np.array([h[2] for h in holders], dtype=np.int64)
    n_agents = len(holders)
    story = int(np.flatnonzero(service_of == service_ids.index(STORY_SERVICE_ID))[0])
    width = max(4, len(str(n_agents)))
    agent_ids = np.array([f"A{i + 1:0{width}d}" for i in range(n_agents)], dtype=object)
    agents = pd.DataFrame({
        "agent_id": pd.Series(agent_ids, dtype="str"),
        "agent_name": pd.Series(_names(n_agents, rng), dtype="str"),
        "service_id": pd.Series(np.array(service_ids, dtype=object)[service_of], dtype="str"),
    })

    c_agent, c_from, c_to, c_hours = _contracts(tenure_start, tenure_end, story, tl, rng)
    contracts = pd.DataFrame({
        "agent_id": pd.Series(agent_ids[c_agent], dtype="str"),
        "valid_from": tl.dates(c_from),
        "valid_to": np.where(c_to >= 0, tl.dates(np.maximum(c_to, 0)), np.datetime64("NaT")),
        "weekly_hours": c_hours.astype(np.float64),
    })
    contracts["valid_to"] = contracts["valid_to"].astype("datetime64[us]")
    weekly2 = _dense(
        n_agents, tl.n_days, c_agent, c_from, np.where(c_to >= 0, c_to, OPEN_END),
        np.rint(c_hours * 2).astype(np.int32),
    )
    weekly = (weekly2 / 2).astype(np.float32)

    a_agent, a_first, a_last, a_kind = _absences(tenure_start, tenure_end, story, tl, rng)
    absences = pd.DataFrame({
        "agent_id": pd.Series(agent_ids[a_agent], dtype="str"),
        "start_date": tl.dates(a_first),
        "end_date": tl.dates(a_last),
        "absence_kind": pd.Series(np.array(ABSENCE_KINDS, dtype=object)[a_kind], dtype="str"),
    })
    absent = _dense(n_agents, tl.n_days, a_agent, a_first, a_last, np.ones(len(a_agent), np.int32))

    field_services = [service_ids.index(s) for s in (*TECH_SERVICE_IDS, "SVC-EDUC", "SVC-SPORT")
                      if s in service_ids]
    untimed = np.isin(service_of, field_services) & (rng.random(n_agents) < 0.12)
    start_habit = rng.choice([450, 465, 480, 495, 510, 525, 540], size=n_agents,
                             p=[0.08, 0.12, 0.2, 0.18, 0.2, 0.12, 0.1])
    start_habit[story] = 510
    lunch_habit = rng.choice([45, 60, 75, 90], size=n_agents, p=[0.3, 0.4, 0.2, 0.1])
    lunch_habit[story] = 45
    return Staff(
        services=pd.DataFrame({
            "service_id": pd.Series(service_ids, dtype="str"),
            "service_name": pd.Series([name for _, name, _ in services], dtype="str"),
        }),
        agents=agents,
        contracts=contracts,
        absences=absences,
        service_ids=service_ids,
        service_of=service_of,
        tenure_start=tenure_start,
        tenure_end=tenure_end,
        weekly=weekly,
        absent=absent > 0,
        start_habit=start_habit.astype(np.int64),
        lunch_habit=lunch_habit.astype(np.int64),
        untimed=untimed,
        story_agent=story,
    )
