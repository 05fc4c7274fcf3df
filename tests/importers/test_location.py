"""Locations and the coordinate system (gros.importers.location): swapped axes, RD New and
Belgian Lambert recognised, WKT, NUTS-3 points, and rows that fit no system.
"""

from __future__ import annotations

import pytest

from gros.importers import ImportFileError, ImportResult, read_projects
from tests.importers.inputs import (
    ANTWERP,
    BORKEN,
    HEADER_EN,
    MAASTRICHT,
    NUTS3_POINTS,
    ROW,
    coordinate_rows,
    csv_bytes,
    metres_apart,
    one,
    read,
    reasons,
)


def test_swapped_latitude_and_longitude_are_fixed_with_a_warning():
    result = read(coordinate_rows(["lat", "lon"], [["51,4416", "5,4697"], ["5,4697", "51,4416"],
                                                   ["48.85", "2.35"]]))
    assert [(p.geometry.x, p.geometry.y) for p in result.accepted] == [
        (5.4697, 51.4416), (5.4697, 51.4416), (2.35, 48.85)]
    assert any("swapped in row 3" in w for w in result.warnings)


def test_impossible_coordinates_that_swapping_does_not_fix_are_rejected():
    result = read(coordinate_rows(["lat", "lon"], [["120", "300"]]))
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (2, "geometry")
    assert "outside Europe" in reason


def test_missing_half_of_a_coordinate_pair_is_rejected():
    result = read(coordinate_rows(["lat", "lon"], [["51.2", ""]]))
    ((_, column, reason),) = reasons(result)
    assert column == "lon"
    assert "empty" in reason


def test_rd_new_is_recognised_and_reprojected():
    # Maastricht station in RD New per pyproj; the 176 700 is 700 m west of it.
    result = read(coordinate_rows(["x", "y"], [["177 417", "317 811"], ["150000", "450000"]]))
    assert metres_apart((result.accepted[0].geometry.x, result.accepted[0].geometry.y),
                        MAASTRICHT) < 50
    assert any("EPSG:28992" in w and "recognised" in w for w in result.warnings)


@pytest.mark.parametrize(("xy", "crs"), [((153_657, 211_918), "EPSG:31370"),
                                         ((653_652, 711_918), "EPSG:3812")])
def test_belgian_lambert_is_recognised_and_reprojected(xy, crs):
    result = read(coordinate_rows(["X-coördinaat", "Y-coördinaat"], [list(xy)]))
    project = one(result)
    assert metres_apart((project.geometry.x, project.geometry.y), ANTWERP) < 50
    assert any(crs in w for w in result.warnings)


def test_xy_holding_degrees_are_read_as_longitude_and_latitude():
    result = read(coordinate_rows(["x", "y"], [["5.7", "50.8"], ["50.8", "5.7"]]))
    assert [(p.geometry.x, p.geometry.y) for p in result.accepted] == [(5.7, 50.8)] * 2
    assert any("EPSG:4326" in w for w in result.warnings)
    assert any("swapped" in w for w in result.warnings)


def test_a_row_in_another_system_than_the_file_is_rejected():
    rows = [["177417", "317811"], ["150000", "450000"], ["153657", "211918"]]
    result = read(coordinate_rows(["x", "y"], rows))
    assert len(result.accepted) == 2
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (4, "x")
    assert "EPSG:28992" in reason and "pass crs" in reason


def test_crs_argument_overrides_recognition():
    rows = [["153657", "211918"]]  # Lambert 72 values, forced to be read as RD New
    forced = read(coordinate_rows(["x", "y"], rows), crs="EPSG:28992")
    project = one(forced)
    assert metres_apart((project.geometry.x, project.geometry.y), ANTWERP) > 10_000
    assert not any("recognised" in w for w in forced.warnings)


def test_unknown_crs_argument_is_refused():
    with pytest.raises(ImportFileError, match="unknown coordinate system 'EPSG:3857'"):
        read_projects(csv_bytes([HEADER_EN, ROW]), "p.csv", crs="EPSG:3857")


def test_unrecognisable_xy_are_rejected_with_the_ranges():
    result = read(coordinate_rows(["x", "y"], [["5000000", "5000000"]]))
    ((_, column, reason),) = reasons(result)
    assert column == "x"
    assert "RD New" in reason and "pass crs" in reason


def test_wkt_lines_and_polygons():
    rows = [["LINESTRING (5.85 51.84, 6.15 51.79)"],
            ["POLYGON ((5.5 51.2, 5.8 51.2, 5.8 51.3, 5.5 51.2))"],
            ["LINESTRING (51.84 5.85, 51.79 6.15)"],
            ["LINESTRING (5.85 51.84"]]
    result = read(coordinate_rows(["WKT"], rows))
    assert [p.geometry_type for p in result.accepted] == ["line", "area", "line"]
    assert result.accepted[2].geometry.coords[0] == (5.85, 51.84)
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (5, "WKT")
    assert "not valid WKT" in reason


def test_wkt_in_rd_new_with_crs():
    rows = [["LINESTRING (177417 317811, 150000 450000)"]]
    project = one(read(coordinate_rows(["geometrie"], rows), crs="EPSG:28992"))
    assert metres_apart(project.geometry.coords[0], MAASTRICHT) < 50


def test_wkt_in_rd_new_is_recognised_without_crs():
    project = one(read(coordinate_rows(["wkt"], [["POINT (177417 317811)"]])))
    assert metres_apart((project.geometry.x, project.geometry.y), MAASTRICHT) < 50


def test_nuts3_column_places_rows_without_coordinates():
    header = ["title", "theme", "source", "NUTS-3"]
    rows = [["A", "transport", "https://a.example", "DEA34  / Borken"],
            ["B", "transport", "https://b.example", "XX999"],
            ["C", "transport", "https://c.example", "DEA3"]]
    result = read(csv_bytes([header, *rows]), nuts3_points=NUTS3_POINTS)
    project = one(ImportResult("x", "csv", 1, result.accepted))
    assert (project.geometry.x, project.geometry.y) == BORKEN
    assert project.precision == "nuts3"
    assert [(r, c) for r, c, _ in reasons(result)] == [(3, "NUTS-3"), (4, "NUTS-3")]
    assert "'XX999'" in result.rejected[0].reason
    assert "'DEA3'" in result.rejected[1].reason
    without = read(csv_bytes([header, rows[0]]))
    assert "no NUTS-3 points were provided" in without.rejected[0].reason


def test_a_row_without_any_location_is_rejected():
    result = read(csv_bytes([["title", "theme", "source"], ["A", "transport", "https://a.example"]]))
    ((_, column, reason),) = reasons(result)
    assert column == "geometry"
    assert "a location is required" in reason
