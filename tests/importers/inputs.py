"""Importer test inputs, every one built in code, and reading them with the promise checked.

CSV text is encoded here, workbooks are written with openpyxl into memory and GeoJSON
comes from dicts; coordinates are WGS 84 unless a test says otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime

import openpyxl

from gros.importers import ImportResult, read_projects

TODAY = date(2024, 6, 1)
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


# --- files --------------------------------------------------------------------------------

def csv_bytes(rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    """CSV text of ``rows`` written by the csv module, encoded as asked."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def row_with(index: int, value: object) -> list[object]:
    """:data:`ROW` with the cell at ``index`` (of :data:`HEADER_EN`) replaced."""
    row = [*ROW]
    row[index] = value
    return row


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


def geo_properties(**changes) -> dict:
    """The properties of a valid GeoJSON project, with ``changes``."""
    properties = {"title": "Grenspark", "themes": ["environment"],
                  "sources": ["https://example.org/park"], "status": "ongoing"}
    return {**properties, **changes}


def coordinate_rows(header: list[str], rows: list[list[object]]) -> bytes:
    """Rows of title, theme, source and the given location columns."""
    return csv_bytes([["title", "theme", "source", *header],
                      *[[f"P{i}", "transport", f"https://p{i}.example", *r]
                        for i, r in enumerate(rows)]], ";")


# --- keep.eu ------------------------------------------------------------------------------

KEEP_PROJECT_HEADER = ["Programme", "Acronym", "Project Name", "Lead Partner", "Street",
                       "Postal code", "Town", "Country", "Budget", "EU Funding", "Thematic1",
                       "Thematic2", "Thematic3", "Project start", "Project end",
                       "Investment priority"]
KEEP_PARTNER_HEADER = ["Programme", "Acronym", "Project Partner", "Lead Partner", "Country",
                       "NUTS1", "NUTS2", "NUTS3"]
DE_NL = "Interreg V-A Deutschland-Nederland"

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


def keep_workbook(projects: list[list[object]], partners: list[list[object]] | None,
                  projects_sheet: str = "Projects (lead partners)") -> bytes:
    """A keep.eu-style export: an info sheet, the projects sheet and the partners sheet."""
    sheets = {"Search parameters": [["Exported from keep.eu"]],
              projects_sheet: [KEEP_PROJECT_HEADER, *projects]}
    if partners is not None:
        sheets["Partners"] = [KEEP_PARTNER_HEADER, *partners]
    return xlsx_bytes(sheets)


# --- reading --------------------------------------------------------------------------------

def check(result: ImportResult) -> ImportResult:
    """The importer's promise: every row is accepted, outside the area or rejected, none
    twice, none lost (in the JSON summary too)."""
    outside = {o.row for o in result.outside_area}
    assert len(outside) == len(result.outside_area)
    assert not outside & result.rejected_rows()
    assert result.rows == len(result.accepted) + len(outside) + len(result.rejected_rows())
    summary = result.to_json()
    assert summary["accepted"] + len(summary["outside_area"]) + len(summary["rejected"]) == \
        summary["rows"]
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
