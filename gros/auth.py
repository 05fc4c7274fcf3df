"""Editor passwords, stored only as salted PBKDF2 hashes, one per named editor.

``python -m gros hash-password`` prints a hash to put in ``.streamlit/secrets.toml``,
one line per editor, so the audit trail says who changed what::

    [editors]
    anna = "pbkdf2_sha256$600000$…$…"
    jan = "pbkdf2_sha256$600000$…$…"

The older single ``[editor] password_hash`` still works and signs in as ``editor``.
Checking a hash takes about half a second of PBKDF2, which releases the interpreter
lock: other sessions keep running meanwhile.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000


def hash_password(password: str, salt: bytes | None = None,
                  iterations: int = ITERATIONS) -> str:
    """A self-describing hash of ``password``: algorithm, iterations, salt, digest."""
    if not password:
        raise ValueError("an editor password must not be empty")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    encode = base64.urlsafe_b64encode
    return f"{ALGORITHM}${iterations}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (compared in constant time).

    Raises
    ------
    ValueError
        If ``stored`` is not a hash made by :func:`hash_password`.
    """
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != ALGORITHM:
            raise ValueError
        expected = base64.urlsafe_b64decode(digest)
        actual = hashlib.pbkdf2_hmac("sha256", password.encode(),
                                     base64.urlsafe_b64decode(salt), int(iterations))
    except ValueError:
        raise ValueError(f"the editor password hash is not of the form {ALGORITHM}$iterations$"
                         "salt$digest; make one with `python -m gros hash-password`") from None
    return hmac.compare_digest(actual, expected)


LEGACY_NAME = "editor"  # who a single ``[editor] password_hash`` signs in as
# Checked when the name is unknown, so an unknown name costs the same time as a known one.
_UNKNOWN_NAME_HASH = hash_password("unknown-editor", b"gros-unknown-name", 1_000)


def editor_hashes(editor: Mapping[str, Any] | None,
                  editors: Mapping[str, Any] | None) -> dict[str, str]:
    """The editors the secrets name, ``name -> password hash``.

    ``[editors]`` holds one ``name = "hash"`` line per editor; the older single
    ``[editor] password_hash`` signs in as ``editor``.

    Raises
    ------
    ValueError
        If a name is empty or a value is not a string.
    """
    found: dict[str, str] = {}
    if editor and editor.get("password_hash"):
        found[LEGACY_NAME] = str(editor["password_hash"])
    for name, stored in (editors or {}).items():
        if not str(name).strip() or not isinstance(stored, str):
            raise ValueError(f"[editors] expects name = \"{ALGORITHM}$…\" lines, got "
                             f"{name!r} = {stored!r}")
        found[str(name).strip()] = stored
    return found


def check_editor(name: str, password: str, hashes: Mapping[str, str]) -> bool:
    """True when ``password`` is the password of the editor ``name``.

    With one editor only (the older ``[editor] password_hash``) the name is not asked
    and may be empty. Raises ValueError like :func:`verify_password` for a bad hash.
    """
    if not name and len(hashes) == 1:
        name = next(iter(hashes))
    stored = hashes.get(name.strip())
    if stored is None:
        verify_password(password, _UNKNOWN_NAME_HASH)
        return False
    return verify_password(password, stored)
