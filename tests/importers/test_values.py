"""Value parsers (gros.importers.values): each a table of cell → value, and of bad cells → the
message that shows them; plus how a bad value rejects its row.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gros import importers
from gros.importers.values import nuts3_code, nuts_value, status_from_dates, theme_items
from tests.importers.inputs import HEADER_EN, csv_bytes, one, read, reasons, row_with

# --- amounts --------------------------------------------------------------------------------

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
    ("-1.500", -1_500),
    ("euro 250", 250),
])
def test_parse_amount_reads_both_conventions(text, expected):
    assert importers.parse_amount(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "fragment"), [
    ("1.234.5", "not between groups of three digits"),
    ("1,23,456", "not between groups of three digits"),
    ("1.234,567.89", "thousands groups of three digits before the decimal mark"),
    ("12 34", "spaces between groups of three digits"),
    ("twee ton", "spaces between groups of three digits"),  # any text with a space
    ("twee", "such as 1.234.567,89"),
    ("1.000,", "such as 1.234.567,89"),
    ("", "such as 1.234.567,89"),
    ("€", "such as 1.234.567,89"),
    ("nan", "such as 1.234.567,89"),
    (float("nan"), "expected an amount in EUR"),
    (True, "expected an amount in EUR"),
])
def test_parse_amount_refuses_ambiguous_or_unreadable_text(text, fragment):
    with pytest.raises(ValueError) as caught:
        importers.parse_amount(text)
    assert repr(text) in str(caught.value)
    assert fragment in str(caught.value)


def test_unreadable_budget_rejects_the_row_naming_the_column():
    result = read(csv_bytes([HEADER_EN, row_with(7, "1.234.5")]))
    assert reasons(result) == [(2, "budget", result.rejected[0].reason)]
    assert "'1.234.5'" in result.rejected[0].reason


# --- dates ----------------------------------------------------------------------------------

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
    ("12/11/2015", "2015-11-12"),  # both readings possible: day first
])
def test_parse_date_forms(value, expected):
    assert importers.parse_date(value) == expected


@pytest.mark.parametrize(("value", "fragment"), [
    ("11/20/2015", "day first"),
    ("31.02.2016", "not a real date"),
    ("2015-13-01", "not a real date"),
    ("15", "such as 2015-11-20"),
    ("Q1 2016", "such as 2015-11-20"),
    ("20.11.15", "such as 2015-11-20"),
    ("0999", "between 1000 and 2999"),
    (12.5, "expected a year or a date"),
    ("2015-11-20 lunchtime", "such as 2015-11-20"),
])
def test_parse_date_refuses_wrong_or_unreal_dates(value, fragment):
    with pytest.raises(ValueError) as caught:
        importers.parse_date(value)
    assert repr(value) in str(caught.value)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2030", None, "planned"),
    ("2024-06-02", None, "planned"),
    ("2010-01-01", "2020-12-31", "completed"),
    ("2020", "2024-05", "completed"),
    ("2020", "2030", "ongoing"),
    ("2024-06", None, "ongoing"),  # June has begun on the first
    (None, "2024-06", "ongoing"),  # and lasts to its end
    (None, None, None),
])
def test_status_from_dates(start, end, expected):
    assert status_from_dates(start, end, date(2024, 6, 1)) == expected


# --- countries and regions ------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("NL", "NL"),
    ("de", "DE"),
    ("xx", "XX"),  # a two-letter code is kept as given, for the model to judge
    ("Nederland", "NL"),
    ("the Netherlands", "NL"),
    ("NLD", "NL"),
    ("Bundesrepublik Deutschland", "DE"),
    ("  Belgique ", "BE"),
    ("België/Belgique", "BE"),
    ("België / Belgique", "BE"),
    ("Österreich", "AT"),
    ("DE Germany / DEUTSCHLAND", "DE"),  # keep.eu partners: the code, then the names
    ("NL Netherlands / NEDERLAND", "NL"),
    ("CZ Czech Republic / ČESKÁ REPUBLIKA", "CZ"),
])
def test_parse_country_reads_codes_and_names(value, expected):
    assert importers.parse_country(value) == expected


@pytest.mark.parametrize("value", ["Atlantis", "", "N", "Nederland / Deutschland", 12, None,
                                   "De Bilt", "DE 12"])
def test_parse_country_refuses_what_is_no_country(value):
    with pytest.raises(ValueError) as caught:
        importers.parse_country(value)
    assert repr(value) in str(caught.value)
    assert "two-letter country code or a country name" in str(caught.value)


@pytest.mark.parametrize(("value", "expected"), [
    ("DEA34", "DEA34"),
    ("DEA34  / Borken", "DEA34"),
    ("BE221 - Arr. Hasselt", "BE221"),
    ("nl423", "NL423"),
    ("DEF0C", "DEF0C"),
])
def test_nuts3_code_reads_the_code_before_the_name(value, expected):
    assert nuts3_code(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("DEA34  / Borken", ("DEA34", "Borken")),  # keep.eu: two spaces before the slash
    ("NL111  / Oost-Groningen", ("NL111", "Oost-Groningen")),
    ("DEG  / THÜRINGEN", ("DEG", "THÜRINGEN")),  # level 1
    ("DEA3 / Münster", ("DEA3", "Münster")),
    ("BE221 - Arr. Hasselt", ("BE221", "Arr. Hasselt")),
    ("NL226 Achterhoek ", ("NL226", "Achterhoek")),
    ("nl423", ("NL423", None)),
])
def test_nuts_value_reads_the_code_and_the_name_after_it(value, expected):
    assert nuts_value(value) == expected


@pytest.mark.parametrize("value", ["Essen", "Borken", "Ulm", "", "DEA345 / x", "D / x"])
def test_nuts_value_refuses_what_starts_with_no_code(value):
    with pytest.raises(ValueError) as caught:
        nuts_value(value)
    assert repr(value) in str(caught.value)


@pytest.mark.parametrize("value", ["DEA3", "DEA345", "Borken", "", "DE-A34"])
def test_nuts3_code_refuses_other_text(value):
    with pytest.raises(ValueError) as caught:
        nuts3_code(value)
    assert repr(value) in str(caught.value)


# --- themes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    ("transport; safety", ["transport", "safety"]),
    ("a, b", ["a", "b"]),
    ("Milieu, klimaat, water en energie, Bildung", ["Milieu, klimaat, water en energie",
                                                    "Bildung"]),
    (["transport", " ", "health"], ["transport", "health"]),
    ("", []),
])
def test_theme_items_split_between_themes_only(cell, expected):
    assert theme_items(cell) == expected


# --- ids ------------------------------------------------------------------------------------

BUS = "Grenzüberschreitende Buslinie Venlo–Nettetal"


# Pinned: stored projects keep their ids, so the same row must get the same id in every
# version, not only in one run.
@pytest.mark.parametrize(("title", "programme", "expected"), [
    (BUS, "Interreg VI Deutschland-Nederland",
     "grenzuberschreitende-buslinie-venlo-nettetal-555f3263"),
    (f"  {BUS.upper()} ", "interreg vi  deutschland-nederland",
     "grenzuberschreitende-buslinie-venlo-nettetal-555f3263"),
    (BUS, None, "grenzuberschreitende-buslinie-venlo-nettetal-feab9431"),
    (BUS, "", "grenzuberschreitende-buslinie-venlo-nettetal-feab9431"),
    ("Grenspark " * 10, None,
     "grenspark-grenspark-grenspark-grenspark-grenspark-grenspark-eeda18c6"),
    ("!!!", None, "project-466342a0"),  # no letters to slug
    ("", None, "project-cbe5cfdf"),
])
def test_derived_id(title, programme, expected):
    assert importers.derived_id(title, programme) == expected


@pytest.mark.parametrize(("acronym", "expected"), [
    ("KRAKE", "keep-krake"),
    ("GRENS-WERK", "keep-grens-werk"),
    ("  Safe borders ", "keep-safe-borders"),
    ("Über Grenzen", "keep-uber-grenzen"),
    ("a" * 120, "keep-" + "a" * 100),
    ("!!!", "keep-project-466342a0"),  # no letters: the derived id's hash keeps it apart
])
def test_keep_id(acronym, expected):
    assert importers.keep_id(acronym) == expected


def test_derived_ids_are_stable_and_differ_by_programme():
    data = csv_bytes([HEADER_EN, row_with(0, BUS)])
    first, again = one(read(data)), one(read(data))
    assert first.id == again.id
    assert first.id.startswith("grenzuberschreitende-buslinie-venlo-nettetal-")
    other = row_with(6, "Interreg V-A Deutschland-Nederland")
    assert one(read(csv_bytes([HEADER_EN, other]))).id != first.id
