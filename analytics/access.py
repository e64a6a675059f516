"""Who sees what: the four roles, the pages and the kinds of data each may see, and who has which role.

Roles (DESIGN.md, issue 8):

* ``direction`` — the director general of services and the management team: every page, agents by name,
  the audit log.
* ``elected`` — elected officials: overview, arbitration, engagement and methods; services, never
  individual agents; groups under the minimum size are suppressed.
* ``evaluator`` — evaluators: overview, engagement and methods; residents by pseudonym only; groups under
  the minimum size are suppressed.
* ``data_admin`` — whoever imports the files: the data page (imports, rejected rows, data health) and
  methods.

Decisions, kept here so that they are read in one place:

* ``methods`` is open to every role: it holds definitions and thresholds, never data, and knowing how a
  number is computed is part of being allowed to see it.
* ``data_admin`` does not get the overview: importing files is not reading the dashboard (least
  privilege), and the overview's tiles describe small teams (load, legal-limit findings per service).
  A data administrator who must also read the dashboard gets a second, explicit role mapping.
* ``data_admin`` sees import details (rejected rows, which agent lacks timesheets for which week):
  they hold the source files anyway and cannot chase missing timesheets without names.

The mapping of signed-in users to roles lives in a TOML file outside the repository
(:func:`roles_file`); see :func:`parse_role_map` for its format. A user the file does not name gets no
role, hence no page.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal, TypeGuard, get_args

from analytics.settings import ENV_PREFIX

Role = Literal["direction", "elected", "evaluator", "data_admin"]
ROLES: Final[tuple[Role, ...]] = get_args(Role)

PageId = Literal["overview", "capacity", "arbitration", "engagement", "data", "methods", "audit"]
PAGES: Final[tuple[PageId, ...]] = get_args(PageId)
"""Every page of the app, in navigation order; a page's file is ``pages/<id>.py``."""

ROLE_PAGES: Final[Mapping[Role, frozenset[PageId]]] = {
    "direction": frozenset(PAGES),
    "elected": frozenset({"overview", "arbitration", "engagement", "methods"}),
    "evaluator": frozenset({"overview", "engagement", "methods"}),
    "data_admin": frozenset({"data", "methods"}),
}
"""The pages each role may open (and the only ones registered in its navigation)."""

AGENT_VIEWERS: Final[frozenset[Role]] = frozenset({"direction"})
"""Roles that may receive rows about individual agents (names, agent ids, per-agent hours)."""
SMALL_GROUP_PROTECTED: Final[frozenset[Role]] = frozenset({"elected", "evaluator"})
"""Roles to whom no group under the minimum size is shown (counts suppressed, small groups merged)."""
PSEUDONYM_VIEWERS: Final[frozenset[Role]] = frozenset({"direction", "evaluator"})
"""Roles that may see rows about individual residents, by pseudonym (never names: none are stored)."""
IMPORTERS: Final[frozenset[Role]] = frozenset({"direction", "data_admin"})
"""Roles that may import files and read import details (rejected rows, per-agent data health)."""
AUDIT_READERS: Final[frozenset[Role]] = frozenset({"direction"})
"""Roles that may read the audit log."""

ROLES_FILE_ENV: Final[str] = ENV_PREFIX + "ROLES_FILE"
DEFAULT_GROUPS_CLAIM: Final[str] = "groups"
"""The claim of the identity token that carries group names, unless roles.toml says otherwise."""
UNSAFE_WRITE_BITS: Final[int] = stat.S_IWGRP | stat.S_IWOTH
"""A roles file writable by group or others could hand anyone the direction role: refused."""


def is_role(value: object) -> TypeGuard[Role]:
    """Whether ``value`` is one of the four role codes."""
    return isinstance(value, str) and value in ROLES


class AccessDenied(Exception):
    """A request for data or a page that the role may not have.

    Raised on the server side by loaders and pages (:func:`require_role`); the message is for the log,
    the page shows a translated text.
    """

    def __init__(self, role: Role | None, allowed: Iterable[Role], what: str = "") -> None:
        self.role = role
        self.allowed = frozenset(allowed)
        self.what = what
        needed = ", ".join(sorted(self.allowed)) or "nobody"
        super().__init__(f"role {role or 'none'} may not access {what or 'this'} (allowed: {needed})")


def pages_for(role: Role | None) -> frozenset[PageId]:
    """The pages ``role`` may open; none without a role."""
    return ROLE_PAGES[role] if role is not None else frozenset()


