"""What lies at a point: municipality, Euregios, border province."""

from __future__ import annotations

from gros import lau
from gros.lookup import lookup


def test_a_point_gives_its_municipality_euregios_and_border_province(synthetic_layers,
                                                                     synthetic_lau_source):
    municipalities = lau.load(synthetic_lau_source)
    found = lookup(synthetic_layers, municipalities, 5.25, 51.25)
    assert found == {"municipality": {"id": "NL_NL1111", "name": "Town NL1111", "country": "NL"},
                     "euregios": ["maas-rijn"], "border_province": "NL11"}


def test_a_point_in_two_euregios_gives_both(synthetic_layers, synthetic_lau_source):
    found = lookup(synthetic_layers, lau.load(synthetic_lau_source), 7.25, 51.25)
    assert found["municipality"]["id"] == "DE_DE1111"
    assert sorted(found["euregios"]) == ["euregio", "maas-rijn"]
    assert found["border_province"] == "DE1"


def test_nothing_there_is_null_and_empty(synthetic_layers, synthetic_lau_source):
    assert lookup(synthetic_layers, lau.load(synthetic_lau_source), 20.0, 60.0) == {
        "municipality": None, "euregios": [], "border_province": None}


def test_without_municipalities_the_regions_still_answer(synthetic_layers):
    found = lookup(synthetic_layers, None, 5.25, 51.25)
    assert found["municipality"] is None
    assert found["euregios"] == ["maas-rijn"]
