"""The Data page's project form as data: what it shows, and what it saves."""

from __future__ import annotations

import pytest
import shapely

from gros.project_form import form_values, project_from_form
from gros.projects import Partner, Project, ProjectInvalid

RAIL = Project(
    id="rail", title="Maastricht–Aachen", titles={"de": "Maastricht–Aachen Bahn"},
    description="Train", themes=("transport",), status="ongoing", start="2018", end=None,
    programme="CEF", budget_eur=28e6, eu_contribution_eur=None,
    lead_partner=Partner("Provincie Limburg", "NL"), partners=(Partner("NVV", "DE"),),
    countries=("NL", "DE"), geometry=shapely.LineString([(5.7, 50.85), (6.09, 50.77)]),
    precision="exact", sources=("https://example.org/rail",), stations=("Maastricht",))


def test_a_new_project_starts_empty():
    values = form_values(None)
    assert values["title"] == "" and values["themes"] == [] and values["wkt"] == ""


def test_a_line_shows_as_wkt_and_amounts_as_plain_numbers():
    values = form_values(RAIL)
    assert values["budget_eur"] == "28000000"
    assert values["eu_contribution_eur"] == ""
    assert values["lead_name"] == "Provincie Limburg" and values["lead_country"] == "NL"
    assert values["partners"] == "NVV (DE)"
    assert values["lat"] == values["lon"] == ""
    assert values["wkt"].startswith("LINESTRING")


@pytest.mark.parametrize(("amount", "text"), [
    (28e6, "28000000"), (1250.5, "1250.5"), (0.0, "0"), (99.99, "99.99"), (None, ""),
])
def test_amounts_show_as_plain_digits(amount, text):
    project = Project(id="p", title="P", themes=("health",), geometry=shapely.Point(6, 51),
                      sources=("https://example.org/p",), budget_eur=amount)
    assert form_values(project)["budget_eur"] == text


def test_a_point_shows_as_latitude_and_longitude():
    point = Project(id="p", title="P", themes=("health",), geometry=shapely.Point(6.1, 51.3),
                    sources=("https://example.org/p",))
    values = form_values(point)
    assert (values["lat"], values["lon"], values["wkt"]) == ("51.300000", "6.100000", "")


def test_an_unchanged_form_saves_the_same_project():
    assert project_from_form(form_values(RAIL), RAIL) == RAIL


def test_an_edit_keeps_the_id_titles_and_stations_the_form_does_not_show():
    values = {**form_values(RAIL), "id": "other", "title": "Rail link"}
    edited = project_from_form(values, RAIL)
    assert (edited.id, edited.title) == ("rail", "Rail link")
    assert edited.titles == RAIL.titles and edited.stations == RAIL.stations


def test_without_a_lead_name_there_is_no_lead_partner():
    values = {**form_values(RAIL), "lead_name": "", "lead_country": "NL"}
    assert project_from_form(values, RAIL).lead_partner is None


@pytest.mark.parametrize(("changes", "error", "words"), [
    ({"lat": "51,3", "lon": "6,1", "wkt": ""}, None, None),
    ({"lat": "north", "lon": "6", "wkt": ""}, ValueError, "'north'"),
    ({"wkt": "LINESTRING (oops"}, ValueError, "WKT"),
    ({"sources": ""}, ProjectInvalid, "source"),
])
def test_what_was_typed_is_checked(changes, error, words):
    values = {**form_values(RAIL), **changes}
    if error is None:
        assert project_from_form(values, RAIL).geometry.equals(shapely.Point(6.1, 51.3))
        return
    with pytest.raises(error) as caught:
        project_from_form(values, RAIL)
    assert words in str(caught.value) or any(
        words in p.reason for p in getattr(caught.value, "problems", []))
