"""Projects: ten years of them, at every level, with their staff (events are in events.py).

Patterns generated on purpose:

* **Ten years of projects** of the three levels and both initiatives. Information and consultation
  projects keep a steady pace; coproduction ("Fifty-Fifty" conventions, more often asked for by
  residents) doubles over the decade. About a fifth of the projects are ordinary,
  non-participatory work (level NULL: road works, school renovation...). Past projects are
  ``done``, recent ones ``active``; a few ``planned`` projects start in the coming weeks (with
  ``planned_hours``), a dozen ``proposed`` candidates wait for arbitration (``priority`` 1–10,
  ``planned_hours``) and a few were ``declined``.
* **Effort by level**: each project has a target staff effort drawn around a median of about 60
  hours (information), 250 (consultation) and 900 (coproduction) as recorded, with a wide spread, so
  the town's own history teaches the cost of each level. ``planned_hours`` tend to underestimate it.
* **Staff**: a lead agent of the lead service, sometimes colleagues, an agent of the participation
  team on most participatory projects, technical agents on coproductions (chantiers).
* **The story**: three projects of the participation team are running on the as-of day (a
  participatory budget, a Fifty-Fifty garden in Cité 5, a traffic-plan consultation); the story
  agent leads or supports them and, with some probability, the other participatory projects of the
  last six months.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.demo.catalogue import (
    CENTRE,
    LEVEL_PREFIX,
    NOT_COPRODUCED,
    ORDINARY_PROJECTS,
    QUARTIERS,
    STORY_SERVICE_ID,
    TECH_SERVICE_IDS,
    THEME_SHARES,
    THEMES,
    ScaleSpec,
)
from analytics.demo.people import Staff
from analytics.demo.timeline import Timeline
from analytics.schema import INITIATIVES, LEVELS, PERIMETERS, PROJECT_STATUSES

NONE = -1
INFO, CONSULT, COPRO = 0, 1, 2
LEAD, COLLEAGUE, PART, TECH = 0, 1, 2, 3
ROLE_WEIGHTS = np.array([0.45, 0.15, 0.25, 0.12])
"""Share of a project's preparation/follow-up chunks taken by each staff role."""

MEDIAN_HOURS = {NONE: 200.0, INFO: 66.0, CONSULT: 320.0, COPRO: 1250.0}
"""Median target effort; about 10–20 % of it is lost to absences and busy days, so the recorded
medians come out near 60 / 250 / 900 hours."""
DURATION_DAYS = {NONE: (60, 540), INFO: (20, 90), CONSULT: (90, 270), COPRO: (180, 720)}
PERIMETER_P = {
    NONE: (0.40, 0.55, 0.05), INFO: (0.45, 0.50, 0.05), CONSULT: (0.55, 0.40, 0.05),
    COPRO: (0.85, 0.13, 0.02),
}
PERIMETER_HOURS = np.array([0.9, 1.25, 1.4])
RESIDENTS_P = {NONE: 0.05, INFO: 0.15, CONSULT: 0.35, COPRO: 0.60}


@dataclass
class Projects:
    """The projects table plus what the other generators need to know about each project."""

    frame: pd.DataFrame
    level: np.ndarray
    status: np.ndarray
    start: np.ndarray
    end: np.ndarray
    quartier: np.ndarray
    perimeter: np.ndarray
    service: np.ndarray
    theme: list[str]
    target_hours: np.ndarray
    staff: list[np.ndarray]
    staff_role: list[np.ndarray]
    story: np.ndarray

    @property
    def project_ids(self) -> np.ndarray:
        """project_id of each project index."""
        return self.frame["project_id"].to_numpy(dtype=object)

