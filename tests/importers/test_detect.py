"""Format detection and decoding (gros.importers.detect)."""

from __future__ import annotations

import pytest

from gros.importers import ImportFileError, read_projects
from gros.importers.detect import decode, detect_format
from gros.importers.notes import Notes
from tests.importers.inputs import (
    HEADER_EN,
    ROW,
    csv_bytes,
    feature,
    geo_properties,
    geojson_bytes,
    one,
    point,
    read,
    xlsx_bytes,
)


@pytest.mark.parametrize(("data", "name", "format", "expected"), [
    (b"title\n", "p.csv", None, "csv"),
    (b"title\n", "P.TSV", None, "csv"),
    (b"title\n", "p.txt", None, "csv"),
    (b"{}", "p.geojson", None, "geojson"),
    (b"{}", "C:\\exports\\p.json", None, "geojson"),
    (b"PK\x03\x04", "p.xlsm", None, "xlsx"),
    (b"PK\x03\x04", "p.csv", None, "xlsx"),  # the content wins over the extension
    (b"title\n", "download.dat", "csv", "csv"),
    (b"title\n", "p.csv", "keep", "keep"),
])
def test_detect_format(data, name, format, expected):
    assert detect_format(data, name, format, Notes()) == expected


@pytest.mark.parametrize(("data", "expected", "warning"), [
    ("Zürich".encode(), "Zürich", None),
    ("Zürich".encode("utf-8-sig"), "Zürich", None),
    ("Zürich".encode("utf-16"), "Zürich", None),
    ("Zürich – €".encode("cp1252"), "Zürich – €", "read as Windows-1252"),
    (b"Z\x81rich", "Z\x81rich", "read as Latin-1"),  # 0x81 is no Windows-1252 letter
])
def test_decode(data, expected, warning):
    notes = Notes()
    assert decode(data, "p.csv", notes) == expected
    if warning is None:
        assert notes.lines() == []
    else:
        (line,) = notes.lines()
        assert "'p.csv'" in line and warning in line


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings_keep_accented_letters(encoding):
    title = "Zürich–Aachen: één café, Straße"
    header = ["titel", "omschrijving", "thema", "bron", "lat", "lon"]
    row = [title, "Crème brûlée über die Grenze", "Économie et innovation",
           "https://example.org/ü", "50.8", "6.1"]
    result = read(csv_bytes([header, row], ";", encoding))
    project = one(result)
    assert project.title == title
    assert project.description == "Crème brûlée über die Grenze"
    assert project.themes == ("economy",)
    assert any("Windows-1252" in w for w in result.warnings) == (encoding == "cp1252")


def test_workbook_with_a_csv_name_is_read_as_xlsx():
    result = read(xlsx_bytes({"Blad1": [HEADER_EN, ROW]}), "projects.csv")
    one(result)
    assert result.format == "xlsx"
    assert any("Excel workbook despite" in w for w in result.warnings)


def test_too_large_file_names_size_and_limit():
    with pytest.raises(ImportFileError) as caught:
        read_projects(b"x" * (3 * 1024 * 1024), "big.csv", max_bytes=2 * 1024 * 1024)
    message = str(caught.value)
    assert "'big.csv'" in message and "3.0 MB" in message and "2.0 MB" in message


def test_unknown_format_argument_is_refused():
    with pytest.raises(ImportFileError, match="unknown format 'pdf'"):
        read_projects(csv_bytes([HEADER_EN, ROW]), "p.csv", "pdf")


def test_explicit_format_reads_a_file_with_any_name():
    data = geojson_bytes([feature(geo_properties(), point(5.9, 51.1))])
    assert one(read(data, "download.dat", format="geojson"))
    assert one(read(csv_bytes([HEADER_EN, ROW]), "download", format="csv"))
