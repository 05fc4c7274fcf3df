"""Simplification, areas and gap checks on small shapes built in code."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gros import geometry


def _wiggly_neighbours() -> gpd.GeoDataFrame:
    """Two squares (EPSG:4326) sharing a zig-zag border of 200 small steps at lon 6."""
    lats = np.linspace(51.0, 52.0, 201)
    border = [(6.0 + (0.002 if i % 2 else 0.0), lat) for i, lat in enumerate(lats)]
    west = shapely.Polygon([(5.0, 51.0), *border, (5.0, 52.0)])
    east = shapely.Polygon([*border, (7.0, 52.0), (7.0, 51.0)])
    return gpd.GeoDataFrame({"id": ["west", "east"]}, geometry=[west, east], crs="EPSG:4326")


def test_area_is_computed_in_an_equal_area_crs():
    # One degree of latitude by one of longitude at 51–52° N is about 7,700 km².
    square = gpd.GeoDataFrame(geometry=[shapely.box(5, 51, 6, 52)], crs="EPSG:4326")
    assert geometry.area_km2(square)[0] == pytest.approx(7_700, rel=0.02)


def test_coverage_simplification_keeps_shared_borders_shared():
    neighbours = _wiggly_neighbours()
    simplified = geometry.simplify_coverage(neighbours, tolerance_m=500)
    vertices_before = shapely.get_num_coordinates(neighbours.geometry.to_numpy()).sum()
    vertices_after = shapely.get_num_coordinates(simplified.geometry.to_numpy()).sum()
    assert vertices_after < vertices_before / 10
    assert geometry.gap_or_overlap_positions(simplified.geometry, gap_width_m=1000) == []
    assert geometry.overlap_km2(simplified.geometry) == pytest.approx(0, abs=1e-6)
    assert geometry.max_deviation_m(neighbours.geometry, simplified.geometry) <= 500


def test_a_sliver_between_neighbours_is_noticed():
    """The check the mirror tests rely on does notice a gap of about 700 m."""
    west = shapely.box(5.0, 51.0, 6.0, 52.0)
    east = shapely.box(6.01, 51.0, 7.0, 52.0)
    frame = gpd.GeoSeries([west, east], crs="EPSG:4326")
    assert geometry.gap_or_overlap_positions(frame, gap_width_m=1000) == [0, 1]
    assert geometry.gap_or_overlap_positions(frame, gap_width_m=100) == []


def test_overlapping_polygons_are_not_a_coverage():
    overlapping = gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 2, 2), shapely.box(1, 1, 3, 3)],
                                   crs="EPSG:4326")
    with pytest.raises(ValueError, match="not a valid coverage"):
        geometry.simplify_coverage(overlapping, 100)


def test_coordinates_are_rounded_for_display():
    frame = gpd.GeoDataFrame(geometry=[shapely.box(5.123456789, 51.987654321, 6, 52.5)],
                             crs="EPSG:4326")
    rounded = geometry.round_coordinates(frame)
    coords = shapely.get_coordinates(rounded.geometry.to_numpy())
    assert np.allclose(coords, np.round(coords, 5))
    assert 5.12346 in coords[:, 0]
