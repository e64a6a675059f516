"""Agents, projects and services named in files, matched to the store or created; residents' pseudonyms.

Agents are found by id, then by e-mail (an agent created from an e-mail has it as id), then by name
(accents, case and spacing ignored), then by a name that differs only by punctuation or dashes
("Jean-Marie Dupont" is "Jean Marie Dupont"; such pairs are listed in the import summary); unknown
ones are created (id = e-mail, else a slug of the name) and listed in the import summary so that
their service and contract can be completed on the Data page. Projects and services likewise by id,
then by name.

Residents never reach the store by name or e-mail: :func:`participant_ids` replaces each identity by
the keyed pseudonym of :func:`analytics.privacy.pseudonym`; values that already are pseudonyms are
kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

import duckdb
import numpy as np
import pandas as pd

from analytics.privacy import PSEUDONYM_PREFIX, normalise_identifier, pseudonym

ANONYMOUS_AGENT: Final[str] = "agent-non-precise"
"""Agent of time entries from exports that name nobody (e.g. a Clockify summary report)."""
ANONYMOUS_AGENT_NAME: Final[str] = "Agent non précisé"
ANONYMOUS_PARTICIPANT: Final[str] = "p_anonymous_group"
"""Participant standing for an unnamed group (volunteer shifts counted, not named)."""
_PSEUDONYM: Final[re.Pattern[str]] = re.compile(rf"^{PSEUDONYM_PREFIX}[0-9a-f]{{24}}$")


def slug(text: str) -> str:
    """``"Réunion publique (Nord)"`` → ``"reunion-publique-nord"``."""
    ligatures = {"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"}
    ascii_text = normalise_identifier("".join(ligatures.get(ch, ch) for ch in text))
    return re.sub(r"[^a-z0-9@._]+", "-", ascii_text).strip("-") or "sans-nom"


@dataclass
class Created:
    """Rows created by resolution, to insert with the file's rows."""

    ids: list[str] = field(default_factory=list)
    names: list[str | None] = field(default_factory=list)
    same_as: list[tuple[str, str]] = field(default_factory=list)
    """(name in the file, known name) read as the same entity: they differ only by punctuation."""

    def add(self, new_id: str, name: str | None) -> None:
        """Remember one created entity."""
        self.ids.append(new_id)
        self.names.append(name)

    def labels(self) -> list[str]:
        """'name (id)' for the summary."""
        return [f"{name} ({new_id})" if name and name != new_id else new_id
                for new_id, name in zip(self.ids, self.names, strict=True)]


def _key(text: object) -> str:
    return normalise_identifier(str(text)) if isinstance(text, str) and text.strip() else ""


class Directory:
    """Known entities of one kind (id → name), with lookups by id and by normalised name."""

    def __init__(self, rows: list[tuple[str, str | None]], prefix: str) -> None:
        self.ids: dict[str, str] = {}
        self._named: list[tuple[str, str]] = []
        """(id, name) of the entities with a name: the name lookups are built on first need (a
        file that gives ids never pays for normalising the names of a city's projects)."""
        self._names: dict[str, str] | None = None
        self._slugs: dict[str, tuple[str, str]] | None = None
        self.prefix = prefix
        for entity_id, name in rows:
            self._remember(entity_id, name)

    @property
    def names(self) -> dict[str, str]:
        """Normalised name → id."""
        if self._names is None:
            self._names = {}
            for entity_id, name in self._named:
                self._names.setdefault(_key(name), entity_id)
        return self._names

    @property
    def slugs(self) -> dict[str, tuple[str, str]]:
        """Slug of a name → (id, name as known)."""
        if self._slugs is None:
            self._slugs = {}
            for entity_id, name in self._named:
                self._slugs.setdefault(slug(name), (entity_id, name))
        return self._slugs

    def _remember(self, entity_id: str, name: str | None) -> None:
        self.ids.setdefault(entity_id.lower(), entity_id)
        if name:
            self._named.append((entity_id, name))
            if self._names is not None:
                self._names.setdefault(_key(name), entity_id)
            if self._slugs is not None:
                self._slugs.setdefault(slug(name), (entity_id, name))

    def find(self, entity_id: str, email: str, name: str) -> str | None:
        """The known id matching the id, the e-mail or the name (in that order)."""
        for candidate in (entity_id, email):
            if candidate and candidate.lower() in self.ids:
                return self.ids[candidate.lower()]
        if name and _key(name) in self.names:
            return self.names[_key(name)]
        return None

    def similar(self, name: str) -> tuple[str, str] | None:
        """(id, known name) of the entity whose name differs from ``name`` only by punctuation,
        dashes, accents or case."""
        return self.slugs.get(slug(name)) if name else None

    def create(self, entity_id: str, email: str, name: str, created: Created) -> str:
        """A new id (given id, else e-mail, else a unique slug of the name); remembered."""
        new_id = entity_id or email.lower() or slug(name)
        base, counter = new_id, 2
        while new_id.lower() in self.ids and not entity_id:
            new_id, counter = f"{base}-{counter}", counter + 1
        display = name or (email.split("@")[0] if email else None)
        self._remember(new_id, display)
        created.add(new_id, display)
        return new_id


