"""GROS dashboard — the frame: page config, shared sidebar, navigation."""

from pathlib import Path

import streamlit as st

from gros import i18n
from pages._ui import cached, sidebar, url

PAGES = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="GROS dashboard", page_icon="🗺️", layout="wide")
cached.install_assets()
ignored = url.read_view_from_url()
lang = sidebar.language()
if ignored:
    st.warning(i18n.t("filter.ignored", lang, parts=", ".join(ignored)))

if st.query_params.get("mode") == "present":
    # Presentation mode: one page, no navigation; the page hides the rest of the chrome.
    page = st.navigation([st.Page(PAGES / "present.py", title=i18n.t("meeting.present", lang),
                                  url_path="present", default=True)], position="hidden")
    page.run()
    st.stop()

page = st.navigation([
    st.Page(PAGES / "map.py", title=i18n.t("nav.map", lang), icon="🗺️", url_path="map",
            default=True),
    st.Page(PAGES / "projects.py", title=i18n.t("nav.projects", lang), icon="📋",
            url_path="projects"),
    st.Page(PAGES / "euregios.py", title=i18n.t("nav.euregios", lang), icon="🧭",
            url_path="euregios"),
    st.Page(PAGES / "themes.py", title=i18n.t("nav.themes", lang), icon="🏷️", url_path="themes"),
    st.Page(PAGES / "agenda.py", title=i18n.t("nav.agenda", lang), icon="🤝", url_path="agenda"),
    st.Page(PAGES / "meeting.py", title=i18n.t("nav.meeting", lang), icon="🎞️",
            url_path="meeting"),
    st.Page(PAGES / "data.py", title=i18n.t("nav.data", lang), icon="📥", url_path="data"),
    st.Page(PAGES / "about.py", title=i18n.t("nav.about", lang), icon="ℹ️", url_path="about"),
])
page.run()
