"""API keys: who may call ``/v1``, and with which scope.

Keys come from ``CROSSCHECK_API_KEYS`` (plain keys, full access) and from
``CROSSCHECK_API_KEYS_FILE`` (one SHA-256 hex digest per line, optionally followed by the scope
``read`` or ``write``; ``write`` when absent; ``#`` comments and blank lines allowed). Only the
digests are kept in memory, presented keys are hashed and compared in constant time with every
known digest, and neither a key nor a digest is ever logged.

Scopes: ``read`` allows GET/HEAD and the two read-only POSTs, ``/v1/check`` (unless it asks to
``index`` the article) and ``/v1/compare``; ``write`` allows everything. ``/v1/health`` and
CORS preflights (``OPTIONS``) need no key. Without any key configured the API is open.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, g, request
from flask_smorest import abort

READ = "read"
WRITE = "write"
SCOPES = (READ, WRITE)
REALM = "crosscheck"
OPEN_PATHS = frozenset({"/v1/health"})
READ_ONLY_POSTS = frozenset({"/v1/check", "/v1/compare"})
_READ_METHODS = frozenset({"GET", "HEAD"})
_DIGEST = re.compile(r"^[0-9a-fA-F]{64}$")
EXTENSION_KEY = "crosscheck.auth"


class KeyFileError(ValueError):
    """The keys file cannot be used; raised at start-up, never echoing a line's content."""


@dataclass(frozen=True)
class ApiKey:
    digest: bytes
    scope: str

    def allows(self, scope: str) -> bool:
        return self.scope == WRITE or scope == READ

    @property
    def fingerprint(self) -> str:
        """A short, non-reversible name for the key (for rate-limit buckets)."""
        return self.digest.hex()[:16]


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


class Keyring:
    """The known keys; empty means the API runs open."""

    def __init__(self, keys: Sequence[ApiKey] = ()):
        self._keys = tuple(keys)

    @property
    def enabled(self) -> bool:
        return bool(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def identify(self, presented: str) -> ApiKey | None:
        """The key matching ``presented``, comparing with every known digest in constant time."""
        digest = key_digest(presented)
        found: ApiKey | None = None
        for key in self._keys:
            if hmac.compare_digest(digest, key.digest) and found is None:
                found = key
        return found


def load_keyring(plain_keys: Iterable[str], keys_file: str | Path | None) -> Keyring:
    keys = [ApiKey(key_digest(key), WRITE) for key in plain_keys if key]
    if keys_file:
        keys += parse_keys_file(Path(keys_file))
    return Keyring(keys)


def parse_keys_file(path: Path) -> list[ApiKey]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(
            f"API keys file {path} cannot be read: {error.__class__.__name__}"
        ) from error
    keys: list[ApiKey] = []
    seen: dict[bytes, int] = {}
    for number, line in enumerate(lines, start=1):
        key = _parse_line(line, path, number)
        if key is None:
            continue
        if key.digest in seen:
            raise KeyFileError(
                f"{path}, line {number}: the same hash is on line {seen[key.digest]}"
            )
        seen[key.digest] = number
        keys.append(key)
    return keys


def _parse_line(line: str, path: Path, number: int) -> ApiKey | None:
    content = line.split("#", 1)[0].split()
    if not content:
        return None
    if len(content) > 2 or not _DIGEST.match(content[0]):
        raise KeyFileError(
            f"{path}, line {number}: expected '<sha256 hex digest> [read|write]' "
            "(store the SHA-256 of each key, never the key itself)"
        )
    scope = content[1].lower() if len(content) == 2 else WRITE
    if scope not in SCOPES:
        raise KeyFileError(f"{path}, line {number}: the scope must be 'read' or 'write'")
    return ApiKey(bytes.fromhex(content[0]), scope)


# -- per request ----------------------------------------------------------------------------


def init_auth(app: Flask, keyring: Keyring) -> None:
    app.extensions[EXTENSION_KEY] = keyring
    app.before_request(_guard)


def current_keyring() -> Keyring:
    keyring: Keyring = current_app.extensions[EXTENSION_KEY]
    return keyring


def presented_key() -> str:
    """The key sent as ``Authorization: Bearer <key>`` or, failing that, ``X-API-Key``."""
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return request.headers.get("X-API-Key", "").strip()


def current_key() -> ApiKey | None:
    """The known key of this request, if any (computed once per request)."""
    if "api_key" not in g:
        presented = presented_key()
        g.api_key = current_keyring().identify(presented) if presented else None
    key: ApiKey | None = g.api_key
    return key


def required_scope(method: str, path: str) -> str:
    if method in _READ_METHODS or (method == "POST" and path in READ_ONLY_POSTS):
        return READ
    return WRITE


def require_scope(scope: str) -> None:
    """Abort with 403 unless the request's key allows ``scope`` (no-op when the API is open)."""
    if not current_keyring().enabled:
        return
    key = current_key()
    if key is None:
        _unauthorized()
    elif not key.allows(scope):
        abort(403, message=f"This API key has the read scope; this request needs {scope}.")


def _guard() -> None:
    if not current_keyring().enabled or not _protected(request.method, request.path):
        return
    require_scope(required_scope(request.method, request.path))


def _protected(method: str, path: str) -> bool:
    return method != "OPTIONS" and path.startswith("/v1/") and path not in OPEN_PATHS


def _unauthorized() -> None:
    challenge = f'Bearer realm="{REALM}"'
    if presented_key():
        message = "The API key is not valid."
        challenge += ', error="invalid_token"'
    else:
        message = "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
    abort(401, message=message, headers={"WWW-Authenticate": challenge})
