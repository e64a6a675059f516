"""docs/deployment.md followed from scratch, signing in against a local OpenID Connect test provider.

The module fixture does the document's steps with the document's own text: the ``secrets.toml``,
``roles.toml`` and systemd blocks are read from docs/deployment.md (marked ``deployment-test``), only the
machine-specific values are swapped (the provider's client and discovery URL, ``http://127.0.0.1:<port>``
for ``https://tableau.ville.fr`` since no proxy or certificate is set up here, a temporary home for
``/var/lib/participation``, a free port for 8501). Then a real browser signs in as the people of the
document's ``roles.toml`` and checks step 8.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from analytics.access import PAGES, ROLE_PAGES, PageId, Role
from analytics.i18n import Translator
from tests.browser.conftest import ROOT, free_port, wait_for_health, wait_until_idle
from tests.oidc_provider import OIDCProvider, running_provider

pytestmark = pytest.mark.browser

DOC = ROOT / "docs" / "deployment.md"
PUBLIC_URL = "https://tableau.ville.fr"
SERVICE_HOME = "/var/lib/participation"
FR = Translator("fr")


def doc_block(name: str) -> str:
    """The fenced block that follows ``<!-- deployment-test: name -->`` in docs/deployment.md."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- deployment-test: {re.escape(name)} -->\s*```[a-z]*\n(.*?)```", text, re.S)
    assert match, f"docs/deployment.md has no block marked {name}"
    return match.group(1)


def toml_line(key: str, value: str) -> str:
    return f"{key} = {json.dumps(value)}"


@dataclass
class Deployment:
    url: str
    provider: OIDCProvider
    home: Path
    restart: Callable[[], None]


def step3_secrets(home: Path, provider: OIDCProvider, url: str) -> Path:
    """Step 3: the document's [auth] block, with this provider's client and this server's address."""
    documented = tomllib.loads(doc_block("secrets.toml"))["auth"]
    values = {
        **documented,
        "redirect_uri": documented["redirect_uri"].replace(PUBLIC_URL, url),
        "cookie_secret": secrets.token_hex(32),  # = openssl rand -hex 32
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "server_metadata_url": provider.metadata_url,
    }
    folder = home / ".streamlit"
    folder.mkdir(mode=0o700, parents=True)
    path = folder / "secrets.toml"
    path.touch(mode=0o600)
    path.write_text("[auth]\n" + "\n".join(toml_line(k, v) for k, v in values.items()) + "\n")
    provider.redirect_uris.add(values["redirect_uri"])
    return path


def step4_roles(home: Path) -> Path:
    """Step 4: the document's roles.toml, as is."""
    folder = home / ".config" / "participation"
    folder.mkdir(mode=0o700, parents=True)
    path = folder / "roles.toml"
    path.touch(mode=0o600)
    path.write_text(doc_block("roles.toml"), encoding="utf-8")
    return path


