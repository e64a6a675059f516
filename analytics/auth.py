"""How the app lets people in: OpenID Connect sign-in, single-user local mode, or refusal (pure).

The decision, from Streamlit's secrets and the address the server listens on:

* ``oidc`` — an OpenID Connect provider is configured in the ``[auth]`` section of ``secrets.toml``
  (``redirect_uri``, ``cookie_secret``, and ``client_id``/``client_secret``/``server_metadata_url``
  either directly in ``[auth]`` or in named provider sections such as ``[auth.proconnect]``): everyone
  signs in with ``st.login`` and gets the role that ``roles.toml`` gives them.
* ``local`` — no ``[auth]`` section and the server listens on a loopback address (127.0.0.1, ::1,
  localhost): a director trying the app on a laptop; single user, role ``direction``, clearly labelled.
  A request that did not come straight from the same machine (proxy headers, a non-loopback Host or
  Origin, a remote client address) is refused: a loopback-bound app behind a reverse proxy is not local.
* ``refuse`` — anything else: no provider and a network address (0.0.0.0, a LAN address, or no address
  at all, which means every interface), or an ``[auth]`` section that is incomplete. The app shows an
  explanation and serves no data.

Nothing here imports Streamlit: the glue in ``dashboard/access.py`` passes plain dicts and strings.
"""

from __future__ import annotations

import ipaddress
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import urlsplit

Mode = Literal["oidc", "local", "refuse"]
Reason = Literal[
    "provider", "loopback", "network_address", "incomplete_auth", "proxied_request", "remote_client"
]

SHARED_KEYS: Final[tuple[str, ...]] = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS: Final[tuple[str, ...]] = ("client_id", "client_secret", "server_metadata_url")
DEFAULT_PROVIDER: Final[str] = "default"
"""Streamlit's name for the provider configured directly in ``[auth]`` (``st.login()``)."""
CALLBACK_PATH: Final[str] = "/oauth2callback"
MIN_COOKIE_SECRET_CHARS: Final[int] = 32
"""A cookie secret shorter than this is flagged (``openssl rand -hex 32`` gives 64 characters)."""
LOOPBACK_NAMES: Final[frozenset[str]] = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
PROXY_HEADERS: Final[tuple[str, ...]] = (
    "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "via",
)
"""Headers that a reverse proxy adds: their presence means the request did not come straight from the
browser on this machine."""
SECRET_FILE_MODE_MASK: Final[int] = stat.S_IRWXG | stat.S_IRWXO
"""Secret files must be readable by their owner only (0600)."""


@dataclass(frozen=True)
class AuthSettings:
    """What ``[auth]`` in Streamlit's secrets configures (values are never kept, only their presence).

    ``providers`` are the names to pass to ``st.login`` (``"default"`` for a provider written directly
    in ``[auth]``); ``problems`` name missing or invalid keys; ``warnings`` are weaknesses that do not
    stop sign-in (``http_redirect_uri``, ``short_cookie_secret``, ``redirect_uri_path``).
    """

    present: bool
    providers: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def configured(self) -> bool:
        """An OpenID Connect provider is fully configured."""
        return self.present and bool(self.providers) and not self.problems


def _missing(section: Mapping[str, Any], keys: Iterable[str], prefix: str) -> list[str]:
    return [f"{prefix}.{key}" for key in keys if not str(section.get(key, "") or "").strip()]


def read_auth_settings(secrets: Mapping[str, Any]) -> AuthSettings:
    """Read the ``[auth]`` section of Streamlit's secrets (given as a plain dict).

    A named provider is any sub-table of ``[auth]`` except ``client_kwargs``; a provider written
    directly in ``[auth]`` is used when any of its keys is there. Streamlit refuses provider names with
    an underscore, so they are reported as problems here too.
    """
    auth = secrets.get("auth")
    if not isinstance(auth, Mapping):
        return AuthSettings(present=False)
    problems = _missing(auth, SHARED_KEYS, "auth")
    providers: list[str] = []
    if any(key in auth for key in PROVIDER_KEYS):
        providers.append(DEFAULT_PROVIDER)
        problems += _missing(auth, PROVIDER_KEYS, "auth")
    for name, section in auth.items():
        if not isinstance(section, Mapping) or name == "client_kwargs":
            continue
        if "_" in name:
            problems.append(f"auth.{name}: provider names may not contain '_'")
            continue
        providers.append(name)
        problems += _missing(section, PROVIDER_KEYS, f"auth.{name}")
    if not providers:
        problems.append("auth: no provider (client_id, client_secret, server_metadata_url)")
    return AuthSettings(
        present=True, providers=tuple(providers), problems=tuple(problems),
        warnings=tuple(_warnings(auth)),
    )


