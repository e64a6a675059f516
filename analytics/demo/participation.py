"""Residents: participants and attendances, the census reference, and requests (sollicitations).

Patterns generated on purpose:

* **Same people, many one-timers**: every participant first comes to some event as a newcomer;
  most never come back, the others join a pool of regulars whose activity is heavy-tailed (Pareto
  weights): the top 10 % of a year's participants make close to half of its attendances.
* **Eroding public meetings, growing coproduction**: the expected turnout of a public meeting falls
  by about 7 % a year, while Saturday chantiers gather more volunteers every year (and coproduction
  projects multiply, see projects.py).
* **Volunteer erosion**: volunteers stay engaged for a while then lapse; later cohorts lapse sooner
  (mean engagement from 5.5 years for the first cohort down to about a year), so cohort survival
  decreases. A few long-standing volunteers show fatigue: their no-show rate rises in the
  eighteen months before they drop out (some are still active on the as-of day: at-risk signal).
* **Representativeness**: people take part in proportion to their quartier's population times a
  propensity; 'Cité 11' has a very low propensity (and thinner turnout at its own events), so its
  participation rate is far below the other quartiers'. Participants are older than the census.
* **Participants are pseudonyms**: ``participant_id`` = ``privacy.pseudonym(secret,
  "resident-<n>")`` with a secret derived from the seed, as an import would store them.
* **Requests grow with participation**: a base stream growing 7 % a year plus requests born from
  participatory projects (few for information, more for consultation, most for coproduction); the
  time to close them lengthens over the years and the recent ones are still open (backlog).
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.demo.catalogue import (
    PARTICIPANT_AGE_SHARES,
    POPULATION_AGE_SHARES,
    PROJECT_REQUEST_CHANNEL_WEIGHTS,
    QUARTIERS,
    REQUEST_CHANNEL_WEIGHTS,
    REQUEST_TOPICS,
    THEME_TOPICS,
    ScaleSpec,
)
from analytics.demo.events import Events
from analytics.demo.people import _allocate
from analytics.demo.projects import CONSULT, COPRO, INFO, NONE, Projects
from analytics.demo.timeline import Timeline
from analytics.privacy import pseudonym
from analytics.schema import (
    AGE_BANDS,
    ATTENDANCE_STATUSES,
    EVENT_KINDS,
    PROJECT_STATUSES,
    REQUEST_CHANNELS,
    ROLES,
)

RESIDENT, VOLUNTEER, ASSOCIATION = 0, 1, 2
_K = {kind: i for i, kind in enumerate(EVENT_KINDS)}
_KINDS = len(EVENT_KINDS)


def _by_kind(values: dict[str, float], default: float = 0.0) -> np.ndarray:
    return np.array([values.get(kind, default) for kind in EVENT_KINDS])


BASE_SIZE = _by_kind({"public_meeting": 40, "workshop": 14, "site_work": 7, "forum": 45,
                      "walk": 12, "permanence": 6})
"""Expected attendance of an event of each kind in the first year, before trends."""
NEW_SHARE = _by_kind({"public_meeting": 0.10, "workshop": 0.06, "site_work": 0.07, "forum": 0.18,
                      "walk": 0.12, "permanence": 0.15})
"""Expected share of first-timers among an event's attendees."""
NO_SHOW = _by_kind({"workshop": 0.05, "site_work": 0.06, "walk": 0.05, "permanence": 0.02})
"""No-show rate of registered regulars (public meetings take no registration)."""
KIND_AFFINITY = np.log(np.array([
    _by_kind({"public_meeting": 1.5, "workshop": 1.0, "site_work": 0.3, "forum": 1.0}, 1.0),
    _by_kind({"public_meeting": 0.6, "workshop": 1.5, "site_work": 5.0, "permanence": 0.5}, 1.0),
    _by_kind({"public_meeting": 1.5, "workshop": 1.2, "forum": 3.0, "permanence": 1.5}, 1.0),
]))
RETURN_P = np.array([0.35, 0.65, 0.80])
LIFETIME_YEARS = np.array([3.5, 0.0, 6.0])  # volunteers: see _volunteer_years
PARETO_ALPHA = 1.2
PUBLIC_MEETING_DECAY = 0.93
FATIGUE_DAYS = 540
QUARTIER_AFFINITY = np.log(4.0)


