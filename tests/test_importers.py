"""Project importers: CSV, Excel, GeoJSON and keep.eu exports, every quirk built in code.

Every input is made in the test (CSV text encoded here, workbooks written with openpyxl
or pandas into memory, GeoJSON from dicts); coordinates are WGS 84 unless a test says
otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gros import importers
from gros.importers import ImportFileError, ImportResult, read_projects
from gros.importers.cells import fold
from gros.projects import project_from_record, project_to_record

TODAY = date(2024, 6, 1)
SEED = Path(__file__).resolve().parent.parent / "geodata" / "projects.geojson"
MAASTRICHT = (5.7055, 50.8497)
ANTWERP = (4.4211, 51.2172)
BORKEN = (6.86, 51.84)  # a representative point of NUTS-3 DEA34 (Kreis Borken)
NUTS3_POINTS = {"DEA34": BORKEN, "NL226": (6.6, 51.95)}

HEADER_EN = ["title", "description", "themes", "status", "start", "end", "programme",
             "budget", "EU contribution", "lead partner", "partners", "countries", "source",
             "lat", "lon"]
ROW = ["Grenzüberschreitende Buslinie Venlo–Nettetal", "Bus über die Grenze, één lijn",
       "transport", "lopend", "2016-01-01", "2026-12-31", "Interreg VI Deutschland-Nederland",
       "1.500.000", "750.000", "Gemeente Venlo (NL)", "Stadt Nettetal (DE); Kreis Viersen (DE)",
       "NL, DE", "https://example.org/bus", "51,37", "6,17"]


# --- building inputs ----------------------------------------------------------------------

def csv_bytes(rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    """CSV text of ``rows`` written by the csv module, encoded as asked."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook with one sheet per entry, cells as given (datetimes stay dates)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def feature(properties: dict | None, geometry: dict | None) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def geojson_bytes(features: list, **extra) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features, **extra}).encode()


def point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def check(result: ImportResult) -> ImportResult:
    """The importer's promise: every row is accepted or rejected, none twice, none lost."""
    assert result.rows == len(result.accepted) + len(result.rejected_rows())
    assert not any("internal error" in r.reason for r in result.rejected), result.rejected
    return result


def read(data: bytes, filename: str = "projects.csv", **kwargs) -> ImportResult:
    kwargs.setdefault("today", TODAY)
    return check(read_projects(data, filename, **kwargs))


def one(result: ImportResult):
    assert not result.rejected, result.rejected
    assert len(result.accepted) == 1
    return result.accepted[0]


def reasons(result: ImportResult) -> list[tuple[int, str, str]]:
    return [(r.row, r.column, r.reason) for r in result.rejected]


def metres_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    dx = (a[0] - b[0]) * 111_320 * math.cos(math.radians(a[1]))
    return math.hypot(dx, (a[1] - b[1]) * 110_540)


# --- CSV basics -----------------------------------------------------------------------------

@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiter_is_detected(delimiter):
    project = one(read(csv_bytes([HEADER_EN, ROW], delimiter)))
    assert project.title == ROW[0]
    assert project.themes == ("transport",)
    assert project.status == "ongoing"
    assert (project.start, project.end) == ("2016-01-01", "2026-12-31")
    assert (project.budget_eur, project.eu_contribution_eur) == (1_500_000, 750_000)
    assert project.lead_partner.name == "Gemeente Venlo"
    assert project.lead_partner.country == "NL"
    assert [p.label() for p in project.partners] == ["Stadt Nettetal (DE)", "Kreis Viersen (DE)"]
    assert project.countries == ("NL", "DE")
    assert project.sources == ("https://example.org/bus",)
    assert (project.geometry.x, project.geometry.y) == (6.17, 51.37)
    assert project.precision == "exact"


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


def test_excel_sep_line_sets_the_delimiter():
    data = b"sep=;\r\n" + csv_bytes([HEADER_EN, ROW], ";")
    result = read(data)
    one(result)
    assert result.rows == 1


