"""The curated seed projects and stations in geodata/."""

from __future__ import annotations

from collections import Counter

import geopandas as gpd
import pytest
import shapely

from gros import regions, themes
from gros.layers import regions_touched
from gros.projects import projects_frame
from gros.seed import read_seed_projects, read_stations

STATION_TOLERANCE_M = 250


@pytest.fixture(scope="module")
def seed():
    return read_seed_projects()


def test_at_least_forty_unique_sourced_projects(seed):
    assert len(seed) >= 40
    assert len({p.id for p in seed}) == len(seed)
    for project in seed:
        assert project.sources, project.id
        assert all(s.startswith(("https://", "http://")) for s in project.sources), project.id
        assert project.last_verified, project.id


def test_every_theme_is_covered(seed):
    counts = Counter(theme for p in seed for theme in p.themes)
    assert set(counts) == set(themes.THEME_IDS)
    assert min(counts.values()) >= 3, counts


def test_points_lines_and_areas_are_all_there(seed):
    kinds = Counter(p.geometry_type for p in seed)
    assert kinds["point"] and kinds["line"] and kinds["area"], kinds


def test_every_euregio_has_projects(seed, mirror_layers):
    frame = projects_frame(seed)
    touched = regions_touched(mirror_layers, frame.geometry)
    counts = Counter(e for found in touched["euregios"] for e in found)
    for euregio_id in regions.EUREGIO_IDS:
        assert counts[euregio_id] >= 3, (euregio_id, counts)


def test_the_limburg_rail_links_are_lines(seed):
    by_id = {p.id: p for p in seed}
    for project_id, stations in {
        "rail-maastricht-aachen": ["Maastricht", "Heerlen", "Herzogenrath", "Aachen Hbf"],
        "rail-liege-maastricht": ["Liège-Guillemins", "Maastricht"],
        "rail-liege-maastricht-aachen": ["Liège-Guillemins", "Maastricht", "Aachen Hbf"],
    }.items():
        project = by_id[project_id]
        assert project.geometry_type == "line"
        assert "transport" in project.themes
        assert set(stations) <= set(project.stations), project_id


def _metres(a: shapely.Geometry, b: shapely.Geometry) -> float:
    both = gpd.GeoSeries([a, b], crs="EPSG:4326").to_crs("EPSG:3035")
    return float(both.iloc[0].distance(both.iloc[1]))


def test_rail_lines_pass_through_the_stations_they_name(seed):
    stations = read_stations()
    rail = [p for p in seed if p.stations]
    assert len(rail) >= 10
    for project in rail:
        assert project.geometry.geom_type == "LineString", project.id
        vertices = [shapely.Point(c) for c in project.geometry.coords]
        for name in project.stations:
            assert name in stations, f"{project.id}: unknown station {name!r}"
            nearest = min(_metres(stations[name].point, v) for v in vertices)
            assert nearest <= STATION_TOLERANCE_M, (project.id, name, nearest)
        # The line runs from its first named station to its last.
        assert _metres(vertices[0], stations[project.stations[0]].point) <= STATION_TOLERANCE_M
        assert _metres(vertices[-1], stations[project.stations[-1]].point) <= STATION_TOLERANCE_M


def test_stations_lie_in_the_country_they_name(mirror_layers):
    """An independent check of the station coordinates against the official borders."""
    countries = mirror_layers.countries.set_index("country")["geometry"]
    for station in read_stations().values():
        assert station.source.startswith("http"), station.name
        # 2 km slack: the 1:20 million borders are generalised.
        assert countries[station.country].buffer(0.03).contains(station.point), station.name


def test_cross_border_rail_links_cross_a_border(seed, mirror_layers):
    countries = mirror_layers.countries.set_index("country")["geometry"]
    for project in (p for p in seed if p.stations):
        crossed = {code for code in ("NL", "BE", "DE") if project.geometry.intersects(
            countries[code])}
        assert len(crossed) >= 2, (project.id, crossed)


def test_every_project_lies_in_a_country_it_names(seed, mirror_layers):
    """Catches swapped or mistyped coordinates: a point lies in one of its countries,
    a line or area touches one (2 km slack for the generalised borders)."""
    countries = mirror_layers.countries.set_index("country")["geometry"]
    for project in seed:
        assert project.countries, project.id
        touched = {code for code in project.countries if code in countries.index
                   and countries[code].buffer(0.03).intersects(project.geometry)}
        assert touched, (project.id, project.countries)
        if project.geometry_type == "point":
            assert any(countries[code].buffer(0.03).contains(project.geometry)
                       for code in touched), project.id
