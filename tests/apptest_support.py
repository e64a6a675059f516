"""Make AppTest run this app the way the server does.

Streamlit decides once per process whether an app uses the legacy ``pages/`` folder (MPA v1) or
``st.navigation``; the server learns it on the first run, when ``app.py`` calls ``st.navigation``.
AppTest resets that flag before every run and infers it from the folder, so from the second run on it
would execute ``pages/<page>.py`` alone, without the frame (streamlit issue #9446, still true in 1.67
when a ``pages/`` folder exists). This plugin keeps the flag at "uses st.navigation", as on a server.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

import pytest
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

APP: Final[str] = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT: Final[int] = 120  # a cold machine needs time for the first run (imports, store opened)
AUTH: Final[dict[str, dict[str, str]]] = {"auth": {
    "redirect_uri": "https://tableau.ville.fr/oauth2callback", "cookie_secret": "c" * 64,
    "client_id": "tableau", "client_secret": "s",
    "server_metadata_url": "https://sso.ville.fr/.well-known/openid-configuration",
}}
"""A sign-in provider's configuration (never reached): with it the app runs in signed-in mode."""
EMAILS: Final[dict[str, str]] = {
    "direction": "dgs@ville.fr", "elected": "maire@ville.fr",
    "evaluator": "evaluation@cabinet.fr", "data_admin": "rh.donnees@ville.fr",
}
"""The e-mail of a user of each role (the roles file of :func:`sign_in_mode`)."""


class NavigationPagesManager(PagesManager):
    """A PagesManager that never falls back to the legacy ``pages/`` folder behaviour."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _apptest_uses_navigation(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(app_test, "PagesManager", NavigationPagesManager)
    yield


def open_app(
    db: Path, monkeypatch: pytest.MonkeyPatch, page: str | None = None,
    query: Mapping[str, str] | None = None,
) -> AppTest:
    """The app run on the store ``db`` in local mode (the direction), then on ``pages/<page>.py``
    when given (reached with the link's ``query`` parameters), with no exception."""
    monkeypatch.setenv("PARTICIPATION_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    if page is not None:
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    """The value shown by the metric tile with this label."""
    matches = [m.value for m in at.metric if m.label == label]
    assert matches, f"no metric labelled {label!r}; have {[m.label for m in at.metric]}"
    return matches[0]


def sign_in_mode(
    db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, emails: Mapping[str, str] = EMAILS
) -> None:
    """Serve the store ``db`` as a town's server does: on a network address (restored after the
    test by tests/access_fixtures.py), roles read from a roles file in ``folder`` giving each
    e-mail of ``emails`` (role → e-mail) its role."""
    roles = folder / "roles.toml"
    roles.write_text("[emails]\n" + "".join(f'"{e}" = "{r}"\n' for r, e in emails.items()))
    roles.chmod(0o600)
    monkeypatch.setenv("PARTICIPATION_ROLES_FILE", str(roles))
    monkeypatch.setenv("PARTICIPATION_DB", str(db))
    config.set_option("server.address", "0.0.0.0")


def signed_in_app(
    role: str, email: str | None = None, timeout: int = TIMEOUT, **user: str
) -> AppTest:
    """The app, not yet run, as the signed-in user ``email`` (default: the role's e-mail of
    :data:`EMAILS`), with the ``user`` fields given (e.g. ``name``)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.secrets.update(AUTH)
    at.user = {"is_logged_in": True, "email": email or EMAILS[role], "sub": f"sub-{role}", **user}
    return at
