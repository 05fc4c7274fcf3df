"""GROS dashboard — the frame: page config, shared sidebar, navigation."""

import streamlit as st

from gros import i18n
from pages import _ui

st.set_page_config(page_title="GROS dashboard", page_icon="🗺️", layout="wide")
_ui.install_assets()
lang = _ui.language()

page = st.navigation([
    st.Page("pages/map.py", title=i18n.t("nav.map", lang), icon="🗺️", url_path="map",
            default=True),
    st.Page("pages/about.py", title=i18n.t("nav.about", lang), icon="ℹ️", url_path="about"),
])
page.run()