HEADERS_BY_LANGUAGE = {
    "nl": ["Projectnaam", "Omschrijving", "Thema's", "Status", "Begindatum", "Einddatum",
           "Programma", "Totaal budget", "EU-bijdrage", "Penvoerder", "Partners", "Landen",
           "Bron", "Breedtegraad", "Lengtegraad"],
    "de": ["Projekttitel", "Beschreibung", "Themen", "Status", "Projektbeginn", "Projektende",
           "Förderprogramm", "Gesamtbudget", "EU-Förderung", "Lead-Partner", "Projektpartner",
           "Länder", "Quelle", "Breitengrad", "Längengrad"],
    "en": ["Project name", "Description", "Themes", "Status", "Start date", "End date",
           "Programme", "Total budget", "EU funding", "Lead partner", "Partners", "Countries",
           "Sources", "Latitude", "Longitude"],
    "odd spelling": ["  PROJECT_NAME ", "beschrijving", "THEMA'S", "status", "START-DATE",
                     "end.date", "programm", "Budget (EUR)", "eu_contribution_eur",
                     "LeadPartner", "project-partners", "country", "URL", "LAT", "lng"],
}


@pytest.mark.parametrize("language", HEADERS_BY_LANGUAGE)
def test_headers_in_dutch_german_english_and_odd_spellings(language):
    header = HEADERS_BY_LANGUAGE[language]
    result = read(csv_bytes([header, ROW], ";"))
    project = one(result)
    assert project_to_record(project) == project_to_record(
        one(read(csv_bytes([HEADER_EN, ROW], ";"))))
    assert not any("not imported" in w for w in result.warnings)


def test_unknown_columns_are_reported_by_name_and_kept_for_the_export():
    header = [*HEADER_EN, "Interne notitie", "Kostenplaats"]
    result = read(csv_bytes([header, [*ROW, "bellen", "4711"], ["", *ROW[1:], "x", "y"]]))
    assert result.rows == 2
    warning = next(w for w in result.warnings if "not imported" in w)
    assert "'Interne notitie'" in warning and "'Kostenplaats'" in warning
    (rejection,) = result.rejected
    assert rejection.values["Interne notitie"] == "x"
    assert rejection.values["Kostenplaats"] == "y"


def test_a_second_column_for_the_same_field_is_reported_not_mixed_in():
    header = ["titel", "naam", "thema", "bron", "lat", "lon"]
    result = read(csv_bytes([header, ["A", "B", "transport", "https://a.example", "51", "6"]]))
    assert one(result).title == "A"
    assert any("'naam' (title is read from 'titel')" in w for w in result.warnings)


def test_values_beyond_the_header_reject_the_row():
    data = csv_bytes([["title", "themes", "source", "lat", "lon"],
                      ["A, with comma", "transport", "https://a.example", "51", "6"]])
    data += b"B, unquoted,transport,https://b.example,51,6\r\n"
    result = read(data)
    assert [p.title for p in result.accepted] == ["A, with comma"]
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (3, "row")
    assert "'6'" in reason
    assert result.rejected[0].values["(column 6)"] == "6"


def test_blank_rows_are_skipped_and_row_numbers_match_the_file():
    data = csv_bytes([HEADER_EN, ROW, [], ["", "", ""], ["Other", *ROW[1:12], "", *ROW[13:]]])
    result = read(data)
    assert result.rows == 2
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (5, "source")
    assert "a public source URL is required" in reason


def test_header_only_file_gives_no_rows_and_says_so():
    result = read(csv_bytes([HEADER_EN]))
    assert result.rows == 0
    assert any("no data rows" in w for w in result.warnings)


# --- numbers and dates ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2,347,070.39", 2_347_070.39),
    ("2.347.070,39", 2_347_070.39),
    ("1 234,50", 1_234.5),
    ("1\u00a0234,50", 1_234.5),
    ("€ 1.000", 1_000),
    ("EUR 1.000.000", 1_000_000),
    ("1.000.000 EUR", 1_000_000),
    ("1.000,-", 1_000),
    ("1.500", 1_500),
    ("1,500", 1_500),
    ("2,5", 2.5),
    ("2.50", 2.5),
    ("0,500", 0.5),
    ("1234,567", 1_234.567),
    ("1234567", 1_234_567),
    (1_234_567, 1_234_567),
    (2347070.39, 2_347_070.39),
])
def test_parse_amount_reads_both_conventions(text, expected):
    assert importers.parse_amount(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["1.234.5", "1,23,456", "1.234,567.89", "12 34", "twee ton",
                                  "1.000,", "", "€", "nan", float("nan"), True])
def test_parse_amount_refuses_ambiguous_or_unreadable_text(text):
    with pytest.raises(ValueError) as caught:
        importers.parse_amount(text)
    assert repr(text) in str(caught.value)


