"""The project model: validation reports every problem with its column."""

from __future__ import annotations

import re

import pytest
import shapely

from gros import themes
from gros.projects import (
    Partner,
    ProjectInvalid,
    project_from_record,
    project_to_record,
    projects_frame,
)

POINT = shapely.Point(5.69, 50.85)


def _record(**changes) -> dict:
    """A minimal valid record."""
    return {"id": "gip-maastricht", "title": "GrensInfoPunt Maastricht", "themes": ["labour"],
            "sources": ["https://example.org/gip"], **changes}


def test_a_minimal_record_is_a_project():
    project = project_from_record(_record(), POINT)
    assert project.themes == ("labour",)
    assert project.precision == "exact"
    assert project.geometry_type == "point"


def test_record_round_trip_is_lossless():
    record = _record(title_de="Grenzinfopunkt", description="Advice for cross-border workers",
                     themes=["labour", "governance"], status="ongoing", start="2016",
                     end="2026-12-31", programme="Interreg V-A Euregio Maas-Rijn",
                     budget_eur=100.5, eu_contribution_eur=50.0,
                     lead_partner={"name": "Gemeente Maastricht", "country": "NL"},
                     partners=[{"name": "StädteRegion Aachen", "country": "DE"}],
                     countries=["NL", "DE"], precision="municipality",
                     last_verified="2026-11-22", stations=[])
    project = project_from_record(record, POINT)
    assert project_from_record(project_to_record(project), POINT) == project
    assert project.title_in("de") == "Grenzinfopunkt"
    assert project.title_in("fr") == "GrensInfoPunt Maastricht"


def test_text_forms_of_lists_and_partners_are_understood():
    project = project_from_record(
        _record(themes="Arbeitsmarkt; Bildung", countries="nl, be",
                partners="Gemeente Maastricht (NL); Ville de Liège (BE)"), POINT)
    assert project.themes == ("labour", "education")
    assert project.countries == ("NL", "BE")
    assert project.partners[1] == Partner("Ville de Liège", "BE")


@pytest.mark.parametrize(
    ("changes", "geometry", "column", "words"),
    [
        ({"id": "Has spaces"}, POINT, "id", "'Has spaces'"),
        ({"title": " "}, POINT, "title", "required"),
        ({"themes": ["sports"]}, POINT, "themes", "'sports'"),
        ({"themes": []}, POINT, "themes", "at least one"),
        ({"status": "paused"}, POINT, "status", "'paused'"),
        ({"start": "2020-02-30"}, POINT, "start", "not a real date"),
        ({"start": "spring"}, POINT, "start", "'spring'"),
        ({"start": "2020", "end": "2019"}, POINT, "end", "before it starts"),
        ({"budget_eur": "lots"}, POINT, "budget_eur", "'lots'"),
        ({"budget_eur": 10, "eu_contribution_eur": 20}, POINT, "eu_contribution_eur", "exceeds"),
        ({"sources": []}, POINT, "sources", "at least one"),
        ({"sources": ["ftp://x"]}, POINT, "sources", "'ftp://x'"),
        ({"precision": "roughly"}, POINT, "precision", "'roughly'"),
        ({}, None, "geometry", "required"),
        ({}, shapely.Point(50.85, 5.69), "geometry", "swapped"),
    ],
)
def test_each_problem_names_its_column(changes, geometry, column, words):
    with pytest.raises(ProjectInvalid) as raised:
        project_from_record(_record(**changes), geometry)
    problems = {p.column: p.reason for p in raised.value.problems}
    assert column in problems
    assert words in problems[column]


def test_all_problems_are_reported_at_once():
    with pytest.raises(ProjectInvalid) as raised:
        project_from_record({"id": "x", "themes": ["nope"], "status": "?"}, None)
    assert {p.column for p in raised.value.problems} == {"title", "themes", "status", "sources",
                                                         "geometry"}


def test_frame_has_flat_filterable_columns():
    frame = projects_frame([project_from_record(_record(start="2016-01-01"), POINT)])
    row = frame.iloc[0]
    assert row["start_year"] == 2016
    assert row["main_theme"] == "labour"
    assert frame.crs.to_epsg() == 4326


def test_theme_vocabulary_is_complete():
    assert themes.THEME_IDS == ("labour", "education", "transport", "safety", "environment",
                                "economy", "health", "culture", "governance")
    for theme in themes.THEMES:
        assert set(theme.labels) == {"nl", "de", "fr", "en"}
        assert theme.colour.startswith("#") and re.fullmatch(r":material/[a-z_]+:", theme.icon)
    assert len({t.colour for t in themes.THEMES}) == 9
    assert themes.keep_themes(["Labour market and employment", "Tourism", "Space travel"]) == (
        ["labour", "culture"], ["Space travel"])
