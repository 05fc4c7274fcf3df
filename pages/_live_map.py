"""The dashboard's live map, made cheap to rerun.

A filter change must not rebuild the map. So the base map (boundaries, legend, the
project layer's code) is rendered once per view settings, the catalogue's project
data is published once as a static file that the browser fetches and keeps, and a
rerun hands streamlit-folium's component only which projects to show: a bitmap of
a few kilobytes instead of every project's coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import streamlit as st

from gros import assets, maps
from gros.layers import RegionLayers
from pages import _folium_component, _ui


@st.cache_resource(show_spinner=False, max_entries=16)
def _published(_prepared: maps.PreparedProjects, revision: int, layers_key: tuple,
               lang: str) -> str:
    return assets.publish_data(_ui.STATIC_DIR, _prepared.data(), f"projects-{lang}")


def projects_url(layers: RegionLayers | None, prepared: maps.PreparedProjects,
                 lang: str) -> str:
    """Where the browser fetches the whole catalogue's project layer data."""
    target = _published(prepared, _ui.store().revision(), _ui.layers_key(layers), lang)
    return f"{assets.STREAMLIT_STATIC_BASE}/{target}"


@st.cache_resource(show_spinner=False, max_entries=32)
def _base_map(_layers: RegionLayers, layers_key: tuple, basemap: str, lang: str,
              visible: tuple[str, ...], url: str | None) -> dict[str, Any]:
    m = maps.build_region_map(_layers, basemap=basemap, language=lang, visible=visible,
                              projects_url=url)
    return _folium_component.component_arguments(m)


def live_map(layers: RegionLayers, shown: gpd.GeoDataFrame, lang: str, basemap: str,
             visible: tuple[str, ...], key: str, height: int,
             returned_objects: Iterable[str]) -> dict[str, Any] | None:
    """The map of the map page: what the user clicked (``returned_objects``), or None."""
    url = selection = None
    if "projects" in visible:
        prepared = _ui.prepared_projects(layers, lang)
        url = projects_url(layers, prepared, lang)
        selection = maps.project_selection_script(prepared, shown)
    base = _base_map(layers, _ui.layers_key(layers), basemap, lang, tuple(visible), url)
    return _folium_component.show(base, selection, key, height, returned_objects)
