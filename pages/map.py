"""Map page: Euregios, border provinces and projects, filtered; details of the selection."""

from dataclasses import replace

import geopandas as gpd
import streamlit as st

from gros import i18n, maps
from gros.filters import ProjectFilter
from gros.layers import RegionLayers
from pages import _live_map, _ui

_ui.run_inside_frame()

EUREGIO_PROFILE_KEY = "euregio_profile"
LAST_CLICK_KEY = "map_last_click"
PICK_LIST_MAX = 500  # above this many shown projects, no pick list: click on the map


# The theme chips, the map and the details rerun on their own: a theme or a click on
# the map then redraws only these, not the sidebar's widgets, which is what keeps a
# theme change quick in the browser. The sidebar's filters rerun the whole page.
@st.fragment
def map_panel(layers: RegionLayers | None, lang: str
              ) -> tuple[ProjectFilter, tuple[str, tuple[str, ...]]]:
    """Draw the panel; return the filter and the map options (basemap, layers) it used."""
    wanted = replace(_ui.filter_from_state(layers), themes=_ui.theme_chips(lang))
    basemap, visible = _ui.map_options_from_state()
    shown = _ui.filtered(layers, wanted)
    _ui.keep_current_filter(wanted)
    _ui.write_url(wanted, lang, basemap, visible)
    st.caption(i18n.t("filter.count", lang, shown=len(shown),
                      total=len(_ui.catalogue(layers))))

    map_column, detail_column = st.columns([3, 1.25])
    clicked_euregio = None
    with map_column:
        if layers is not None:
            # Only clicks come back: pans and zooms do not rerun the script.
            result = _live_map.live_map(
                layers, shown, lang, basemap, visible, key="project_map", height=640,
                returned_objects=["last_object_clicked_tooltip", "last_object_clicked"]) or {}
            click = (result.get("last_object_clicked_tooltip"),
                     str(result.get("last_object_clicked")))
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
                "map.euregio_profile", lang,
                name=_ui.euregio_name(layers, clicked_euregio, lang)))
        details(shown, layers, lang)
    return wanted, (basemap, visible)


def details(shown: gpd.GeoDataFrame, layers: RegionLayers | None, lang: str) -> None:
    """A pick list of the shown projects and the chosen one's details."""
    if shown.empty:
        st.info(i18n.t("map.none", lang))
    elif len(shown) <= PICK_LIST_MAX:
        ids = list(shown["id"])
        if st.session_state.get(_ui.SELECTED_KEY) not in ids:
            st.session_state[_ui.SELECTED_KEY] = ids[0]
        titles = dict(zip(shown["id"], shown[f"title_{lang}"].where(
            shown[f"title_{lang}"] != "", shown["title"]), strict=True))
        selected = st.selectbox(i18n.t("map.select", lang), ids, format_func=titles.__getitem__,
                                key=_ui.SELECTED_KEY, help=i18n.t("map.select.help", lang))
        _ui.project_details(shown[shown["id"] == selected].iloc[0], layers, lang)
    else:
        # A list of thousands is no help to pick from and slows every rerun down.
        st.info(i18n.t("map.too_many", lang, count=len(shown), most=PICK_LIST_MAX))
        chosen = shown[shown["id"] == st.session_state.get(_ui.SELECTED_KEY)]
        if not chosen.empty:
            _ui.project_details(chosen.iloc[0], layers, lang)


lang = _ui.current_language()
st.title(i18n.t("app.title", lang))
st.caption(i18n.t("app.subtitle", lang))

layers = _ui.region_layers(lang)
# The map goes out before the sidebar's widgets are drawn: its message then reaches
# the browser first. The widgets hold their new values already; drawing them below
# returns the same view.
# (Only a run of the whole page uses what the panel returns; its own reruns drop it.)
drawn_filter, drawn_options = map_panel(layers, lang)
_ui.sidebar_after_map(layers, lang, drawn_filter, drawn_options)
_ui.footer(lang)
