"""The naive baseline's map: the way a first streamlit-folium app is usually written."""

from __future__ import annotations

import html
from typing import Any

import folium
import geopandas as gpd

from benchmarks import LANGUAGE
from gros import assets, maps, themes
from gros.layers import RegionLayers

# How the baseline calls st_folium: as a first streamlit-folium app does (every
# interaction returned, no key).
BASELINE_ST_FOLIUM_KWARGS: dict[str, Any] = {"height": 640, "width": 1000}


def _baseline_popup(row: Any) -> folium.Popup:
    title = html.escape(row.title_en or row.title)
    labels = html.escape(" · ".join(themes.BY_ID[t].label(LANGUAGE) for t in row.themes))
    return folium.Popup(f"<b>{title}</b><br>{labels}", max_width=300)


def baseline_map(layers: RegionLayers, frame: gpd.GeoDataFrame) -> folium.Map:
    """The map the way a first streamlit-folium app is usually written.

    The unsimplified boundaries at full coordinate precision; one ``folium.Marker``
    with a ``folium.Popup`` per point project, one ``folium.GeoJson`` with a popup per
    line or area project. The only concession: Leaflet comes from the app's own
    static files, like the dashboard's, so both run offline the same way.
    """
    m = folium.Map(location=maps.CENTER, zoom_start=maps.ZOOM, tiles=None)
    folium.GeoJson(
        layers.countries,
        style_function=lambda _: {"color": "#666666", "weight": 1, "fillColor": "#f3f0e8",
                                  "fillOpacity": 1.0},
    ).add_to(m)
    folium.GeoJson(
        layers.border_provinces[layers.border_provinces["border"]][
            ["nuts_id", "name", "geometry"]],
        style_function=lambda _: {"color": "#555555", "weight": 1.2, "fill": False},
        tooltip=folium.GeoJsonTooltip(fields=["name"]),
    ).add_to(m)
    folium.GeoJson(
        layers.euregios[["id", "name", "seat", "member_count", "geometry"]],
        # The same class names as the dashboard's, so the browser timing finds them.
        style_function=lambda feature: {
            "color": maps.EUREGIO_COLOURS.get(feature["properties"]["id"], "#333333"),
            "fillOpacity": 0.18,
            "className": f"gros-euregio gros-euregio-{feature['properties']['id']}"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "member_count", "seat"]),
    ).add_to(m)
    for row in frame.itertuples():
        if row.geometry_type == "point":
            folium.Marker((row.geometry.y, row.geometry.x), popup=_baseline_popup(row)).add_to(m)
        else:
            colour = themes.BY_ID[row.main_theme].colour
            folium.GeoJson(
                row.geometry,
                style_function=lambda _, colour=colour: {"color": colour,
                                                         "className": "gros-project"},
            ).add_child(_baseline_popup(row)).add_to(m)
    return assets.use_local_assets(m)