def _warnings(auth: Mapping[str, Any]) -> list[str]:
    found = []
    redirect = str(auth.get("redirect_uri", "") or "")
    if redirect:
        parts = urlsplit(redirect)
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            found.append("http_redirect_uri")
        if not parts.path.endswith(CALLBACK_PATH):
            found.append("redirect_uri_path")
    secret = str(auth.get("cookie_secret", "") or "")
    if secret and len(secret) < MIN_COOKIE_SECRET_CHARS:
        found.append("short_cookie_secret")
    return found


def is_loopback(address: str | None) -> bool:
    """Whether ``address`` (a server address or a host name) only reaches this machine.

    127.0.0.0/8, ::1 and ``localhost`` are loopback; ``0.0.0.0``, ``::``, an empty or missing address
    (Streamlit then listens on every interface) and any other name or address are not.
    """
    if address is None:
        return False
    host = address.strip().strip("[]").lower()
    if not host:
        return False
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _host_of(value: str) -> str | None:
    """The host name of a Host header (``127.0.0.1:8501``, ``[::1]:8501``) or an Origin URL."""
    target = value if "//" in value else f"//{value}"
    try:
        return urlsplit(target).hostname
    except ValueError:
        return None


def request_is_local(headers: Mapping[str, str], client_ip: str | None) -> bool:
    """Whether a request came straight from a browser on this machine.

    False when a proxy header is present, when the Host or Origin names another machine (a reverse
    proxy, or a DNS-rebinding page), or when the client address is not loopback. Missing headers and
    address (Streamlit's test runner has none) are not held against the request: a real server always
    receives a Host header, and a loopback-bound server only receives loopback clients.
    """
    if any(_header(headers, name) is not None for name in PROXY_HEADERS):
        return False
    for name in ("host", "origin"):
        value = _header(headers, name)
        if value is not None and value != "null" and not is_loopback(_host_of(value)):
            return False
    return client_ip is None or is_loopback(client_ip)


@dataclass(frozen=True)
class ModeDecision:
    """The app's mode for one request and why."""

    mode: Mode
    reason: Reason


def decide_mode(
    settings: AuthSettings,
    server_address: str | None,
    headers: Mapping[str, str] | None = None,
    client_ip: str | None = None,
) -> ModeDecision:
    """Choose ``oidc``, ``local`` or ``refuse`` (see the module docstring)."""
    if settings.present and not settings.configured:
        return ModeDecision("refuse", "incomplete_auth")
    if settings.configured:
        return ModeDecision("oidc", "provider")
    if not is_loopback(server_address):
        return ModeDecision("refuse", "network_address")
    request_headers = headers or {}
    if any(_header(request_headers, name) is not None for name in PROXY_HEADERS):
        return ModeDecision("refuse", "proxied_request")
    if not request_is_local(request_headers, client_ip):
        return ModeDecision("refuse", "remote_client")
    return ModeDecision("local", "loopback")


def provider_label(name: str) -> str:
    """How a provider is named on the sign-in button (``proconnect`` → ``ProConnect``)."""
    known = {"proconnect": "ProConnect", "keycloak": "Keycloak", "entra": "Microsoft Entra",
             "microsoft": "Microsoft Entra", "agentconnect": "ProConnect"}
    return known.get(name.lower(), name.replace("-", " ").title())


def secret_files(cwd: Path, home: Path, extra: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The files that hold secrets: Streamlit's two ``secrets.toml`` locations, plus ``extra``
    (the pseudonymisation key)."""
    return (home / ".streamlit" / "secrets.toml", cwd / ".streamlit" / "secrets.toml", *extra)


def loose_permissions(paths: Iterable[Path]) -> tuple[Path, ...]:
    """Those of ``paths`` that exist and can be read or written by group or others (should be 0600)."""
    if os.name != "posix":
        return ()
    loose = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if mode & SECRET_FILE_MODE_MASK:
            loose.append(path)
    return tuple(loose)
