"""The project layer (gros/js/projects.js) on its own, in a page of its own."""

from __future__ import annotations

import json

import pytest

from benchmarks.synthetic import catalogue_of, synthetic_projects
from benchmarks.views import theme_filter
from gros import assets, maps
from gros.filters import apply_filter
from gros.seed import read_seed_projects

BASE = "/static/vendor"
# Enough lines and areas that they share one canvas instead of an SVG element each.
COUNT = 6_000


@pytest.fixture(scope="module")
def many(mirror_layers):
    """A map page holding COUNT synthetic projects, and their prepared layer."""
    frame = catalogue_of(synthetic_projects(COUNT, mirror_layers), mirror_layers)
    m = maps.build_region_map(mirror_layers, basemap="none", language="en", projects=frame)
    page = assets.inline_assets(assets.use_local_assets(m, BASE).get_root().render(), BASE)
    return page, frame, maps.prepare_projects(frame, "en")


def _state(page) -> dict:
    return page.evaluate("""() => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        const layer = map.grosProjects, shapes = layer.shapes.getLayers();
        return {count: layer.count(), canvas: layer.onCanvas, shapes: shapes.length,
                interactive: shapes.filter(s => s.options.interactive).length,
                painted: shapes.filter(s => s.options.stroke).length};
    }""")


def _show(page, selection: str | None) -> None:
    page.evaluate("""(selection) => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        GrosProjects.show(map, selection);
    }""", selection)


def test_a_filter_hides_shapes_on_the_canvas_and_shows_them_again(page, many):
    html, frame, prepared = many
    page.set_content(html)
    page.wait_for_function("() => window.GrosProjects !== undefined")
    shapes = int((frame["geometry_type"] != "point").sum())
    assert shapes > 2_000
    state = _state(page)
    assert state == {"count": COUNT, "canvas": True, "shapes": shapes,
                     "interactive": shapes, "painted": shapes}

    health = apply_filter(frame, theme_filter("health"))
    health_shapes = int((health["geometry_type"] != "point").sum())
    _show(page, prepared.selection(health["id"]))
    state = _state(page)
    # The others stay on the canvas, neither painted nor under the pointer.
    assert state["count"] == len(health)
    assert state["interactive"] == state["painted"] == health_shapes < shapes

    _show(page, None)
    assert _state(page)["painted"] == shapes and _state(page)["count"] == COUNT


def test_the_data_holds_every_project_once(many):
    _html, frame, prepared = many
    data = json.loads(prepared.data())
    positions = sorted([p[4] for p in data["points"]] + [f["properties"]["i"]
                                                          for f in data["shapes"]])
    assert positions == list(range(COUNT))
    assert data["count"] == COUNT
    assert len(data["points"]) == int((frame["geometry_type"] == "point").sum())


def test_an_ended_service_lies_pale_beneath_the_current_one_and_schematic_lines_are_dashed(
        page, mirror_layers):
    """The seed's Liège–Maastricht stretch: the ended S43 and the Three-Country Train that
    replaced it, each an SVG path of its own."""
    frame = catalogue_of(read_seed_projects(), mirror_layers).reset_index(drop=True)
    m = maps.build_region_map(mirror_layers, basemap="none", language="en", projects=frame)
    page.set_content(assets.inline_assets(assets.use_local_assets(m, BASE).get_root().render(),
                                          BASE))
    page.wait_for_function("() => window.GrosProjects !== undefined")
    ids = ["rail-liege-maastricht", "rail-liege-maastricht-aachen"]
    positions = [int(frame.index[frame["id"] == i][0]) for i in ids]
    ended, current = page.evaluate("""(positions) => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        const paths = Array.from(document.querySelectorAll('path.gros-project'));
        return positions.map(i => {
            const path = map.grosProjects.layers[i]._path;
            return {order: paths.indexOf(path), classes: path.getAttribute('class'),
                    dash: path.getAttribute('stroke-dasharray'),
                    opacity: Number(path.getAttribute('stroke-opacity'))};
        });
    }""", positions)
    assert 0 <= ended["order"] < current["order"]  # drawn first, so beneath
    assert "gros-project-ended" in ended["classes"]
    assert "gros-project-ended" not in current["classes"]
    assert ended["opacity"] < current["opacity"]
    for line in (ended, current):
        assert "gros-project-schematic" in line["classes"] and line["dash"]

