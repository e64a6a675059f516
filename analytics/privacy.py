"""Keyed pseudonyms for residents: names and emails never reach the store.

``pseudonym(secret, identifier)`` = hex HMAC-SHA256 of the normalised identifier (trimmed, lower-case,
accents and inner whitespace folded), so "Élise  Martin " and "elise martin" map to the same
participant. The secret lives in a file outside the database and the repository
(:func:`load_or_create_secret`), created on first use with owner-only permissions.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import unicodedata
from pathlib import Path

from analytics.settings import secret_dir

SECRET_FILE_NAME = "pseudonym.key"
PSEUDONYM_PREFIX = "p_"


def normalise_identifier(identifier: str) -> str:
    """Lower-case, accent-free, single-spaced form of a name or email."""
    decomposed = unicodedata.normalize("NFKD", identifier)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(ascii_only.lower().split())


def pseudonym(secret: bytes, identifier: str) -> str:
    """The keyed pseudonym of a resident: ``p_`` + the first 24 hex digits of HMAC-SHA256.

    96 bits keep collisions out of reach for any town while keeping ids readable in tables.
    """
    digest = hmac.new(secret, normalise_identifier(identifier).encode("utf-8"), hashlib.sha256)
    return PSEUDONYM_PREFIX + digest.hexdigest()[:24]


def load_or_create_secret(directory: Path | None = None) -> bytes:
    """The pseudonymisation key, read from ``<secret_dir>/pseudonym.key``.

    Created on first use (32 random bytes, hex-encoded) with permissions 0600 inside a 0700 folder.
    Losing it means the same person gets a new pseudonym in later imports: back it up.
    """
    folder = directory or secret_dir()
    path = folder / SECRET_FILE_NAME
    if path.exists():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex())
    return key
