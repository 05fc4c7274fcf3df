import pytest

from gros.auth import LEGACY_NAME, check_editor, editor_hashes, hash_password, verify_password


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


def test_named_editors_each_sign_in_with_their_own_password():
    hashes = editor_hashes(None, {"anna": hash_password("a-pass", iterations=1_000),
                                  "jan": hash_password("j-pass", iterations=1_000)})
    assert check_editor("anna", "a-pass", hashes)
    assert check_editor(" jan ", "j-pass", hashes)
    assert not check_editor("anna", "j-pass", hashes)
    assert not check_editor("piet", "a-pass", hashes)
    assert not check_editor("", "a-pass", hashes)  # several editors: the name is needed


def test_the_single_editor_password_signs_in_as_editor():
    hashes = editor_hashes({"password_hash": hash_password("x", iterations=1_000)}, None)
    assert list(hashes) == [LEGACY_NAME]
    assert check_editor("", "x", hashes)
    assert editor_hashes(None, None) == {}


def test_a_malformed_editors_table_says_what_it_expected():
    with pytest.raises(ValueError, match=r"\[editors\] expects name = "):
        editor_hashes(None, {"anna": 12})
