"""keep.eu's "Projects (lead partners)" export, built with the real file's columns and values:
partners read as keep.eu writes them, three outcomes per row, placing at a partner's region.
"""

from __future__ import annotations

import csv
import io

from gros.importers import read_projects
from tests.importers.inputs import (
    DE_CODE,
    DE_NL_2014,
    FAR_AWAY,
    NL_CODE,
    REAL_NAMES,
    REAL_POINTS,
    TODAY,
    VL_NL_2014,
    check,
    real_keep_workbook,
    real_partner,
    real_project,
)

CZ_CODE, PL_CODE = "CZ Czech Republic / ČESKÁ REPUBLIKA", "PL Poland / POLSKA"

PROJECTS = [
    real_project(Programme=DE_NL_2014, Acronym="TEST-GRENS", Project_Name="Test border clinic",
                 Lead_Partner="Kreis Borken", Period="2014-2020", Country="Germany",
                 Budget="2,347,070.39", EU_Funding=911338.2,
                 Website="www.deutschland-nederland.eu", Thematic1="Health and social services",
                 Project_start="2016/01/01", Project_end="2019/12/31"),
    real_project(Programme=FAR_AWAY, Acronym='"Bez granic - część 1"/"Grenzenlos - Teil 1"',
                 Project_Name="Test project far away", Lead_Partner="Test město",
                 Country="Czech Republic", Thematic1="Tourism"),
    real_project(Programme=DE_NL_2014, Acronym="TEST-OUDE-CODE", Project_Name="Test old code",
                 Lead_Partner="Gemeente Test", Country="Netherlands", Thematic1="Tourism"),
    real_project(Programme=VL_NL_2014, Acronym="TEST-VL-NL", Project_Name="Test Kempen",
                 Lead_Partner="Gemeente Proef", Country="Belgium", Thematic1="Tourism"),
    real_project(Programme=DE_NL_2014, Acronym="TEST-KAPOT", Project_Name="Test broken partner",
                 Lead_Partner="Kreis Borken", Country="Germany", Thematic1="Tourism"),
    real_project(Programme=DE_NL_2014, Acronym="TEST-NERGENS", Project_Name="Test nowhere",
                 Lead_Partner="Stadt Test", Country="Germany", Thematic1="Tourism"),
    real_project(Programme=DE_NL_2014, Acronym="TEST-LU", Project_Name="Test led from Luxembourg",
                 Lead_Partner="Test S.à r.l.", Country="Luxembourg", Thematic1="Tourism"),
]
PARTNERS = [
    real_partner(DE_NL_2014, "TEST-GRENS", "Kreis Borken", True, DE_CODE, "DEA34  / Borken",
                 "DEA3  / Münster", "DEA  / NORDRHEIN-WESTFALEN"),
    real_partner(DE_NL_2014, "TEST-GRENS", "Gemeente Test", False, NL_CODE,
                 "NL225  / Achterhoek"),
    real_partner(FAR_AWAY, '"Bez granic - część 1"/"Grenzenlos - Teil 1"', "Test město", True,
                 CZ_CODE, "CZ052  / Královéhradecký kraj"),
    real_partner(FAR_AWAY, '"Bez granic - część 1"/"Grenzenlos - Teil 1"', "Test gmina", False,
                 PL_CODE, None),
    real_partner(DE_NL_2014, "TEST-OUDE-CODE", "Gemeente Test", True, NL_CODE,
                 "NL111  / Oost-Groningen"),
    real_partner(DE_NL_2014, "TEST-OUDE-CODE", "Kreis Borken", False, DE_CODE,
                 "DEA34  / Borken"),
    real_partner(VL_NL_2014, "TEST-VL-NL", "Gemeente Proef", True, None, "BE213  / Arr. Turnhout",
                 country="Belgium"),
    real_partner(VL_NL_2014, "TEST-VL-NL", "Gemeente Test", False, NL_CODE,
                 "NL342  / Overig Zeeland"),
    real_partner(DE_NL_2014, "TEST-KAPOT", "Kreis Borken", True, DE_CODE, "DEA34  / Borken"),
    real_partner(DE_NL_2014, "TEST-KAPOT", "Test broken", False, "42", "Borken"),
    real_partner(DE_NL_2014, "TEST-NERGENS", "Stadt Test", True, DE_CODE, None),
    real_partner(DE_NL_2014, "TEST-LU", "Test S.à r.l.", True, "LU Luxembourg / LUXEMBOURG",
                 "LU000  / Luxembourg"),
    real_partner(DE_NL_2014, "TEST-LU", "Gemeente Test", False, NL_CODE,
                 "NL225  / Achterhoek"),
]


def read_export(**kwargs):
    data = real_keep_workbook(PROJECTS, PARTNERS)
    return check(read_projects(data, "keep-export.xlsx", nuts3_points=REAL_POINTS,
                               nuts_names=REAL_NAMES, today=TODAY, **kwargs))