def test_unreadable_budget_rejects_the_row_naming_the_column():
    row = [*ROW]
    row[7] = "1.234.5"
    result = read(csv_bytes([HEADER_EN, row]))
    assert reasons(result) == [(2, "budget", result.rejected[0].reason)]
    assert "'1.234.5'" in result.rejected[0].reason


@pytest.mark.parametrize(("value", "expected"), [
    ("2016/01/01", "2016-01-01"),
    ("20.11.2015", "2015-11-20"),
    ("2015-11-20", "2015-11-20"),
    ("20-11-2015", "2015-11-20"),
    ("20/11/2015", "2015-11-20"),
    ("1.2.2016", "2016-02-01"),
    ("2015", "2015"),
    ("2015-11", "2015-11"),
    ("11/2015", "2015-11"),
    ("20 november 2015", "2015-11-20"),
    ("1. Januar 2016", "2016-01-01"),
    ("März 2016", "2016-03"),
    ("2015-11-20 00:00:00", "2015-11-20"),
    ("2015-11-20T12:30:00Z", "2015-11-20"),
    (datetime(2015, 11, 20, 14, 5), "2015-11-20"),
    (date(2015, 11, 20), "2015-11-20"),
    (2015, "2015"),
    (2015.0, "2015"),
    (42370, "2016-01-01"),  # an Excel serial date whose cell lost its date format
])
def test_parse_date_forms(value, expected):
    assert importers.parse_date(value) == expected


@pytest.mark.parametrize("value", ["11/20/2015", "31.02.2016", "2015-13-01", "15", "Q1 2016",
                                   "20.11.15", "0999", 12.5, "2015-11-20 lunchtime"])
def test_parse_date_refuses_wrong_or_unreal_dates(value):
    with pytest.raises(ValueError) as caught:
        importers.parse_date(value)
    assert repr(value) in str(caught.value)


def test_month_first_date_is_refused_with_a_hint():
    with pytest.raises(ValueError, match="day first"):
        importers.parse_date("11/20/2015")


# --- coordinates --------------------------------------------------------------------------

def coordinate_rows(header: list[str], rows: list[list[object]]) -> bytes:
    """Rows of title, theme, source and the given location columns."""
    return csv_bytes([["title", "theme", "source", *header],
                      *[[f"P{i}", "transport", f"https://p{i}.example", *r]
                        for i, r in enumerate(rows)]], ";")


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


# --- ids, sources, status, themes, partners ---------------------------------------------------

def test_duplicate_ids_reject_the_later_row_naming_the_earlier():
    header = ["id", *HEADER_EN]
    result = read(csv_bytes([header, ["bus-1", *ROW], ["bus-2", *ROW], ["BUS-1", *ROW]]))
    assert [p.id for p in result.accepted] == ["bus-1", "bus-2"]
    assert reasons(result) == [(4, "id", "duplicate id 'bus-1': row 2 has the same id")]


def test_derived_ids_are_stable_and_differ_by_programme():
    data = csv_bytes([HEADER_EN, ROW])
    first, again = one(read(data)), one(read(data))
    assert first.id == again.id
    assert first.id.startswith("grenzuberschreitende-buslinie-venlo-nettetal-")
    other = [*ROW]
    other[6] = "Interreg V-A Deutschland-Nederland"
    assert one(read(csv_bytes([HEADER_EN, other]))).id != first.id


def test_same_title_twice_is_a_duplicate():
    result = read(csv_bytes([HEADER_EN, ROW, ROW]))
    assert len(result.accepted) == 1
    assert reasons(result)[0][:2] == (3, "id")


def test_missing_source_is_rejected():
    header = [h for h in HEADER_EN if h != "source"]
    row = [v for h, v in zip(HEADER_EN, ROW, strict=True) if h != "source"]
    result = read(csv_bytes([header, row]))
    ((row_number, column, reason),) = reasons(result)
    assert (row_number, column) == (2, "sources")
    assert "a public source URL is required" in reason


def test_sources_split_and_www_is_read_as_https():
    row = [*ROW]
    row[12] = "www.example.org/a https://example.org/b; https://example.org/c"
    result = read(csv_bytes([HEADER_EN, row]))
    assert one(result).sources == ("https://www.example.org/a", "https://example.org/b",
                                   "https://example.org/c")
    assert any("www." in w for w in result.warnings)


