"""Who may change data: an editor password or an OpenID Connect login, from the secrets."""

from __future__ import annotations

import streamlit as st

from gros import i18n
from gros.auth import verify_password
from pages._ui import state


def _secret(section: str) -> dict | None:
    try:
        value = st.secrets.get(section)
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
    return dict(value) if value is not None else None


def _password_editor(password_hash: str, lang: str) -> str | None:
    if st.session_state.get(state.EDITOR_UNLOCKED):
        return "editor"
    password = st.text_input(i18n.t("data.password", lang), type="password",
                             key=state.EDITOR_PASSWORD)
    if not password:
        return None
    try:
        ok = verify_password(password, password_hash)
    except ValueError as exc:
        st.error(str(exc))
        return None
    if ok:
        st.session_state[state.EDITOR_UNLOCKED] = True
        return "editor"
    st.error(i18n.t("data.password.wrong", lang))
    return None


def editor(lang: str) -> str | None:
    """Who may change data: an actor name once unlocked, None (with the reason shown)
    otherwise. An editor password (stored hashed in the secrets) or an OpenID Connect
    login (``st.login``) unlocks; with neither configured, changing data is off."""
    if _secret("auth") is not None:
        if not st.user.is_logged_in:
            st.button(i18n.t("data.login", lang), on_click=st.login)
            return None
        st.button(i18n.t("data.logout", lang), on_click=st.logout)
        return str(st.user.get("email") or st.user.get("name") or "login")
    password_hash = (_secret("editor") or {}).get("password_hash")
    if password_hash:
        return _password_editor(str(password_hash), lang)
    st.info(i18n.t("data.locked", lang))
    return None
