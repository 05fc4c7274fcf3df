"""The point clusters (gros/js/clusters.js) on their own, in a page holding only them."""

from __future__ import annotations

import itertools
import random

import pytest

from gros import assets

MIN_ZOOM, MAX_ZOOM, RADIUS = 5, 16, 20


@pytest.fixture
def clusters(page):
    """A page with KDBush and the cluster tree, and nothing else."""
    kdbush, clusters = assets.JS_ASSETS["grosprojectlayer"].sources[:2]
    code = [path.read_text(encoding="utf-8") for path in (kdbush, clusters)]
    page.set_content("".join(f"<script>{part}</script>" for part in code))
    return page


def _points(count: int, seed: int = 7) -> list[tuple[float, float]]:
    """Places in the border region, a tenth of them shared with the place before."""
    rng = random.Random(seed)  # noqa: S311 - test places, not secrets
    places = []
    for i in range(count):
        if i % 10 == 9:
            places.append(places[-1])
        else:
            places.append((rng.uniform(3.0, 9.0), rng.uniform(50.0, 53.0)))
    return places


def _tree_js(body: str) -> str:
    """A function of the places that builds the tree over them and then runs ``body``."""
    return f"""(places) => {{
        const points = places.map((at, i) => ({{type: 'Feature', properties: {{i: i}},
            geometry: {{type: 'Point', coordinates: at}}}}));
        const tree = new GrosClusterTree(points, places.length,
            {{radius: {RADIUS}, minZoom: {MIN_ZOOM}, maxZoom: {MAX_ZOOM}}});
        const choose = (test) => {{
            const bits = new Uint8Array(Math.ceil(places.length / 8));
            places.forEach((_, i) => {{ if (test(i)) bits[i >> 3] |= 1 << (i & 7); }});
            return bits;
        }};
        {body}
    }}"""


def test_every_level_nests_in_the_one_above(clusters):
    places = _points(3_000)
    found = clusters.evaluate(_tree_js("""
        const levels = [];
        for (let z = tree.minZoom; z <= tree.maxZoom; z++) {
            const level = tree.levels[z];
            levels.push({size: level.size, pointAt: Array.from(level.pointAt)});
        }
        return levels;
    """), places)
    assert len(found) == MAX_ZOOM - MIN_ZOOM + 1
    sizes = [level["size"] for level in found]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1] < len(places)
    for upper, lower in itertools.pairwise(found):
        assert all(0 <= group < upper["size"] for group in upper["pointAt"])
        # Points together at one level are together at every level above it.
        above = {}
        for group_below, group_above in zip(lower["pointAt"], upper["pointAt"], strict=True):
            assert above.setdefault(group_below, group_above) == group_above


def test_a_selection_is_counted_in_the_groups_it_keeps(clusters):
    places = _points(3_000)
    found = clusters.evaluate(_tree_js("""
        const bits = choose(i => i % 3 === 0), out = {};
        for (let z = tree.minZoom; z <= tree.maxZoom; z++) {
            const all = tree.visible(z, null, 'all', [-180, -85, 180, 85]);
            const some = tree.visible(z, bits, 'third', [-180, -85, 180, 85]);
            out[z] = {all: all, some: some};
        }
        return out;
    """), places)
    chosen = set(range(0, len(places), 3))
    for z, level in found.items():
        for key, expected in (("all", set(range(len(places)))), ("some", chosen)):
            items = level[key]
            assert sum(item.get("count", 1) for item in items) == len(expected), (z, key)
            singles = {item["position"] for item in items if "position" in item}
            assert singles <= expected
            # A group left with one point shows the point itself, where it is.
            assert all("position" in item or item["count"] >= 2 for item in items)
        assert len(level["some"]) <= len(level["all"])


def test_points_in_one_place_stay_together_and_others_part(clusters):
    # Two projects in one place, and a third a few hundred metres away.
    places = [(5.69, 50.85), (5.69, 50.85), (5.695, 50.852), *_points(200, seed=3)]
    found = clusters.evaluate(_tree_js("""
        const low = tree.levels[tree.minZoom].pointAt;
        const last = tree.levels[tree.maxZoom].pointAt;
        const bits = choose(i => i < 3);
        return {together_low: low[0] === low[2],
                same_place_last: last[0] === last[1], apart_last: last[0] !== last[2],
                parting: tree.partingZoom(tree.minZoom, low[0], bits),
                one_place: tree.partingZoom(tree.maxZoom, last[0], choose(i => i < 2)),
                leaves: tree.leaves(tree.maxZoom, last[0], bits)};
    """), places)
    assert found["together_low"] and found["same_place_last"] and found["apart_last"]
    assert MIN_ZOOM < found["parting"] <= MAX_ZOOM
    # Points in one place never part: the map fans them out at its last zoom level.
    assert found["one_place"] == MAX_ZOOM + 1
    assert sorted(found["leaves"]) == [0, 1]
