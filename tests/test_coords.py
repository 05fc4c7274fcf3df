"""Coordinates: parsing, recognising RD New and Belgian Lambert, reprojection, swapped axes."""

from __future__ import annotations

import math

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer

from gros import coords

# Maastricht railway station and Antwerpen-Centraal, WGS 84 (lon, lat), and their
# coordinates in each system as computed with pyproj (EPSG:4326 → EPSG:x, always_xy).
MAASTRICHT = (5.7055, 50.8497)
MAASTRICHT_RD = (177_417, 317_811)
ANTWERP = (4.4211, 51.2172)
ANTWERP_LAMBERT_72 = (153_657, 211_918)
ANTWERP_LAMBERT_2008 = (653_652, 711_918)


def metres_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two lon/lat points, good to a metre at these latitudes."""
    dx = (a[0] - b[0]) * 111_320 * math.cos(math.radians(a[1]))
    dy = (a[1] - b[1]) * 110_540
    return math.hypot(dx, dy)


def lonlat(geometry: shapely.Geometry) -> tuple[float, float]:
    return geometry.x, geometry.y


@pytest.mark.parametrize(("value", "expected"), [
    ("51.4416", 51.4416),
    ("51,4416", 51.4416),
    (" 5,705 ", 5.705),
    ("176 700", 176700.0),
    ("176\u00a0700,5", 176700.5),
    ("176.700,5", 176700.5),
    ("176,700.5", 176700.5),
    ("-0,5", -0.5),
    ("51.4416°", 51.4416),
    (51, 51.0),
    (5.5, 5.5),
])
def test_parse_coordinate_reads_decimal_points_and_commas(value, expected):
    assert coords.parse_coordinate(value) == pytest.approx(expected)


@pytest.mark.parametrize("value", ["", None, "abc", "51,44,16", "1e5", "nan", "inf",
                                   float("nan"), float("inf"), True, "5..1"])
def test_parse_coordinate_refuses_what_is_not_a_finite_number(value):
    with pytest.raises(coords.CoordinateError) as caught:
        coords.parse_coordinate(value)
    if value not in ("", None):
        assert repr(value) in str(caught.value)


@pytest.mark.parametrize(("point", "expected"), [
    ((5.7, 50.8), coords.WGS84),
    ((50.8, 5.7), coords.WGS84),          # degrees, even when swapped
    (MAASTRICHT_RD, coords.RD_NEW),
    (ANTWERP_LAMBERT_72, coords.LAMBERT_72),
    (ANTWERP_LAMBERT_2008, coords.LAMBERT_2008),
    ((1_000_000_000, 5), None),
    ((math.nan, 5), None),
])
def test_classify_recognises_each_system_from_its_values(point, expected):
    assert coords.classify(*point) == expected


def test_projected_ranges_do_not_overlap():
    boxes = {crs: shapely.box(*bounds) for crs, bounds in coords.PROJECTED_RANGES.items()}
    for a in boxes:
        for b in boxes:
            if a < b:
                assert not boxes[a].intersects(boxes[b]), (a, b)


@settings(max_examples=60, deadline=None)
@given(lon=st.floats(3.4, 7.2), lat=st.floats(50.76, 53.5))
def test_every_point_of_the_netherlands_in_rd_new_is_recognised(lon, lat):
    x, y = Transformer.from_crs(coords.WGS84, coords.RD_NEW, always_xy=True).transform(lon, lat)
    assert coords.classify(x, y) == coords.RD_NEW


@settings(max_examples=60, deadline=None)
@given(lon=st.floats(2.5, 6.4), lat=st.floats(49.5, 51.5))
def test_every_point_of_belgium_in_lambert_is_recognised(lon, lat):
    for crs in (coords.LAMBERT_72, coords.LAMBERT_2008):
        x, y = Transformer.from_crs(coords.WGS84, crs, always_xy=True).transform(lon, lat)
        assert coords.classify(x, y) == crs


def test_detect_crs_takes_the_system_most_points_fit():
    points = [MAASTRICHT_RD, (150_000, 450_000), ANTWERP_LAMBERT_72]
    assert coords.detect_crs(points) == coords.RD_NEW
    assert coords.detect_crs([MAASTRICHT_RD, ANTWERP_LAMBERT_72]) is None  # a tie
    assert coords.detect_crs([(1e9, 1e9)]) is None
    assert coords.detect_crs([]) is None


@pytest.mark.parametrize(("crs", "xy", "expected"), [
    (coords.RD_NEW, MAASTRICHT_RD, MAASTRICHT),
    (coords.LAMBERT_72, ANTWERP_LAMBERT_72, ANTWERP),
    (coords.LAMBERT_2008, ANTWERP_LAMBERT_2008, ANTWERP),
])
def test_to_wgs84_lands_within_50_metres(crs, xy, expected):
    converted = coords.to_wgs84(shapely.Point(*xy), crs)
    assert metres_apart(lonlat(converted), expected) < 50


def test_rd_example_from_the_issue_is_700_metres_west_of_the_station():
    # x=176 700, y=317 800 was given as "Maastricht station"; pyproj puts it at 5.6953 E,
    # which is the station's latitude but about 700 m west of it (the station is x≈177 417).
    converted = lonlat(coords.to_wgs84(shapely.Point(176_700, 317_800), coords.RD_NEW))
    assert converted == pytest.approx((5.6953, 50.8496), abs=1e-4)
    assert 650 < metres_apart(converted, MAASTRICHT) < 750


def test_to_wgs84_converts_every_vertex_of_a_line():
    line = shapely.LineString([MAASTRICHT_RD, (150_000, 450_000)])
    converted = coords.to_wgs84(line, coords.RD_NEW)
    assert converted.geom_type == "LineString"
    assert metres_apart(converted.coords[0], MAASTRICHT) < 50
    assert converted.within(coords.WORKING_AREA)


def test_to_wgs84_refuses_an_unknown_system():
    with pytest.raises(coords.CoordinateError, match="EPSG:3857"):
        coords.to_wgs84(shapely.Point(0, 0), "EPSG:3857")


def test_wgs84_is_returned_unchanged():
    point = shapely.Point(5.7, 50.8)
    assert coords.to_wgs84(point, coords.WGS84) is point


@pytest.mark.parametrize(("given_", "expected", "swapped"), [
    ((5.7055, 50.8497), (5.7055, 50.8497), False),
    ((50.8497, 5.7055), (5.7055, 50.8497), True),
    ((2.35, 48.85), (2.35, 48.85), False),      # Paris: in Europe, outside the area, kept
    ((48.85, 2.35), (48.85, 2.35), False),      # swapped Paris: not in the area either way
    ((100.0, 200.0), (100.0, 200.0), False),    # impossible both ways: left for validation
])
def test_fix_axis_order_swaps_only_into_the_working_area(given_, expected, swapped):
    geometry, was_swapped = coords.fix_axis_order(shapely.Point(*given_))
    assert lonlat(geometry) == expected
    assert was_swapped is swapped


def test_fix_axis_order_swaps_lines_too():
    line = shapely.LineString([(51.84, 5.85), (51.79, 6.15)])
    fixed, swapped = coords.fix_axis_order(line)
    assert swapped
    assert list(fixed.coords) == [(5.85, 51.84), (6.15, 51.79)]


@pytest.mark.parametrize(("name", "expected"), [
    ("EPSG:28992", coords.RD_NEW),
    ("epsg:31370", coords.LAMBERT_72),
    ("urn:ogc:def:crs:EPSG::3812", coords.LAMBERT_2008),
    ("urn:ogc:def:crs:OGC:1.3:CRS84", coords.WGS84),
    ("28992", coords.RD_NEW),
    ("Amersfoort / RD New", coords.RD_NEW),
    ("Belge 1972 / Belgian Lambert 72", coords.LAMBERT_72),
    ("ETRS89 / Belgian Lambert 2008", coords.LAMBERT_2008),
    ("EPSG:3857", None),
    ("", None),
    (None, None),
])
def test_crs_from_name(name, expected):
    assert coords.crs_from_name(name) == expected


def test_first_coordinate_and_finiteness():
    assert coords.first_coordinate(shapely.LineString([(1, 2), (3, 4)])) == (1.0, 2.0)
    assert coords.first_coordinate(shapely.from_wkt("POINT EMPTY")) is None
    assert coords.is_finite(shapely.Point(1, 2))
    assert not coords.is_finite(shapely.Point(math.inf, 2))