def test_every_row_has_one_of_three_outcomes():
    result = read_export()
    assert result.format == "keep"
    assert result.rows == 7
    assert [p.id for p in result.accepted] == [
        "keep-test-grens", "keep-test-oude-code", "keep-test-vl-nl", "keep-test-kapot",
        "keep-test-lu"]
    assert [(o.row, o.title, o.programme, o.countries) for o in result.outside_area] == [
        (3, "Test project far away", FAR_AWAY, ("CZ", "PL"))]
    assert [(r.row, r.column) for r in result.rejected] == [(7, "geometry")]
    assert "no NUTS region for its lead partner or any other partner" in \
        result.rejected[0].reason
    summary = result.to_json()
    assert summary["outside_area"] == [{"row": 3, "title": "Test project far away",
                                        "programme": FAR_AWAY, "countries": ["CZ", "PL"]}]


def test_partners_as_keep_eu_writes_them():
    project = read_export().accepted[0]
    assert project.lead_partner.label() == "Kreis Borken (DE)"
    assert [p.label() for p in project.partners] == ["Gemeente Test (NL)"]
    assert project.countries == ("DE", "NL")
    assert project.budget_eur == 2_347_070.39  # text in English notation
    assert project.eu_contribution_eur == 911_338.2  # a number in the same row
    assert (project.start, project.end) == ("2016-01-01", "2019-12-31")
    assert "https://www.deutschland-nederland.eu" in project.sources


def test_placed_at_the_lead_partner_s_region_in_the_area():
    by_id = {p.id: p for p in read_export().accepted}
    grens = by_id["keep-test-grens"]
    assert (grens.geometry.x, grens.geometry.y) == REAL_POINTS["DEA34"]
    assert grens.precision == "nuts3"
    kempen = by_id["keep-test-vl-nl"]
    assert (kempen.geometry.x, kempen.geometry.y) == REAL_POINTS["BE213"]
    assert kempen.lead_partner.label() == "Gemeente Proef (BE)"  # the Country column


def test_a_lead_partner_outside_the_area_gives_way_to_the_first_partner_inside():
    project = {p.id: p for p in read_export().accepted}["keep-test-lu"]
    assert (project.geometry.x, project.geometry.y) == REAL_POINTS["NL225"]
    assert project.lead_partner.label() == "Test S.à r.l. (LU)"


def test_an_old_nuts_code_is_resolved_with_a_warning():
    result = read_export()
    project = {p.id: p for p in result.accepted}["keep-test-oude-code"]
    assert (project.geometry.x, project.geometry.y) == REAL_POINTS["NL114"]
    assert project.precision == "nuts3"
    (line,) = [w for w in result.warnings if w.startswith("NUTS codes that are not NUTS 2024")]
    assert "NL111 / Oost-Groningen → NL114" in line and "(row 4)" in line


def test_a_broken_partner_is_a_warning_on_its_project_not_a_rejection():
    result = read_export()
    project = {p.id: p for p in result.accepted}["keep-test-kapot"]
    assert [p.label() for p in project.partners] == ["Test broken"]  # kept, without a country
    warnings = "\n".join(result.warnings)
    assert "Partner countries that could not be read: '42' (row 6)" in warnings
    assert "Partner NUTS regions that could not be read" in warnings
    assert "'Borken' (row 6)" in warnings
    partner_notes = [n for n in result.notes if n.kind == "partners"]
    assert {6} <= {row for n in partner_notes for row in n.rows}


def test_outside_the_area_is_imported_on_request_where_it_can_be_placed():
    far = real_project(Programme=FAR_AWAY, Acronym="TEST-LUX", Project_Name="Test Luxembourg",
                       Country="Luxembourg", Thematic1="Tourism")
    partner = real_partner(FAR_AWAY, "TEST-LUX", "Test S.A.", True,
                           "LU Luxembourg / LUXEMBOURG", "LU000  / Luxembourg")
    data = real_keep_workbook([PROJECTS[1], far], [*PARTNERS[2:4], partner])
    listed = check(read_projects(data, "k.xlsx", nuts3_points=REAL_POINTS, today=TODAY))
    assert ([o.row for o in listed.outside_area], listed.accepted) == ([2, 3], [])
    both = check(read_projects(data, "k.xlsx", nuts3_points=REAL_POINTS, today=TODAY,
                               include_outside=True))
    (project,) = both.accepted
    assert (project.id, project.countries) == ("keep-test-lux", ("LU",))
    assert (project.geometry.x, project.geometry.y) == REAL_POINTS["LU000"]
    # No point for the Czech region: still listed, not rejected.
    assert [o.row for o in both.outside_area] == [2]


def test_outside_rows_download_with_their_values():
    result = read_export()
    back = list(csv.DictReader(io.StringIO(result.outside_csv().decode("utf-8-sig"),
                                           newline="")))
    assert [(r["row"], r["title"], r["countries"]) for r in back] == [
        ("3", "Test project far away", "CZ, PL")]
    assert back[0]["Acronym"] == '"Bez granic - część 1"/"Grenzenlos - Teil 1"'
    assert back[0]["Programme"] == FAR_AWAY



