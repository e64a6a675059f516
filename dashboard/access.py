"""Streamlit glue for who sees what: the mode, the signed-in user and role, sign-in and refusal screens.

``app.py`` calls :func:`gate` before touching any data: it stops the script on a sign-in, "not
authorised" or refusal screen, and otherwise returns the :class:`Identity` of the session. Every page
calls :func:`page_guard` first, which decides the identity again on the server side. The rules
themselves live in ``analytics.access`` (roles, pages) and ``analytics.auth`` (mode); this module only
reads Streamlit's state and draws.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import duckdb
import streamlit as st

from analytics import audit
from analytics.access import (
    AccessDenied,
    PageId,
    Role,
    RoleConfigError,
    RoleMap,
    can_open,
    load_role_map,
    pages_for,
    require_page,
    require_role,
    resolve_role,
    roles_file,
    user_from_claims,
)
from analytics.auth import (
    DEFAULT_PROVIDER,
    AuthSettings,
    Mode,
    decide_mode,
    loose_permissions,
    provider_label,
    read_auth_settings,
    secret_files,
)
from analytics.i18n import Translator
from analytics.privacy import SECRET_FILE_NAME
from analytics.settings import secret_dir
from analytics.store.db import StoreError
from dashboard.session import translator

LOG = logging.getLogger(__name__)
LOGGED_KEY = "_access_logged"
LOCAL_USER_PREFIX = "local:"


@dataclass(frozen=True)
class Identity:
    """Who is using this session: the app's mode, the role (None: no access) and how to name them.

    ``reason`` says how the mode or role was decided: a mode reason from ``analytics.auth``
    (``loopback``, ``network_address``...), ``signed_out``, ``roles_file`` (the roles file is unusable),
    or a role source from ``analytics.access`` (``email``, ``subject``, ``group``, ``unknown``,
    ``ambiguous``).
    """

    mode: Mode
    reason: str
    role: Role | None = None
    user: str | None = None
    name: str | None = None
    email: str | None = None
    subject: str | None = None

    @property
    def allowed(self) -> bool:
        return self.role is not None


@dataclass(frozen=True)
class PageSpec:
    """One page of the navigation: its id (``analytics.access.PAGES``), file, title key and icon."""

    page_id: PageId
    path: str
    title_key: str
    icon: str


# --- reading Streamlit's state --------------------------------------------------------------------


def _secrets() -> dict[str, Any]:
    try:
        return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    except Exception:  # an unreadable secrets file must not show a traceback: treat it as absent
        LOG.exception("cannot read Streamlit secrets")
        return {}


def auth_settings() -> AuthSettings:
    """What the ``[auth]`` section of the secrets configures."""
    return read_auth_settings(_secrets())


def _request_headers() -> dict[str, str]:
    try:
        return {str(key): str(value) for key, value in st.context.headers.items()}
    except Exception:  # no request context (bare mode)
        return {}


def _client_ip() -> str | None:
    try:
        address = st.context.ip_address
    except Exception:  # no request context (bare mode)
        return None
    return address if isinstance(address, str) else None  # Streamlit's test runner gives a mock


def _claims() -> dict[str, Any]:
    try:
        return dict(st.user.to_dict())
    except Exception:
        return {}


@lru_cache(maxsize=4)
def _cached_role_map(path: str, stamp: tuple[int, int, int, int]) -> RoleMap:
    return load_role_map(Path(path))


def role_map() -> RoleMap:
    """The roles file in force (re-read when it changes; raises RoleConfigError when unusable)."""
    path = roles_file()
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_ctime_ns, info.st_mode, info.st_size)
    except FileNotFoundError:
        stamp = (0, 0, 0, -1)
    return _cached_role_map(str(path), stamp)


def current_identity() -> Identity:
    """The session's identity, computed from the secrets, the server address, the request and st.user."""
    settings = auth_settings()
    decision = decide_mode(
        settings, st.get_option("server.address"), _request_headers(), _client_ip()
    )
    if decision.mode == "refuse":
        return Identity("refuse", decision.reason)
    if decision.mode == "local":
        user = LOCAL_USER_PREFIX + getpass.getuser()
        return Identity("local", decision.reason, "direction", user, name=user)
    claims = _claims()
    if claims.get("is_logged_in") is not True:
        return Identity("oidc", "signed_out")
    try:
        roles = role_map()
    except RoleConfigError:
        LOG.exception("the roles file is unusable: nobody gets a role")
        signed = user_from_claims(claims)
        return Identity("oidc", "roles_file", None, signed.label, signed.name, signed.email, signed.subject)
    signed = user_from_claims(claims, roles.groups_claim)
    resolution = resolve_role(signed, roles)
    return Identity(
        "oidc", resolution.source, resolution.role, signed.label, signed.name, signed.email, signed.subject
    )


