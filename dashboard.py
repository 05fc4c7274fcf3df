"""GROS dashboard — the frame: page config, shared sidebar, navigation."""

import streamlit as st

from gros import i18n
from pages import _ui

st.set_page_config(page_title="GROS dashboard", page_icon="🗺️", layout="wide")
_ui.install_assets()
ignored = _ui.read_view_from_url()
lang = _ui.language()
if ignored:
    st.warning(i18n.t("filter.ignored", lang, parts=", ".join(ignored)))

if st.query_params.get("mode") == "present":
    # Presentation mode: one page, no navigation; the page hides the rest of the chrome.
    page = st.navigation([st.Page("pages/present.py", title=i18n.t("meeting.present", lang),
                                  url_path="present", default=True)], position="hidden")
    page.run()
    st.stop()

page = st.navigation([
    st.Page("pages/map.py", title=i18n.t("nav.map", lang), icon="🗺️", url_path="map",
            default=True),
    st.Page("pages/projects.py", title=i18n.t("nav.projects", lang), icon="📋",
            url_path="projects"),
    st.Page("pages/euregios.py", title=i18n.t("nav.euregios", lang), icon="🧭",
            url_path="euregios"),
    st.Page("pages/themes.py", title=i18n.t("nav.themes", lang), icon="🏷️", url_path="themes"),
    st.Page("pages/meeting.py", title=i18n.t("nav.meeting", lang), icon="🎞️",
            url_path="meeting"),
    st.Page("pages/data.py", title=i18n.t("nav.data", lang), icon="📥", url_path="data"),
    st.Page("pages/about.py", title=i18n.t("nav.about", lang), icon="ℹ️", url_path="about"),
])
page.run()
