"""Geometry operations on region layers: simplification, areas, deviation.

Display geometries are simplified as one coverage, so that regions which share a
border keep sharing it after simplification: no gaps, no slivers.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

WGS84 = "EPSG:4326"
EQUAL_AREA_CRS = "EPSG:3035"  # ETRS89-LAEA Europe
DISPLAY_DECIMALS = 5  # about 1 m at these latitudes


def area_km2(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Area of every geometry in km², computed in the equal-area EPSG:3035."""
    return frame.geometry.to_crs(EQUAL_AREA_CRS).area.to_numpy() / 1e6


def simplify_coverage(frame: gpd.GeoDataFrame, tolerance_m: float,
                      clean: bool = False) -> gpd.GeoDataFrame:
    """Simplify non-overlapping polygons together so shared borders stay shared.

    ``tolerance_m`` is the simplification tolerance in metres (in EPSG:3035);
    the result is in EPSG:4326 with coordinates rounded for display. With
    ``clean``, polygons that are not a valid coverage are first made one
    (``shapely.coverage_clean``: an overlap goes to one of the two, vertices along
    shared edges are matched), for sources assembled from national data, whose
    pieces need not fit along the national borders.

    Raises
    ------
    ValueError
        If the polygons overlap or are otherwise not a valid coverage (and not ``clean``).
    """
    projected = frame.geometry.to_crs(EQUAL_AREA_CRS).to_numpy()
    if clean and not shapely.coverage_is_valid(projected):
        projected = shapely.coverage_clean(projected)
    if not shapely.coverage_is_valid(projected):
        raise ValueError("the polygons to simplify overlap or are not a valid coverage")
    simplified = shapely.coverage_simplify(projected, tolerance_m)
    result = frame.copy()
    result.geometry = gpd.GeoSeries(simplified, index=frame.index, crs=EQUAL_AREA_CRS).to_crs(WGS84)
    return round_coordinates(result)


def round_coordinates(frame: gpd.GeoDataFrame,
                      decimals: int = DISPLAY_DECIMALS) -> gpd.GeoDataFrame:
    """Round coordinates for display; shared vertices stay identical because rounding is."""
    factor = 10**decimals
    rounded = shapely.transform(frame.geometry.to_numpy(),
                                lambda coords: np.round(coords * factor) / factor)
    result = frame.copy()
    result.geometry = gpd.GeoSeries(shapely.make_valid(rounded), index=frame.index, crs=frame.crs)
    return result


def dissolve_by(frame: gpd.GeoDataFrame, key: str) -> gpd.GeoDataFrame:
    """Union the geometries of the rows sharing ``key``; one row per key value."""
    return frame[[key, "geometry"]].dissolve(by=key, as_index=False)


def max_deviation_m(original: gpd.GeoSeries, simplified: gpd.GeoSeries) -> float:
    """Largest Hausdorff distance, in metres, between matching geometries."""
    a = original.to_crs(EQUAL_AREA_CRS).to_numpy()
    b = simplified.to_crs(EQUAL_AREA_CRS).to_numpy()
    return float(np.max(shapely.hausdorff_distance(a, b))) if len(a) else 0.0


def gap_or_overlap_positions(pieces: gpd.GeoSeries, gap_width_m: float) -> list[int]:
    """Positions of the pieces that overlap a neighbour or are separated from one by
    a sliver narrower than ``gap_width_m``.

    A valid coverage of regions that share their borders gives an empty list. Real
    coastlines can have narrow inlets that count as gaps: compare a simplified
    coverage with its source rather than expecting none.
    """
    projected = pieces.to_crs(EQUAL_AREA_CRS).to_numpy()
    edges = shapely.coverage_invalid_edges(projected, gap_width=gap_width_m)
    return [i for i, edge in enumerate(edges) if edge is not None and not edge.is_empty]


def overlap_km2(pieces: gpd.GeoSeries) -> float:
    """Area, in km², covered by more than one of ``pieces``."""
    projected = pieces.to_crs(EQUAL_AREA_CRS)
    return (projected.area.sum() - shapely.union_all(projected.to_numpy()).area) / 1e6