def step6_service(home: Path, port: int) -> tuple[list[str], dict[str, str], Path]:
    """Step 6: the systemd unit's command, environment and working directory, for this machine."""
    unit = doc_block("systemd")
    environment = dict(
        line.removeprefix("Environment=").split("=", 1)
        for line in unit.splitlines() if line.startswith("Environment=")
    )
    command = shlex.split(next(line for line in unit.splitlines() if line.startswith("ExecStart=")
                               ).removeprefix("ExecStart="))
    assert command[0].endswith("/python") and command[1:4] == ["-m", "dashboard.serve", "run"]
    assert "--server.address" in command
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    command = [sys.executable, *command[1:]]  # as `make run`: the app's modules warmed first
    command[command.index("--server.port") + 1] = str(port)
    env = {
        **os.environ,
        **{key: value.replace(SERVICE_HOME, str(home)) for key, value in environment.items()},
    }
    env.pop("PARTICIPATION_ROLES_FILE", None)
    env.pop("PARTICIPATION_SECRET_DIR", None)
    return command, env, ROOT  # WorkingDirectory=/opt/participation is this checkout


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    home = tmp_path_factory.mktemp("participation-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running_provider() as provider:
        secrets_file = step3_secrets(home, provider, url)
        roles = step4_roles(home)
        assert oct(secrets_file.stat().st_mode & 0o777) == oct(0o600)
        assert oct(roles.stat().st_mode & 0o777) == oct(0o600)
        command, env, cwd = step6_service(home, port)
        log = (home / "streamlit.log").open("ab")
        processes: list[subprocess.Popen[bytes]] = []

        def start() -> None:  # systemctl start participation
            processes.append(subprocess.Popen(command, cwd=cwd, env=env, stdout=log,
                                              stderr=subprocess.STDOUT))
            wait_for_health(url, processes[-1])  # curl -s http://127.0.0.1:8501/_stcore/health

        def restart() -> None:  # systemctl restart participation
            processes[-1].terminate()
            processes[-1].wait(timeout=30)
            start()

        try:
            start()
            yield Deployment(url, provider, home, restart)
        finally:
            processes[-1].terminate()
            processes[-1].wait(timeout=30)
            log.close()


def sign_in(browser: object, deployment: Deployment, claims: dict[str, object]) -> object:
    """A fresh browser session that signs in as ``claims`` through the provider (step 8)."""
    deployment.provider.user = claims
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(deployment.url)
    button = page.get_by_role("button", name=FR("access.signin.button_default"))
    button.wait_for(timeout=60_000)
    button.click()  # → provider's authorize endpoint → /oauth2callback → back to the app, signed in
    button.wait_for(state="detached", timeout=60_000)
    return page


def nav_labels(page: object) -> set[str]:
    page.wait_for_selector("[data-testid='stSidebarNav']", timeout=60_000)
    links = page.locator("[data-testid='stSidebarNav'] [data-testid='stSidebarNavLink']")
    return {text.strip().splitlines()[-1] for text in links.all_inner_texts()}  # after the icon's name


def expected_labels(role: Role) -> set[str]:
    """The navigation titles of the pages the role may open (those of this checkout)."""
    ids: list[PageId] = [page for page in PAGES if page in ROLE_PAGES[role]]
    return {FR(f"nav.{page}") for page in ids if (ROOT / "pages" / f"{page}.py").exists()}


def test_elected_official_sees_only_their_pages(browser: object, deployment: Deployment) -> None:
    page = sign_in(browser, deployment, {
        "sub": "kc-maire", "email": "maire@ville.fr", "email_verified": True, "name": "Claire Maire",
    })
    wait_until_idle(page)
    labels = nav_labels(page)
    assert labels == expected_labels("elected")
    assert FR("nav.capacity") not in labels and FR("nav.audit") not in labels
    body = page.inner_text("body")
    assert "Claire Maire" in body and FR("vocab.user_role.elected") in body
    page.goto(deployment.url + "/audit")  # typing a page's address does not open it either
    wait_until_idle(page)
    assert FR("audit.title") not in page.inner_text("[data-testid='stMain']")
    page.context.close()


def test_director_sees_every_page_and_the_sign_ins(browser: object, deployment: Deployment) -> None:
    page = sign_in(browser, deployment, {
        "sub": "kc-dgs", "email": "DGS@ville.fr", "email_verified": True, "name": "Directeur Général",
    })
    wait_until_idle(page)
    assert nav_labels(page) == expected_labels("direction")
    logs = []
    for _ in range(2):  # the second copy of the log records the first download
        page.get_by_role("link", name=FR("nav.audit")).click()
        page.get_by_role("heading", name=FR("audit.title")).wait_for(timeout=60_000)
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
        with page.expect_download() as download:
            page.get_by_role("button", name=FR("download.csv")).click()
        logs.append(Path(download.value.path()).read_text(encoding="utf-8-sig"))
        page.goto(deployment.url)  # a new run of the app, still signed in (the cookie)
        wait_until_idle(page)
    assert re.search(r"dgs@ville\.fr;Direction;Connexion", logs[0]), logs[0]
    assert re.search(r"dgs@ville\.fr;Direction;Téléchargement;journal_acces;.*csv", logs[1]), logs[1]
    page.context.close()


def test_somebody_not_in_roles_is_signed_in_but_sees_no_data(browser: object, deployment: Deployment) -> None:
    page = sign_in(browser, deployment, {"sub": "kc-intrus", "email": "curieux@ville.fr"})
    page.get_by_role("heading", name=FR("access.denied.title")).wait_for(timeout=60_000)
    page.get_by_text("email = curieux@ville.fr").wait_for(timeout=60_000)  # the id to send
    # the address is data: a word joiner before "@" keeps markdown from making it a mailto link
    assert "curieux@ville.fr" in page.inner_text("[data-testid='stAlert']").replace("\u2060", "")
    assert page.locator("[data-testid='stMetric']").count() == 0
    assert page.locator("[data-testid='stSidebarNav']").count() == 0
    page.context.close()


def test_after_a_restart_a_deep_link_opens_only_an_allowed_page(
    browser: object, deployment: Deployment
) -> None:
    """The first request a freshly started server receives may be a page's own address; Streamlit then
    treats pages/ the legacy way. An elected official still gets only their pages."""
    page = sign_in(browser, deployment, {"sub": "kc-maire", "email": "maire@ville.fr", "name": "Claire"})
    wait_until_idle(page)
    deployment.restart()
    page.goto(deployment.url + "/capacity")
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
    wait_until_idle(page)
    main = page.inner_text("[data-testid='stMain']")
    assert FR("capacity.title") not in main
    page.goto(deployment.url + "/arbitration")
    page.get_by_role("heading", name=FR("arb.title")).wait_for(timeout=60_000)
    page.context.close()