def test_a_source_that_is_not_a_url_is_rejected():
    row = [*ROW]
    row[12] = "Provinciale Staten"
    ((_, column, reason),) = reasons(read(csv_bytes([HEADER_EN, row])))
    assert column == "source"
    assert "http(s) URL" in reason


@pytest.mark.parametrize(("word", "status"), [
    ("gepland", "planned"), ("geplant", "planned"), ("Planned", "planned"),
    ("lopend", "ongoing"), ("actief", "ongoing"), ("laufend", "ongoing"), ("active", "ongoing"),
    ("afgerond", "completed"), ("voltooid", "completed"), ("abgeschlossen", "completed"),
    ("completed", "completed"), ("closed", "completed"),
])
def test_status_words_in_three_languages(word, status):
    row = [*ROW]
    row[3] = word
    assert one(read(csv_bytes([HEADER_EN, row]))).status == status


def test_unknown_status_is_rejected_showing_the_value():
    row = [*ROW]
    row[3] = "misschien"
    ((_, column, reason),) = reasons(read(csv_bytes([HEADER_EN, row])))
    assert column == "status"
    assert "'misschien'" in reason


def test_missing_status_is_derived_from_dates_with_one_warning():
    header = ["title", "theme", "source", "lat", "lon", "start", "end"]
    base = ["transport", "https://a.example", "51", "6"]
    rows = [["future", *base, "2030", ""], ["past", *base, "2010-01-01", "2020-12-31"],
            ["now", *base, "2020", "2030"], ["open", *base, "2020-05", ""],
            ["undated", *base, "", ""], ["ends this month", *base, "2020", "2024-06"]]
    result = read(csv_bytes([header, *rows]), today=date(2024, 6, 15))
    assert {p.title: p.status for p in result.accepted} == {
        "future": "planned", "past": "completed", "now": "ongoing", "open": "ongoing",
        "undated": None, "ends this month": "ongoing"}
    status_warnings = [w for w in result.warnings if "Status was not given" in w]
    assert len(status_warnings) == 1
    assert "2024-06-15" in status_warnings[0]


@pytest.mark.parametrize(("cell", "expected"), [
    ("transport", ("transport",)),
    ("Onderwijs; Gesundheitsversorgung", ("education", "health")),
    ("labour|safety", ("labour", "safety")),
    ("Milieu, klimaat, water en energie, Bildung", ("environment", "education")),
    ("Governance, partnership", ("governance",)),          # a keep.eu keyword
    ("Renewable energy, SME and entrepreneurship", ("environment", "economy")),
    ("PO3", ("transport",)),                                 # an Interreg objective
])
def test_themes_in_any_language_and_separator(cell, expected):
    row = [*ROW]
    row[2] = cell
    assert one(read(csv_bytes([HEADER_EN, row]))).themes == expected


def test_unknown_theme_is_rejected():
    row = [*ROW]
    row[2] = "transport; sport"
    ((_, column, reason),) = reasons(read(csv_bytes([HEADER_EN, row])))
    assert column == "themes"
    assert "'sport'" in reason


def test_partner_countries_as_names_and_countries_derived_from_partners():
    header = ["title", "theme", "source", "lat", "lon", "penvoerder", "land penvoerder",
              "partners"]
    row = ["A", "transport", "https://a.example", "51", "6", "Provincie Limburg", "Nederland",
           "Stadt Aachen (Deutschland) | Stad Genk (België/Belgique) | Stichting (oud)"]
    project = one(read(csv_bytes([header, row])))
    assert project.lead_partner.label() == "Provincie Limburg (NL)"
    assert [p.label() for p in project.partners] == [
        "Stadt Aachen (DE)", "Stad Genk (BE)", "Stichting (oud)"]
    assert project.countries == ("NL", "DE", "BE")


def test_unknown_country_name_is_rejected():
    row = [*ROW]
    row[11] = "NL, Atlantis"
    ((_, column, reason),) = reasons(read(csv_bytes([HEADER_EN, row])))
    assert column == "countries"
    assert "'Atlantis'" in reason


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


def test_several_problems_in_one_row_are_each_reported_once():
    row = [*ROW]
    row[2], row[4], row[7], row[12] = "sport", "31.02.2016", "veel", ""
    result = read(csv_bytes([HEADER_EN, row]))
    assert result.rejected_rows() == {2}
    assert sorted(c for _, c, _ in reasons(result)) == ["budget", "source", "start", "themes"]


# --- Excel ----------------------------------------------------------------------------------

