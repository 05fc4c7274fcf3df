"""The catalogue at one revision (gros.catalogue) and the selection by row label
(gros.prepared): derived values computed once, frames found by label, no Streamlit."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gros import catalogue as catalogue_module
from gros.catalogue import MAP_COLUMNS, Catalogue, ShownProjects
from gros.filters import ProjectFilter
from gros.prepared import prepare_projects


@pytest.fixture
def frame() -> gpd.GeoDataFrame:
    """Eight projects as the catalogue has them (only the columns read here), with row
    labels that are not positions, as after a join."""
    rows = [{"id": f"p{number}", "title": f"Project {number}", "title_nl": "", "title_en": "",
             "title_fr": "",
             "title_de": "",
             "main_theme": ("transport", "health")[number % 2],
             "themes": (("transport", "health")[number % 2],), "countries": ("NL",),
             "euregios": (), "border_provinces": (), "status": "ongoing", "programme": "",
             "start_year": None, "end_year": None, "budget_eur": None, "precision": "exact",
             "geometry_type": "point", "geometry": shapely.Point(5.5 + number * 0.1, 51.0)}
            for number in range(8)]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326",
                            index=[10 * number + 3 for number in range(8)])


def test_a_filter_is_applied_once_and_kept_with_its_row_labels(frame, monkeypatch):
    catalogue = Catalogue(frame, revision=7)
    calls = []
    real = catalogue_module.filter_mask
    monkeypatch.setattr(catalogue_module, "filter_mask",
                        lambda *args: calls.append(args[1]) or real(*args))
    health = ProjectFilter(themes=("health",))
    first = catalogue.filtered(health)
    assert list(first["id"]) == ["p1", "p3", "p5", "p7"]
    assert list(first.index) == [13, 33, 53, 73]
    assert catalogue.filtered(health) is first and calls == [health]
    for theme in ("transport", "culture", *[f"t{number}" for number in range(20)]):
        catalogue.filtered(ProjectFilter(themes=(theme,)))
    # Only the latest filters are kept: the first one is filtered anew.
    assert catalogue.filtered(health) is not first and calls.count(health) == 2


def test_the_layer_data_is_prepared_once_per_language(frame):
    catalogue = Catalogue(frame, revision=1)
    assert catalogue.prepared("en") is catalogue.prepared("en")
    assert catalogue.prepared("de") is not catalogue.prepared("en")
    assert catalogue.domain is catalogue.domain and len(catalogue) == 8


def test_a_project_is_found_in_a_filtered_frame_by_its_label(frame):
    catalogue = Catalogue(frame, revision=1)
    health = catalogue.filtered(ProjectFilter(themes=("health",)))
    assert catalogue.find(health, "p3")["title"] == "Project 3"
    assert catalogue.find(health, "p2") is None  # a project, but not shown
    assert catalogue.find(health, "nope") is None and catalogue.find(health, None) is None


def test_the_map_gets_the_filtered_projects_without_their_rows_and_finds_whole_rows(frame):
    catalogue = Catalogue(frame, revision=1)
    health = ProjectFilter(themes=("health",))
    on_map = catalogue.on_map(health)
    filtered = catalogue.filtered(health)
    assert len(on_map) == len(filtered) == 4 and not on_map.empty
    assert on_map.index.equals(filtered.index)
    assert list(on_map.total_bounds) == list(filtered.total_bounds) == [5.6, 51.0, 6.2, 51.0]
    assert catalogue.on_map(health) is on_map  # kept, apart from the whole rows
    # The rows, with few columns, only when asked for; copied once.
    rows = on_map.rows()
    assert list(rows.columns) == list(MAP_COLUMNS)
    assert rows.equals(filtered[list(MAP_COLUMNS)]) and on_map.rows() is rows
    found = catalogue.find(on_map, "p5")
    assert found["main_theme"] == "health" and found["precision"] == "exact"
    assert catalogue.find(on_map, "p4") is None
    # What the map's selection reads: the same projects as the filtered rows.
    prepared = prepare_projects(frame, "en")
    assert prepared.selection_of(on_map) == prepared.selection_of(filtered)


def test_a_filter_that_keeps_nothing_has_no_extent(frame):
    catalogue = Catalogue(frame, revision=1)
    none = catalogue.on_map(ProjectFilter(themes=("culture",)))
    assert len(none) == 0 and none.empty and none.rows().empty
    assert all(value != value for value in none.total_bounds)  # NaN, as GeoPandas says
    with pytest.raises(ValueError, match="needs one flag per project; got an array of int64"):
        ShownProjects(catalogue, np.arange(3))


def test_rows_without_unique_labels_are_refused(frame):
    with pytest.raises(ValueError, match="unique labels"):
        Catalogue(frame.set_axis([1, 1, 2, 3, 4, 5, 6, 7]), revision=1)


def test_the_selection_by_label_names_the_same_projects_as_by_id(frame):
    prepared = prepare_projects(frame, "en")
    part = frame.iloc[[0, 3, 6, 7]]
    assert prepared.selection_of(part) == prepared.selection(part["id"])
    assert prepared.selected(prepared.selection_of(part)) == ["p0", "p3", "p6", "p7"]
    assert prepared.selected(prepared.selection_of(frame.iloc[[]])) == []
    # Rows of another frame are refused, not silently mapped onto other projects.
    with pytest.raises(ValueError, match="2 rows of the frame are not rows"):
        prepared.selection_of(frame.iloc[[0, 1]].set_axis([999, 1000]))


def test_the_layer_data_turns_outer_rings_one_way_and_holes_the_other(frame):
    """The browser fills all areas of one look as one path (non-zero): that keeps holes
    open only if every outer ring turns counter-clockwise and every hole clockwise."""
    clockwise = shapely.Polygon([(5.0, 51.0), (5.0, 51.2), (5.2, 51.2), (5.2, 51.0)],
                                holes=[[(5.05, 51.05), (5.15, 51.05), (5.15, 51.15),
                                        (5.05, 51.15)]])
    assert not clockwise.exterior.is_ccw and clockwise.interiors[0].is_ccw
    areas = frame.iloc[:1].copy()
    areas["geometry_type"] = "area"
    areas = areas.set_geometry([clockwise], crs="EPSG:4326")
    shape = json.loads(prepare_projects(areas, "en").data())["shapes"][0]["geometry"]
    outer, hole = (shapely.LinearRing(ring) for ring in shape["coordinates"])
    assert outer.is_ccw and not hole.is_ccw
