"""The basemaps and the layers a map can show, as plain data (no folium).

The view state (:mod:`gros.view`) checks a shared link against these ids and the
map builders (:mod:`gros.maps`) draw them; neither owns them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Basemap:
    """A background map: its tile URL template (None for no tiles) and credit line."""

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
DEFAULT_BASEMAP = "light"
# In the order they are drawn (bottom first) and listed; these are shown by default.
LAYERS = ("countries", "provinces", "euregios", "projects")
# The GROS agenda's layers (gros.agenda_map): off unless a view or a person turns them on.
AGENDA_LAYERS = ("obstacles", "bodies", "helppoints")
ALL_LAYERS = LAYERS + AGENDA_LAYERS