def _one_project(**values) -> list[object]:
    return real_project(Programme=DE_NL_2014, Lead_Partner="Kreis Borken", **values)


def _read_projects(*projects: list[object]):
    partners = [real_partner(p[0], p[1], "Kreis Borken", True, DE_CODE, "DEA34  / Borken")
                for p in projects]
    return check(read_projects(real_keep_workbook(list(projects), partners), "k.xlsx",
                               nuts3_points=REAL_POINTS, today=TODAY))


def test_the_keywords_that_mapped_onto_nothing_give_themes():
    result = _read_projects(
        _one_project(Acronym="TEST-T1", Project_Name="Test one",
                     Thematic1="Knowledge and technology transfer",
                     Thematic2="Evaluation systems and results"),
        _one_project(Acronym="TEST-T2", Project_Name="Test two",
                     Thematic1="Rural and peripheral development",
                     Thematic2="Innovation capacity and awareness-raising"))
    assert [p.themes for p in result.accepted] == [("economy", "education", "governance"),
                                                   ("governance", "economy")]
    assert not any("map onto no dashboard theme" in w for w in result.warnings)


def test_objectives_give_the_themes_where_thematic1_to_3_are_empty():
    result = _read_projects(
        _one_project(Acronym="TEST-O1", Project_Name="Test objective",
                     Specific_Obj="Test specific objective of the programme",
                     Thematic_Obj="07 - Promoting sustainable transport", Inv_dot_Priority="7c"),
        _one_project(Acronym="TEST-O2", Project_Name="Test priority", Inv_dot_Priority="1b"),
        _one_project(Acronym="TEST-O3", Project_Name="Test none",
                     Specific_Obj="Test specific objective of the programme"))
    assert [(p.id, p.themes) for p in result.accepted] == [
        ("keep-test-o1", ("transport",)), ("keep-test-o2", ("economy",))]
    (rejection,) = result.rejected
    assert (rejection.row, rejection.column) == (4, "Thematic1")
    assert rejection.reason == ("has no keep.eu theme; its objectives and priorities ('Test "
                                "specific objective of the programme') map onto none either")
    assert any(w.startswith("Themes taken from the programme's objectives") and "rows 2, 3" in w
               for w in result.warnings)


def test_names_in_the_programme_s_languages():
    result = _read_projects(
        _one_project(Acronym="TEST-N1", Project_Name="Test name",
                     Project_Name_language_2="Testname", Project_Name_language_3="Testnaam",
                     Thematic1="Tourism"),
        real_project(Programme=VL_NL_2014, Acronym="TEST-N2", Project_Name="Test name",
                     Project_Name_language_2="Testnaam", Thematic1="Tourism"),
        real_project(Programme=FAR_AWAY, Acronym="TEST-N3", Project_Name="Test name",
                     Project_Name_language_2="Test", Thematic1="Tourism", Country="Germany"))
    de_nl, vl_nl, unknown = result.accepted
    assert (de_nl.title, de_nl.titles) == ("Test name", {"de": "Testname", "nl": "Testnaam"})
    assert vl_nl.titles == {"nl": "Testnaam"}
    assert unknown.titles == {}
    assert any(w.startswith("Project names in other languages were not imported") and
               f"'{FAR_AWAY}' (row 4)" in w for w in result.warnings)


def test_description_results_achievements_period_and_call():
    project = _one_project(
        Acronym="TEST-D", Project_Name="Test", Thematic1="Tourism", Period="2014-2020",
        Description_1="Testbeschreibung", Description_EN="Test description.",
        Expected_Results_1="Testergebnis", Expected_Results_EN="Test result.",
        Achievements_2="Testresultaat", Call_SN="3")
    partner = real_partner(DE_NL_2014, "TEST-D", "Kreis Borken", True, DE_CODE, "DEA34  / Borken")
    calls = [[DE_NL_2014, "3", "2016/01/15", "2016/04/30", "10,000,000.00"]]
    result = check(read_projects(real_keep_workbook([project], [partner], calls), "k.xlsx",
                                 nuts3_points=REAL_POINTS, today=TODAY))
    (read_back,) = result.accepted
    assert read_back.description == (
        "Test description.\n\nExpected results: Test result.\n\nAchievements: Testresultaat"
        "\n\nPeriod: 2014-2020. Call: 3 (2016-01-15 – 2016-04-30).")
    assert not any("Sheets not read" in w for w in result.warnings)


def test_the_same_acronym_in_two_programmes_is_two_projects():
    result = _read_projects(
        _one_project(Acronym="TEST-TWICE", Project_Name="Test one", Thematic1="Tourism"),
        real_project(Programme=VL_NL_2014, Acronym="TEST-TWICE", Project_Name="Test two",
                     Thematic1="Tourism", Country="Germany"),
        _one_project(Acronym="TEST-TWICE", Project_Name="Test one again", Thematic1="Tourism"))
    first, second = result.accepted
    assert first.id == "keep-test-twice"
    assert second.id.startswith("keep-test-twice-") and len(second.id) == len(first.id) + 9
    assert [(r.row, r.column) for r in result.rejected] == [(4, "id")]
