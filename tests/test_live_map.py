"""The live map's plan (gros.live_map): base map, project data and selection, no Streamlit."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely

from gros import maps
from gros.live_map import BaseMap, data_url, plan_live_map, project_data, shows_projects

URL = "../../app/static/data/projects-en-0123.json"


@pytest.fixture
def frame() -> gpd.GeoDataFrame:
    """Six projects as the catalogue has them (only the columns the map reads)."""
    rows = [{"id": f"p{number}", "title": f"Project {number}", "title_en": "", "title_fr": "",
             "main_theme": ("transport", "health")[number % 2], "status": "ongoing",
             "precision": "exact", "geometry_type": "point",
             "geometry": shapely.Point(5.5 + number * 0.1, 51.0)} for number in range(6)]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_the_plan_shows_the_chosen_projects_on_a_base_map_that_fetches_them(
        synthetic_layers, frame):
    prepared = maps.prepare_projects(frame, "en")
    plan = plan_live_map(frame.iloc[[1, 4]], prepared, "en", "none", maps.LAYERS, URL)
    assert plan.base == BaseMap("none", "en", maps.LAYERS, URL)
    assert plan.selection == maps.project_selection_script(prepared, frame.iloc[[1, 4]])
    selection = json.loads(plan.selection.split("map_div, ")[1].split(")")[0])
    assert prepared.selected(selection) == ["p1", "p4"]
    rendered = plan.base.build(synthetic_layers).get_root().render()
    assert "GrosProjects.load(" in rendered and json.dumps(URL) in rendered
    assert "Project 1" not in rendered  # the base map holds no project


def test_without_the_project_layer_there_is_no_data_and_no_selection(synthetic_layers, frame):
    visible = ("countries", "euregios")
    assert not shows_projects(visible) and shows_projects(maps.LAYERS)
    plan = plan_live_map(frame, None, "de", "light", list(visible), None)
    assert plan.base == BaseMap("light", "de", visible, None)
    assert plan.selection is None
    assert "GrosProjects.load(" not in plan.base.build(synthetic_layers).get_root().render()


def test_a_project_layer_without_its_data_is_refused_showing_the_layers(frame):
    with pytest.raises(ValueError, match=r"'projects'.*projects_url=None"):
        plan_live_map(frame, maps.prepare_projects(frame, "en"), "en", "none", maps.LAYERS,
                      None)


def test_the_base_map_is_the_same_key_for_the_same_settings():
    # The page caches the rendered base map by it.
    first = BaseMap("none", "nl", maps.LAYERS, URL)
    assert first == BaseMap("none", "nl", tuple(maps.LAYERS), URL)
    assert hash(first) == hash(BaseMap("none", "nl", maps.LAYERS, URL))
    assert first != BaseMap("none", "de", maps.LAYERS, URL)


def test_the_data_file_is_the_whole_catalogue_in_the_language(frame):
    prepared = maps.prepare_projects(frame, "fr")
    data = project_data(prepared, "fr")
    assert data.stem == "projects-fr"
    assert data.text == prepared.data() and json.loads(data.text)["count"] == len(frame)
    assert data_url("data/projects-fr-ab.json") == "../../app/static/data/projects-fr-ab.json"

