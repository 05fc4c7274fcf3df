"""Building region layers from synthetic boundaries."""

import geopandas as gpd
import pytest
import shapely

from gros import layers as layers_module


def test_euregios_are_dissolved_from_their_members(synthetic_layers):
    emr = synthetic_layers.euregios.set_index("id").loc["maas-rijn"]
    assert emr.countries == ["BE", "DE", "NL"]
    assert emr.member_count == 3
    assert emr.partial_nuts3 == ["NL111"]
    assert emr.valid
    # Three 1°×1° squares around 50.5–51.5° N: about 3 × 7,800 km².
    assert emr.area_km2 == pytest.approx(3 * 7_800, rel=0.03)


def test_overlapping_memberships_draw_both_euregios(synthetic_layers):
    shared = shapely.box(7.0, 51.0, 8.0, 51.5).centroid
    location = layers_module.locate(synthetic_layers, shared.x, shared.y)
    assert location.euregios == ["euregio", "maas-rijn"]
    assert location.border_provinces == ["DE1"]
    assert location.country == "DE"


def test_a_point_outside_every_region(synthetic_layers):
    location = layers_module.locate(synthetic_layers, 20.0, 60.0)
    assert location == layers_module.Location([], [], None)


def test_regions_touched_by_a_line(synthetic_layers):
    line = shapely.LineString([(5.5, 51.5), (7.5, 51.5)])  # NL111 → NL112 → DE111
    touched = layers_module.regions_touched(
        synthetic_layers, gpd.GeoSeries([line, shapely.Point(20, 60)], crs="EPSG:4326"))
    assert touched.loc[0, "euregios"] == ["euregio", "maas-rijn"]
    assert touched.loc[0, "border_provinces"] == ["DE1", "NL11"]
    assert touched.loc[1, "euregios"] == []


def test_display_layers_match_the_full_ones(synthetic_layers):
    assert list(synthetic_layers.euregios_display["id"]) == list(synthetic_layers.euregios["id"])
    assert set(synthetic_layers.countries_display["country"]) == {"NL", "BE", "DE"}
    assert list(synthetic_layers.border_provinces_display["nuts_id"]) == ["NL11", "DE1"]


def test_nuts3_points_and_names_cover_the_same_regions(synthetic_layers):
    points = layers_module.nuts3_points(synthetic_layers)
    names = layers_module.nuts3_names(synthetic_layers)
    assert set(points) == set(names) == set(synthetic_layers.nuts3["NUTS_ID"])
    assert all(isinstance(name, str) and name for name in names.values())
