"""The floor for ``python -m benchmarks``: what any Streamlit map app of the dashboard's
shape pays, and nothing more.

``benchmarks/floor_app.py`` is the smallest such app: ``st.set_page_config``, a theme
list in the sidebar, a country list, and one streamlit-folium map holding the
boundaries only (the dashboard's base map without its project layer and legend). A
change reruns the script, which counts the projects the choice keeps and hands the map
a one-line script with that count: the rerun's round trip and the component's update,
nothing else. The map is rendered once and kept, so that no per-run map rendering hides
in the floor. This module holds its parts that need no Streamlit, shared with the
server-side figures (``benchmarks.views``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import folium
import geopandas as gpd
import numpy as np

from benchmarks import LANGUAGE
from gros import maps
from gros.layers import RegionLayers

# The layers of the floor's map: the dashboard's boundaries, no projects.
FLOOR_LAYERS = ("countries", "provinces", "euregios")
# The variable of the map's page that holds the count the last run handed over: what
# the browser measurement reads (benchmarks.browser).
COUNT_VARIABLE = "grosFloorCount"


def floor_map(layers: RegionLayers) -> folium.Map:
    """The floor's map: the dashboard's boundaries without tiles, no project layer."""
    return maps.build_region_map(layers, basemap="none", language=LANGUAGE,
                                 visible=FLOOR_LAYERS, legend=False)


def count_script(count: int) -> str:
    """What a run hands the map: the count, and nothing to draw."""
    return f"window.{COUNT_VARIABLE} = {int(count)};\n"


@dataclass(frozen=True)
class FloorCounts:
    """Which projects have each theme and each country, as arrays made once: counting a
    choice then costs microseconds, whatever the number of projects."""

    total: int
    themes: dict[str, np.ndarray]
    countries: dict[str, np.ndarray]

    @classmethod
    def of(cls, frame: gpd.GeoDataFrame) -> FloorCounts:
        def having(column: str) -> dict[str, np.ndarray]:
            values = frame[column].tolist()
            found = {value for items in values for value in items}
            return {value: np.fromiter((value in items for items in values), dtype=bool,
                                       count=len(values)) for value in sorted(found)}

        return cls(len(frame), having("themes"), having("countries"))

    def count(self, themes: Iterable[str] = (), countries: Iterable[str] = ()) -> int:
        """Projects with any of ``themes`` and any of ``countries`` (none chosen: all),
        as :func:`gros.filters.apply_filter` counts them."""
        keep = np.ones(self.total, dtype=bool)
        for chosen, by_value in ((list(themes), self.themes),
                                 (list(countries), self.countries)):
            if chosen:
                any_of = np.zeros(self.total, dtype=bool)
                for value in chosen:
                    if value in by_value:
                        any_of |= by_value[value]
                keep &= any_of
        return int(keep.sum())
