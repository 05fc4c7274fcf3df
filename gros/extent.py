"""Which part of the map a filter is about: its chosen regions, else its projects.

The live map, the presentation and the exported maps all fit their view to this extent,
so that choosing a Euregio, a province or a country brings it into view.
"""

from __future__ import annotations

import geopandas as gpd

from gros.catalogue import ShownProjects
from gros.filters import ProjectFilter
from gros.layers import RegionLayers

Extent = tuple[float, float, float, float]
"""``(lon_min, lat_min, lon_max, lat_max)`` in degrees."""

SMALLEST_SPAN_DEG = 0.04  # one project alone still shows its surroundings


def region_bounds(layers: RegionLayers, wanted: ProjectFilter) -> Extent | None:
    """The bounds of the regions a filter chooses (Euregios, border provinces, and for a
    country its border provinces), None when it chooses none."""
    chosen = []
    if wanted.euregios:
        euregios = layers.euregios_display
        chosen.append(euregios[euregios["id"].isin(wanted.euregios)])
    provinces = layers.border_provinces_display
    if wanted.provinces:
        chosen.append(provinces[provinces["nuts_id"].isin(wanted.provinces)])
    if wanted.countries:
        chosen.append(provinces[provinces["country"].isin(wanted.countries)])
    chosen = [frame for frame in chosen if not frame.empty]
    if not chosen:
        return None
    bounds = [frame.total_bounds for frame in chosen]
    return (min(b[0] for b in bounds), min(b[1] for b in bounds),
            max(b[2] for b in bounds), max(b[3] for b in bounds))


def filter_extent(shown: gpd.GeoDataFrame | ShownProjects, layers: RegionLayers,
                  wanted: ProjectFilter, margin: float = 0.05) -> Extent:
    """The extent to show for ``wanted``: its regions; else, when it narrows the
    projects, the ones ``shown``; else the whole border area. With a margin."""
    bounds = region_bounds(layers, wanted)
    if bounds is None and not wanted.is_empty and len(shown):
        bounds = tuple(float(v) for v in shown.total_bounds)
    if bounds is None:
        bounds = tuple(float(v) for v in layers.euregios_display.total_bounds)
    lon_min, lat_min, lon_max, lat_max = bounds
    pad_x = max((lon_max - lon_min) * margin, SMALLEST_SPAN_DEG / 2)
    pad_y = max((lat_max - lat_min) * margin, SMALLEST_SPAN_DEG / 2)
    return (lon_min - pad_x, lat_min - pad_y, lon_max + pad_x, lat_max + pad_y)