def _directory(cur: duckdb.DuckDBPyConnection, sql: str, prefix: str) -> Directory:
    return Directory([(str(a), b) for a, b in cur.execute(sql).fetchall()], prefix)


def distinct_keys(
    size: int, *columns: pd.Series | None
) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """(code of each of ``size`` rows, distinct tuples) of several text columns taken together.

    ``None`` stands for a column the file does not have (read as '' everywhere).
    """
    combined = np.zeros(size, dtype=np.int64)
    texts: list[pd.Series | None] = []
    for column in columns:
        if column is None:
            texts.append(None)
            continue
        text = column.fillna("").astype("str").reset_index(drop=True)
        texts.append(text)
        codes, uniques = pd.factorize(text)
        if len(uniques) > 1:
            combined, _ = pd.factorize(combined * len(uniques) + codes)
    first = pd.Series(combined).drop_duplicates().index.to_numpy()
    tuples = [tuple("" if t is None else str(t.iloc[i]) for t in texts) for i in first]
    return combined, tuples


def _resolve(
    directory: Directory, ids: pd.Series | None, emails: pd.Series | None,
    names: pd.Series | None, size: int,
    fallback: str | None = None, fallback_name: str | None = None,
) -> tuple[pd.Series, Created]:
    """Resolve each row's (id, e-mail, name) to an id; empty rows get ``fallback`` (or None)."""
    codes, uniques = distinct_keys(size, ids, emails, names)
    created = Created()
    resolved: list[str | None] = []
    for entity_id, email, name in uniques:
        if not (entity_id or email or name):
            if fallback is None:
                resolved.append(None)
                continue
            entity_id, name = fallback, fallback_name or fallback
        found = directory.find(entity_id, email, name)
        if found is None and not entity_id and not email and (similar := directory.similar(name)):
            found = similar[0]
            created.same_as.append((name, similar[1]))
        resolved.append(found or directory.create(entity_id, email, name, created))
    texts = pd.array(resolved, dtype="str")
    return pd.Series(texts.take(codes) if len(codes) else texts[:0]), created


def resolve_agents(
    cur: duckdb.DuckDBPyConnection, ids: pd.Series | None, emails: pd.Series | None,
    names: pd.Series | None, size: int, anonymous: bool = False,
) -> tuple[pd.Series, Created]:
    """Agent id of each row (created when unknown); rows naming nobody get the anonymous agent
    when ``anonymous``, else None."""
    directory = _directory(cur, "SELECT agent_id, agent_name FROM agents", "agent")
    return _resolve(
        directory, ids, emails, names, size,
        ANONYMOUS_AGENT if anonymous else None, ANONYMOUS_AGENT_NAME,
    )


def resolve_projects(
    cur: duckdb.DuckDBPyConnection, ids: pd.Series | None, names: pd.Series | None, size: int,
) -> tuple[pd.Series, Created]:
    """Project id of each row by id or name (created when unknown); None when both are empty."""
    directory = _directory(cur, "SELECT project_id, project_name FROM projects", "project")
    return _resolve(directory, ids, None, names, size)


def resolve_services(
    cur: duckdb.DuckDBPyConnection, ids: pd.Series | None, names: pd.Series | None, size: int,
) -> tuple[pd.Series, Created]:
    """Service id of each row by id or name (created when unknown); None when both are empty."""
    directory = _directory(cur, "SELECT service_id, service_name FROM services", "service")
    return _resolve(directory, ids, None, names, size)


def participant_ids(
    secret: Callable[[], bytes], ids: pd.Series | None, emails: pd.Series | None,
    names: pd.Series | None, size: int,
) -> pd.Series:
    """Pseudonym of each row's resident (e-mail preferred, then id, then name); missing when none.

    Values that already are pseudonyms (``p_`` + 24 hex digits) are kept as they are.
    """
    codes, uniques = distinct_keys(size, ids, emails, names)
    key: bytes | None = None
    result: list[str | None] = []
    for given_id, email, name in uniques:
        if given_id and (_PSEUDONYM.match(given_id) or given_id == ANONYMOUS_PARTICIPANT):
            result.append(given_id)
            continue
        identity = email or given_id or name
        if not identity:
            result.append(None)
            continue
        key = key or secret()
        result.append(pseudonym(key, identity))
    texts = pd.array(result, dtype="str")
    return pd.Series(texts.take(codes) if len(codes) else texts[:0])
