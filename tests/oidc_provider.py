"""A minimal OpenID Connect provider for tests only: authorization-code flow on 127.0.0.1.

It serves the discovery document, a JWKS with an RSA key made at start, an authorize endpoint that
signs in the configured test user at once (no login form) and redirects back with a code, a token
endpoint returning an RS256-signed id_token (iss, sub, aud, exp, iat, nonce and the user's claims), a
userinfo endpoint and an end-session endpoint. It checks what a real provider checks: the client id and
secret, the registered redirect URI, single-use codes, PKCE when used. It is written against the
specifications with ``cryptography`` alone, so that it shares no code with the client under test.

Never use it outside tests: anybody reaching it is signed in as the configured user.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlencode, urlsplit

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ID_TOKEN_SECONDS = 300
CODE_SECONDS = 60


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _uint(value: int) -> str:
    return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    nonce: str | None
    claims: dict[str, Any]
    scope: str
    code_challenge: str | None
    expires: float


@dataclass
class OIDCProvider:
    """The provider; ``user`` holds the claims of whoever signs in next (change it between tests)."""

    client_id: str = "tableau-de-bord"
    client_secret: str = field(default_factory=lambda: secrets.token_hex(16))
    user: dict[str, Any] = field(default_factory=lambda: {"sub": "user-1", "email": "user@example.fr"})
    redirect_uris: set[str] = field(default_factory=set)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = b64url(secrets.token_bytes(8))
        self._grants: dict[str, Grant] = {}
        self._tokens: dict[str, dict[str, Any]] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle --------------------------------------------------------------------------------

    def start(self) -> OIDCProvider:
        provider = self

        class Handler(_Handler):
            owner = provider

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def issuer(self) -> str:
        assert self._server is not None, "start() the provider first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    # --- documents --------------------------------------------------------------------------------

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "email", "email_verified", "name", "groups"],
        }

    def jwks(self) -> dict[str, Any]:
        numbers = self._key.public_key().public_numbers()
        return {"keys": [{
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid,
            "n": _uint(numbers.n), "e": _uint(numbers.e),
        }]}

    def sign(self, claims: dict[str, Any]) -> str:
        header = {"alg": "RS256", "typ": "JWT", "kid": self.kid}
        signing_input = ".".join(
            b64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, claims)
        )
        signature = self._key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{b64url(signature)}"

    # --- flows ------------------------------------------------------------------------------------

    def authorize(self, params: dict[str, str]) -> tuple[int, dict[str, str], str]:
        """Sign the configured user in at once: (status, headers, body)."""
        redirect_uri = params.get("redirect_uri", "")
        if params.get("client_id") != self.client_id:
            return 400, {}, "unknown client_id"
        if redirect_uri not in self.redirect_uris:
            return 400, {}, f"redirect_uri not registered: {redirect_uri}"
        if params.get("response_type") != "code" or "openid" not in params.get("scope", "").split():
            return 400, {}, "expected response_type=code and the openid scope"
        challenge = params.get("code_challenge")
        if challenge and params.get("code_challenge_method", "plain") != "S256":
            return 400, {}, "only S256 PKCE is supported"
        code = secrets.token_urlsafe(24)
        self._grants[code] = Grant(
            self.client_id, redirect_uri, params.get("nonce"), dict(self.user),
            params.get("scope", ""), challenge, time.time() + CODE_SECONDS,
        )
        query = {"code": code, **({"state": params["state"]} if "state" in params else {})}
        separator = "&" if urlsplit(redirect_uri).query else "?"
        return 302, {"Location": f"{redirect_uri}{separator}{urlencode(query)}"}, ""

    def token(self, form: dict[str, str], authorization: str | None) -> tuple[int, dict[str, Any]]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            raw_id, _, raw_secret = decoded.partition(":")
            client_id, client_secret = unquote_plus(raw_id), unquote_plus(raw_secret)
        if client_id != self.client_id or client_secret != self.client_secret:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        grant = self._grants.pop(form.get("code", ""), None)
        if grant is None or grant.expires < time.time() or grant.redirect_uri != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        if grant.code_challenge:
            verifier = form.get("code_verifier", "")
            if b64url(hashlib.sha256(verifier.encode()).digest()) != grant.code_challenge:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time())
        claims = {
            "iss": self.issuer, "aud": self.client_id, "iat": now, "exp": now + ID_TOKEN_SECONDS,
            "auth_time": now, **grant.claims,
        }
        if grant.nonce is not None:
            claims["nonce"] = grant.nonce
        access_token = secrets.token_urlsafe(24)
        self._tokens[access_token] = grant.claims
        return 200, {
            "access_token": access_token, "token_type": "Bearer", "expires_in": ID_TOKEN_SECONDS,
            "id_token": self.sign(claims), "scope": grant.scope,
        }


class _Handler(BaseHTTPRequestHandler):
    owner: OIDCProvider

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def _send(self, status: int, body: str | dict[str, Any], headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(body) if isinstance(body, dict) else body
        self.send_response(status)
        content_type = "application/json" if isinstance(body, dict) else "text/plain; charset=utf-8"
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        data = payload.encode()
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        params = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        self.owner.requests.append((parts.path, params))
        if parts.path == "/.well-known/openid-configuration":
            self._send(200, self.owner.discovery())
        elif parts.path == "/jwks":
            self._send(200, self.owner.jwks())
        elif parts.path == "/authorize":
            status, headers, body = self.owner.authorize(params)
            self._send(status, body, headers)
        elif parts.path == "/userinfo":
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
            claims = self.owner._tokens.get(token)
            self._send(200, claims) if claims else self._send(401, {"error": "invalid_token"})
        elif parts.path == "/logout":
            target = params.get("post_logout_redirect_uri")
            self._send(302, "", {"Location": target}) if target else self._send(200, "signed out")
        else:
            self._send(404, "not found")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        form = {key: values[-1] for key, values in parse_qs(body).items()}
        parts = urlsplit(self.path)
        self.owner.requests.append((parts.path, {k: v for k, v in form.items() if k != "client_secret"}))
        if parts.path == "/token":
            status, payload = self.owner.token(form, self.headers.get("Authorization"))
            self._send(status, payload)
        else:
            self._send(404, "not found")


@contextmanager
def running_provider(**kwargs: Any) -> Iterator[OIDCProvider]:
    """A started provider, stopped on exit."""
    provider = OIDCProvider(**kwargs).start()
    try:
        yield provider
    finally:
        provider.stop()
