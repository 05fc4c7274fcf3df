"""Map builders: they return folium objects and never call Streamlit.

Every text from data is HTML-escaped before it reaches a tooltip, label or popup.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

import folium
import geopandas as gpd
from branca.element import MacroElement
from jinja2 import Template

from gros import assets
from gros.gisco import ATTRIBUTION
from gros.i18n import t
from gros.layers import RegionLayers

CENTER = (51.75, 5.9)
ZOOM = 7
# Okabe–Ito, distinguishable with the common colour-vision deficiencies.
EUREGIO_COLOURS = {
    "edr": "#E69F00",
    "euregio": "#56B4E9",
    "rhein-waal": "#009E73",
    "rhein-maas-nord": "#CC79A7",
    "maas-rijn": "#D55E00",
    "scheldemond": "#0072B2",
    "benelux-middengebied": "#7F6B00",
}
LAND_FOCUS, LAND_CONTEXT, SEA = "#f3f0e8", "#e4e4e4", "#d7e6f0"


@dataclass(frozen=True)
class Basemap:
    id: str
    url: str | None
    attribution: str


BASEMAPS: dict[str, Basemap] = {
    "light": Basemap("light", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
                     "© OpenStreetMap contributors © CARTO"),
    "osm": Basemap("osm", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                   "© OpenStreetMap contributors"),
    "none": Basemap("none", None, ""),
}
LAYERS = ("countries", "provinces", "euregios", "projects")


class _Attribution(MacroElement):
    """Adds an attribution line to the map's attribution control."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text }});
        {% endmacro %}
    """)

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = json.dumps(html.escape(text))


class _Background(MacroElement):
    """Colours the map container like the sea, so land reads without tiles."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.getContainer().style.background = {{ this.colour }};
        {% endmacro %}
    """)

    def __init__(self, colour: str):
        super().__init__()
        self._name = "Background"
        self.colour = json.dumps(colour)


def escaped_features(frame: gpd.GeoDataFrame, columns: list[str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ``columns``, every string HTML-escaped."""
    table = frame[[*columns, "geometry"]].copy()
    for column in columns:
        table[column] = [
            html.escape(value) if isinstance(value, str) else value for value in table[column]
        ]
    return json.loads(table.to_json(drop_id=True))


def new_map(basemap: str = "light", height: int | str = "100%") -> folium.Map:
    """An empty map of the border region with the chosen basemap.

    Raises
    ------
    ValueError
        For an unknown basemap id.
    """
    if basemap not in BASEMAPS:
        raise ValueError(f"basemap must be one of {', '.join(BASEMAPS)}, got {basemap!r}")
    m = folium.Map(location=CENTER, zoom_start=ZOOM, tiles=None, control_scale=True,
                   min_zoom=5, max_zoom=15, height=height)
    spec = BASEMAPS[basemap]
    if spec.url:
        folium.TileLayer(spec.url, attr=spec.attribution, name=basemap, control=False).add_to(m)
    _Background(SEA).add_to(m)
    _Attribution(ATTRIBUTION).add_to(m)
    return m


def add_countries(m: folium.Map, layers: RegionLayers, filled: bool) -> folium.FeatureGroup:
    """Country shapes: a filled vector background without tiles, borders with them."""
    group = folium.FeatureGroup(name="countries", control=True)
    features = escaped_features(layers.countries_display, ["country", "name", "focus"])

    def style(feature: dict[str, Any]) -> dict[str, Any]:
        focus = feature["properties"]["focus"]
        return {
            "color": "#666666" if focus else "#9a9a9a",
            "weight": 1.6 if focus else 1,
            "fill": filled,
            "fillColor": LAND_FOCUS if focus else LAND_CONTEXT,
            "fillOpacity": 1.0 if filled else 0.0,
            "className": "gros-country",
        }

    folium.GeoJson(features, name="countries", style_function=style, interactive=False,
                   ).add_to(group)
    return group.add_to(m)


def add_border_provinces(m: folium.Map, layers: RegionLayers) -> folium.FeatureGroup:
    """Border provinces and Länder: dashed outlines with their names as labels."""
    group = folium.FeatureGroup(name="provinces")
    shown = layers.border_provinces_display[layers.border_provinces_display["border"]]
    features = escaped_features(shown, ["nuts_id", "name", "country"])
    folium.GeoJson(
        features,
        name="provinces",
        style_function=lambda _: {"color": "#555555", "weight": 1.2, "dashArray": "4 3",
                                  "fill": False, "className": "gros-province"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "nuts_id"], labels=False),
    ).add_to(group)
    for row in shown.itertuples():
        point = row.geometry.representative_point()
        folium.Marker(
            (point.y, point.x),
            icon=folium.DivIcon(
                html=f'<div class="gros-label">{html.escape(row.name)}</div>',
                icon_size=(120, 16), icon_anchor=(60, 8), class_name="gros-label-icon",
            ),
            interactive=False,
        ).add_to(group)
    return group.add_to(m)


def add_euregios(m: folium.Map, layers: RegionLayers, language: str = "nl"
                 ) -> folium.FeatureGroup:
    """Euregios in distinct colours, light fills so overlaps show, with a tooltip."""
    group = folium.FeatureGroup(name="euregios")
    frame = layers.euregios_display.copy()
    frame["label"] = [
        row[f"name_{language}"] or row["name"] for _, row in frame.iterrows()
    ]
    features = escaped_features(frame, ["id", "label", "member_count", "seat", "area_km2"])

    def style(feature: dict[str, Any]) -> dict[str, Any]:
        colour = EUREGIO_COLOURS.get(feature["properties"]["id"], "#333333")
        # The class names let people (and browser tests) pick out the Euregio shapes.
        return {"color": colour, "weight": 2.5, "fillColor": colour, "fillOpacity": 0.18,
                "className": f"gros-euregio gros-euregio-{feature['properties']['id']}"}

    folium.GeoJson(
        features,
        name="euregios",
        style_function=style,
        highlight_function=lambda _: {"weight": 4, "fillOpacity": 0.3},
        tooltip=folium.GeoJsonTooltip(
            fields=["label", "member_count", "seat"],
            aliases=[t("tooltip.name", language), t("tooltip.members", language),
                     t("tooltip.seat", language)],
        ),
    ).add_to(group)
    return group.add_to(m)


LABEL_CSS = """
<style>
.gros-label-icon { background: none; border: none; }
.gros-label { font: 600 11px/1.2 sans-serif; color: #444; text-align: center;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; white-space: nowrap; pointer-events: none; }
</style>
"""


def build_region_map(
    layers: RegionLayers,
    basemap: str = "light",
    language: str = "nl",
    visible: tuple[str, ...] = LAYERS,
) -> folium.Map:
    """The map of countries, border provinces and Euregios, ready to render.

    Leaflet is loaded from the app's own static files (see :mod:`gros.assets`).
    """
    m = new_map(basemap)
    m.get_root().header.add_child(folium.Element(LABEL_CSS), name="gros_label_css")
    add_countries(m, layers, filled=BASEMAPS[basemap].url is None)
    if "provinces" in visible:
        add_border_provinces(m, layers)
    if "euregios" in visible:
        add_euregios(m, layers, language)
    m.fit_bounds(_bounds(layers))
    return assets.use_local_assets(m)


def _bounds(layers: RegionLayers) -> list[list[float]]:
    lon_min, lat_min, lon_max, lat_max = layers.euregios_display.total_bounds
    return [[lat_min, lon_min], [lat_max, lon_max]]