def _volunteer_years(t: np.ndarray) -> np.ndarray:
    """Mean engagement of a volunteer who first came ``t`` years into the history."""
    return np.maximum(1.0, 5.5 - 0.5 * t)


def demo_secret(seed: int) -> bytes:
    """The fixed pseudonymisation key of the demo town of ``seed`` (not a real secret)."""
    return hashlib.sha256(f"participation-demo-town:{seed}".encode()).digest()


@dataclass
class _Pool:
    """Participants created so far (arrays grow by ``add``)."""

    quartier: np.ndarray
    age: np.ndarray
    ptype: np.ndarray
    log_w: np.ndarray
    arrival: np.ndarray
    departure: np.ndarray
    fatigued: np.ndarray
    size: int = 0

    @classmethod
    def empty(cls, capacity: int) -> _Pool:
        return cls(
            quartier=np.zeros(capacity, np.int64), age=np.zeros(capacity, np.int64),
            ptype=np.zeros(capacity, np.int64), log_w=np.zeros(capacity),
            arrival=np.zeros(capacity, np.int64), departure=np.zeros(capacity, np.int64),
            fatigued=np.zeros(capacity, bool),
        )

    def add(self, **values: np.ndarray) -> np.ndarray:
        count = len(values["quartier"])
        idx = np.arange(self.size, self.size + count)
        for name, value in values.items():
            getattr(self, name)[idx] = value
        self.size += count
        return idx


def _newcomers(
    pool: _Pool, u: np.ndarray, day: int, kind: int, copro: bool, q_cum: np.ndarray,
    t: float, last: int,
) -> np.ndarray:
    """Create first-timers from uniforms ``u`` (one row each); returns their indexes."""
    quartier = np.searchsorted(q_cum, u[:, 0] * q_cum[-1], side="right")
    if kind == _K["site_work"]:
        cut = (0.15, 0.95)
    elif copro and kind == _K["workshop"]:
        cut = (0.60, 0.90)
    else:
        cut = (0.87, 0.95)
    ptype = np.where(u[:, 1] < cut[0], RESIDENT, np.where(u[:, 1] < cut[1], VOLUNTEER, ASSOCIATION))
    age = np.searchsorted(np.cumsum(PARTICIPANT_AGE_SHARES), u[:, 2], side="right")
    age = np.minimum(age, len(AGE_BANDS) - 1)
    weight = np.minimum((1 - u[:, 3]) ** (-1 / PARETO_ALPHA), 40.0)
    weight *= np.array([1.0, 1.5, 1.3])[ptype]
    returns = u[:, 4] < RETURN_P[ptype]
    years = np.where(ptype == VOLUNTEER, _volunteer_years(np.array(t)), LIFETIME_YEARS[ptype])
    departure = day + np.rint(-np.log1p(-u[:, 5]) * years * 365).astype(np.int64)
    volunteer = (ptype == VOLUNTEER) & returns
    at_risk = volunteer & (day <= last - 3 * 365) & (u[:, 6] < 0.05)
    fatigued = at_risk | (volunteer & (departure - day > 3 * 365) & (u[:, 6] > 0.8))
    departure = np.where(at_risk, last + 30 + np.rint(u[:, 7] * 210).astype(np.int64), departure)
    departure = np.where(returns, departure, day)
    return pool.add(quartier=quartier, age=age, ptype=ptype, log_w=np.log(weight),
                    arrival=np.full(len(u), day), departure=departure, fatigued=fatigued)