def can_open(role: Role | None, page: PageId) -> bool:
    """Whether ``role`` may open ``page``."""
    return page in pages_for(role)


def can_see_agents(role: Role | None) -> bool:
    """Whether ``role`` may see individual agents (names, per-agent rows): ``direction`` only."""
    return role in AGENT_VIEWERS


def min_group_size_applies(role: Role | None) -> bool:
    """Whether groups under the minimum size must be suppressed for ``role`` (elected, evaluator)."""
    return role in SMALL_GROUP_PROTECTED


def can_see_pseudonyms(role: Role | None) -> bool:
    """Whether ``role`` may see rows about individual residents by pseudonym (direction, evaluator)."""
    return role in PSEUDONYM_VIEWERS


def can_import(role: Role | None) -> bool:
    """Whether ``role`` may import files and read import details (direction, data_admin)."""
    return role in IMPORTERS


def can_read_audit(role: Role | None) -> bool:
    """Whether ``role`` may read the audit log (direction)."""
    return role in AUDIT_READERS


def group_floor(role: Role | None, min_group_size: int) -> int:
    """The smallest group size that may be shown to ``role``.

    ``min_group_size`` (the setting, default 5) for elected and evaluator; 1 otherwise, so that
    ``suppress_small_counts(frame, columns, group_floor(role, size))`` hides nothing for the direction.
    Without a role (which never reaches data) the minimum applies.
    """
    return min_group_size if role is None or min_group_size_applies(role) else 1


def require_role(role: Role | None, allowed: Iterable[Role], what: str = "") -> Role:
    """Return ``role`` if it is one of ``allowed``, else raise :class:`AccessDenied`.

    Call it first thing in every loader or analytics entry point that returns sensitive rows, e.g.
    ``require_role(role, AGENT_VIEWERS, "agent load")`` before an agent × week table.
    """
    allowed_set = frozenset(allowed)
    if role is None or role not in allowed_set:
        raise AccessDenied(role, allowed_set, what)
    return role


def require_page(role: Role | None, page: PageId) -> Role:
    """Return ``role`` if it may open ``page``, else raise :class:`AccessDenied`."""
    return require_role(role, (r for r in ROLES if page in ROLE_PAGES[r]), f"page {page}")


# --- who has which role --------------------------------------------------------------------------


class RoleConfigError(Exception):
    """A roles file that cannot be used, with a message for the administrator."""


@dataclass(frozen=True)
class RoleMap:
    """Who has which role: by e-mail address, by OpenID subject, or by group.

    ``emails`` keys are lower-case. ``groups_claim`` names the identity-token claim holding groups
    (``groups`` for Keycloak, ``groups`` or ``roles`` for Microsoft Entra).
    """

    emails: Mapping[str, Role] = field(default_factory=dict)
    subjects: Mapping[str, Role] = field(default_factory=dict)
    groups: Mapping[str, Role] = field(default_factory=dict)
    groups_claim: str = DEFAULT_GROUPS_CLAIM

    @property
    def is_empty(self) -> bool:
        return not (self.emails or self.subjects or self.groups)


