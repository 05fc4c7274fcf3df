"""Exports of the projects: every format reads back, formulas are defused."""

from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from gros import exports
from gros.projects import Partner, Project, projects_frame


@pytest.fixture
def frame() -> gpd.GeoDataFrame:
    """Two projects: a line and a point whose title looks like a spreadsheet formula."""
    return projects_frame([
        Project(id="rail", title="Maastricht–Aachen", themes=("transport",),
                geometry=shapely.LineString([(5.70528, 50.85), (6.09111, 50.7675)]),
                sources=("https://example.org/rail",), partners=(Partner("Arriva", "NL"),),
                countries=("NL", "DE"), budget_eur=28_000_000.0),
        Project(id="office", title="=HYPERLINK(\"http://evil\")", themes=("labour",),
                geometry=shapely.Point(6.0, 50.9), sources=("https://example.org/o",),
                precision="municipality"),
    ])


def test_csv_reads_back_with_lists_joined_and_wkt(frame):
    table = pd.read_csv(io.BytesIO(exports.to_csv(frame)), encoding="utf-8-sig")
    assert list(table["id"]) == ["rail", "office"]
    assert table.loc[0, "partners"] == "Arriva (NL)"
    assert table.loc[0, "countries"] == "NL; DE"
    assert table.loc[0, "wkt"].startswith("LINESTRING (5.70528 50.85")
    assert table.loc[1, "title"] == "'=HYPERLINK(\"http://evil\")"


def test_xlsx_defuses_formulas(frame):
    table = pd.read_excel(io.BytesIO(exports.to_xlsx(frame)))
    assert table.loc[1, "title"].startswith("'=")
    assert table.loc[0, "budget_eur"] == 28_000_000


def test_xlsx_keeps_amounts_as_numbers_with_a_euro_format(frame):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(exports.to_xlsx(frame)))["projects"]
    header = [cell.value for cell in sheet[1]]
    budget = sheet.cell(row=2, column=header.index("budget_eur") + 1)
    assert budget.value == 28_000_000
    assert budget.number_format == exports.AMOUNT_FORMAT
    unknown = sheet.cell(row=2, column=header.index("eu_contribution_eur") + 1)
    assert unknown.value is None  # an unknown amount stays an empty cell, never 0
    title = sheet.cell(row=2, column=header.index("title") + 1)
    assert title.number_format == "General"


def test_geojson_keeps_geometry_and_text(frame):
    collection = json.loads(exports.to_geojson(frame))
    assert [f["geometry"]["type"] for f in collection["features"]] == ["LineString", "Point"]
    assert collection["features"][0]["properties"]["title"] == "Maastricht–Aachen"


def test_geopackage_opens_as_a_layer(frame, tmp_path):
    path = tmp_path / "p.gpkg"
    path.write_bytes(exports.to_gpkg(frame))
    layer = gpd.read_file(path, layer="projects")
    assert list(layer["id"]) == ["rail", "office"]
    assert layer.crs.to_epsg() == 4326


def test_unknown_format_is_named(frame):
    with pytest.raises(ValueError, match="'pdf'"):
        exports.export(frame, "pdf")
