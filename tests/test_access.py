"""Roles: the pages and data each may see, and who gets which role from roles.toml."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analytics.access import (
    PAGES,
    ROLES,
    AccessDenied,
    RoleConfigError,
    RoleMap,
    can_import,
    can_open,
    can_read_audit,
    can_see_agents,
    can_see_pseudonyms,
    group_floor,
    load_role_map,
    min_group_size_applies,
    pages_for,
    parse_role_map,
    require_page,
    require_role,
    resolve_role,
    roles_file,
    user_from_claims,
)


@pytest.mark.parametrize(
    ("role", "pages"),
    [
        ("direction", {"overview", "capacity", "arbitration", "engagement", "data", "methods", "audit"}),
        ("elected", {"overview", "arbitration", "engagement", "methods"}),
        ("evaluator", {"overview", "engagement", "methods"}),
        ("data_admin", {"data", "methods"}),
        (None, set()),
    ],
)
def test_each_role_opens_exactly_its_pages(role: str | None, pages: set[str]) -> None:
    assert pages_for(role) == pages  # type: ignore[arg-type]
    assert {page for page in PAGES if can_open(role, page)} == pages  # type: ignore[arg-type]


# role:          agents  small groups hidden  pseudonyms  import  audit log
@pytest.mark.parametrize(
    ("role", "agents", "small_groups", "pseudonyms", "imports", "audit"),
    [
        ("direction", True, False, True, True, True),
        ("elected", False, True, False, False, False),
        ("evaluator", False, True, True, False, False),
        ("data_admin", False, False, False, True, False),
        (None, False, False, False, False, False),
    ],
)
def test_what_each_role_may_see_of_people(
    role: str | None, agents: bool, small_groups: bool, pseudonyms: bool, imports: bool, audit: bool
) -> None:
    assert can_see_agents(role) is agents  # type: ignore[arg-type]
    assert min_group_size_applies(role) is small_groups  # type: ignore[arg-type]
    assert can_see_pseudonyms(role) is pseudonyms  # type: ignore[arg-type]
    assert can_import(role) is imports  # type: ignore[arg-type]
    assert can_read_audit(role) is audit  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("role", "setting", "floor"),
    [("direction", 5, 1), ("elected", 5, 5), ("evaluator", 7, 7), ("data_admin", 5, 1), (None, 5, 5)],
)
def test_group_floor(role: str | None, setting: int, floor: int) -> None:
    assert group_floor(role, setting) == floor  # type: ignore[arg-type]


def test_require_role_lets_allowed_roles_through_and_stops_the_others() -> None:
    assert require_role("direction", {"direction"}, "agent load") == "direction"
    for role in ("elected", "evaluator", "data_admin", None):
        with pytest.raises(AccessDenied) as denied:
            require_role(role, {"direction"}, "agent load")  # type: ignore[arg-type]
        assert denied.value.role == role
        assert denied.value.allowed == {"direction"}
        assert "agent load" in str(denied.value)


@pytest.mark.parametrize(("role", "page", "allowed"), [
    ("elected", "arbitration", True), ("elected", "capacity", False), ("evaluator", "arbitration", False),
    ("data_admin", "data", True), ("data_admin", "overview", False), ("direction", "audit", True),
    ("elected", "audit", False),
])
def test_require_page(role: str, page: str, allowed: bool) -> None:
    if allowed:
        assert require_page(role, page) == role  # type: ignore[arg-type]
    else:
        with pytest.raises(AccessDenied):
            require_page(role, page)  # type: ignore[arg-type]


ROLES_TOML = """
groups_claim = "groups"

[emails]
"DGS@Ville.fr" = "direction"
"maire@ville.fr" = "elected"

[subjects]
"proconnect-sub-42" = "evaluator"

