"""Map page: Euregios, border provinces and projects, filtered; details of the selection."""

from pathlib import Path

import streamlit as st

from gros import i18n, maps
from gros.catalogue import Catalogue, ShownProjects
from gros.choropleth import StatisticsChoice
from gros.filters import ProjectFilter
from gros.indicators import Statistics
from gros.labels import euregio_name, title_column
from gros.layers import RegionLayers
from pages._ui import cached, layout, live, live_map, render, sidebar, state, url

EUREGIOS_PAGE = Path(__file__).resolve().parent / "euregios.py"
PICK_LIST_MAX = 500  # above this many shown projects, no pick list: click on the map


# The theme chips, the map and the details rerun on their own: a theme, a click on the
# map or a change in the sidebar's filters and map options (sidebar.rerun_map_panel)
# then redraws only these, not the sidebar's widgets, which is what keeps a filter
# change quick in the browser.
@st.fragment(key=sidebar.MAP_PANEL)
def map_panel(layers: RegionLayers | None, lang: str, stats: Statistics | None
              ) -> tuple[ProjectFilter, sidebar.MapOptions, StatisticsChoice | None]:
    """Draw the panel; return the filter, the map options (basemap, layers) and the
    statistics layer's choice it drew (None when off or without ``stats``)."""
    catalogue = cached.projects(layers)  # the store asked once for the run
    # The chips and the count stand above the map but are drawn after it: the map's
    # message then reaches the browser first, before the page redraws the others.
    chips, count = st.container(), st.empty()
    wanted = sidebar.filter_from_state(catalogue.domain)  # the chips' themes included
    basemap, visible = sidebar.map_options_from_state()
    statistics = sidebar.statistics_from_state() if stats is not None else None
    shown = catalogue.on_map(wanted)

    map_column, detail_column = st.columns([3, 1.25])
    clicked_euregio = None
    with map_column:
        if layers is not None:
            # Only clicks come back: pans and zooms do not rerun the script.
            result = live_map.live_map(
                layers, catalogue, shown, lang, basemap, visible, key=state.PROJECT_MAP, height=640,
                returned_objects=["last_object_clicked_tooltip", "last_object_clicked"],
                themes=wanted.themes, wanted=wanted, statistics=statistics,
                stats=stats) or {}
            clicked_euregio = _follow_click(result, shown, layers, lang)
    with chips:
        sidebar.theme_chips(lang)  # the value wanted.themes was read from
    count.caption(i18n.t("filter.count", lang, shown=len(shown), total=len(catalogue)))
    url.keep_current_filter(wanted)
    url.write_url(wanted, lang, basemap, visible)

    with detail_column:
        if clicked_euregio:
            st.session_state[state.EUREGIO_PROFILE] = clicked_euregio
            st.page_link(EUREGIOS_PAGE, icon=":material/explore:", label=i18n.t(
                "map.euregio_profile", lang, name=euregio_name(layers, clicked_euregio, lang)))
        details(shown, catalogue, layers, lang)
    return wanted, (basemap, visible), statistics


def _follow_click(result: dict, shown: ShownProjects, layers: RegionLayers, lang: str
                  ) -> str | None:
    """Select the project a new click on the map hit; return the Euregio it hit, if any."""
    click = (result.get("last_object_clicked_tooltip"), str(result.get("last_object_clicked")))
    if not click[0] or click == st.session_state.get(state.MAP_LAST_CLICK):
        return None
    st.session_state[state.MAP_LAST_CLICK] = click
    project_id = maps.clicked_project(click[0], result.get("last_object_clicked"),
                                      shown.rows(), lang)
    if project_id is not None:
        st.session_state[state.SELECTED_PROJECT] = project_id
    return maps.clicked_euregio(click[0], layers, lang)


def details(shown: ShownProjects, catalogue: Catalogue, layers: RegionLayers | None,
            lang: str) -> None:
    """A pick list of the shown projects (a part of ``catalogue``) and the chosen one's
    details."""
    if shown.empty:
        st.info(i18n.t("map.none", lang))
    elif len(shown) <= PICK_LIST_MAX:
        rows = shown.rows()
        ids = list(rows["id"])
        if st.session_state.get(state.SELECTED_PROJECT) not in ids:
            st.session_state[state.SELECTED_PROJECT] = ids[0]
        titles = dict(zip(rows["id"], title_column(rows, lang), strict=True))
        selected = st.selectbox(i18n.t("map.select", lang), ids, format_func=titles.__getitem__,
                                key=state.SELECTED_PROJECT,
                                help=i18n.t("map.select.help", lang),
                                placeholder=i18n.t("placeholder.one", lang))
        render.project_details(catalogue.find(shown, selected), layers, lang)
    else:
        # A list of thousands is no help to pick from and slows every rerun down.
        st.info(i18n.t("map.too_many", lang, count=len(shown), most=PICK_LIST_MAX))
        chosen = catalogue.find(shown, st.session_state.get(state.SELECTED_PROJECT))
        if chosen is not None:
            render.project_details(chosen, layers, lang)


lang = url.current_language()
layout.compact_head()
live.watch_store()
st.title(i18n.t("app.title", lang))
st.caption(i18n.t("app.subtitle", lang))

layers = cached.region_layers(lang)
# The map goes out before the sidebar's widgets are drawn: its message then reaches
# the browser first. The widgets hold their new values already; drawing them below
# returns the same view.
# (Only a run of the whole page uses what the panel returns; its own reruns drop it.)
# The statistics are read only when their layer is on: the app starts and works without
# the datasets. Their messages have a place either way, so the map keeps its own.
stats_slot = st.container()
stats = (cached.statistics(lang, stats_slot) if sidebar.statistics_from_state() is not None
         else None)
drawn_filter, drawn_options, drawn_statistics = map_panel(layers, lang, stats)
sidebar.after_map(layers, lang, drawn_filter, drawn_options, drawn_statistics, stats)
cached.fetch_municipalities(lang)  # once; says so when they are unavailable
render.footer(lang)
layout.map_fills_window()