def identity() -> Identity:
    """The session's identity, decided afresh on every call (cheap: the secrets and the roles file are
    cached). Never taken from the session state: a page may run without ``app.py`` having run first
    (Streamlit's legacy ``pages/`` folder mode on the first request after a restart), and then only a
    fresh decision is trustworthy."""
    return current_identity()


def allowed_pages(role: Role | None) -> frozenset[PageId]:
    """The pages ``role`` may open."""
    return pages_for(role)


# --- audit ------------------------------------------------------------------------------------------


def _connection() -> duckdb.DuckDBPyConnection:
    from dashboard.store import connection, db_path  # late: dashboard.store pulls in the demo generator

    return connection(db_path())


def record(
    who: Identity, action: audit.Action, target: str | None = None,
    details: Mapping[str, object] | None = None,
) -> None:
    """Write one audit event for ``who``; a failure is logged on the server, never shown."""
    try:
        audit.log_event(_connection(), who.user or "unknown", who.role, action, target, details)
    except (duckdb.Error, StoreError, OSError):
        LOG.exception("could not write the audit event %s %s", action, target)


def _record_once(who: Identity, action: audit.Action) -> None:
    """Log a sign-in (or a refused sign-in) once per session and user."""
    marker = (who.user, who.role, action)
    if st.session_state.get(LOGGED_KEY) == marker:
        return
    st.session_state[LOGGED_KEY] = marker
    record(who, action, details={"mode": who.mode, "by": who.reason})


D = TypeVar("D")


def logged_download(build: Callable[[], D], target: str, file_format: str) -> Callable[[], D]:
    """Wrap the ``data`` callable of a ``st.download_button`` so that the download is logged when it
    happens. Streamlit runs that callable on click, in a thread of its own where the session's user
    cannot be read: the identity is decided now, while the page is drawn."""
    who = identity()

    def build_and_log() -> D:
        record(who, "download", target, {"format": file_format})
        return build()

    return build_and_log


def sign_out() -> None:
    """Log the sign-out, then end the session with the provider."""
    record(identity(), "sign_out")
    st.session_state.pop(LOGGED_KEY, None)
    st.logout()


# --- screens ----------------------------------------------------------------------------------------


def _screen(render: Callable[[], None], title: str) -> None:
    """Show one screen as the only (hidden) page, so that no page of the app is reachable, and stop."""
    st.navigation([st.Page(render, title=title, url_path="access", default=True)], position="hidden").run()
    st.stop()


def _refusal_screen(who: Identity, settings: AuthSettings, t: Translator) -> Callable[[], None]:
    def render() -> None:
        st.title(t("access.refuse.title"))
        st.error(t(f"access.refuse.{who.reason}"), icon=":material/block:")
        if who.reason == "incomplete_auth":
            st.markdown("\n".join(f"- `{problem}`" for problem in settings.problems))
        st.markdown(t("access.refuse.fix"))

    return render


def _sign_in_screen(settings: AuthSettings, t: Translator) -> Callable[[], None]:
    def render() -> None:
        st.title(t("app.title"))
        st.markdown(t("access.signin.intro"))
        for provider in settings.providers:
            label = (
                t("access.signin.button_default") if provider == DEFAULT_PROVIDER
                else t("access.signin.button", provider=provider_label(provider))
            )
            if st.button(label, key=f"signin_{provider}", type="primary", icon=":material/login:"):
                st.login(provider)

    return render


def _not_authorised_screen(who: Identity, t: Translator) -> Callable[[], None]:
    def render() -> None:
        st.title(t("access.denied.title"))
        st.warning(t("access.denied.text", user=who.name or who.user or "–"), icon=":material/lock:")
        if who.reason == "ambiguous":
            st.markdown(t("access.denied.ambiguous"))
        if who.reason == "roles_file":
            st.markdown(t("access.denied.roles_file"))
        st.markdown(t("access.denied.send_ids"))
        for claim, value in (("email", who.email), ("sub", who.subject)):
            if value:
                st.code(f"{claim} = {value}", language=None)
        if st.button(t("access.signout"), key="signout_denied", icon=":material/logout:"):
            sign_out()

    return render