def test_xlsx_first_sheet_with_real_dates_and_numbers():
    sheet = [HEADER_EN, [*ROW[:4], datetime(2016, 1, 1), datetime(2026, 12, 31), ROW[6],
                         1_500_000, 750_000.5, *ROW[9:13], 51.37, 6.17]]
    data = xlsx_bytes({"Projecten": sheet, "Toelichting": [["uitleg"]]})
    result = read(data, "projecten.xlsx")
    project = one(result)
    assert result.format == "xlsx"
    assert (project.start, project.end) == ("2016-01-01", "2026-12-31")
    assert project.eu_contribution_eur == 750_000.5
    assert any("'Toelichting'" in w for w in result.warnings)


def test_xlsx_written_by_pandas_and_row_numbers_as_excel_shows_them():
    frame = pd.DataFrame([dict(zip(HEADER_EN, ROW, strict=True)),
                          {**dict(zip(HEADER_EN, ROW, strict=True)), "source": ""}])
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="Blad1")
    result = read(buffer.getvalue(), "export.xlsx")
    assert result.rows == 2
    assert reasons(result)[0][:2] == (3, "source")


def test_xlsx_column_without_header_is_reported_not_rejected():
    sheet = [HEADER_EN, [*ROW, None, "notitie"]]
    result = read(xlsx_bytes({"Blad1": sheet}), "p.xlsx")
    one(result)
    assert any("'(column 17)'" in w for w in result.warnings)


def test_workbook_with_a_csv_name_is_read_as_xlsx():
    result = read(xlsx_bytes({"Blad1": [HEADER_EN, ROW]}), "projects.csv")
    one(result)
    assert result.format == "xlsx"
    assert any("Excel workbook despite" in w for w in result.warnings)


# --- GeoJSON -----------------------------------------------------------------------------

def geo_properties(**changes) -> dict:
    properties = {"title": "Grenspark", "themes": ["environment"],
                  "sources": ["https://example.org/park"], "status": "ongoing"}
    return {**properties, **changes}


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


@pytest.mark.skipif(not SEED.exists(), reason="geodata/projects.geojson is not there")
def test_the_seed_file_imports_as_the_model_reads_it():
    result = read(SEED.read_bytes(), SEED.name)
    assert not result.rejected
    document = json.loads(SEED.read_text(encoding="utf-8"))
    expected = [project_from_record(f["properties"], shapely.geometry.shape(f["geometry"]))
                for f in document["features"]]
    assert result.accepted == expected


# --- keep.eu ----------------------------------------------------------------------------

KEEP_PROJECT_HEADER = ["Programme", "Acronym", "Project Name", "Lead Partner", "Street",
                       "Postal code", "Town", "Country", "Budget", "EU Funding", "Thematic1",
                       "Thematic2", "Thematic3", "Project start", "Project end",
                       "Investment priority"]
KEEP_PARTNER_HEADER = ["Programme", "Acronym", "Project Partner", "Lead Partner", "Country",
                       "NUTS1", "NUTS2", "NUTS3"]
DE_NL = "Interreg V-A Deutschland-Nederland"


def keep_workbook(projects: list[list[object]], partners: list[list[object]] | None,
                  projects_sheet: str = "Projects (lead partners)") -> bytes:
    """A keep.eu-style export: an info sheet, the projects sheet and the partners sheet."""
    sheets = {"Search parameters": [["Exported from keep.eu"]],
              projects_sheet: [KEEP_PROJECT_HEADER, *projects]}
    if partners is not None:
        sheets["Partners"] = [KEEP_PARTNER_HEADER, *partners]
    return xlsx_bytes(sheets)