@dataclass(frozen=True)
class SignedInUser:
    """What the identity provider said about a signed-in user (the claims the app uses)."""

    subject: str | None = None
    email: str | None = None
    email_verified: bool | None = None
    name: str | None = None
    groups: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the user is written in the audit log: the e-mail, else ``sub:<subject>``."""
        if self.email:
            return self.email.lower()
        return f"sub:{self.subject}" if self.subject else "unknown"


RoleSource = Literal["email", "subject", "group", "unknown", "ambiguous"]


@dataclass(frozen=True)
class RoleResolution:
    """The role given to a user (None: not authorised) and what decided it."""

    role: Role | None
    source: RoleSource


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def user_from_claims(claims: Mapping[str, object], groups_claim: str = DEFAULT_GROUPS_CLAIM) -> SignedInUser:
    """Read the claims Streamlit exposes as ``st.user`` (the identity token's claims).

    ``name`` falls back to ProConnect's ``given_name`` + ``usual_name``; groups may be a list or a single
    string (some providers send one group as a string).
    """
    raw_groups = claims.get(groups_claim)
    if isinstance(raw_groups, str):
        groups: tuple[str, ...] = (raw_groups,)
    elif isinstance(raw_groups, list | tuple):
        groups = tuple(str(group) for group in raw_groups)
    else:
        groups = ()
    verified = claims.get("email_verified")
    given = " ".join(filter(None, (_text(claims.get("given_name")), _text(claims.get("usual_name")))))
    return SignedInUser(
        subject=_text(claims.get("sub")),
        email=_text(claims.get("email")),
        email_verified=verified if isinstance(verified, bool) else None,
        name=_text(claims.get("name")) or given or None,
        groups=groups,
    )


def resolve_role(user: SignedInUser, role_map: RoleMap) -> RoleResolution:
    """The role of a signed-in user: first by e-mail, then by subject, then by group.

    An e-mail counts only if the provider did not say it is unverified (``email_verified`` false), so
    that nobody can claim a director's address in a self-service account. Groups that map to two
    different roles give no role ("ambiguous"): the administrator must name the user explicitly.
    """
    if user.email and user.email_verified is not False:
        role = role_map.emails.get(user.email.lower())
        if role is not None:
            return RoleResolution(role, "email")
    if user.subject:
        role = role_map.subjects.get(user.subject)
        if role is not None:
            return RoleResolution(role, "subject")
    group_roles = {role_map.groups[group] for group in user.groups if group in role_map.groups}
    if len(group_roles) == 1:
        return RoleResolution(group_roles.pop(), "group")
    if len(group_roles) > 1:
        return RoleResolution(None, "ambiguous")
    return RoleResolution(None, "unknown")


def _role_table(document: Mapping[str, object], table: str, *, lower: bool) -> dict[str, Role]:
    raw = document.get(table, {})
    if not isinstance(raw, Mapping):
        raise RoleConfigError(f"[{table}] must be a table of \"name\" = \"role\" lines")
    mapped: dict[str, Role] = {}
    for key, value in raw.items():
        if not is_role(value):
            raise RoleConfigError(
                f"[{table}] {key!r} = {value!r}: unknown role; expected one of {', '.join(ROLES)}"
            )
        mapped[key.strip().lower() if lower else key.strip()] = value
    return mapped


def parse_role_map(text: str) -> RoleMap:
    """Parse a roles file. Format (TOML)::

        groups_claim = "groups"          # optional: the claim holding group names

        [emails]                         # by e-mail address (case does not matter)
        "dgs@ville.fr" = "direction"

        [subjects]                       # by OpenID subject ("sub"), when there is no e-mail
        "6f1c2e0a-..." = "evaluator"

        [groups]                         # by group, when the provider sends groups
        "tableau-elus" = "elected"

    Raises :class:`RoleConfigError` on invalid TOML, an unknown table or an unknown role.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RoleConfigError(f"not valid TOML: {exc}") from exc
    unknown = set(document) - {"groups_claim", "emails", "subjects", "groups"}
    if unknown:
        raise RoleConfigError(
            f"unknown entries {sorted(unknown)}; expected groups_claim, [emails], [subjects], [groups]"
        )
    claim = document.get("groups_claim", DEFAULT_GROUPS_CLAIM)
    if not isinstance(claim, str) or not claim.strip():
        raise RoleConfigError("groups_claim must be the name of a claim, e.g. \"groups\"")
    return RoleMap(
        emails=_role_table(document, "emails", lower=True),
        subjects=_role_table(document, "subjects", lower=False),
        groups=_role_table(document, "groups", lower=False),
        groups_claim=claim.strip(),
    )


def roles_file(environ: Mapping[str, str] | None = None) -> Path:
    """The roles file: ``$PARTICIPATION_ROLES_FILE``, else ``~/.config/participation/roles.toml``."""
    env = os.environ if environ is None else environ
    raw = env.get(ROLES_FILE_ENV, "").strip()
    return Path(raw).expanduser() if raw else Path.home() / ".config" / "participation" / "roles.toml"


def load_role_map(path: Path) -> RoleMap:
    """The role map in ``path``; an empty map (nobody authorised) when the file does not exist.

    Raises :class:`RoleConfigError` when the file is writable by group or others (anyone able to edit
    it could make themselves director) or when it is invalid.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return RoleMap()
    if os.name == "posix" and mode & UNSAFE_WRITE_BITS:
        raise RoleConfigError(f"{path} is writable by group or others: run chmod 600 (or 640) on it")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RoleConfigError(f"cannot read {path}: {exc}") from exc
    try:
        return parse_role_map(text)
    except RoleConfigError as exc:
        raise RoleConfigError(f"{path}: {exc}") from exc
