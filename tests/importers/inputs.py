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


# --- keep.eu, the "Projects (lead partners)" export with exactly the real file's columns ----

REAL_PROJECT_HEADER = [
    "Programme", "Acronym", "Project Name", "Project Name language 2",
    "Project Name language 3", "Lead Partner", "Period", "Street", "Postal code", "Town",
    "Country", "Budget", "Project total expenditure", "EU Funding",
    "Project EU Funding expenditure", "ERDF budget", "ENI budget", "IPA budget",
    "ERDF eq. budget", "Co-Financing sources", "Website", "Thematic1", "Thematic2",
    "Thematic3", "Specific Obj", "Thematic Obj", "Inv. Priority",
    "Thematic Priorities (Interreg-IPA CBC specific)", "Description 1", "Description 2",
    "Description EN", "Expected Results 1", "Expected Results 2", "Expected Results EN",
    "Achievements 1", "Achievements 2", "Achievements EN", "Expected Outputs 1",
    "Expected Outputs 2", "Expected Outputs EN", "Delivered Outputs 1", "Delivered Outputs 2",
    "Delivered Outputs EN", "Project start", "Project end", "Priority Area", "Degree of comp.",
    "Strategy", "Call SN"]
REAL_PARTNER_HEADER = [
    "Programme", "Acronym", "Project Partner", "Lead Partner (Yes/No)", "Street",
    "Postal code", "Town", "Country", "Website", "Department", "Legal Status", "Country code",
    "NUTS1 (or equivalent)", "NUTS2 (or equivalent)", "NUTS3 (or equivalent)"]
REAL_CALL_HEADER = ["Programme", "Serial Number", "Start Date", "End Date", "Budget"]
DE_NL_2014 = "2014 - 2020 INTERREG V-A Germany - The Netherlands"
VL_NL_2014 = "2014 - 2020 INTERREG V-A Belgium - The Netherlands (Vlaanderen - Nederland)"
FAR_AWAY = "2014 - 2020 Test programme far from the area (CZ - PL)"
DE_CODE, NL_CODE, BE_CODE = ("DE Germany / DEUTSCHLAND", "NL Netherlands / NEDERLAND",
                             "BE Belgium / BELGIQUE-BELGIË")
# NUTS 2024 regions with their names and representative points (GISCO 1:20 million, rounded),
# and Luxembourg's, a region beside the area.
REAL_POINTS = {"DEA34": (6.97, 52.01), "NL225": (6.45, 51.99), "NL114": (7.02, 53.06),
               "NL112": (6.85, 53.33), "NL342": (3.94, 51.53), "BE213": (4.99, 51.27),
               "LU000": (6.08, 49.84)}
REAL_NAMES = {"DEA34": "Borken", "NL225": "Achterhoek", "NL114": "Oost-Groningen",
              "NL112": "Delfzijl en omgeving", "NL342": "Overig Zeeland",
              "BE213": "Arr. Turnhout", "LU000": "Luxembourg"}


def real_project(**values: object) -> list[object]:
    """A projects-sheet row: ``values`` by header (spaces and dots as underscores), the
    rest empty; e.g. ``real_project(Acronym="X", Project_Name="Y")``."""
    given = {name.replace("_", " ").replace(" dot", "."): value for name, value in values.items()}
    unknown = set(given) - set(REAL_PROJECT_HEADER)
    assert not unknown, unknown
    return [given.get(name) for name in REAL_PROJECT_HEADER]


def real_partner(programme: str, acronym: str, name: str, lead: bool, code: str | None,
                 nuts3: str | None, nuts2: str | None = None, nuts1: str | None = None,
                 country: str | None = None) -> list[object]:
    """A partners-sheet row with the real export's 15 columns."""
    return [programme, acronym, name, "Yes" if lead else "No", "Teststraße 1", "12345",
            "Teststadt", country, "www.example.org", "", "Public", code, nuts1, nuts2, nuts3]


def real_keep_workbook(projects: list[list[object]], partners: list[list[object]],
                       calls: list[list[object]] | None = None) -> bytes:
    """A workbook laid out as keep.eu's export: projects, partners and calls."""
    return xlsx_bytes({"Projects (lead partners)": [REAL_PROJECT_HEADER, *projects],
                       "Partners": [REAL_PARTNER_HEADER, *partners],
                       "Calls": [REAL_CALL_HEADER, *(calls or [])]})
