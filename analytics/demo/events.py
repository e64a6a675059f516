"""Events (rendez-vous) of the participatory projects, and their milestones (cailloux blancs).

Patterns generated on purpose:

* **Events by level**: information projects hold one or two evening public meetings (sometimes a
  permanence, a forum or a quartier festivity); consultations add evening or Saturday workshops, a
  diagnostic walk, a forum and a public restitution; coproductions add workshops, Saturday chantiers
  (site work) and an inauguration festivity, some ending after midnight. Meetings and workshops are
  mostly on Monday–Thursday evenings, never on public holidays nor in early August. Festivities and
  some forums only record an ``attendees_count``. Events of active and planned projects are
  scheduled up to four months ahead.
* **The story**: during the last ten weeks the three story projects of the participation team meet
  on Tuesday and Thursday evenings (and on the as-of day when it is another weekday) and hold a
  chantier every other Saturday.
* **Milestones**: two to five cailloux blancs per consultation, three to six per coproduction (the
  first step always first: launch, convention signature), sometimes one for an information project;
  only those already achieved on the as-of day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

import numpy as np
import pandas as pd

from analytics.demo.catalogue import CENTRE, MILESTONE_TITLES, QUARTIERS, ScaleSpec
from analytics.demo.projects import CONSULT, COPRO, INFO, NONE, Projects
from analytics.demo.timeline import Timeline
from analytics.schema import EVENT_KINDS, LEVELS, PROJECT_STATUSES

EVENT_HORIZON_DAYS = 120
STORY_WINDOW_WEEKS = 10

K = {kind: i for i, kind in enumerate(EVENT_KINDS)}
EVENING, WEEKDAY, SATURDAY, FRI_SAT = 0, 1, 2, 3
# kind -> ((day type, start minute, duration minutes, weight), ...)
SLOTS: dict[str, tuple[tuple[int, int, int, float], ...]] = {
    "public_meeting": ((EVENING, 1080, 120, 0.3), (EVENING, 1110, 150, 0.5),
                       (EVENING, 1140, 120, 0.2)),
    "workshop": ((EVENING, 1080, 120, 0.5), (EVENING, 1110, 150, 0.35),
                 (SATURDAY, 570, 150, 0.15)),
    "site_work": ((SATURDAY, 540, 210, 0.6), (SATURDAY, 540, 420, 0.4)),
    "forum": ((SATURDAY, 600, 360, 0.5), (SATURDAY, 840, 240, 0.5)),
    "walk": ((SATURDAY, 600, 120, 0.6), (EVENING, 1050, 120, 0.4)),
    "permanence": ((WEEKDAY, 990, 120, 0.75), (SATURDAY, 600, 120, 0.25)),
    "festivity": ((FRI_SAT, 1080, 270, 0.3), (FRI_SAT, 1110, 270, 0.25),
                  (FRI_SAT, 1140, 270, 0.15), (FRI_SAT, 1110, 330, 0.15),
                  (FRI_SAT, 1140, 360, 0.15)),
}


@dataclass
class Events:
    """The events table plus integer columns for the other generators (same row order)."""

    frame: pd.DataFrame
    day: np.ndarray
    start_min: np.ndarray
    dur_min: np.ndarray
    kind: np.ndarray
    project: np.ndarray
    quartier: np.ndarray
    count_only: np.ndarray


def _plan(level: int, theme: str, rng: np.random.Generator) -> list[tuple[str, float]]:
    """The events of a project: (kind, position in the project span from 0 to 1)."""
    plan: list[tuple[str, float]] = []
    if level == INFO:
        plan.append(("public_meeting", 0.1))
        if rng.random() < 0.4:
            plan.append(("public_meeting", 0.6))
        if rng.random() < 0.3:
            plan.append(("permanence", rng.uniform(0.2, 0.8)))
        if theme in ("culture", "solidarité") and rng.random() < 0.5:
            plan.append(("festivity", 0.95))
        if rng.random() < 0.12:
            plan.append(("forum", 0.5))
    elif level == CONSULT:
        plan.append(("public_meeting", 0.05))
        plan += [("workshop", u) for u in rng.uniform(0.15, 0.8, int(rng.integers(2, 6)))]
        if rng.random() < 0.5:
            plan.append(("walk", rng.uniform(0.1, 0.4)))
        if rng.random() < 0.25:
            plan.append(("forum", rng.uniform(0.4, 0.7)))
        if rng.random() < 0.65:
            plan.append(("public_meeting", 0.95))
    elif level == COPRO:
        plan.append(("public_meeting", 0.03))
        plan += [("workshop", u) for u in rng.uniform(0.05, 0.35, int(rng.integers(2, 5)))]
        plan += [("site_work", u) for u in rng.uniform(0.3, 0.95, int(rng.integers(3, 11)))]
        if rng.random() < 0.3:
            plan.append(("permanence", rng.uniform(0.2, 0.9)))
        if rng.random() < 0.85:
            plan.append(("festivity", 1.0))
    return plan


def _story_events(tl: Timeline, projects: Projects) -> list[tuple[int, int, str, int, int, int]]:
    """Evening meetings of the story projects over the last ten weeks (and on the as-of day).

    Returns (project, day, kind, day type, start minute, duration minutes).
    """
    last = tl.n_days - 1
    story = [int(p) for p in np.flatnonzero(projects.story)]
    garden = next(p for p in story if projects.level[p] == COPRO)
    budget, traffic = sorted(
        (p for p in story if projects.level[p] == CONSULT), key=lambda p: int(projects.start[p])
    )
    out: list[tuple[int, int, str, int, int, int]] = []
    weekday = int(tl.weekday[tl.ext(last)])
    monday = last - weekday
    for week in range(STORY_WINDOW_WEEKS):
        mon = monday - 7 * week
        for offset, project, kind, start, dur in (
            (1, budget, "workshop" if week % 2 else "public_meeting", 1110, 150),
            (3, traffic if week % 2 else garden, "workshop", 1080, 150),
        ):
            day = mon + offset
            if bool(tl.holiday[tl.ext(day)]):
                day += 1
            if day <= last:
                out.append((project, day, kind, EVENING, start, dur))
        if week % 2 == 0 and mon + 5 <= last:
            out.append((garden, mon + 5, "site_work", SATURDAY, 540, 240))
    if weekday < 5 and weekday not in (1, 3) and not bool(tl.holiday[tl.ext(last)]):
        out.append((budget, last, "workshop", EVENING, 1110, 150))
    return out


def build_events(spec: ScaleSpec, tl: Timeline, projects: Projects,
                 rng: np.random.Generator) -> Events:
    """The events of every staffed participatory project, from its plan, snapped to real days."""
    last = tl.n_days - 1
    q_weights = np.array([s for _, s, _ in QUARTIERS[: spec.quartiers]])
    q_weights = q_weights / q_weights.sum()
    centre = [q for q, _, _ in QUARTIERS].index(CENTRE)
    proj: list[int] = []
    day: list[int] = []
    kinds: list[str] = []
    dtype: list[int] = []
    start_min: list[int] = []
    dur: list[int] = []
    staffed = [PROJECT_STATUSES.index(s) for s in ("done", "active", "planned")]
    for p in range(len(projects.level)):
        if projects.level[p] == NONE or projects.status[p] not in staffed:
            continue
        span = projects.end[p] - projects.start[p]
        for kind, position in _plan(int(projects.level[p]), projects.theme[p], rng):
            slots = SLOTS[kind]
            weights = np.array([s[3] for s in slots])
            slot = slots[int(rng.choice(len(slots), p=weights / weights.sum()))]
            proj.append(p)
            day.append(int(projects.start[p] + round(position * span)))
            kinds.append(kind)
            dtype.append(slot[0])
            start_min.append(slot[1])
            dur.append(slot[2])
    day_arr = np.array(day, dtype=np.int64)
    dtype_arr = np.array(dtype)
    allowed = {
        EVENING: tl.allowed_days((0, 1, 2, 3)),
        WEEKDAY: tl.allowed_days((0, 1, 2, 3, 4)),
        SATURDAY: tl.allowed_days((5,)),
        FRI_SAT: tl.allowed_days((4, 5), avoid_august=False),
    }
    for code, flags in allowed.items():
        mask = dtype_arr == code
        day_arr[mask] = tl.next_matching(day_arr[mask], flags)
    for project, d, kind, code, start, duration in _story_events(tl, projects):
        proj.append(project)
        day_arr = np.append(day_arr, d)
        kinds.append(kind)
        start_min.append(start)
        dur.append(duration)
        dtype_arr = np.append(dtype_arr, code)
    proj_arr = np.array(proj, dtype=np.int64)
    kind_arr = np.array([K[k] for k in kinds], dtype=np.int64)
    start_arr = np.array(start_min, dtype=np.int64)
    dur_arr = np.array(dur, dtype=np.int64)
    keep = (day_arr >= 0) & (day_arr <= last + EVENT_HORIZON_DAYS)
    proj_arr, day_arr, kind_arr = proj_arr[keep], day_arr[keep], kind_arr[keep]
    start_arr, dur_arr = start_arr[keep], dur_arr[keep]
    order = np.lexsort((proj_arr, start_arr, day_arr))
    proj_arr, day_arr, kind_arr = proj_arr[order], day_arr[order], kind_arr[order]
    start_arr, dur_arr = start_arr[order], dur_arr[order]
    n = len(day_arr)

    quartier = projects.quartier[proj_arr].copy()
    central = np.isin(kind_arr, [K["public_meeting"], K["forum"], K["festivity"]])
    wide = projects.perimeter[proj_arr] != 0
    roaming = wide & ~central
    quartier[wide & central] = centre
    quartier[roaming] = rng.choice(len(q_weights), size=int(roaming.sum()), p=q_weights)

    count_only = (kind_arr == K["festivity"]) | ((kind_arr == K["forum"]) & (rng.random(n) < 0.5))
    size = np.where(kind_arr == K["festivity"], 250.0, 150.0) * np.where(wide, 1.5, 0.6)
    counts = np.rint(rng.gamma(4.0, size / 4.0)).astype(np.int64) + 20
    has_count = count_only & (day_arr <= last)
    width = max(5, len(str(n)))
    end_min = (start_arr + dur_arr) % 1440
    times = _time_objects()
    frame = pd.DataFrame({
        "event_id": pd.Series([f"EV{i + 1:0{width}d}" for i in range(n)], dtype="str"),
        "project_id": pd.Series(projects.project_ids[proj_arr], dtype="str"),
        "event_date": tl.dates(day_arr),
        "start_time": times[start_arr],
        "end_time": times[end_min],
        "event_kind": pd.Series(np.array(EVENT_KINDS, dtype=object)[kind_arr], dtype="str"),
        "quartier": pd.Series(
            np.array([q for q, _, _ in QUARTIERS], dtype=object)[quartier], dtype="str"
        ),
        "attendees_count": pd.arrays.IntegerArray(
            np.where(has_count, counts, 0).astype(np.int32), mask=~has_count
        ),
    })
    return Events(
        frame=frame, day=day_arr, start_min=start_arr, dur_min=dur_arr, kind=kind_arr,
        project=proj_arr, quartier=quartier, count_only=count_only,
    )


def _time_objects() -> np.ndarray:
    """datetime.time of every minute of the day (index 1440 gives None)."""
    return np.array([time(m // 60, m % 60) for m in range(1440)] + [None], dtype=object)


def build_milestones(tl: Timeline, projects: Projects, rng: np.random.Generator) -> pd.DataFrame:
    """A few cailloux blancs per consultation and coproduction (sometimes one for information)."""
    last = tl.n_days - 1
    rows: list[tuple[int, int, str]] = []
    started = [PROJECT_STATUSES.index(s) for s in ("done", "active")]
    for p in range(len(projects.level)):
        level = int(projects.level[p])
        if level == NONE or projects.status[p] not in started:
            continue
        titles = MILESTONE_TITLES[LEVELS[level]]
        if level == INFO:
            if rng.random() >= 0.3:
                continue
            chosen = np.array([int(rng.integers(len(titles)))])
        else:
            count = int(rng.integers(2, 6) if level == CONSULT else rng.integers(3, 7))
            later = rng.choice(np.arange(1, len(titles)), size=count - 1, replace=False)
            chosen = np.concatenate([[0], np.sort(later)])  # always starts with the first step
        span = projects.end[p] - projects.start[p]
        days = projects.start[p] + np.sort(
            np.rint(rng.uniform(0.02, 1.0, size=len(chosen)) * span)
        ).astype(np.int64)
        for d, title in zip(days, chosen, strict=True):
            if d <= last:
                rows.append((int(d), p, titles[int(title)]))
    rows.sort(key=lambda r: (r[0], r[1]))
    width = max(4, len(str(len(rows))))
    day = np.array([r[0] for r in rows], dtype=np.int64)
    return pd.DataFrame({
        "milestone_id": pd.Series([f"M{i + 1:0{width}d}" for i in range(len(rows))], dtype="str"),
        "project_id": pd.Series(projects.project_ids[[r[1] for r in rows]], dtype="str"),
        "achieved_on": tl.dates(day),
        "title": pd.Series([r[2] for r in rows], dtype="str"),
    })
