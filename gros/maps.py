"""Map builders: they return folium objects and never call Streamlit.

Every text from data is HTML-escaped before it reaches a tooltip, label or popup.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import folium
import geopandas as gpd
import shapely
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from gros import agenda, agenda_map, assets, map_extras, numbers
from gros.basemaps import AGENDA_LAYERS, BASEMAPS, DEFAULT_BASEMAP, LAYERS
from gros.gisco import ATTRIBUTION
from gros.i18n import t
from gros.labels import title_column
from gros.layers import RegionLayers
from gros.map_fit import FitToFilter
from gros.map_legend import add_layer_legend, add_legend
from gros.prepared import PreparedProjects, prepare_projects

if TYPE_CHECKING:
    from gros.catalogue import ShownProjects

CENTER = (51.75, 5.9)
ZOOM = 7
MIN_ZOOM, MAX_ZOOM = 5, 16
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


class _FocusWithoutScrolling(MacroElement):
    """A press on the map focuses it for the arrow keys without scrolling the page.

    Leaflet focuses the map on mousedown and then restores its own window's scroll
    position. Inside a frame (streamlit-folium) the page around the frame scrolls
    instead, when the map reaches past the window: the page jumped under the pointer
    between press and release, and a click on a project or a cluster missed it.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (keyboard) {
            if (!keyboard) { return; }
            keyboard.disable();
            keyboard._onMouseDown = function () {
                if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
            };
            keyboard.enable();
        })({{ this._parent.get_name() }}.keyboard);
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScrolling"