def build_participation(
    spec: ScaleSpec, tl: Timeline, projects: Projects, events: Events, seed: int,
    rng: np.random.Generator,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Participants and attendances of every past event that records people (not counts)."""
    last = tl.n_days - 1
    quartiers = QUARTIERS[: spec.quartiers]
    share = np.array([s for _, s, _ in quartiers])
    propensity = np.array([p for _, _, p in quartiers])
    base_q = share / share.sum() * propensity

    todo = np.flatnonzero((events.day <= last) & ~events.count_only)
    day = events.day[todo]
    kind = events.kind[todo]
    project = events.project[todo]
    t = tl.years_since_start(day)
    perimeter = projects.perimeter[project]
    copro = projects.level[project] == COPRO
    quartier = events.quartier[todo]
    size = BASE_SIZE[kind] * np.array([0.85, 1.25, 1.1])[perimeter]
    size *= np.where(kind == _K["public_meeting"], PUBLIC_MEETING_DECAY ** t, 1.0)
    size *= np.where(kind == _K["site_work"], 1 + 0.15 * t, 1.0)
    size *= np.where(copro & (kind == _K["workshop"]), 1 + 0.06 * t, 1.0)
    size *= 0.35 + 0.65 * np.minimum(propensity[np.minimum(quartier, len(quartiers) - 1)], 1.2)
    n_people = np.maximum(2, rng.poisson(size * rng.gamma(6.0, 1 / 6.0, len(todo))))
    n_new = rng.binomial(n_people, NEW_SHARE[kind])

    initial = max(20, round(spec.inhabitants * 0.035))
    pool = _Pool.empty(initial + int(n_people.sum()))
    u0 = rng.random((initial, 8))
    u0[:, 4] = 0.0  # the initial regulars all come back
    # regulars already engaged before the history (a third of them volunteers)
    _newcomers(pool, u0, -1, _K["workshop"], True, np.cumsum(base_q), 0.0, last)

    fresh = rng.random((int(n_people.sum()), 8))
    used = 0
    parts: dict[str, list[np.ndarray]] = {k: [] for k in ("event", "who", "status", "role", "hours")}
    block = -1
    candidates = np.zeros(0, np.int64)
    for i, e in enumerate(todo):
        d, k = int(day[i]), int(kind[i])
        if d // 30 != block:
            block = d // 30
            n = pool.size
            candidates = np.flatnonzero(
                (pool.arrival[:n] < (block + 1) * 30) & (pool.departure[:n] >= block * 30)
            )
        c = candidates[(pool.arrival[candidates] < d) & (pool.departure[candidates] >= d)]
        n_regular = min(int(n_people[i] - n_new[i]), len(c))
        if n_regular > 0:
            keys = pool.log_w[c] + KIND_AFFINITY[pool.ptype[c], k] + rng.gumbel(size=len(c))
            if perimeter[i] == 0:
                keys += QUARTIER_AFFINITY * (pool.quartier[c] == quartier[i])
            if n_regular < len(c):
                c = c[np.argpartition(-keys, n_regular - 1)[:n_regular]]
            regulars = np.sort(c)
        else:
            regulars = np.zeros(0, np.int64)
        count = int(n_people[i]) - len(regulars)
        q_weights = base_q.copy()
        if perimeter[i] == 0:
            q_weights[quartier[i]] *= 5
        new = _newcomers(pool, fresh[used : used + count], d, k, bool(copro[i]),
                         np.cumsum(q_weights), float(t[i]), last)
        used += count
        candidates = np.concatenate([candidates, new[pool.departure[new] > d]])
        who = np.concatenate([regulars, new])
        p_no_show = np.full(len(who), NO_SHOW[k])
        tired = pool.fatigued[who] & (d > pool.departure[who] - FATIGUE_DAYS)
        ramp = (d - (pool.departure[who] - FATIGUE_DAYS)) / FATIGUE_DAYS
        p_no_show = np.where(tired, 0.05 + 0.45 * np.clip(ramp, 0, 1), p_no_show)
        p_no_show[len(regulars):] = 0.0
        no_show = rng.random(len(who)) < p_no_show
        ptype = pool.ptype[who]
        role = np.where(
            ptype == ASSOCIATION, 2,
            np.where((k == _K["site_work"]) | ((ptype == VOLUNTEER) & copro[i]), 1, 0),
        )
        hours = np.full(len(who), np.nan)
        if k == _K["site_work"]:
            worked = events.dur_min[e] / 60 - rng.choice([0.0, 0.5, 1.0], size=len(who))
            hours = np.where((role == 1) & ~no_show, np.maximum(1.0, np.rint(worked * 2) / 2),
                             np.nan)
        parts["event"].append(np.full(len(who), e))
        parts["who"].append(who)
        parts["status"].append(no_show.astype(np.int64))
        parts["role"].append(role)
        parts["hours"].append(hours)

    cat = {name: np.concatenate(values) for name, values in parts.items()}
    present = np.unique(cat["who"])
    renumber = np.full(pool.size, -1)
    renumber[present] = np.arange(len(present))
    secret = demo_secret(seed)
    ids = np.array([pseudonym(secret, f"resident-{n + 1}") for n in range(len(present))],
                   dtype=object)
    names = np.array([q for q, _, _ in quartiers], dtype=object)
    participants = pd.DataFrame({
        "participant_id": pd.Series(ids, dtype="str"),
        "quartier": pd.Series(names[pool.quartier[present]], dtype="str"),
        "age_band": pd.Series(np.array(AGE_BANDS, dtype=object)[pool.age[present]], dtype="str"),
    })
    attendances = pd.DataFrame({
        "event_id": pd.Series(events.frame["event_id"].to_numpy(dtype=object)[cat["event"]],
                              dtype="str"),
        "participant_id": pd.Series(ids[renumber[cat["who"]]], dtype="str"),
        "role": pd.Series(np.array(ROLES, dtype=object)[cat["role"]], dtype="str"),
        "status": pd.Series(np.array(ATTENDANCE_STATUSES, dtype=object)[cat["status"]],
                            dtype="str"),
        "hours": cat["hours"].astype(np.float64),
    })
    return participants, attendances


def build_population(spec: ScaleSpec) -> pd.DataFrame:
    """Census reference: inhabitants by quartier and by INSEE age band (each sums to the total)."""
    quartiers = QUARTIERS[: spec.quartiers]
    by_q = _allocate(spec.inhabitants, np.array([s for _, s, _ in quartiers]))
    by_age = _allocate(spec.inhabitants, np.array(POPULATION_AGE_SHARES))
    return pd.DataFrame({
        "dimension": pd.Series(["quartier"] * len(by_q) + ["age_band"] * len(by_age), dtype="str"),
        "category": pd.Series([q for q, _, _ in quartiers] + list(AGE_BANDS), dtype="str"),
        "population": np.concatenate([by_q, by_age]).astype(np.int32),
    })


def build_requests(
    spec: ScaleSpec, tl: Timeline, projects: Projects, service_ids: list[str],
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Residents' requests: a growing base stream plus requests born from participatory projects."""
    last = tl.n_days - 1
    quartiers = QUARTIERS[: spec.quartiers]
    q_share = np.array([s for _, s, _ in quartiers])
    q_share = q_share / q_share.sum()
    topics = list(REQUEST_TOPICS)
    topic_p = np.array([w for _, w in REQUEST_TOPICS.values()])
    topic_p = topic_p / topic_p.sum()

    # base stream, growing 7 % a year
    edges = np.append(np.arange(0, last + 1, 365), last + 1)
    days: list[np.ndarray] = []
    for lo, hi in itertools.pairwise(edges):
        mean = spec.requests_per_year * 1.07 ** (lo / 365.25) * (hi - lo) / 365
        days.append(rng.integers(lo, hi, size=rng.poisson(mean)))
    base_day = np.concatenate(days)
    n_base = len(base_day)
    base_topic = rng.choice(len(topics), size=n_base, p=topic_p)

    # requests born from participatory projects
    started = np.isin(projects.status, [PROJECT_STATUSES.index(s) for s in ("done", "active")])
    born_rate = np.select([projects.level == INFO, projects.level == CONSULT,
                           projects.level == COPRO], [1.0, 4.0, 7.0], 0.0)
    born_rate *= np.array([1.0, 1.6, 1.2])[projects.perimeter] * started * (projects.level != NONE)
    count = rng.poisson(born_rate)
    owner = np.repeat(np.arange(len(count)), count)
    lo = np.maximum(projects.start[owner], 0)
    hi = np.minimum(projects.end[owner] + 120, last)
    born_day = lo + np.rint(rng.random(len(owner)) * np.maximum(hi - lo, 0)).astype(np.int64)
    keep = (born_day <= last) & (hi >= lo)
    owner, born_day = owner[keep], born_day[keep]
    born_topic = np.array([
        topics.index(str(rng.choice(THEME_TOPICS.get(projects.theme[p], ("voirie",)))))
        for p in owner
    ], dtype=np.int64)

    received = np.concatenate([base_day, born_day])
    topic = np.concatenate([base_topic, born_topic])
    project = np.concatenate([np.full(n_base, -1), owner])
    n = len(received)
    channel = np.concatenate([
        rng.choice(len(REQUEST_CHANNELS), size=n_base, p=REQUEST_CHANNEL_WEIGHTS),
        rng.choice(len(REQUEST_CHANNELS), size=len(owner), p=PROJECT_REQUEST_CHANNEL_WEIGHTS),
    ])
    quartier = rng.choice(len(quartiers), size=n, p=q_share)
    from_quartier = (project >= 0) & (projects.perimeter[np.maximum(project, 0)] == 0)
    quartier = np.where(from_quartier, projects.quartier[np.maximum(project, 0)], quartier)
    topic_service = np.array([service_ids.index(REQUEST_TOPICS[t][0])
                              if REQUEST_TOPICS[t][0] in service_ids else 0 for t in topics])
    service = np.where(project >= 0, projects.service[np.maximum(project, 0)],
                       topic_service[topic])

    # time to answer: lengthening over the years; not yet closed = backlog
    median = 12 * 1.09 ** tl.years_since_start(received)
    delay = np.rint(median * rng.lognormal(0, 0.9, n)).astype(np.int64)
    stuck = rng.random(n) < 0.02  # forgotten in a drawer: months, sometimes years
    delay = np.where(stuck, rng.integers(150, 1100, n), delay)
    closed = received + delay
    is_closed = closed <= last
    declined = rng.random(n) < 0.08
    status = np.where(is_closed, np.where(declined, "declined", "closed"),
                      np.where((last - received < 30) | (rng.random(n) < 0.4), "open",
                               "in_progress"))

    order = np.lexsort((topic, received))
    width = max(5, len(str(n)))
    closed_on = pd.Series(tl.dates(np.where(is_closed, closed, 0)))
    closed_on[~is_closed] = pd.NaT
    project_ids = np.append(projects.project_ids, None).astype(object)
    frame = pd.DataFrame({
        "request_id": [f"R{i + 1:0{width}d}" for i in range(n)],
        "received_on": tl.dates(received[order]),
        "closed_on": closed_on.to_numpy()[order],
        "channel": np.array(REQUEST_CHANNELS, dtype=object)[channel[order]],
        "topic": np.array(topics, dtype=object)[topic[order]],
        "quartier": np.array([q for q, _, _ in quartiers], dtype=object)[quartier[order]],
        "service_id": np.array(service_ids, dtype=object)[service[order]],
        "project_id": project_ids[project[order]],
        "status": status[order].astype(object),
    })
    for column in ("request_id", "channel", "topic", "quartier", "service_id", "project_id",
                   "status"):
        frame[column] = frame[column].astype("str")
    frame["closed_on"] = frame["closed_on"].astype("datetime64[us]")
    return frame
