"""PostGIS for the GIS department: the geometry column and the ``projects_map`` view."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import geopandas as gpd
import pandas as pd
import pytest
import shapely
import sqlalchemy as sa

from gros import spatial
from gros.projects import Project
from gros.store import ProjectStore
from tests.support.databases import Server

VIEW_COLUMNS = ["id", "title", "themes", "status", "period", "programme", "budget", "geometry"]
RAIL = Project(id="rail", title="Drielandentrein", themes=("transport", "economy"),
               geometry=shapely.LineString([(5.69, 50.85), (6.09, 50.77)]),
               sources=("https://example.org/rail",), status="ongoing", start="2019-03",
               end="2027", programme="Interreg VI-A Euregio Maas-Rijn", budget_eur=12.5e6)
PARK = Project(id="park", title="Grenspark De Zoom", themes=("environment",),
               geometry=shapely.box(4.30, 51.38, 4.45, 51.45), sources=("https://example.org/z",))
DESK = Project(id="desk", title="GrenzInfoPunkt", themes=("labour",),
               geometry=shapely.Point(6.08, 50.78), sources=("https://example.org/g",),
               start="2016")


@pytest.fixture
def gis_store(postgis: Server) -> Iterator[ProjectStore]:
    store = ProjectStore(postgis.database())
    store.upsert_many([RAIL, PARK, DESK], source="test")
    yield store
    store.close()


def _rows(store: ProjectStore, query: str) -> list[sa.Row]:
    with store.engine.connect() as connection:
        return list(connection.execute(sa.text(query)))


def test_projects_map_has_one_row_per_project_with_its_fields(gis_store):
    frame = gpd.read_postgis("SELECT * FROM projects_map ORDER BY id", gis_store.engine,
                             geom_col="geometry")
    assert list(frame.columns) == VIEW_COLUMNS
    assert frame.crs.to_epsg() == 4326
    rail = frame.set_index("id").loc["rail"]
    assert (rail.title, rail.themes, rail.status, rail.period, rail.programme, rail.budget) == (
        "Drielandentrein", "transport,economy", "ongoing", "2019-03/2027",
        "Interreg VI-A Euregio Maas-Rijn", 12.5e6)
    assert rail.geometry.equals_exact(RAIL.geometry, 1e-7)
    desk = frame.set_index("id").loc["desk"]
    assert desk.period == "2016/.."
    assert pd.isna(frame.set_index("id").loc["park"].period)
    assert set(frame.geometry.geom_type) == {"LineString", "Polygon", "Point"}


def test_qgis_finds_the_view_as_a_layer_in_epsg_4326(gis_store):
    # QGIS (and GDAL) list the layers a database offers from geometry_columns.
    [layer] = _rows(gis_store, "SELECT f_geometry_column, srid, type FROM geometry_columns "
                               "WHERE f_table_name = 'projects_map'")
    assert tuple(layer) == ("geometry", 4326, "GEOMETRY")
    [comment] = _rows(gis_store, "SELECT obj_description('projects_map'::regclass)")
    assert "EPSG:4326" in comment[0]


def test_the_geometry_column_has_a_spatial_index_and_follows_every_change(gis_store):
    [index] = _rows(gis_store, "SELECT indexdef FROM pg_indexes "
                               "WHERE indexname = 'ix_projects_geom'")
    assert "USING gist (geom)" in index[0]
    moved = dataclasses.replace(DESK, geometry=shapely.Point(5.97, 50.89))
    gis_store.save(moved, expected_version=1)
    gis_store.delete("park", expected_version=1)
    near = _rows(gis_store, "SELECT id FROM projects_map WHERE geometry && "
                            "ST_MakeEnvelope(5.9, 50.87, 6.0, 50.95, 4326)")
    assert [row.id for row in near] == ["desk"]
    assert sorted(row.id for row in _rows(gis_store, "SELECT id FROM projects_map")) == [
        "desk", "rail"]


def test_without_postgis_the_store_works_as_today(postgres):
    store = ProjectStore(postgres.database(postgis=False))
    store.upsert_many([RAIL], source="test")
    assert store.get("rail").project == RAIL
    columns = [c["name"] for c in sa.inspect(store.engine).get_columns("projects")]
    assert spatial.GEOMETRY_COLUMN not in columns
    assert not sa.inspect(store.engine).has_table(spatial.VIEW)
    store.close()


def test_postgis_installed_later_brings_the_view_at_the_next_start(postgis):
    url = postgis.database(postgis=False)
    ProjectStore(url).upsert_many([RAIL, DESK], source="test")
    postgis.cluster.execute("CREATE EXTENSION postgis", sa.make_url(url).database)
    store = ProjectStore(url)
    rows = _rows(store, "SELECT id, ST_SRID(geometry) AS srid FROM projects_map ORDER BY id")
    assert [(row.id, row.srid) for row in rows] == [("desk", 4326), ("rail", 4326)]
    store.close()
