"""The project layer (gros/js/projects.js) on its own, in a page of its own."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import shapely
from playwright.sync_api import expect

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


MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"


def _state(page) -> dict:
    return page.evaluate(f"""() => {{
        const layer = {MAP}.grosProjects;
        return {{count: layer.count(), canvas: layer.onCanvas, shapes: layer.canvas.count,
                 shown: layer.canvas.shownCount,
                 leafletShapes: layer.shapes.getLayers().length}};
    }}""")


def _show(page, selection: str | None) -> None:
    page.evaluate("""(selection) => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        GrosProjects.show(map, selection);
    }""", selection)


def test_a_filter_chooses_the_shapes_the_canvas_draws(page, many):
    html, frame, prepared = many
    page.set_content(html)
    page.wait_for_function("() => window.GrosProjects !== undefined")
    shapes = int((frame["geometry_type"] != "point").sum())
    assert shapes > 2_000
    # Leaflet loaded after gros/js/flat.js: no 3D transforms for the compositor.
    assert page.evaluate("() => L.Browser.any3d") is False
    # One layer of Leaflet's for them all: the canvas that draws them.
    assert _state(page) == {"count": COUNT, "canvas": True, "shapes": shapes,
                            "shown": shapes, "leafletShapes": 1}

    health = apply_filter(frame, theme_filter("health"))
    health_shapes = int((health["geometry_type"] != "point").sum())
    _show(page, prepared.selection(health["id"]))
    state = _state(page)
    assert state["count"] == len(health)
    assert state["shown"] == health_shapes < shapes

    _show(page, None)
    assert _state(page)["shown"] == shapes and _state(page)["count"] == COUNT


def _drawn_points(page) -> dict:
    """What the layer has drawn: its bubbles' counts and its single points."""
    return page.evaluate(f"""() => {{
        const layer = {MAP}.grosProjects, bubbles = [];
        let single = 0;
        layer.points.eachLayer(marker => {{
            // A cluster on the canvas, or as a DOM marker (a map of SVG shapes).
            const text = marker.label || (marker.options.icon && marker.options.icon.options.html);
            if (text) bubbles.push(Number(text.replace(/<[^>]+>/g, '').replace(/\\D/g, '')));
            else single++;
        }});
        return {{bubbles: bubbles, single: single, shown: layer.pointCount}};
    }}""")


def test_a_filter_counts_the_points_it_keeps_in_each_cluster(page, many):
    html, frame, prepared = many
    page.set_content(html)
    page.wait_for_function("() => window.GrosProjects !== undefined")
    # The whole border region in view: every point is in a bubble or on its own.
    page.evaluate(f"() => {{ {MAP}.setView([51.2, 6.0], 7, {{animate: false}}); }}")
    points = int((frame["geometry_type"] == "point").sum())
    everything = _drawn_points(page)
    assert sum(everything["bubbles"]) + everything["single"] == points == everything["shown"]

    health = apply_filter(frame, theme_filter("health"))
    health_points = int((health["geometry_type"] == "point").sum())
    _show(page, prepared.selection(health["id"]))
    kept = _drawn_points(page)
    assert sum(kept["bubbles"]) + kept["single"] == health_points == kept["shown"]
    assert 0 < health_points < points
    # No bubble holds more than the largest of the unfiltered map.
    assert max(kept["bubbles"]) <= max(everything["bubbles"])

    _show(page, None)
    assert _drawn_points(page) == everything


def _shape_on_screen(page, frame, project_id: str) -> dict:
    """Where on the page a vertex of the project's shape lies, and the shape's number."""
    row = frame.index[frame["id"] == project_id][0]
    return page.evaluate(f"""(position) => {{
        const map = {MAP}, layer = map.grosProjects;
        const shape = layer.shapeOf[position], canvas = layer.canvas;
        const start = canvas.partStart[canvas.firstPart[shape]];
        // Back from Web Mercator units to a place, through Leaflet's own projection.
        const scale = map.options.crs.scale(map.getZoom());
        const point = L.point(canvas.xy[start] * scale, canvas.xy[start + 1] * scale);
        const onPage = map.layerPointToContainerPoint(point.subtract(map.getPixelOrigin()));
        const box = map.getContainer().getBoundingClientRect();
        return {{x: box.left + onPage.x, y: box.top + onPage.y, shape: shape}};
    }}""", int(row))