KEEP_PROJECTS = [
    [DE_NL, "KRAKE", "Krankenhaus ohne Grenzen", "Kreis Borken", "Burloer Str. 93", "46325",
     "Borken", "Deutschland", "2,347,070.39", "1.173.535,20", "Health and social services",
     "Cultural heritage and arts", "Underwater basket weaving", "2016/01/01", "20.11.2019",
     "1b"],
    [DE_NL, "GRENS-WERK", "Grenzenlos arbeiten", "Gemeente Winterswijk", "", "", "Winterswijk",
     "Nederland", "2.347.070,39", "", "Labour market and employment", None, None,
     datetime(2023, 3, 1), datetime(2027, 12, 31), ""],
    [DE_NL, "NOWHERE", "Ohne Ort", "Unbekannt GmbH", "", "", "", "Germany", "1000", "", "Tourism",
     None, None, "2018", "2020", ""],
    [DE_NL, "NOTHEME", "Ohne Thema", "Kreis Borken", "", "", "", "Germany", "", "",
     "Underwater basket weaving", None, None, "2018", "2020", ""],
]
KEEP_PARTNERS = [
    [DE_NL, "KRAKE", "Kreis Borken", "Yes", "Deutschland", "DEA / Nordrhein-Westfalen",
     "DEA3 / Münster", "DEA34  / Borken"],
    [DE_NL, "KRAKE", "Gemeente Winterswijk", "No", "Nederland", "NL2", "NL22",
     "NL226 / Achterhoek"],
    [DE_NL, "KRAKE", "Ziekenhuis Oost-Limburg", "No", "België/Belgique", "BE2", "BE22",
     "BE224 / Arr. Hasselt"],
    [DE_NL, "GRENS-WERK", "Gemeente Winterswijk", "Yes", "NL", "NL2", "NL22",
     "NL226 / Achterhoek"],
    [DE_NL, "GRENS-WERK", "Stadt Bocholt", "No", "DE", "DEA", "DEA3", "DEA34 / Borken"],
    [DE_NL, "NOTHEME", "Kreis Borken", "Yes", "DE", "", "", "DEA34 / Borken"],
    ["Interreg V-A Vlaanderen-Nederland", "KRAKE", "Someone else", "Yes", "BE", "", "",
     "BE224 / Arr. Hasselt"],
    [DE_NL, "GHOST", "Orphan partner", "No", "NL", "", "", ""],
]


def test_keep_workbook_with_projects_and_partners():
    data = keep_workbook(KEEP_PROJECTS, KEEP_PARTNERS)
    result = read(data, "Project_search_results_keep_eu.xlsx", nuts3_points=NUTS3_POINTS)
    assert result.format == "keep"
    assert result.rows == 4
    krake, werk = result.accepted
    assert krake.id == "keep-krake"
    assert krake.title == "Krankenhaus ohne Grenzen"
    assert krake.programme == DE_NL
    assert krake.budget_eur == 2_347_070.39
    assert krake.eu_contribution_eur == 1_173_535.20
    assert werk.budget_eur == 2_347_070.39
    assert (krake.start, krake.end) == ("2016-01-01", "2019-11-20")
    assert (werk.start, werk.end) == ("2023-03-01", "2027-12-31")
    assert krake.themes == ("health", "culture")
    assert werk.themes == ("labour",)
    assert (krake.status, werk.status) == ("completed", "ongoing")
    assert krake.lead_partner.label() == "Kreis Borken (DE)"
    assert [p.label() for p in krake.partners] == ["Gemeente Winterswijk (NL)",
                                                   "Ziekenhuis Oost-Limburg (BE)"]
    assert krake.countries == ("DE", "NL", "BE")
    assert (krake.geometry.x, krake.geometry.y) == BORKEN
    assert krake.precision == "nuts3"
    assert werk.geometry.coords[0] == NUTS3_POINTS["NL226"]
    assert krake.sources == ("https://keep.eu",)

    assert reasons(result) == [
        (4, "geometry", "has no coordinates and no NUTS-3 region for its lead partner, so it "
                        "cannot be placed on the map"),
        (5, "Thematic1", "none of its keep.eu themes ('Underwater basket weaving') maps onto a "
                         "dashboard theme"),
    ]
    warnings = "\n".join(result.warnings)
    assert "'Underwater basket weaving' (rows 2, 5)" in warnings
    assert "cite https://keep.eu" in warnings
    assert "'Street', 'Postal code', 'Town', 'Investment priority'" in warnings
    assert "'NUTS1', 'NUTS2'" in warnings
    assert "sheet 'Partners' rows 8, 9" in warnings  # other programme's KRAKE, and GHOST
    assert "Sheets not read: 'Search parameters'" in warnings


def test_keep_without_nuts3_points_rejects_with_a_clear_reason():
    result = read(keep_workbook(KEEP_PROJECTS[:1], KEEP_PARTNERS[:1]), "keep.xlsx")
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (2, "Lead Partner")
    assert "no NUTS-3 points were provided" in reason and "'DEA34'" in reason