def escaped_features(frame: gpd.GeoDataFrame, columns: list[str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ``columns``, every string HTML-escaped."""
    table = frame[[*columns, "geometry"]].copy()
    for column in columns:
        table[column] = [
            html.escape(value) if isinstance(value, str) else value for value in table[column]
        ]
    return json.loads(table.to_json(drop_id=True))


def new_map(basemap: str = DEFAULT_BASEMAP, height: int | str = "100%") -> folium.Map:
    """An empty map of the border region with the chosen basemap (ValueError for an
    unknown basemap id)."""
    if basemap not in BASEMAPS:
        raise ValueError(f"basemap must be one of {', '.join(BASEMAPS)}, got {basemap!r}")
    # folium hands min/max zoom to tile layers only; Leaflet's map options need them
    # too (marker clustering refuses a map without maxZoom), hence minZoom/maxZoom.
    m = folium.Map(location=CENTER, zoom_start=ZOOM, tiles=None, control_scale=True,
                   height=height, minZoom=MIN_ZOOM, maxZoom=MAX_ZOOM)
    spec = BASEMAPS[basemap]
    if spec.url:
        folium.TileLayer(spec.url, attr=spec.attribution, name=basemap, control=False,
                         min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM).add_to(m)
    _Background(SEA).add_to(m)
    _Attribution(ATTRIBUTION).add_to(m)
    _FocusWithoutScrolling().add_to(m)
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
    frame["member_count"] = [numbers.number(n, language) for n in frame["member_count"]]
    frame["seat"] = frame["seat"].map(lambda seat: seat or t("euregio.unknown", language))
    frame["not_current"] = frame["status"].isin(map_extras.NOT_CURRENT)
    frame["status_label"] = [map_extras.tooltip_status(row, language)
                             for _, row in frame.iterrows()]
    features = escaped_features(frame, ["id", "label", "member_count", "seat", "area_km2",
                                        "status_label", "not_current"])

    def style(feature: dict[str, Any]) -> dict[str, Any]:
        properties = feature["properties"]
        # The class names let people (and browser tests) pick out the Euregio shapes.
        name = f"gros-euregio gros-euregio-{properties['id']}"
        if properties["not_current"]:  # merged or dissolved: not drawn as current
            return {"color": map_extras.NOT_CURRENT_COLOUR, "weight": 1.5, "dashArray": "6 4",
                    "fillColor": map_extras.NOT_CURRENT_COLOUR, "fillOpacity": 0.06,
                    "className": f"{name} gros-euregio-not-current"}
        colour = EUREGIO_COLOURS.get(properties["id"], "#333333")
        return {"color": colour, "weight": 2.5, "fillColor": colour, "fillOpacity": 0.18,
                "className": name}

    folium.GeoJson(
        features,
        name="euregios",
        style_function=style,
        highlight_function=lambda _: {"weight": 4, "fillOpacity": 0.3},
        tooltip=folium.GeoJsonTooltip(
            fields=["label", "member_count", "seat", "status_label"],
            aliases=[t("tooltip.name", language),
                     t("tooltip.listed_members" if layers.outline == "lau" else "tooltip.members",
                       language),
                     t("tooltip.seat", language), t("tooltip.status", language)],
        ),
    ).add_to(group)
    return group.add_to(m)


PROJECT_POINT_RADIUS = 7


# The project layer's script and what it needs, in one file (gros.assets serves it).
PROJECT_LAYER_JS = [("grosprojectlayer", "")]


class _ProjectLayer(JSCSSMixin):
    """Projects coloured by their main theme, built in the browser from compact data
    written into the page (see ``gros/js/projects.js``)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        GrosProjects.layer({{ this._parent._parent.get_name() }},
                           {radius: {{ this.radius }}, locale: {{ this.locale }}},
                           {{ this._parent.get_name() }}).setData({{ this.data }});
        {% endmacro %}
    """)
    # Names only: gros.assets.use_local_assets fills in the served files.
    default_js: ClassVar = PROJECT_LAYER_JS
    default_css: ClassVar = [("markerclustercss", ""), ("markerclusterdefaultcss", "")]

    def __init__(self, prepared: PreparedProjects, ids: Iterable[str] | None = None,
                 radius: int = PROJECT_POINT_RADIUS, language: str = "nl"):
        super().__init__()
        self._name = "ProjectLayer"
        self.locale = json.dumps(numbers.web_locale(language))
        self.data = prepared.data(ids)
        self.radius = radius


class _ProjectSource(JSCSSMixin):
    """The project layer of the dashboard's live map: the data comes from ``url`` once;
    the selection arrives with each rerun (see :func:`project_selection_script`)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        GrosProjects.load({{ this._parent.get_name() }}, {{ this.url }},
                          {radius: {{ this.radius }}, locale: {{ this.locale }}},
                          {{ this.failure }});
        {% endmacro %}
    """)
    default_js: ClassVar = PROJECT_LAYER_JS
    default_css: ClassVar = [("markerclustercss", ""), ("markerclusterdefaultcss", "")]

    def __init__(self, url: str, failure: str, radius: int = PROJECT_POINT_RADIUS,
                 language: str = "nl"):
        super().__init__()
        self._name = "ProjectSource"
        self.locale = json.dumps(numbers.web_locale(language))
        self.url = json.dumps(url)
        self.failure = json.dumps(failure, ensure_ascii=False)
        self.radius = radius


def project_layer(frame: gpd.GeoDataFrame, language: str = "nl",
                  prepared: PreparedProjects | None = None) -> folium.FeatureGroup:
    """The projects of ``frame`` as one layer with its data in the page; pass
    ``prepared`` (made once from the whole catalogue) to skip serialising them again."""
    group = folium.FeatureGroup(name="projects")
    prepared = prepared or prepare_projects(frame, language)
    _ProjectLayer(prepared, frame["id"], language=language).add_to(group)
    return group


def project_selection_script(prepared: PreparedProjects,
                             frame: gpd.GeoDataFrame | ShownProjects,
                             map_name: str = "map_div") -> str:
    """Script that shows only the projects of ``frame`` (rows of the catalogue, or a
    filter's :class:`~gros.catalogue.ShownProjects`) on a map made with ``projects_url``:
    the few bytes a filter change sends."""
    selection = prepared.selection_of(frame)
    return f"GrosProjects.show({map_name}, {json.dumps(selection)});\n"


LABEL_CSS = """
<style>
/* In the dashboard the map fills its frame, whose height the page sets to the window's
   (pages/_ui/layout.py); streamlit-folium gives the map a fixed height otherwise. */
#map_div { height: 100vh !important; }
.gros-label-icon { background: none; border: none; }
.gros-label { font: 600 11px/1.2 sans-serif; color: #444; text-align: center;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; white-space: nowrap; pointer-events: none; }
.gros-legend { background: rgba(255,255,255,0.92); padding: 5px 8px; border-radius: 4px;
  font: 11px/1.45 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
.gros-legend summary { cursor: pointer; }
.gros-error { background: #fff3f3; color: #8a1f1f; border: 1px solid #d9a0a0; padding: 6px 9px;
  border-radius: 4px; font: 13px/1.4 sans-serif; max-width: 320px; }
.gros-swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  margin-right: 6px; vertical-align: -1px; }
.gros-legend-look { margin-top: 2px; }
.gros-swatch-line { display: inline-block; width: 18px; margin-right: 6px; vertical-align: 3px;
  border-top: 3px dashed #555; }
.gros-swatch-ended { background: #555; opacity: 0.4; }
</style>
"""


def build_region_map(
    layers: RegionLayers,
    basemap: str = DEFAULT_BASEMAP,
    language: str = "nl",
    visible: tuple[str, ...] = LAYERS,
    projects: gpd.GeoDataFrame | None = None,
    legend: bool = True,
    projects_url: str | None = None,
    agenda_themes: tuple[str, ...] = (),
    statistics: Sequence[Element] = (),
) -> folium.Map:
    """The map of countries, border provinces, Euregios, (optionally) projects and the
    GROS agenda's layers (obstacles of ``agenda_themes``, all for none).

    Projects come either with the page (``projects``) or, for the dashboard's live
    map, from ``projects_url`` (the whole catalogue as made by
    :meth:`PreparedProjects.data`), shown as :func:`project_selection_script` says.
    ``statistics`` (the layer and legend of :func:`gros.choropleth.statistics_layer`) is
    drawn above the countries, under the provinces and Euregios.
    Leaflet is loaded from the app's own static files (see :mod:`gros.assets`).
    """
    m = new_map(basemap)
    m.get_root().header.add_child(folium.Element(LABEL_CSS), name="gros_label_css")
    if "countries" in visible or BASEMAPS[basemap].url is None:
        # Without tiles the countries are the background, so they are always drawn.
        add_countries(m, layers, filled=BASEMAPS[basemap].url is None)
    for part in statistics:
        part.add_to(m)
    if "provinces" in visible:
        add_border_provinces(m, layers)
    if "euregios" in visible:
        add_euregios(m, layers, language)
    if "municipalities" in visible:
        map_extras.add_municipalities(m, layers, language)
    if projects is not None and "projects" in visible:
        project_layer(projects, language).add_to(m)
    if projects_url is not None and "projects" in visible:
        _ProjectSource(projects_url, t("map.projects_failed", language),
                       language=language).add_to(m)
    if legend and "projects" in visible:
        add_legend(m, language)
    if any(layer in visible for layer in AGENDA_LAYERS):
        entries = agenda_map.add_agenda_layers(m, layers, agenda.agenda(), visible, language,
                                               agenda_themes)
        if legend:
            add_layer_legend(m, entries, t("layer.agenda", language))
    if legend and "euregios" in visible:  # last: Leaflet stacks it above the others
        map_extras.add_euregio_legend(m, layers, EUREGIO_COLOURS, language)
    m.fit_bounds(_box(layers.euregios_display.total_bounds))
    FitToFilter().add_to(m)
    if "projects" in visible and (projects is not None or projects_url is not None):
        # Before Leaflet (gros/js/flat.js): hundreds of cluster bubbles, each a layer of
        # the browser's compositor when moved in 3D, slowed every frame of the page.
        m.default_js = [("grosflat", ""), *m.default_js]
    return assets.use_local_assets(m)


def _box(bounds: Sequence[float]) -> list[list[float]]:
    """Leaflet's [[south, west], [north, east]] from shapely's (minx, miny, maxx, maxy)."""
    lon_min, lat_min, lon_max, lat_max = bounds
    return [[lat_min, lon_min], [lat_max, lon_max]]


def clicked_project(tooltip: str | None, clicked: dict[str, float] | None,
                    frame: gpd.GeoDataFrame, language: str = "nl") -> str | None:
    """The id of the project a map click selected, from the clicked object's tooltip
    text (its first line is the title) and, for equal titles, the click position."""
    if not tooltip or frame.empty:
        return None
    first_line = tooltip.strip().splitlines()[0].strip()
    matches = frame[(title_column(frame, language).str.strip() == first_line).to_numpy()]
    if matches.empty:
        return None
    if len(matches) > 1 and clicked and "lat" in clicked and "lng" in clicked:
        here = shapely.Point(clicked["lng"], clicked["lat"])
        distances = matches.geometry.distance(here)
        return str(matches.loc[distances.idxmin(), "id"])
    return str(matches.iloc[0]["id"])


def clicked_euregio(tooltip: str | None, layers: RegionLayers, language: str = "nl") -> str | None:
    """The id of the Euregio whose tooltip was clicked, if the text names one."""
    if not tooltip:
        return None
    for _, row in layers.euregios.iterrows():
        if (row[f"name_{language}"] or row["name"]) in tooltip:
            return str(row["id"])
    return None


def fit_to_euregio(m: folium.Map, layers: RegionLayers, euregio_id: str) -> folium.Map:
    """Zoom ``m`` to one Euregio."""
    m.fit_bounds(_box(layers.euregios_display.set_index("id").loc[euregio_id].geometry.bounds))
    return m
