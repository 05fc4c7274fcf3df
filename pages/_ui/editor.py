"""Who may change data: named editors' passwords or an OpenID Connect login, from the secrets.

A password is checked once when it is entered (not again on every rerun), and wrong
ones back off per browser session and per client address (:mod:`gros.backoff`): an
attempt while refused is turned away at once, nothing sleeps in the script thread.
"""

from __future__ import annotations

import math
import secrets

import streamlit as st

from gros import i18n
from gros.auth import check_editor, editor_hashes
from gros.backoff import Backoff
from gros.text import markdown_escape
from pages._ui import state


def _secret(section: str) -> dict | None:
    try:
        value = st.secrets.get(section)
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
    return dict(value) if value is not None else None


@st.cache_resource(show_spinner=False)
def _backoff() -> Backoff:
    """The failures of this server process, shared by all its sessions."""
    return Backoff()


def client_address() -> str:
    """The browser's address. A connection from this machine (Streamlit gives no
    address then) is our proxy's or a local one: the last ``X-Forwarded-For`` entry,
    the one the proxy added, else ``local``. From elsewhere the connection's own address
    counts, so a browser cannot pick its own by sending the header."""
    if st.context.ip_address:
        return st.context.ip_address
    forwarded = st.context.headers.get("X-Forwarded-For", "")
    return forwarded.split(",")[-1].strip() or "local"


def _backoff_keys() -> list[str]:
    if state.EDITOR_SESSION not in st.session_state:
        st.session_state[state.EDITOR_SESSION] = secrets.token_hex(8)
    return [f"session {st.session_state[state.EDITOR_SESSION]}", f"client {client_address()}"]


def _attempt(hashes: dict[str, str]) -> None:
    """The password field's callback: one check per entered password."""
    password = st.session_state.get(state.EDITOR_PASSWORD, "")
    name = str(st.session_state.get(state.EDITOR_NAME, "") or "").strip()
    st.session_state[state.EDITOR_PASSWORD] = ""  # never checked twice, never kept
    st.session_state[state.EDITOR_REFUSAL] = None
    if not password:
        return
    keys, backoff = _backoff_keys(), _backoff()
    wait = backoff.refused_for(keys)
    if wait > 0:
        st.session_state[state.EDITOR_REFUSAL] = ("data.password.wait", wait)
        return
    try:
        ok = check_editor(name, password, hashes)
    except ValueError as exc:
        st.session_state[state.EDITOR_REFUSAL] = (str(exc), 0.0)
        return
    if ok:
        backoff.succeeded(keys)
        st.session_state[state.EDITOR_UNLOCKED] = name or next(iter(hashes))
        return
    st.session_state[state.EDITOR_REFUSAL] = (
        "data.password.wrong", backoff.failed(keys, f"name {name!r}"))


def _sign_out() -> None:
    st.session_state[state.EDITOR_UNLOCKED] = None


def _password_editor(hashes: dict[str, str], lang: str) -> str | None:
    signed_in = st.session_state.get(state.EDITOR_UNLOCKED)
    if signed_in:
        st.caption(i18n.t("data.signed_in", lang, name=markdown_escape(signed_in)))
        st.button(i18n.t("data.logout", lang), on_click=_sign_out, key=state.EDITOR_SIGN_OUT)
        return str(signed_in)
    if len(hashes) > 1:
        st.text_input(i18n.t("data.editor_name", lang), key=state.EDITOR_NAME)
    st.text_input(i18n.t("data.password", lang), type="password", key=state.EDITOR_PASSWORD,
                  on_change=_attempt, args=(hashes,))
    refusal = st.session_state.get(state.EDITOR_REFUSAL)
    if refusal:
        key, wait = refusal
        if key.startswith("data."):
            st.error(i18n.t(key, lang) + " " + i18n.t("data.password.retry", lang,
                                                      seconds=max(1, math.ceil(wait))))
        else:
            st.error(key)
    return None


def editor(lang: str) -> str | None:
    """Who may change data: the editor's name once signed in, None (with the reason shown)
    otherwise. Named editors' passwords (stored hashed in the secrets, ``[editors]``, or
    the older single ``[editor] password_hash``) or an OpenID Connect login
    (``st.login``, the identity's e-mail or name) sign in; with neither, changing is off."""
    if _secret("auth") is not None:
        if not st.user.is_logged_in:
            st.button(i18n.t("data.login", lang), on_click=st.login)
            return None
        st.button(i18n.t("data.logout", lang), on_click=st.logout)
        return str(st.user.get("email") or st.user.get("name") or "login")
    try:
        hashes = editor_hashes(_secret("editor"), _secret("editors"))
    except ValueError as exc:
        st.error(str(exc))
        return None
    if hashes:
        return _password_editor(hashes, lang)
    st.info(i18n.t("data.locked", lang))
    return None
