"""Map page: Euregios, border provinces and projects, filtered; details of the selection."""

import streamlit as st
from streamlit_folium import st_folium

from gros import i18n, maps
from pages import _ui

_ui.run_inside_frame()

EUREGIO_PROFILE_KEY = "euregio_profile"
LAST_CLICK_KEY = "map_last_click"

lang = _ui.current_language()
st.title(i18n.t("app.title", lang))
st.caption(i18n.t("app.subtitle", lang))

layers = _ui.region_layers(lang)
everything, shown, wanted = _ui.filtered_projects(layers, lang)
basemap, visible = _ui.map_options_sidebar(lang)
_ui.write_url(wanted, lang, basemap, visible)

map_column, detail_column = st.columns([3, 1.25])
clicked_euregio = None
with map_column:
    if layers is not None:
        base = maps.build_region_map(layers, basemap=basemap, language=lang, visible=visible)
        overlay = (maps.project_overlay(shown, lang, _ui.prepared_projects(layers, lang))
                   if "projects" in visible else None)
        # Only clicks come back: pans and zooms do not rerun the script.
        result = st_folium(base, feature_group_to_add=overlay, height=640,
                           use_container_width=True, key="project_map",
                           returned_objects=["last_object_clicked_tooltip",
                                             "last_object_clicked"]) or {}
        click = (result.get("last_object_clicked_tooltip"), str(result.get("last_object_clicked")))
        if click[0] and click != st.session_state.get(LAST_CLICK_KEY):
            st.session_state[LAST_CLICK_KEY] = click
            project_id = maps.clicked_project(click[0], result.get("last_object_clicked"),
                                              shown, lang)
            if project_id is not None:
                st.session_state[_ui.SELECTED_KEY] = project_id
            clicked_euregio = maps.clicked_euregio(click[0], layers, lang)

with detail_column:
    if clicked_euregio:
        st.session_state[EUREGIO_PROFILE_KEY] = clicked_euregio
        st.page_link("pages/euregios.py", icon="🧭", label=i18n.t(
            "map.euregio_profile", lang, name=_ui.euregio_name(layers, clicked_euregio, lang)))
    if shown.empty:
        st.info(i18n.t("map.none", lang))
    else:
        ids = list(shown["id"])
        if st.session_state.get(_ui.SELECTED_KEY) not in ids:
            st.session_state[_ui.SELECTED_KEY] = ids[0]
        titles = dict(zip(shown["id"], shown[f"title_{lang}"].where(
            shown[f"title_{lang}"] != "", shown["title"]), strict=True))
        selected = st.selectbox(i18n.t("map.select", lang), ids, format_func=titles.__getitem__,
                                key=_ui.SELECTED_KEY, help=i18n.t("map.select.help", lang))
        _ui.project_details(shown[shown["id"] == selected].iloc[0], layers, lang)
_ui.footer(lang)
