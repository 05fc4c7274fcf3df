"""Column matching (gros.importers.columns): headers in four languages, unknown and double
columns, and the title a file must have.
"""

from __future__ import annotations

import pytest

from gros.importers import ALIASES, ImportFileError, read_projects
from gros.importers.columns import match_columns
from gros.projects import project_to_record
from tests.importers.inputs import HEADER_EN, ROW, csv_bytes, one, read

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


def test_match_columns_by_key_ignored_and_doubles():
    columns = match_columns(["Titel", "Thematic1", "Kostenplaats", "naam", "Thematic2"], ALIASES)
    assert columns.by_key == {"title": (0,), "themes": (1, 4)}  # themes may have several
    assert columns.ignored == ("Kostenplaats",)
    assert columns.doubles == ("'naam' (title is read from 'Titel')",)
    assert columns.header("themes") == "Thematic1"
    assert columns.header("budget_eur") == "budget_eur"  # no column: the key itself
    assert columns.fields(["A", "transport", "4711", "B", "health"]) == {
        "title": ["A"], "themes": ["transport", "health"]}


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


def test_no_title_column_lists_the_headers_found():
    with pytest.raises(ImportFileError, match="no recognisable title column") as caught:
        read_projects(csv_bytes([["Omschrijving", "Thema"], ["x", "transport"]]), "p.csv")
    assert "'Omschrijving', 'Thema'" in str(caught.value)
