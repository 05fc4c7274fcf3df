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

import folium
import geopandas as gpd
import streamlit as st
from folium.elements import JSCSSMixin

from gros import assets, maps
from gros.layers import RegionLayers
from pages._ui import cached


@st.cache_resource(show_spinner=False, max_entries=16)
def _published(_prepared: maps.PreparedProjects, revision: int, layers_key: tuple,
               lang: str) -> str:
    return assets.publish_data(cached.STATIC_DIR, _prepared.data(), f"projects-{lang}")


def projects_url(layers: RegionLayers | None, prepared: maps.PreparedProjects,
                 lang: str) -> str:
    """Where the browser fetches the whole catalogue's project layer data."""
    target = _published(prepared, cached.store().revision(), cached.layers_key(layers), lang)
    return f"{assets.STREAMLIT_STATIC_BASE}/{target}"


def component_arguments(m: folium.Map) -> dict[str, Any]:
    """What ``st_folium`` hands its component for ``m``, computed once.

    The same steps as ``streamlit_folium.st_folium`` (its own helpers), without the
    component call, so the result can be cached and reused on every rerun.
    """
    from streamlit_folium import (
        _get_header,
        _get_html,
        _get_map_string,
        generate_js_hash,
        get_full_id,
    )

    m.get_root().render()
    m.render()
    html, header = _get_html(m), _get_header(m)
    script = _get_map_string(m)
    js_links: list[str] = []
    css_links: list[str] = []
    for element in assets.elements(m):
        if isinstance(element, JSCSSMixin):
            js_links += [url for _, url in element.default_js]
            css_links += [url for _, url in element.default_css]
    (lat_min, lon_min), (lat_max, lon_max) = m.get_bounds()
    return {
        "script": script, "html": html, "header": header, "id": get_full_id(m),
        "js_links": list(dict.fromkeys(js_links)), "css_links": list(dict.fromkeys(css_links)),
        "bounds": {"_southWest": {"lat": lat_min, "lng": lon_min},
                   "_northEast": {"lat": lat_max, "lng": lon_max}},
        "zoom": m.options.get("zoom"),
        "hash": generate_js_hash(script, None, False),
    }


@st.cache_resource(show_spinner=False, max_entries=32)
def _base_map(_layers: RegionLayers, layers_key: tuple, basemap: str, lang: str,
              visible: tuple[str, ...], url: str | None) -> dict[str, Any]:
    m = maps.build_region_map(_layers, basemap=basemap, language=lang, visible=visible,
                              projects_url=url)
    return component_arguments(m)


# What the component can return, in the order it builds its value (streamlit-folium's
# updateComponentValue).
RETURNABLE = ("last_clicked", "last_object_clicked", "last_object_clicked_count",
              "last_object_clicked_tooltip", "last_object_clicked_popup", "all_drawings",
              "last_active_drawing", "last_geocoder_result", "bounds", "zoom",
              "last_circle_radius", "last_circle_polygon", "center", "selected_layers",
              "selected_tags")


def component_call(base: dict[str, Any], selection: str | None, key: str, height: int,
                   returned_objects: Iterable[str]) -> dict[str, Any]:
    """The keyword arguments for streamlit-folium's component, as st_folium makes
    them (with ``use_container_width``), from a cached base map and a selection."""
    returned = list(returned_objects)
    # In the order the component builds its own value: it compares the two as JSON
    # text, and another order would look like a change and rerun the script.
    known = {name: None for name in RETURNABLE} | {"bounds": base["bounds"],
                                                   "zoom": base["zoom"]}
    defaults = {name: value for name, value in known.items() if name in returned}
    # streamlit-folium keys its component by the map's script, so a new base map
    # (another basemap, language or layer set) mounts a fresh map, as st_folium does.
    return {
        "script": base["script"], "header": base["header"], "html": base["html"],
        "id": base["id"], "key": f"{key}-{base['hash']}", "height": height, "width": None,
        "returned_objects": returned, "default": defaults, "zoom": None, "center": None,
        "feature_group": selection, "return_on_hover": False, "layer_control": None,
        "pixelated": False, "css_links": base["css_links"], "js_links": base["js_links"],
        "wrap_longitude": False,
    }


def live_map(layers: RegionLayers, shown: gpd.GeoDataFrame, lang: str, basemap: str,
             visible: tuple[str, ...], key: str, height: int,
             returned_objects: Iterable[str]) -> dict[str, Any] | None:
    """The map of the map page: what the user clicked (``returned_objects``), or None."""
    from streamlit_folium import _component_func

    url = selection = None
    if "projects" in visible:
        prepared = cached.prepared_projects(layers, lang)
        url = projects_url(layers, prepared, lang)
        selection = maps.project_selection_script(prepared, shown)
    base = _base_map(layers, cached.layers_key(layers), basemap, lang, tuple(visible), url)
    return _component_func(**component_call(base, selection, key, height, returned_objects))