[groups]
"tableau-evaluation" = "evaluator"
"tableau-donnees" = "data_admin"
"tableau-elus" = "elected"
"""


@pytest.mark.parametrize(
    ("claims", "role", "source"),
    [
        ({"email": "dgs@ville.fr"}, "direction", "email"),                      # case does not matter
        ({"email": "maire@ville.fr", "email_verified": True}, "elected", "email"),
        ({"email": "maire@ville.fr", "email_verified": False}, None, "unknown"),  # unverified address
        ({"sub": "proconnect-sub-42"}, "evaluator", "subject"),
        ({"email": "x@ville.fr", "groups": ["tableau-donnees"]}, "data_admin", "group"),
        ({"groups": "tableau-elus"}, "elected", "group"),                       # one group as a string
        ({"groups": ["tableau-elus", "tableau-donnees"]}, None, "ambiguous"),
        ({"email": "dgs@ville.fr", "groups": ["tableau-elus"]}, "direction", "email"),  # e-mail first
        ({"email": "inconnu@ville.fr", "sub": "abc"}, None, "unknown"),
        ({}, None, "unknown"),
    ],
)
def test_who_gets_which_role(claims: dict[str, object], role: str | None, source: str) -> None:
    role_map = parse_role_map(ROLES_TOML)
    resolution = resolve_role(user_from_claims(claims, role_map.groups_claim), role_map)
    assert (resolution.role, resolution.source) == (role, source)


def test_entra_app_roles_come_in_another_claim() -> None:
    role_map = parse_role_map('groups_claim = "roles"\n[groups]\n"Tableau.Elus" = "elected"\n')
    user = user_from_claims({"sub": "x", "roles": ["Tableau.Elus"], "groups": ["ignored"]}, "roles")
    assert resolve_role(user, role_map).role == "elected"


@pytest.mark.parametrize(
    ("claims", "name", "label"),
    [
        ({"sub": "s", "email": "Maire@Ville.fr", "name": "Claire Maire"}, "Claire Maire", "maire@ville.fr"),
        ({"sub": "s", "given_name": "Claire", "usual_name": "Maire"}, "Claire Maire", "sub:s"),  # ProConnect
        ({}, None, "unknown"),
    ],
)
def test_how_a_user_is_named(claims: dict[str, object], name: str | None, label: str) -> None:
    user = user_from_claims(claims)
    assert (user.name, user.label) == (name, label)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[emails]\n"a@b.fr" = "admin"\n', "unknown role"),
        ('[users]\n"a@b.fr" = "direction"\n', "unknown entries"),
        ('[emails\n', "not valid TOML"),
        ('groups_claim = ""\n', "groups_claim"),
        ('emails = "a@b.fr"\n', "must be a table"),
    ],
)
def test_a_bad_roles_file_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(RoleConfigError, match=message):
        parse_role_map(text)


def test_a_missing_roles_file_authorises_nobody(tmp_path: Path) -> None:
    assert load_role_map(tmp_path / "absent.toml") == RoleMap()
    assert RoleMap().is_empty


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("mode", "usable"), [(0o600, True), (0o640, True), (0o620, False), (0o666, False)])
def test_a_roles_file_others_can_write_is_refused(tmp_path: Path, mode: int, usable: bool) -> None:
    path = tmp_path / "roles.toml"
    path.write_text(ROLES_TOML, encoding="utf-8")
    path.chmod(mode)
    if usable:
        assert load_role_map(path).emails["dgs@ville.fr"] == "direction"
    else:
        with pytest.raises(RoleConfigError, match="writable by group or others"):
            load_role_map(path)


def test_where_the_roles_file_is() -> None:
    assert roles_file({"PARTICIPATION_ROLES_FILE": "/etc/participation/roles.toml"}) == Path(
        "/etc/participation/roles.toml"
    )
    assert roles_file({}) == Path.home() / ".config" / "participation" / "roles.toml"


def test_the_roles_are_the_four_of_the_issue() -> None:
    assert ROLES == ("direction", "elected", "evaluator", "data_admin")
