"""Sign-in, local single-user mode or refusal, from the secrets, the address and the request."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from analytics.auth import (
    decide_mode,
    is_loopback,
    loose_permissions,
    provider_label,
    read_auth_settings,
    request_is_local,
)
from analytics.i18n import Translator

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SHARED = {"redirect_uri": "https://tableau.ville.fr/oauth2callback", "cookie_secret": "c" * 64}
CLIENT = {"client_id": "id", "client_secret": "secret",
          "server_metadata_url": "https://sso.ville.fr/.well-known/openid-configuration"}
NO_SECRETS: dict[str, Any] = {}
DEFAULT = {"auth": {**SHARED, **CLIENT}}
NAMED = {"auth": {**SHARED, "proconnect": CLIENT}}
TWO_NAMED = {"auth": {**SHARED, "keycloak": CLIENT, "entra": CLIENT}}
HALF = {"auth": {**SHARED, "client_id": "id"}}
NO_PROVIDER = {"auth": SHARED}
NO_COOKIE = {"auth": {"redirect_uri": SHARED["redirect_uri"], **CLIENT}}


@pytest.mark.parametrize(
    ("address", "loopback"),
    [("127.0.0.1", True), ("127.0.1.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("", False), (None, False),
     ("tableau.ville.fr", False)],
)
def test_is_loopback(address: str | None, loopback: bool) -> None:
    assert is_loopback(address) is loopback


@pytest.mark.parametrize(
    ("secrets", "providers", "problems"),
    [
        (NO_SECRETS, (), ()),
        (DEFAULT, ("default",), ()),
        (NAMED, ("proconnect",), ()),
        (TWO_NAMED, ("keycloak", "entra"), ()),
        (HALF, ("default",), ("auth.client_secret", "auth.server_metadata_url")),
        (NO_PROVIDER, (), ("auth: no provider (client_id, client_secret, server_metadata_url)",)),
        (NO_COOKIE, ("default",), ("auth.cookie_secret",)),
        ({"auth": {**SHARED, "pro_connect": CLIENT}}, (), (
            "auth.pro_connect: provider names may not contain '_'",
            "auth: no provider (client_id, client_secret, server_metadata_url)")),
    ],
)
def test_what_the_auth_section_configures(
    secrets: dict[str, Any], providers: tuple[str, ...], problems: tuple[str, ...]
) -> None:
    settings = read_auth_settings(secrets)
    assert settings.providers == providers
    assert settings.problems == problems
    assert settings.configured is (bool(providers) and not problems)


@pytest.mark.parametrize(
    ("secrets", "address", "mode", "reason"),
    [
        (DEFAULT, "0.0.0.0", "oidc", "provider"),
        (NAMED, "127.0.0.1", "oidc", "provider"),
        (NO_SECRETS, "127.0.0.1", "local", "loopback"),
        (NO_SECRETS, "::1", "local", "loopback"),
        (NO_SECRETS, "localhost", "local", "loopback"),
        (NO_SECRETS, "0.0.0.0", "refuse", "network_address"),
        (NO_SECRETS, "192.168.1.20", "refuse", "network_address"),
        (NO_SECRETS, "", "refuse", "network_address"),     # every interface
        (NO_SECRETS, None, "refuse", "network_address"),   # streamlit run without --server.address
        (HALF, "127.0.0.1", "refuse", "incomplete_auth"),  # a half-done [auth] is not "no sign-in"
        (NO_PROVIDER, "127.0.0.1", "refuse", "incomplete_auth"),
    ],
)
def test_the_mode(secrets: dict[str, Any], address: str | None, mode: str, reason: str) -> None:
    decision = decide_mode(read_auth_settings(secrets), address)
    assert (decision.mode, decision.reason) == (mode, reason)


@pytest.mark.parametrize(
    ("headers", "client_ip", "local", "reason"),
    [
        ({"Host": "127.0.0.1:8501", "Origin": "http://127.0.0.1:8501"}, None, True, "loopback"),
        ({"Host": "localhost:8501"}, None, True, "loopback"),
        ({"Host": "[::1]:8501"}, "::1", True, "loopback"),
        ({}, None, True, "loopback"),  # the test runner has no request
        # behind nginx (docs/deployment.md): proxy headers and the public host name
        ({"Host": "tableau.ville.fr", "X-Forwarded-For": "10.0.0.7"}, None, False, "proxied_request"),
        ({"Host": "127.0.0.1:8501", "X-Real-IP": "10.0.0.7"}, None, False, "proxied_request"),
        ({"Host": "127.0.0.1:8501", "Forwarded": "for=10.0.0.7"}, None, False, "proxied_request"),
        # a proxy that adds nothing still passes the public host name
        ({"Host": "tableau.ville.fr"}, None, False, "remote_client"),
        # a web page on another site talking to the local app (DNS rebinding)
        ({"Host": "127.0.0.1:8501", "Origin": "http://evil.example"}, None, False, "remote_client"),
        ({"Host": "127.0.0.1:8501"}, "10.0.0.7", False, "remote_client"),
    ],
)
def test_local_mode_only_for_requests_from_this_machine(
    headers: dict[str, str], client_ip: str | None, local: bool, reason: str
) -> None:
    assert request_is_local(headers, client_ip) is local
    decision = decide_mode(read_auth_settings({}), "127.0.0.1", headers, client_ip)
    assert (decision.mode, decision.reason) == ("local" if local else "refuse", reason)


@pytest.mark.parametrize(
    ("auth", "warnings"),
    [
        (SHARED, ()),
        ({**SHARED, "redirect_uri": "http://tableau.ville.fr/oauth2callback"}, ("http_redirect_uri",)),
        ({**SHARED, "redirect_uri": "http://127.0.0.1:8501/oauth2callback"}, ()),
        ({**SHARED, "redirect_uri": "https://tableau.ville.fr/"}, ("redirect_uri_path",)),
        ({**SHARED, "cookie_secret": "court"}, ("short_cookie_secret",)),
    ],
)
def test_weak_settings_are_flagged(auth: dict[str, str], warnings: tuple[str, ...]) -> None:
    assert read_auth_settings({"auth": {**auth, **CLIENT}}).warnings == warnings


@pytest.mark.parametrize(("name", "label"), [
    ("proconnect", "ProConnect"), ("keycloak", "Keycloak"), ("entra", "Microsoft Entra"),
    ("mon-sso", "Mon Sso"),
])
def test_provider_label(name: str, label: str) -> None:
    assert provider_label(name) == label


@pytest.mark.parametrize(("block", "providers"), [
    ("secrets.toml", ("default",)), ("proconnect", ("proconnect",)), ("keycloak", ("keycloak",)),
    ("entra", ("entra",)),
])
def test_every_example_of_the_deployment_guide_is_a_complete_configuration(
    block: str, providers: tuple[str, ...]
) -> None:
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- deployment-test: {block} -->\s*```toml\n(.*?)```", text, re.S)
    assert found, block
    settings = read_auth_settings(tomllib.loads(found.group(1)))
    assert settings.configured and settings.providers == providers


def test_secret_files_readable_by_others_are_reported(tmp_path: Path) -> None:
    tight, loose = tmp_path / "secrets.toml", tmp_path / "pseudonym.key"
    tight.write_text("x")
    loose.write_text("x")
    tight.chmod(0o600)
    loose.chmod(0o644)
    assert loose_permissions([tight, loose, tmp_path / "absent"]) == (loose,)


# --- the app itself (AppTest), with the server address set as `streamlit run --server.address` does


@pytest.fixture
def server_address() -> Iterator[Any]:
    """Set Streamlit's server.address for one test, restoring it afterwards."""
    before = config.get_option("server.address")

    def set_address(address: str | None) -> None:
        config.set_option("server.address", address)

    yield set_address
    config.set_option("server.address", before)


def run_app(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("PARTICIPATION_DB", str(demo_db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", None])
def test_without_sign_in_a_network_address_is_refused_and_shows_no_data(
    address: str | None, server_address: Any, demo_db: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    server_address(address)
    at = run_app(demo_db, monkeypatch)
    fr = Translator("fr")
    assert [title.value for title in at.title] == [fr("access.refuse.title")]
    assert [error.value for error in at.error] == [fr("access.refuse.network_address")]
    assert len(at.metric) == 0 and len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0
    assert len(at.sidebar.selectbox) == 0  # not even the filters (they list the services)


def test_on_the_loopback_address_the_local_mode_is_labelled(
    server_address: Any, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server_address("127.0.0.1")
    at = run_app(demo_db, monkeypatch)
    assert Translator("fr")("access.local.badge") in [info.value for info in at.sidebar.info]
    assert len(at.metric) > 0
