"""GeoJSON (gros.importers.geojson): features as rows, bad features as rejections, the crs
member, feature ids, and the seed file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from gros.projects import project_from_record, project_to_record
from tests.importers.inputs import (
    HEADER_EN,
    MAASTRICHT,
    ROW,
    csv_bytes,
    feature,
    geo_properties,
    geojson_bytes,
    metres_apart,
    one,
    point,
    read,
    reasons,
)

SEED = Path(__file__).resolve().parents[2] / "geodata" / "projects.geojson"


def test_geojson_features_become_projects_and_bad_features_rows():
    features = [
        feature(geo_properties(id="park"), point(5.9, 51.1)),
        feature(geo_properties(id="no-geometry"), None),
        feature(geo_properties(id="bad-geometry"), {"type": "Point", "coordinates": "x"}),
        feature(geo_properties(id="self-crossing"), {"type": "Polygon", "coordinates": [
            [[5, 51], [6, 52], [6, 51], [5, 52], [5, 51]]]}),
        "not a feature",
        feature(geo_properties(id="from-properties", lat="51,1", lon="5,9"), None),
        feature(geo_properties(id="swapped"), point(51.1, 5.9)),
    ]
    result = read(geojson_bytes(features), "p.geojson")
    assert result.format == "geojson"
    assert [p.id for p in result.accepted] == ["park", "from-properties", "swapped"]
    assert [(r, c) for r, c, _ in reasons(result)] == [
        (2, "geometry"), (3, "geometry"), (4, "geometry"), (5, "row")]
    assert "not a valid GeoJSON geometry" in result.rejected[1].reason
    assert "invalid geometry" in result.rejected[2].reason
    assert any("swapped in feature 7" in w for w in result.warnings)


def test_geojson_crs_member_is_honoured():
    features = [feature(geo_properties(), point(177_417, 317_811))]
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
    result = read(geojson_bytes(features, crs=crs), "p.geojson")
    project = one(result)
    assert metres_apart((project.geometry.x, project.geometry.y), MAASTRICHT) < 50
    assert any("'crs' member" in w for w in result.warnings)


def test_geojson_feature_id_is_used_when_properties_have_none():
    data = geojson_bytes([{**feature(geo_properties(), point(5.9, 51.1)), "id": "Park-7"}])
    assert one(read(data, "p.json")).id == "park-7"


def test_geojson_round_trip_of_a_project_record():
    project = one(read(csv_bytes([HEADER_EN, ROW])))
    record = project_to_record(project)
    data = geojson_bytes([feature(record, shapely.geometry.mapping(project.geometry))])
    assert one(read(data, "export.geojson")) == project


def test_imported_lines_are_exact_unless_the_file_says_schematic():
    """Track geometry from a file is drawn as given; only a file's own word makes it
    schematic (in any of the languages the importer reads)."""
    track = {"type": "LineString", "coordinates": [[5.70, 50.85], [5.80, 50.87], [5.97, 50.89]]}
    result = read(geojson_bytes([
        feature(geo_properties(id="track"), track),
        feature(geo_properties(id="sketch", precision="schematisch"), track),
    ]), "lines.geojson")
    assert [(p.id, p.precision) for p in result.accepted] == [
        ("track", "exact"), ("sketch", "schematic")]
    assert list(result.accepted[0].geometry.coords) == [tuple(c) for c in track["coordinates"]]


def test_empty_feature_collection_is_zero_rows():
    result = read(geojson_bytes([]), "p.geojson")
    assert result.rows == 0
    assert result.warnings


@pytest.mark.skipif(not SEED.exists(), reason="geodata/projects.geojson is not there")
def test_the_seed_file_imports_as_the_model_reads_it():
    result = read(SEED.read_bytes(), SEED.name)
    assert not result.rejected
    document = json.loads(SEED.read_text(encoding="utf-8"))
    expected = [project_from_record(f["properties"], shapely.geometry.shape(f["geometry"]))
                for f in document["features"]]
    assert result.accepted == expected
