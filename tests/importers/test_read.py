"""Reading a file (gros.importers.read): one clear error for a file that cannot be read, and
for any bytes, cells or properties nothing but that error or a result that keeps its promise.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gros.importers import ImportFileError, read_projects
from tests.importers.inputs import (
    DE_NL,
    HEADER_EN,
    KEEP_PARTNER_HEADER,
    KEEP_PARTNERS,
    KEEP_PROJECT_HEADER,
    KEEP_PROJECTS,
    NUTS3_POINTS,
    ROW,
    TODAY,
    check,
    csv_bytes,
    feature,
    geo_properties,
    geojson_bytes,
    keep_workbook,
    point,
    xlsx_bytes,
)


def test_only_the_first_sheet_of_a_workbook_is_read():
    data = xlsx_bytes({"Blad1": [HEADER_EN, ROW], "Blad2": [HEADER_EN], "Blad3": [["x"]]})
    result = read_projects(data, "p.xlsx", today=TODAY)
    assert len(result.accepted) == 1
    assert "Only the first sheet 'Blad1' was read; not read: 'Blad2', 'Blad3'" in result.warnings


@pytest.mark.parametrize(("data", "name", "fragment"), [
    (b"", "empty.csv", "is empty"),
    (b"\xef\xbb\xbf \r\n", "bom.csv", "is empty"),
    (b"PK\x03\x04 not really a zip", "broken.xlsx", "not a readable Excel workbook"),
    (b"this is not a workbook", "text.xlsx", "not a readable Excel workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.xls", ".xls"),
    (b"{not json", "p.geojson", "not valid JSON"),
    (b'{"type": "Feature", "geometry": null}', "p.geojson", "not a GeoJSON FeatureCollection"),
    (b"[1, 2]", "p.json", "not a GeoJSON FeatureCollection"),
    (b"title\nA\n", "projects.pdf", "cannot tell the format"),
    (b"title\nA\n", "projects", "cannot tell the format"),
    (b"naam\x00\x01", "p.csv", "not a text file"),
    (b"Omschrijving;Budget\nA;1\n", "p.csv", "'Omschrijving', 'Budget'"),
    (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, '
     b'"properties": {"naam_x": 1}}]}', "p.geojson", "'naam_x'"),
])
def test_file_level_problems_raise_one_clear_error(data, name, fragment):
    with pytest.raises(ImportFileError) as caught:
        read_projects(data, name)
    assert fragment in str(caught.value)
    assert repr(name) in str(caught.value)


# --- never anything but ImportFileError -----------------------------------------------------

VALID_CSV = csv_bytes([HEADER_EN, ROW, [*ROW[:12], "", *ROW[13:]]], ";")
VALID_GEOJSON = geojson_bytes([feature(geo_properties(id="a"), point(5.9, 51.1)),
                               feature(geo_properties(id="b"), None)])
VALID_XLSX = xlsx_bytes({"Blad1": [HEADER_EN, ROW]})
VALID_KEEP = keep_workbook(KEEP_PROJECTS, KEEP_PARTNERS)
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def attempt(data: bytes, name: str, **kwargs) -> None:
    """Read ``data``; only ImportFileError may escape, and results keep the invariant."""
    try:
        result = read_projects(data, name, today=TODAY, nuts3_points=NUTS3_POINTS, **kwargs)
    except ImportFileError:
        return
    check(result)


@FUZZ
@given(data=st.binary(max_size=2000),
       name=st.sampled_from(["p.csv", "p.xlsx", "p.geojson", "p.json", "p.txt", "p"]))
def test_random_bytes_never_raise_anything_else(data, name):
    attempt(data, name)


@FUZZ
@given(valid=st.sampled_from([(VALID_CSV, "p.csv"), (VALID_GEOJSON, "p.geojson"),
                              (VALID_XLSX, "p.xlsx"), (VALID_KEEP, "keep.xlsx")]),
       cut=st.floats(0, 1))
def test_truncated_files_never_raise_anything_else(valid, cut):
    data, name = valid
    attempt(data[: int(len(data) * cut)], name)


@FUZZ
@given(valid=st.sampled_from([(VALID_CSV, "p.csv"), (VALID_GEOJSON, "p.geojson")]),
       position=st.floats(0, 1), junk=st.binary(min_size=1, max_size=8))
def test_damaged_text_files_never_raise_anything_else(valid, position, junk):
    data, name = valid
    at = int(len(data) * position)
    attempt(data[:at] + junk + data[at + len(junk):], name)


CELLS = st.one_of(st.text(max_size=30), st.sampled_from(
    ["", "51,2", "6.1", "1.500", "2.347.070,39", "20.11.2015", "2016/01/01", "transport",
     "lopend", "https://a.example", "www.a.example", "POINT (5 51)", "DEA34 / Borken", "NL",
     "Nederland", "177417", "317811", "nan", "-1", "LINESTRING (5 51"]))
COLUMNS = ["title", "themes", "status", "start", "end", "budget", "lat", "lon", "x", "y",
           "wkt", "nuts3", "source", "countries", "partners", "id", "precision"]


@FUZZ
@given(rows=st.lists(st.lists(CELLS, min_size=len(COLUMNS), max_size=len(COLUMNS)),
                     min_size=1, max_size=6),
       delimiter=st.sampled_from([",", ";"]))
def test_any_cell_values_keep_the_invariant(rows, delimiter):
    data = csv_bytes([COLUMNS, *rows], delimiter)
    attempt(data, "p.csv")


@FUZZ
@given(properties=st.dictionaries(st.sampled_from(COLUMNS), st.one_of(
    CELLS, st.integers(), st.floats(), st.none(), st.lists(CELLS, max_size=3),
    st.dictionaries(st.text(max_size=5), CELLS, max_size=2)), max_size=8),
    geometry=st.one_of(st.none(), st.just(point(5.9, 51.1)), st.just({"type": "Point"}),
                       st.dictionaries(st.text(max_size=5), st.integers(), max_size=2)))
def test_any_geojson_properties_keep_the_invariant(properties, geometry):
    data = geojson_bytes([feature({"title": "T", **properties}, geometry)])
    attempt(data, "p.geojson")


# openpyxl cannot store control characters in a cell, so the text here has none.
KEEP_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
KEEP_CELLS = st.one_of(KEEP_TEXT, st.none(), st.integers(-5, 50_000), st.floats(allow_nan=True),
                       st.sampled_from(["KRAKE", "Yes", "No", "DEA34  / Borken", "Tourism",
                                        DE_NL, datetime(2016, 1, 1)]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects=st.lists(st.lists(KEEP_CELLS, min_size=len(KEEP_PROJECT_HEADER),
                                  max_size=len(KEEP_PROJECT_HEADER)), min_size=1, max_size=4),
       partners=st.lists(st.lists(KEEP_CELLS, min_size=len(KEEP_PARTNER_HEADER),
                                  max_size=len(KEEP_PARTNER_HEADER)), max_size=4))
def test_any_keep_cells_keep_the_invariant(projects, partners):
    attempt(keep_workbook(projects, partners), "keep.xlsx")


@pytest.mark.parametrize(("rows", "told"), [
    (1, [(1, 1)]),
    (250, [(250, 250)]),
    (600, [(250, 600), (500, 600), (600, 600)]),
])
def test_a_long_file_tells_its_progress(rows, told):
    calls: list[tuple[int, int]] = []
    data = csv_bytes([HEADER_EN, *([ROW] * rows)])
    result = read_projects(data, "many.csv", today=TODAY,
                           progress=lambda done, total: calls.append((done, total)))
    assert result.rows == rows
    assert calls == told
