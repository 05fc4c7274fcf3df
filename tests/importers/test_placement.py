"""Placing keep.eu projects (gros.importers.placement, gros.importers.nuts): the area, old
codes and parent regions, and the reasons a project in the area cannot be placed.
"""

from __future__ import annotations

import pytest

from gros.importers.nuts import region_point, resolve
from gros.importers.placement import outside_area
from tests.importers.inputs import (
    DE_CODE,
    DE_NL_2014,
    REAL_NAMES,
    REAL_POINTS,
    read,
    real_keep_workbook,
    real_partner,
    real_project,
    reasons,
)


@pytest.mark.parametrize(("countries", "outside"), [
    (["CZ", "PL"], True), (["LU"], True), (["Bulgaria"], True),
    (["CZ", "DE"], False), (["NL"], False), ([], False),  # nothing known: not outside
])
def test_outside_the_area_means_no_country_of_the_area(countries, outside):
    assert outside_area(countries) is outside


@pytest.mark.parametrize(("code", "label", "expected"), [
    ("DEA34", "Borken", ("DEA34", 3, True)),         # known as it is
    ("DEA3", None, ("DEA3", 2, True)),               # a parent of known regions
    ("NL111", "Oost-Groningen", ("NL114", 3, False)),  # its area moved; its name says where
    ("NL111", None, ("NL11", 2, False)),             # ... and without a name, the parent
    ("NL412", None, ("NL415", 3, False)),            # recoded, with a changed boundary
    ("DEQ99", None, (None, None, False)),            # no such code
    ("PL424", "Luxembourg", (None, None, False)),    # no Polish region on the map: no name
])
def test_resolve(code, label, expected):
    region = resolve(code, label, REAL_POINTS, REAL_NAMES)
    assert (region.code, region.level, region.exact) == expected
    assert region.exact or region.note


def test_a_parent_region_s_point_is_its_middle_nuts3_region_s():
    points = {"NL111": (1.0, 0.0), "NL112": (2.0, 0.0), "NL113": (9.0, 0.0), "DE111": (2, 0)}
    assert region_point("NL11", points) == (2.0, 0.0)  # the mean is 4.0
    assert region_point("NL113", points) == (9.0, 0.0)
    assert region_point("BE2", points) is None


def test_partners_in_the_area_without_a_usable_region_reject_naming_each():
    project = real_project(Programme=DE_NL_2014, Acronym="TEST-X", Project_Name="Test",
                           Thematic1="Tourism")
    partners = [real_partner(DE_NL_2014, "TEST-X", "Test s.r.o.", True,
                             "CZ Czech Republic / ČESKÁ REPUBLIKA", "CZ052"),
                real_partner(DE_NL_2014, "TEST-X", "Stadt Test", False, DE_CODE, "DEQ99  / Test")]
    result = read(real_keep_workbook([project], partners), "k.xlsx", nuts3_points=REAL_POINTS)
    ((_, column, reason),) = reasons(result)
    assert column == "geometry"
    assert reason == ("no partner in the Netherlands, Belgium or Germany has a NUTS region the "
                      "map can place ('Stadt Test': 'DEQ99' matches no NUTS 2024 region)")


def test_a_split_region_goes_to_its_parent_with_a_warning():
    project = real_project(Programme=DE_NL_2014, Acronym="TEST-S", Project_Name="Test",
                           Thematic1="Tourism")
    partners = [real_partner(DE_NL_2014, "TEST-S", "Gemeente Test", True,
                             "NL Netherlands / NEDERLAND", "NL111")]
    result = read(real_keep_workbook([project], partners), "k.xlsx", nuts3_points=REAL_POINTS,
                  nuts_names=REAL_NAMES)
    (placed,) = result.accepted
    assert placed.precision == "nuts2"
    assert (placed.geometry.x, placed.geometry.y) in (REAL_POINTS["NL114"], REAL_POINTS["NL112"])
    (line,) = [w for w in result.warnings if "not NUTS 2024" in w]
    assert "NL111 → NL11" in line and "its parent NL11 is used" in line and "(row 2)" in line


def test_a_parent_region_lowers_the_precision():
    project = real_project(Programme=DE_NL_2014, Acronym="TEST-P", Project_Name="Test",
                           Thematic1="Tourism")
    partners = [real_partner(DE_NL_2014, "TEST-P", "Land Test", True, DE_CODE, None,
                             None, "DEA  / NORDRHEIN-WESTFALEN")]
    result = read(real_keep_workbook([project], partners), "k.xlsx", nuts3_points=REAL_POINTS)
    (placed,) = result.accepted
    assert placed.precision == "nuts1"
    assert (placed.geometry.x, placed.geometry.y) == REAL_POINTS["DEA34"]
