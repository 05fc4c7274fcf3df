"""Editor passwords, stored only as salted PBKDF2 hashes.

``python -m gros hash-password`` prints the line to put in
``.streamlit/secrets.toml``::

    [editor]
    password_hash = "pbkdf2_sha256$600000$…$…"
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

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
