"""What the map shows beside the regions and projects: the Euregio legend (with each
cooperation body's status; the project legend is :mod:`gros.map_legend`) and the member
municipalities, outlined, with their names from zoom level :data:`NAMES_FROM_ZOOM`.

Every text from data is HTML-escaped before it reaches the page.
"""

from __future__ import annotations

import html
import json
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from gros.i18n import t
from gros.layers import RegionLayers
from gros.map_legend import _Legend
from gros.numbers import is_unknown

NAMES_FROM_ZOOM = 9
NOT_CURRENT = ("merged", "dissolved")  # statuses drawn as no longer current
NOT_CURRENT_COLOUR = "#8a8a8a"


def status_label(row: Any, language: str, successor: bool = True) -> str:
    """A cooperation body's status in words: "merged (2007) → successor"; empty for an
    active one or where the status is unknown."""
    if row["status"] not in NOT_CURRENT:
        return ""
    since = "" if is_unknown(row["status_since"]) else f" ({int(row['status_since'])})"
    after = f" → {row['successor']}" if successor and row["successor"] else ""
    return f"{t('status.' + row['status'], language)}{since}{after}"


def tooltip_status(row: Any, language: str) -> str:
    """The status a Euregio's tooltip shows: how it ended, else its status, else a dash."""
    return (status_label(row, language)
            or (t(f"status.{row['status']}", language) if row["status"] else "—"))


def add_euregio_legend(m: folium.Map, layers: RegionLayers, colours: dict[str, str],
                       language: str) -> folium.Map:
    """The Euregios' colours; a body no longer current in grey, with its status."""
    entries = []
    for _, row in layers.euregios.iterrows():
        label = row[f"name_{language}"] or row["name"]
        status = status_label(row, language, successor=False)  # in full in the tooltip
        entries.append((NOT_CURRENT_COLOUR if status else colours.get(row["id"], "#333333"),
                        f"{label}: {status}" if status else label))
    _Legend(entries, t("layer.euregios", language)).add_to(m)
    return m


class _NamesFromZoom(MacroElement):
    """Shows the municipal names only from ``zoom`` on (a class on the map's container)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            function toggle() {
                map.getContainer().classList.toggle("gros-names-hidden",
                                                    map.getZoom() < {{ this.zoom }});
            }
            map.on("zoomend", toggle);
            toggle();
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, zoom: int):
        super().__init__()
        self._name = "NamesFromZoom"
        self.zoom = zoom


MUNICIPAL_CSS = """
<style>
.gros-names-hidden .gros-municipal-label { display: none; }
.gros-municipal-label { font: 10px/1.1 sans-serif; color: #333; text-align: center;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; white-space: nowrap; pointer-events: none; }
</style>
"""


def add_municipalities(m: folium.Map, layers: RegionLayers, language: str
                       ) -> folium.FeatureGroup | None:
    """The member municipalities: thin outlines, the name in the tooltip and, from zoom
    :data:`NAMES_FROM_ZOOM`, as a label. None without them (NUTS-3 outlines)."""
    if layers.municipal is None:
        return None
    frame = layers.municipal.municipalities
    group = folium.FeatureGroup(name="municipalities")
    table = frame[["gisco_id", "name", "geometry"]].copy()
    table["name"] = [html.escape(name) for name in table["name"]]
    folium.GeoJson(
        json.loads(table.to_json(drop_id=True)), name="municipalities",
        style_function=lambda _: {"color": "#5a5a5a", "weight": 0.8, "fill": False,
                                  "className": "gros-municipality"},
        tooltip=folium.GeoJsonTooltip(fields=["name"], aliases=[t("tooltip.name", language)]),
    ).add_to(group)
    for name, point in zip(table["name"], frame.geometry.representative_point(), strict=True):
        folium.Marker(
            (point.y, point.x), interactive=False,
            icon=folium.DivIcon(html=f'<div class="gros-municipal-label">{name}</div>',
                                icon_size=(110, 12), icon_anchor=(55, 6),
                                class_name="gros-label-icon"),
        ).add_to(group)
    m.get_root().header.add_child(folium.Element(MUNICIPAL_CSS), name="gros_municipal_css")
    _NamesFromZoom(NAMES_FROM_ZOOM).add_to(m)
    return group.add_to(m)