def test_the_shape_under_the_pointer_has_its_tooltip_and_a_click_carries_it(page, many):
    html, frame, _prepared = many
    page.set_content(html)
    page.wait_for_function("() => window.GrosProjects !== undefined")
    line = frame[frame["geometry_type"] == "line"].iloc[0]
    page.evaluate(f"""([lon, lat]) => {{
        const map = {MAP};
        map.setView([lat, lon], map.getMaxZoom() - 2, {{animate: false}});
        window.clicked = [];
        map.grosProjects.shapes.on('click', e => window.clicked.push(
            e.sourceTarget.getTooltip().getContent()));
    }}""", list(line.geometry.coords[0]))
    spot = _shape_on_screen(page, frame, line["id"])
    page.mouse.move(spot["x"] + 1, spot["y"] + 1)
    # Polled on a timer: the page's animation frames may not come while it is not shown.
    page.wait_for_function(f"() => {MAP}.grosProjects.canvas.hovered >= 0", polling=50)
    hovered = page.evaluate(f"() => {MAP}.grosProjects.canvas.hovered")
    tooltip = page.locator(".leaflet-tooltip")
    assert tooltip.count() == 1
    title = page.evaluate(f"""(s) => {MAP}.grosProjects.canvas.properties[s].t""", hovered)
    assert title in tooltip.inner_text()

    page.mouse.click(spot["x"] + 1, spot["y"] + 1)
    clicked = page.evaluate("() => window.clicked")
    assert len(clicked) == 1 and f"<b>{title}</b>" in clicked[0]

    # Inside an area counts as on it.
    area = frame[frame["geometry_type"] == "area"].iloc[0]
    inside = area.geometry.representative_point()
    page.evaluate(f"""([lon, lat]) => {MAP}.setView([lat, lon], {MAP}.getMaxZoom() - 2,
                                                    {{animate: false}})""", [inside.x, inside.y])
    spot = page.evaluate(f"""([lon, lat]) => {{
        const map = {MAP}, onPage = map.latLngToContainerPoint([lat, lon]);
        const box = map.getContainer().getBoundingClientRect();
        return {{x: box.left + onPage.x, y: box.top + onPage.y}};
    }}""", [inside.x, inside.y])
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_function(f"""(title) => {{
        const canvas = {MAP}.grosProjects.canvas;
        return canvas.hovered >= 0 && canvas.properties[canvas.hovered].t === title;
    }}""", arg=area["title"], polling=50)

    # Away from every shape: no tooltip.
    page.mouse.move(5, 5)
    page.wait_for_function(f"() => {MAP}.grosProjects.canvas.hovered === -1", polling=50)
    expect(tooltip).to_have_count(0)  # after its fade


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



def test_projects_in_one_place_are_a_bubble_that_opens_into_a_fan(page, mirror_layers):
    """Three projects placed at one town hall: one bubble until the last zoom level,
    which draws them side by side around that place."""
    here = shapely.Point(5.6909, 50.8514)
    projects = [replace(project, id=f"{project.id}-{n}", geometry=here)
                for n, project in enumerate(read_seed_projects()[:3])]
    frame = catalogue_of(projects, mirror_layers).reset_index(drop=True)
    m = maps.build_region_map(mirror_layers, basemap="none", language="en", projects=frame)
    page.set_content(assets.inline_assets(assets.use_local_assets(m, BASE).get_root().render(),
                                          BASE))
    page.wait_for_function("() => window.GrosProjects !== undefined")
    page.evaluate(f"() => {{ {MAP}.setView([50.8514, 5.6909], {MAP}.getMaxZoom() - 1, "
                  "{animate: false}); }")
    assert _drawn_points(page) == {"bubbles": [3], "single": 0, "shown": 3}
    # Drawn on the points' canvas (no shapes lie above it), not as a DOM element.
    assert page.locator(".marker-cluster").count() == 0
    bubble = page.evaluate(f"""() => {{
        const layer = {MAP}.grosProjects, bubble = layer.points.getLayers()[0];
        const renderer = layer.renderer, ratio = window.devicePixelRatio || 1;
        const at = bubble._point.subtract(renderer._bounds.min);
        // Below the count: the inner disc (radius 15), then the ring (radius 20).
        const colour = dy => Array.from(renderer._ctx.getImageData(
            Math.round(at.x * ratio), Math.round((at.y + dy) * ratio), 1, 1).data);
        const centre = {MAP}.latLngToContainerPoint(bubble.getLatLng());
        const box = {MAP}.getContainer().getBoundingClientRect();
        return {{disc: colour(10), ring: colour(18), outside: colour(24),
                 x: box.x + centre.x, y: box.y + centre.y}};
    }}""")
    for painted in (bubble["disc"], bubble["ring"]):
        red, green, blue, alpha = painted
        assert alpha > 0 and green > red and green > blue  # a small cluster's greens
    assert bubble["disc"] != bubble["ring"]
    assert bubble["outside"][3] == 0
    # A click on the bubble zooms in as far as the map goes: the three never part.
    page.mouse.click(bubble["x"], bubble["y"])
    page.wait_for_function(f"() => {MAP}.getZoom() === {MAP}.getMaxZoom()", polling=50)
    assert _drawn_points(page) == {"bubbles": [], "single": 3, "shown": 3}
    places = page.evaluate(f"""() => {{
        const places = [];
        {MAP}.grosProjects.points.eachLayer(marker => {{
            const at = {MAP}.latLngToContainerPoint(marker.getLatLng());
            places.push([Math.round(at.x), Math.round(at.y)]);
        }});
        return places;
    }}""")
    assert len({tuple(place) for place in places}) == 3  # side by side, not on top


