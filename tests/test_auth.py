import pytest

from gros.auth import hash_password, verify_password


def test_a_hash_verifies_only_its_own_password():
    stored = hash_password("grens-2026", iterations=1_000)
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert "grens-2026" not in stored
    assert verify_password("grens-2026", stored)
    assert not verify_password("grens-2025", stored)


def test_same_password_different_salt():
    assert hash_password("x", iterations=1_000) != hash_password("x", iterations=1_000)


def test_a_malformed_hash_is_explained():
    with pytest.raises(ValueError, match="hash-password"):
        verify_password("x", "plaintext-password")
    with pytest.raises(ValueError, match="must not be empty"):
        hash_password("")