def gate(t: Translator) -> Identity:
    """Decide who this session is; stop on a screen unless they have a role. Call before any data.

    * refuse mode: an explanation (bind to 127.0.0.1 or configure a provider) and nothing else;
    * OIDC, signed out: the sign-in screen, one button per configured provider;
    * OIDC, signed in without a role: "signed in but not authorised", with the identifiers to send to
      the administrator (logged as ``denied``);
    * otherwise the sign-in is logged once per session and the identity returned (pages decide it
      again themselves, see :func:`page_guard`).
    """
    who = current_identity()
    if who.mode == "refuse":
        _screen(_refusal_screen(who, auth_settings(), t), t("access.refuse.title"))
    if who.mode == "oidc" and who.reason == "signed_out":
        _screen(_sign_in_screen(auth_settings(), t), t("access.signin.title"))
    if not who.allowed:
        _record_once(who, "denied")
        _screen(_not_authorised_screen(who, t), t("access.denied.title"))
    _record_once(who, "sign_in")
    return who


def page_guard(page: PageId, t: Translator) -> Identity:
    """First line of every page: the session's identity, or an error and a stop if its role may not
    open ``page``. The navigation already hides such pages; this is the server-side check, and the only
    one when Streamlit runs a file of ``pages/`` without ``app.py`` (its legacy folder mode, on the first
    request after a restart)."""
    who = identity()
    try:
        require_page(who.role, page)
    except AccessDenied:
        record(who, "denied", f"page:{page}")
        st.error(t("access.page_denied"), icon=":material/lock:")
        st.stop()
    return who


P = ParamSpec("P")
R = TypeVar("R")


def restricted(allowed: Iterable[Role], what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Put above a loader (above its ``@st.cache_data``) that returns sensitive rows: every call, a
    cache hit included, first checks the session's role on the server side. A role not in
    ``allowed`` gets the "no access" message, the attempt is logged, and the script stops: no data,
    no traceback. ``analytics.access.require_role`` is the same check for code without Streamlit."""
    allowed_roles = frozenset(allowed)

    def decorate(loader: Callable[P, R]) -> Callable[P, R]:
        @wraps(loader)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            who = identity()
            try:
                require_role(who.role, allowed_roles, what)
            except AccessDenied:
                record(who, "denied", what)
                st.error(translator()("access.page_denied"), icon=":material/lock:")
                st.stop()
            return loader(*args, **kwargs)

        return checked

    return decorate


def navigation_pages(role: Role | None, specs: Sequence[PageSpec], t: Translator) -> list[Any]:
    """``st.Page`` objects for the pages ``role`` may open, in the order of ``specs``; the first is the
    default page (the overview when allowed)."""
    allowed = [spec for spec in specs if can_open(role, spec.page_id)]
    return [
        st.Page(spec.path, title=t(spec.title_key), icon=spec.icon, default=index == 0)
        for index, spec in enumerate(allowed)
    ]


def may_open_file(role: Role | None, page_file: str, specs: Sequence[PageSpec]) -> bool:
    """Whether ``page_file`` (e.g. a deep link's ``pages/capacity.py``) is a page ``role`` may open:
    check before ``st.switch_page``, which fails on a page the navigation does not hold."""
    return any(spec.path == page_file and can_open(role, spec.page_id) for spec in specs)


def sidebar_badge(who: Identity, t: Translator) -> None:
    """Say in the sidebar who is signed in (or that this is the local single-user mode), offer to sign
    out, and warn the direction about secret files readable by others or a weak configuration."""
    with st.sidebar:
        st.divider()
        if who.mode == "local":
            st.info(t("access.local.badge"), icon=":material/computer:")
            st.caption(t("access.local.help"))
        else:
            st.caption(t("access.signed_in_as", name=who.name or who.user or "–",
                         role=t.label("user_role", who.role)))
            if st.button(t("access.signout"), key="signout", icon=":material/logout:"):
                sign_out()
        if who.role == "direction":
            for warning in auth_settings().warnings:
                st.warning(t(f"access.warning.{warning}"), icon=":material/warning:")
            key_file = secret_dir() / SECRET_FILE_NAME
            loose = loose_permissions((*secret_files(Path.cwd(), Path.home()), roles_file(), key_file))
            if loose:
                st.warning(t("access.warning.loose_permissions", paths=", ".join(map(str, loose))),
                           icon=":material/warning:")