def test_a_filter_with_a_fit_jumps_to_its_extent_and_draws_the_points_once(page, many):
    html, frame, prepared = many
    page.set_content(html)
    page.wait_for_function("() => window.GrosProjects !== undefined")
    page.evaluate(f"() => {{ {MAP}.setView([51.2, 6.0], 8, {{animate: false}}); }}")
    health = apply_filter(frame, theme_filter("health"))
    # What a filter's rerun sends: the selection, then the fit (gros.live_map).
    during = page.evaluate("""([selection, bounds]) => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        // Every draw asks the clusters what is in view.
        const tree = map.grosProjects.tree, visible = tree.visible;
        window.draws = [];
        tree.visible = function () { window.draws.push(map.getZoom());
                                     return visible.apply(this, arguments); };
        // An extent of the view's own size, further east: the fit keeps the zoom (a pan,
        // which Leaflet animates unless told not to).
        const view = map.getBounds(), east = 0.4;
        bounds = [[view.getSouth(), view.getWest() + east],
                  [view.getNorth(), view.getEast() + east]];
        const target = L.latLngBounds(bounds).getCenter();
        GrosProjects.show(map, selection);
        grosFit(map, bounds);
        const centre = map.getCenter();
        return {zoom: map.getZoom(), wanted: map.getBoundsZoom(bounds), draws: draws.length,
                there: Math.abs(centre.lng - target.lng) < 0.01};  // a pixel or two
    }""", [prepared.selection(health["id"]), None])
    # No animation: the map is at the extent when the script ends, drawn by the move.
    assert during == {"zoom": 8, "wanted": 8, "draws": 1, "there": True}
    # One draw, at the new view (the move's), none at the old one after it.
    assert page.evaluate("() => new Promise(r => setTimeout(() => r(window.draws), 400))") == [8]
    kept = _drawn_points(page)
    assert kept["shown"] == int((health["geometry_type"] == "point").sum())

    # A selection without a move is drawn too, once the script that set it has ended.
    page.evaluate("() => { window.draws = []; }")
    _show(page, None)
    assert page.evaluate("() => new Promise(r => setTimeout(() => r(window.draws), 50))") == [8]


def _stroke_widths(page, then: str) -> list[float]:
    """The widths of the strokes the shapes' canvas paints its shapes with in its next
    full redraw, after running ``then`` (a script in the map's page)."""
    return page.evaluate("""(then) => new Promise(resolve => {
        const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
        const canvas = map.grosProjects.canvas, widths = [];
        canvas._paint = function (ctx, look, weight) {
            widths.push(weight);
            return GrosShapeCanvas.prototype._paint.apply(this, arguments);
        };
        new Function('map', 'canvas', then)(map, canvas);
        canvas.redrawAll();
        requestAnimationFrame(() => {
            delete canvas._paint;
            resolve(widths);
        });
    })""", then)


def test_a_view_dense_with_shapes_draws_their_strokes_as_hairlines(page, many):
    html, _, _ = many
    page.set_content(html)
    page.wait_for_function("() => window.GrosProjects !== undefined")
    # The whole world (west, south, east, north in Web Mercator units, y downwards):
    # every shape in view, fewer than make a view dense.
    in_view = page.evaluate(f"() => {MAP}.grosProjects.canvas._inView(-1, 2, 2, -1).total")
    assert in_view == _state(page)["shown"] > 2_000
    widths = _stroke_widths(page, "")
    assert set(widths) == {5, 2}  # lines, and the outlines of areas
    assert page.evaluate(f"() => {MAP}.grosProjects.canvas.hairlines") is False

    # The same view counted as dense: every stroke a hairline.
    widths = _stroke_widths(page, f"canvas.options.denseViewShapes = {in_view - 1};")
    assert widths and set(widths) == {1}
    assert page.evaluate(f"() => {MAP}.grosProjects.canvas.hairlines") is True

    # Zoomed in on one place: fewer shapes in view, their own widths again.
    widths = _stroke_widths(page, "map.setView([51.2, 6.0], 11, {animate: false});")
    assert set(widths) <= {5, 2} and widths
    assert page.evaluate(f"() => {MAP}.grosProjects.canvas.hairlines") is False


def test_on_a_screen_of_two_pixels_per_css_pixel_a_hairline_is_one_of_them(browser, many):
    """Leaflet draws the canvas of such a screen at twice its size: a hairline is half a
    CSS pixel wide there (one of the screen's), not one, which is two of the screen's and
    paints as slowly as any wide stroke."""
    html, _, _ = many
    context = browser.new_context(viewport={"width": 1400, "height": 900},
                                  device_scale_factor=2)
    try:
        page = context.new_page()
        page.set_content(html)
        page.wait_for_function("() => window.GrosProjects !== undefined")
        in_view = page.evaluate(f"() => {MAP}.grosProjects.canvas._inView(-1, 2, 2, -1).total")
        widths = _stroke_widths(page, f"canvas.options.denseViewShapes = {in_view - 1};")
        assert widths and set(widths) == {0.5}
        # A sparse view keeps the shapes' own widths, in CSS pixels as on any screen.
        widths = _stroke_widths(page, f"canvas.options.denseViewShapes = {in_view};")
        assert set(widths) == {5, 2}
    finally:
        context.close()