def test_keep_unknown_nuts3_code_is_rejected():
    partners = [[*KEEP_PARTNERS[0][:7], "DEF0C / Somewhere"]]
    result = read(keep_workbook(KEEP_PROJECTS[:1], partners), "keep.xlsx",
                  nuts3_points=NUTS3_POINTS)
    assert "'DEF0C'" in result.rejected[0].reason


def test_keep_without_partners_sheet_still_reads_projects():
    result = read(keep_workbook(KEEP_PROJECTS[:2], None), "keep.xlsx", format="keep")
    assert result.rows == 2
    assert {r.column for r in result.rejected} == {"geometry"}
    assert any("no partners sheet" in w for w in result.warnings)


def test_keep_lead_partner_is_found_by_name_when_not_flagged():
    partners = [[*p[:3], "", *p[4:]] for p in KEEP_PARTNERS[:3]]
    project = one(read(keep_workbook(KEEP_PROJECTS[:1], partners), "keep.xlsx",
                       nuts3_points=NUTS3_POINTS))
    assert project.lead_partner.name == "Kreis Borken"
    assert project.precision == "nuts3"


def test_keep_with_keep_ids_and_coordinates_cites_project_pages():
    header = ["Programme", "Acronym", "Project Name", "Thematic1", "keep.eu id", "Website",
              "Latitude", "Longitude"]
    rows = [[DE_NL, "KRAKE", "K", "Tourism", 12345, "https://krake.example", 51.8, 6.8]]
    data = xlsx_bytes({"Projects (lead partners)": [header, *rows]})
    result = read(data, "keep.xlsx")
    project = one(result)
    assert project.sources == ("https://keep.eu/projects/12345/", "https://krake.example")
    assert project.precision == "exact"
    assert not any("cite https://keep.eu" in w for w in result.warnings)


def test_keep_newer_search_results_layout():
    projects = [["Programme", "Period", "Project ID (2021-2027 only)", "Project acronym",
                 "Project name in English", "Project's total budget / expenditure",
                 "Project's EU funding", "Theme 1", "Theme 2", "Project start", "Project end",
                 "Website"],
                [DE_NL, "2021-2027", "NL-DE-1", "SAFE", "Safe borders", "2.000.000,00",
                 "1.000.000,00", "Safety", "Governance, partnership", "01.01.2023", "2026",
                 ""]]
    partners = [["Programme", "Project ID (2021-2027 only)", "Project acronym",
                 "Organisation in English", "Country code", "Lead partner",
                 "NUTS3 code (or equivalent)"],
                [DE_NL, "NL-DE-1", "SAFE", "Veiligheidsregio Twente", "NL", "Yes",
                 "NL213 / Twente"],
                [DE_NL, "NL-DE-1", "SAFE", "Kreis Borken", "DE", "No", "DEA34 / Borken"]]
    data = xlsx_bytes({"Search results, projects": projects,
                       "Search results, partners": partners})
    result = read(data, "Project_search_results_keep_eu.xlsx",
                  nuts3_points={"NL213": (6.8, 52.3)})
    project = one(result)
    assert result.format == "keep"
    assert project.id == "keep-safe"
    assert project.themes == ("safety", "governance")
    assert project.lead_partner.label() == "Veiligheidsregio Twente (NL)"
    assert project.countries == ("NL", "DE")
    assert any("'Period'" in w for w in result.warnings)


def test_keep_export_is_recognised_by_its_headers_too():
    data = xlsx_bytes({"Projects": [KEEP_PROJECT_HEADER, KEEP_PROJECTS[0]],
                       "Partners": [KEEP_PARTNER_HEADER, KEEP_PARTNERS[0]]})
    result = read(data, "export.xlsx", nuts3_points=NUTS3_POINTS)
    assert result.format == "keep"
    assert one(result).id == "keep-krake"
    as_table = read(data, "export.xlsx", format="xlsx")
    assert as_table.format == "xlsx"
    assert "sources" in {r.column for r in as_table.rejected}


def test_keep_same_acronym_in_one_file_rejects_the_later_row():
    rows = [KEEP_PROJECTS[0], [*KEEP_PROJECTS[0][:2], "Other", *KEEP_PROJECTS[0][3:]]]
    result = read(keep_workbook(rows, KEEP_PARTNERS[:1]), "keep.xlsx", nuts3_points=NUTS3_POINTS)
    assert reasons(result) == [(3, "id", "duplicate id 'keep-krake': row 2 has the same id")]


# --- file-level problems ----------------------------------------------------------------

