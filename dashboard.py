"""GROS dashboard — the frame: page config, shared sidebar, navigation."""

from pathlib import Path

import streamlit as st

from gros import i18n
from pages._ui import cached, sidebar, url

PAGES = Path(__file__).resolve().parent / "pages"

# The tab's icon stays an emoji: a Material Symbol there is fetched from Google Fonts,
# and the dashboard asks nothing of the internet.
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

# Material Symbols, drawn with Streamlit's own font: no emoji font needed.
NAVIGATION = (("map", ":material/map:"), ("projects", ":material/table_rows:"),
              ("euregios", ":material/explore:"), ("themes", ":material/category:"),
              ("agenda", ":material/handshake:"), ("meeting", ":material/slideshow:"),
              ("data", ":material/upload_file:"), ("about", ":material/info:"))
page = st.navigation([
    st.Page(PAGES / f"{name}.py", title=i18n.t(f"nav.{name}", lang), icon=icon, url_path=name,
            default=name == "map")
    for name, icon in NAVIGATION
])
page.run()