def _pick(rng: np.random.Generator, weights: dict[str, float]) -> str:
    keys = list(weights)
    p = np.array([weights[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


class _Draft:
    """Projects being drafted (columns as lists), before sorting and numbering."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, **row: object) -> None:
        self.rows.append(row)


def _place(perimeter: int, quartier: int, names: list[str]) -> str:
    return (names[quartier], "toute la commune", "intercommunalité")[perimeter]


def _draft_project(
    draft: _Draft, rng: np.random.Generator, tl: Timeline, level: int, start: int, end: int,
    status: str, q_names: list[str], q_weights: np.ndarray, service_ids: list[str],
    **fixed: object,
) -> None:
    """Draft one project with random theme, lead service, perimeter and effort unless ``fixed``."""
    perimeter = int(fixed.get("perimeter", rng.choice(3, p=PERIMETER_P[level])))
    quartier = int(fixed.get("quartier", rng.choice(len(q_names), p=q_weights)))
    if perimeter != 0:
        quartier = q_names.index(CENTRE)
    if level == NONE:
        name, service, theme = ORDINARY_PROJECTS[int(rng.integers(len(ORDINARY_PROJECTS)))]
        if service not in service_ids:
            service = "SVC-TECH"
        label = name
    else:
        theme = str(fixed.get("theme", _pick(rng, THEME_SHARES)))
        leads, bases = THEMES[theme]
        candidates = [s for s in leads if s in service_ids]
        service = STORY_SERVICE_ID if rng.random() < 0.35 else str(rng.choice(candidates))
        service = str(fixed.get("service", service))
        if level == COPRO:
            bases = tuple(b for b in bases if b not in NOT_COPRODUCED) or bases
        label = LEVEL_PREFIX[LEVELS[level]] + str(fixed.get("base", rng.choice(bases)))
    year = int(tl.years(np.array([start]))[0])
    target = MEDIAN_HOURS[level] * float(rng.lognormal(0.0, 0.55)) * PERIMETER_HOURS[perimeter]
    target = float(fixed.get("target", target))
    planned = (
        np.nan if level == NONE else round(target * float(rng.lognormal(-0.35, 0.25)) / 5) * 5
    )  # estimates tend to be optimistic
    priority = np.nan if status in ("done", "active") else float(rng.integers(1, 11))
    initiative = int(fixed.get("initiative", rng.random() < RESIDENTS_P[level]))
    draft.add(
        name=f"{label} — {_place(perimeter, quartier, q_names)} ({year})", theme=theme,
        service=service_ids.index(service), level=level, initiative=initiative,
        perimeter=perimeter, status=status, start=start, end=end, planned=planned,
        priority=priority, quartier=quartier, target=target, story=bool(fixed.get("story", False)),
    )


def _intensity(level: int, years: np.ndarray) -> np.ndarray:
    """Projects started per year at town scale: coproduction grows, the others stay steady."""
    if level == NONE:
        return np.full_like(years, 6.0)
    if level == INFO:
        return np.full_like(years, 9.0)
    if level == CONSULT:
        return 8.0 * (1 + 0.02 * years)
    return 3.5 + 0.7 * years


def _staff_for(
    rng: np.random.Generator, staff: Staff, service: int, level: int, start: int, end: int,
    story_active: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Agents working on a project and their roles (lead, colleagues, participation team, techs)."""
    last = len(staff.weekly[0]) - 1
    mid = int(np.clip((start + end) // 2, 0, last))
    lo, hi = max(start, 0), min(end, last)

    def alive(services: list[int]) -> np.ndarray:
        pool = np.flatnonzero(np.isin(staff.service_of, services))
        now = pool[(staff.tenure_start[pool] <= mid) & (staff.tenure_end[pool] >= mid)]
        if len(now) == 0:
            now = pool[(staff.tenure_start[pool] <= hi) & (staff.tenure_end[pool] >= lo)]
        return now if len(now) else pool

    part = staff.service_index(STORY_SERVICE_ID)
    agents: list[int] = []
    roles: list[int] = []
    team = alive([service])
    lead = staff.story_agent if story_active and service == part else int(rng.choice(team))
    agents.append(lead)
    roles.append(LEAD)
    others = team[team != lead]
    n_col = min(len(others), int(rng.choice(3, p=[0.4, 0.4, 0.2])))
    for agent in rng.choice(others, size=n_col, replace=False) if n_col else []:
        agents.append(int(agent))
        roles.append(COLLEAGUE)
    if level != NONE and service != part and (story_active or rng.random() < 0.85):
        support = staff.story_agent if story_active else int(rng.choice(alive([part])))
        agents.append(support)
        roles.append(PART)
    if level == COPRO:
        techs = alive([staff.service_index(s) for s in TECH_SERVICE_IDS
                       if s in staff.service_ids])
        n_tech = min(len(techs), int(rng.integers(1, 3)))
        for agent in rng.choice(techs, size=n_tech, replace=False):
            if int(agent) not in agents:
                agents.append(int(agent))
                roles.append(TECH)
    return np.array(agents, dtype=np.int64), np.array(roles, dtype=np.int64)


def build_projects(spec: ScaleSpec, tl: Timeline, staff: Staff, rng: np.random.Generator) -> Projects:
    """All projects (past, active, planned, proposed, declined) with their staff."""
    q_names = [q for q, _, _ in QUARTIERS[: spec.quartiers]]
    q_weights = np.array([s for _, s, _ in QUARTIERS[: spec.quartiers]])
    q_weights = q_weights / q_weights.sum()
    last = tl.n_days - 1
    scale = spec.projects_per_year / 30.0
    draft = _Draft()
    common = {"q_names": q_names, "q_weights": q_weights, "service_ids": staff.service_ids}
    edges = np.arange(-180, last + 1, 365)
    edges = np.append(edges, last + 1)
    for level in (NONE, INFO, CONSULT, COPRO):
        for lo, hi in itertools.pairwise(edges):
            years = tl.years_since_start(np.array([(lo + hi) / 2]))
            count = rng.poisson(_intensity(level, years)[0] * scale * (hi - lo) / 365)
            for start in np.sort(rng.integers(lo, hi, size=count)):
                low, high = DURATION_DAYS[level]
                end = int(start + rng.integers(low, high + 1))
                if end < 30:
                    continue
                status = "done" if end <= last else "active"
                _draft_project(draft, rng, tl, level, int(start), end, status, **common)
    # the story: three running projects of the participation team
    centre, cite5 = q_names.index(CENTRE), q_names.index("Cité 5")
    for level, base, theme, service, perimeter, quartier, begin, finish, target, initiative in (
        (CONSULT, "Budget participatif", "cadre de vie", STORY_SERVICE_ID, 1, centre, 150, 75,
         420.0, 0),
        (COPRO, "Jardin partagé", "environnement", STORY_SERVICE_ID, 0, cite5, 240, 120, 1100.0, 1),
        (CONSULT, "Plan de circulation", "mobilité", "SVC-URBA", 0, centre, 110, 40, 300.0, 0),
    ):
        _draft_project(
            draft, rng, tl, level, last - begin, last + finish, "active", **common, base=base,
            theme=theme, service=service, perimeter=perimeter, quartier=quartier, target=target,
            initiative=initiative, story=True,
        )
    levels_p = [0.25, 0.40, 0.35]
    for _ in range(spec.planned_projects):
        level = int(rng.choice(3, p=levels_p))
        start = last + int(rng.integers(7, 85))
        low, high = DURATION_DAYS[level]
        _draft_project(draft, rng, tl, level, start, start + int(rng.integers(low, high + 1)),
                       "planned", **common)
    for _ in range(spec.proposed_projects):
        level = int(rng.choice(3, p=levels_p))
        start = last + int(rng.integers(30, 271))
        low, high = DURATION_DAYS[level]
        _draft_project(draft, rng, tl, level, start, start + int(rng.integers(low, high + 1)),
                       "proposed", **common, initiative=int(rng.random() < 0.6))
    for _ in range(spec.declined_projects):
        level = int(rng.choice(3, p=levels_p))
        start = int(rng.integers(0, last - 30))
        low, high = DURATION_DAYS[level]
        _draft_project(draft, rng, tl, level, start, start + int(rng.integers(low, high + 1)),
                       "declined", **common)

    rows = sorted(draft.rows, key=lambda r: int(r["start"]))  # type: ignore[call-overload]
    n = len(rows)
    col = {key: [r[key] for r in rows] for key in rows[0]}
    width = max(4, len(str(n)))
    ids = [f"P{i + 1:0{width}d}" for i in range(n)]
    level = np.array(col["level"], dtype=np.int64)
    start = np.array(col["start"], dtype=np.int64)
    end = np.array(col["end"], dtype=np.int64)
    status = np.array([PROJECT_STATUSES.index(str(s)) for s in col["status"]])
    service = np.array(col["service"], dtype=np.int64)
    story = np.array(col["story"], dtype=bool)
    frame = pd.DataFrame({
        "project_id": pd.Series(ids, dtype="str"),
        "project_name": pd.Series(col["name"], dtype="str"),
        "theme": pd.Series(col["theme"], dtype="str"),
        "service_id": pd.Series(np.array(staff.service_ids, dtype=object)[service], dtype="str"),
        "level": pd.Series([LEVELS[lv] if lv >= 0 else None for lv in level], dtype="str"),
        "initiative": pd.Series([INITIATIVES[int(i)] for i in col["initiative"]], dtype="str"),
        "perimeter": pd.Series([PERIMETERS[int(p)] for p in col["perimeter"]], dtype="str"),
        "status": pd.Series([PROJECT_STATUSES[s] for s in status], dtype="str"),
        "start_date": tl.dates(start),
        "end_date": tl.dates(end),
        "planned_hours": np.array(col["planned"], dtype=np.float64),
        "priority": np.array(col["priority"], dtype=np.float64),
    })
    staffed = np.isin(status, [PROJECT_STATUSES.index(s) for s in ("done", "active", "planned")])
    members: list[np.ndarray] = []
    roles: list[np.ndarray] = []
    for p in range(n):
        if not staffed[p]:
            members.append(np.zeros(0, dtype=np.int64))
            roles.append(np.zeros(0, dtype=np.int64))
            continue
        story_active = story[p] or (
            level[p] != NONE and end[p] >= last - 180 and start[p] <= last and rng.random() < 0.2
        )
        agents, agent_roles = _staff_for(rng, staff, int(service[p]), int(level[p]),
                                         int(start[p]), int(end[p]), bool(story_active))
        members.append(agents)
        roles.append(agent_roles)
    return Projects(
        frame=frame, level=level, status=status, start=start, end=end,
        quartier=np.array(col["quartier"], dtype=np.int64),
        perimeter=np.array(col["perimeter"], dtype=np.int64), service=service,
        theme=[str(t) for t in col["theme"]], target_hours=np.array(col["target"]),
        staff=members, staff_role=roles, story=story,
    )