def test_too_large_file_names_size_and_limit():
    with pytest.raises(ImportFileError) as caught:
        read_projects(b"x" * (3 * 1024 * 1024), "big.csv", max_bytes=2 * 1024 * 1024)
    message = str(caught.value)
    assert "'big.csv'" in message and "3.0 MB" in message and "2.0 MB" in message


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


def test_truncated_workbook_is_a_file_error():
    data = xlsx_bytes({"Blad1": [HEADER_EN, ROW]})
    with pytest.raises(ImportFileError, match="not a readable Excel workbook"):
        read_projects(data[: len(data) // 2], "p.xlsx")


def test_no_title_column_lists_the_headers_found():
    with pytest.raises(ImportFileError, match="no recognisable title column") as caught:
        read_projects(csv_bytes([["Omschrijving", "Thema"], ["x", "transport"]]), "p.csv")
    assert "'Omschrijving', 'Thema'" in str(caught.value)


def test_unknown_format_and_crs_arguments_are_refused():
    data = csv_bytes([HEADER_EN, ROW])
    with pytest.raises(ImportFileError, match="unknown format 'pdf'"):
        read_projects(data, "p.csv", "pdf")
    with pytest.raises(ImportFileError, match="unknown coordinate system 'EPSG:3857'"):
        read_projects(data, "p.csv", crs="EPSG:3857")


def test_keep_format_on_a_workbook_without_projects_sheet():
    with pytest.raises(ImportFileError, match=r"no keep\.eu projects sheet"):
        read_projects(xlsx_bytes({"Blad1": [HEADER_EN, ROW]}), "p.xlsx", "keep")


def test_explicit_format_reads_a_file_with_any_name():
    data = geojson_bytes([feature(geo_properties(), point(5.9, 51.1))])
    assert one(read(data, "download.dat", format="geojson"))
    assert one(read(csv_bytes([HEADER_EN, ROW]), "download", format="csv"))


def test_empty_feature_collection_is_zero_rows():
    result = read(geojson_bytes([]), "p.geojson")
    assert result.rows == 0
    assert result.warnings


# --- results ---------------------------------------------------------------------------

def mixed_result() -> ImportResult:
    header = [*HEADER_EN, "reason", "Opmerking"]
    bad = [*ROW]
    bad[0], bad[2], bad[7] = "Ander project", "sport", "veel"
    rows = [[*ROW, "", ""], [*bad, "eigen reden", "Crème; \"quoted\"\nnew line"]]
    return read(csv_bytes([header, *rows], ";"))


def test_rejected_csv_reads_back_row_for_row():
    result = mixed_result()
    data = result.rejected_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    back = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [(int(r["row"]), r["column"], r["reason"]) for r in back] == reasons(result)
    for line, rejection in zip(back, result.rejected, strict=True):
        assert line["title"] == rejection.values["title"]
        assert line["Opmerking"] == "Crème; \"quoted\"\nnew line"
        assert line["reason (original)"] == "eigen reden"
    # The export can be fixed and imported again: same columns, same values.
    assert [h for h in back[0] if h not in ("row", "column", "reason")][:len(HEADER_EN)] == \
        HEADER_EN


def test_rejected_csv_never_carries_a_live_formula():
    header = ["title", "themes", "source"]
    rows = [["=HYPERLINK(\"http://evil\")", "sport", "https://example.org/x"]]
    result = read(csv_bytes([header, *rows]))
    back = list(csv.DictReader(io.StringIO(result.rejected_csv().decode("utf-8-sig"),
                                           newline="")))
    assert back[0]["title"] == "'=HYPERLINK(\"http://evil\")"


def test_to_json_summary():
    result = mixed_result()
    summary = result.to_json()
    assert summary == {
        "rows": 2,
        "accepted": 1,
        "rejected": [{"row": 3, "column": r.column, "reason": r.reason} for r in result.rejected],
        "warnings": result.warnings,
    }
    assert {r["column"] for r in summary["rejected"]} == {"themes", "budget"}
    json.dumps(summary)


def test_alias_tables_never_map_one_header_to_two_fields():
    for table in (importers.ALIASES, importers.KEEP_ALIASES, importers.KEEP_PARTNER_ALIASES):
        seen: dict[str, str] = {}
        for target, names in table.items():
            for name in names:
                key = fold(name)
                assert seen.setdefault(key, target) == target, (name, target, seen[key])


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
