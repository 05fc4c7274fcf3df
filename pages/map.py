"""Map page: countries, border provinces and Euregios."""

import streamlit as st
from streamlit_folium import st_folium

from gros import i18n, maps
from pages import _ui

lang = st.session_state[_ui.LANGUAGE_KEY]
st.title(i18n.t("app.title", lang))
st.caption(i18n.t("app.subtitle", lang))

if _ui.BASEMAP_KEY not in st.session_state:
    requested = st.query_params.get("basemap", "light")
    st.session_state[_ui.BASEMAP_KEY] = requested if requested in maps.BASEMAPS else "light"
basemap = st.sidebar.radio(
    i18n.t("sidebar.basemap", lang), list(maps.BASEMAPS),
    format_func=lambda key: i18n.t(f"basemap.{key}", lang), key=_ui.BASEMAP_KEY,
)
st.query_params["basemap"] = basemap

layers = _ui.region_layers(lang)
if layers is not None:
    region_map = maps.build_region_map(layers, basemap=basemap, language=lang)
    # Nothing is read back from the map yet, so pans and zooms trigger no rerun.
    st_folium(region_map, height=640, use_container_width=True, returned_objects=[],
              key="region_map")
_ui.footer(lang)
