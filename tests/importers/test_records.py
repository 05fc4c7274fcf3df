"""Building the record (gros.importers.records): ids, sources, status, themes, partners and
countries, and the values that reject a row.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.importers.inputs import HEADER_EN, ROW, csv_bytes, one, read, reasons, row_with


@pytest.mark.parametrize(("index", "value", "column", "fragment"), [
    (3, "misschien", "status", "'misschien'"),
    (2, "transport; sport", "themes", "'sport'"),
    (11, "NL, Atlantis", "countries", "'Atlantis'"),
    (12, "Provinciale Staten", "source", "http(s) URL"),  # one wrong source, not two
], ids=["status", "theme", "country", "source"])
def test_a_bad_value_rejects_the_row_showing_it(index, value, column, fragment):
    ((_, rejected, reason),) = reasons(read(csv_bytes([HEADER_EN, row_with(index, value)])))
    assert rejected == column
    assert fragment in reason


def test_duplicate_ids_reject_the_later_row_naming_the_earlier():
    header = ["id", *HEADER_EN]
    result = read(csv_bytes([header, ["bus-1", *ROW], ["bus-2", *ROW], ["BUS-1", *ROW]]))
    assert [p.id for p in result.accepted] == ["bus-1", "bus-2"]
    assert reasons(result) == [(4, "id", "duplicate id 'bus-1': row 2 has the same id")]


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
    row = row_with(12, "www.example.org/a https://example.org/b; https://example.org/c")
    result = read(csv_bytes([HEADER_EN, row]))
    assert one(result).sources == ("https://www.example.org/a", "https://example.org/b",
                                   "https://example.org/c")
    assert any("were read as https://" in w for w in result.warnings)


@pytest.mark.parametrize(("given", "read_as"), [
    ("www.deutschland-nederland.eu", "https://www.deutschland-nederland.eu"),
    ("centralbaltic.eu/projects", "https://centralbaltic.eu/projects"),
    ("http://example.org/a", "http://example.org/a"),
])
def test_addresses_without_a_scheme_are_read_as_https(given, read_as):
    assert one(read(csv_bytes([HEADER_EN, row_with(12, given)]))).sources == (read_as,)


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
    assert one(read(csv_bytes([HEADER_EN, row_with(2, cell)]))).themes == expected


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
