"""keep.eu workbooks (gros.importers.keep): projects joined with partners, both layouts,
lead partners found by flag or name, NUTS-3 placing, and partner rows left over.
"""

from __future__ import annotations

import pytest

from gros.importers import ImportFileError, read_projects
from tests.importers.inputs import (
    BORKEN,
    DE_NL,
    HEADER_EN,
    KEEP_PARTNER_HEADER,
    KEEP_PARTNERS,
    KEEP_PROJECT_HEADER,
    KEEP_PROJECTS,
    NUTS3_POINTS,
    ROW,
    keep_workbook,
    one,
    read,
    reasons,
    xlsx_bytes,
)


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
        (4, "geometry", "has no coordinates and no NUTS region for its lead partner or any "
                        "other partner, so it cannot be placed on the map"),
        (5, "Thematic1", "none of its keep.eu themes ('Underwater basket weaving') maps onto a "
                         "dashboard theme"),
    ]
    warnings = "\n".join(result.warnings)
    assert "'Underwater basket weaving' (rows 2, 5)" in warnings
    assert "cite https://keep.eu" in warnings
    assert "'Street', 'Postal code', 'Town'" in warnings
    assert "'Investment priority'" not in warnings  # read where the themes give none
    assert "'NUTS1'" not in warnings and "'NUTS2'" not in warnings  # read: parent regions
    assert "sheet 'Partners' rows 8, 9" in warnings  # other programme's KRAKE, and GHOST
    assert "Sheets not read: 'Search parameters'" in warnings


def test_keep_without_nuts3_points_rejects_with_a_clear_reason():
    result = read(keep_workbook(KEEP_PROJECTS[:1], KEEP_PARTNERS[:1]), "keep.xlsx")
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (2, "geometry")
    assert "no NUTS-3 points were provided" in reason and "'DEA34'" in reason


def test_keep_unknown_nuts3_code_falls_back_to_the_partner_s_nuts2_region():
    partners = [[*KEEP_PARTNERS[0][:7], "DEQ99 / Somewhere"]]
    result = read(keep_workbook(KEEP_PROJECTS[:1], partners), "keep.xlsx",
                  nuts3_points=NUTS3_POINTS)
    project = one(result)
    assert project.precision == "nuts2"  # DEA3, Münster: its one NUTS-3 region here is DEA34
    assert (project.geometry.x, project.geometry.y) == BORKEN
    assert any("match no NUTS 2024 region" in w and "'DEQ99 / Somewhere' (row 2)" in w
               for w in result.warnings)


def test_keep_partner_without_a_usable_region_rejects_naming_its_code():
    partners = [[*KEEP_PARTNERS[0][:5], "", "", "DEQ99 / Somewhere"]]
    result = read(keep_workbook(KEEP_PROJECTS[:1], partners), "keep.xlsx",
                  nuts3_points=NUTS3_POINTS)
    ((row, column, reason),) = reasons(result)
    assert (row, column) == (2, "geometry")
    assert "'Kreis Borken': 'DEQ99' matches no NUTS 2024 region" in reason


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
    assert project.description == "Period: 2021-2027."


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


def test_keep_format_on_a_workbook_without_projects_sheet():
    with pytest.raises(ImportFileError, match=r"no keep\.eu projects sheet"):
        read_projects(xlsx_bytes({"Blad1": [HEADER_EN, ROW]}), "p.xlsx", "keep")


def test_keep_partner_rows_without_a_name_are_named_in_a_warning():
    partners = [*KEEP_PARTNERS[:1], [DE_NL, "KRAKE", "", "No", "NL", "", "", ""]]
    result = read(keep_workbook(KEEP_PROJECTS[:1], partners), "keep.xlsx",
                  nuts3_points=NUTS3_POINTS)
    assert one(result).partners == ()
    assert any("without a partner name" in w and "sheet 'Partners' row 3" in w
               for w in result.warnings)
    assert not any("name no project" in w for w in result.warnings)


def test_keep_partners_sheet_without_a_name_column_is_not_read():
    data = xlsx_bytes({"Projects (lead partners)": [KEEP_PROJECT_HEADER, KEEP_PROJECTS[0]],
                       "Partners": [["Programme", "Acronym", "Remarks"], [DE_NL, "KRAKE", "x"]]})
    result = read(data, "keep.xlsx", nuts3_points=NUTS3_POINTS)
    assert any("'Partners' has no partner name or project column" in w
               for w in result.warnings)
    # Without its partners the project has no lead partner's region to be placed at.
    assert [r.column for r in result.rejected] == ["geometry"]
