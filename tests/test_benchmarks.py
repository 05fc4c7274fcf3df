"""The benchmark (benchmarks/): synthetic projects, the two implementations' views, the summary.

Speed itself is never asserted here; tests/test_benchmarks_run.py runs it once, small.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
import shapely

from benchmarks import summary, synthetic, views
from benchmarks.baseline import baseline_map
from benchmarks.run import parse_sizes
from gros import themes
from gros.filters import apply_filter
from gros.projects import project_from_record, project_to_record


@pytest.fixture(scope="module")
def projects(mirror_layers):
    """300 synthetic projects inside the real Euregios (mirror boundaries, default seed)."""
    return synthetic.synthetic_projects(300, mirror_layers)


def test_synthetic_projects_are_valid_and_survive_the_store(projects):
    for project in projects:
        # The store keeps the record as JSON and the geometry as WKT with 7 decimals.
        stored = shapely.from_wkt(shapely.to_wkt(project.geometry, rounding_precision=7))
        again = project_from_record(project_to_record(project), stored)
        assert again.id == project.id
        assert again.themes == project.themes
    assert len({p.id for p in projects}) == len(projects)


def test_synthetic_projects_lie_in_the_euregios_with_every_theme_and_kind(projects,
                                                                         mirror_layers):
    region = shapely.union_all(mirror_layers.euregios.geometry.to_numpy())
    assert all(region.contains(p.geometry) for p in projects if p.geometry_type == "point")
    assert all(region.intersects(p.geometry) for p in projects)
    # Lines step at most ~10 km from a point inside; areas are at most 3 km across.
    assert all(region.buffer(0.3).contains(p.geometry) for p in projects)
    lines = [p.geometry for p in projects if p.geometry_type == "line"]
    assert all(2 <= len(line.coords) <= 6 for line in lines)
    kinds = Counter(p.geometry_type for p in projects)
    assert kinds["point"] > kinds["line"] > kinds["area"] > 0
    assert {p.themes[0] for p in projects} == set(themes.THEME_IDS)


def test_synthetic_projects_depend_only_on_the_seed(mirror_layers):
    first = synthetic.synthetic_projects(30, mirror_layers, seed=7)
    again = synthetic.synthetic_projects(30, mirror_layers, seed=7)
    other = synthetic.synthetic_projects(30, mirror_layers, seed=8)
    assert [p.geometry.wkt for p in first] == [p.geometry.wkt for p in again]
    assert [p.geometry.wkt for p in first] != [p.geometry.wkt for p in other]


def test_the_baseline_has_a_marker_with_a_popup_per_point_and_full_boundaries(projects,
                                                                             mirror_layers):
    frame = synthetic.catalogue_of(projects, mirror_layers)
    rendered = baseline_map(mirror_layers, frame).get_root().render()
    points = int((frame["geometry_type"] == "point").sum())
    assert rendered.count("L.marker(") == points
    assert rendered.count("L.popup(") == len(frame)
    assert "cdn" not in rendered.lower()  # Leaflet from the app's own static files


def test_the_gros_view_sends_the_data_once_and_a_selection_per_filter(projects,
                                                                      mirror_layers):
    from pages._ui import folium_component

    renderers = views.Renderers(st_folium=None,
                                component=folium_component.component_arguments)
    frame = synthetic.catalogue_of(projects, mirror_layers)
    cached = views.gros_cached(frame)
    shown = {}
    for theme in (None, "health"):
        parts = views.gros_view(mirror_layers, frame, theme, cached, renderers, fresh=True)
        assert "Synthetic" not in parts["base_map_file"]  # the base map holds no project
        assert views.PROJECTS_URL in parts["base_map_file"]
        assert len(parts["script"]) < 100  # a rerun runs the base map's file
        assert "grosFit(" in parts["feature_group"]  # fitted to the filter, as on the page
        assert json.loads(parts["projects_data"])["count"] == len(frame)
        selection = parts["feature_group"].split('"')[1]
        shown[theme] = cached["prepared"].selected(selection)
    assert shown[None] == list(frame["id"])
    health = apply_filter(frame, views.theme_filter("health"))
    assert shown["health"] == list(health["id"]) and 0 < len(health) < len(frame)


@pytest.mark.parametrize(("given", "quick", "expected"), [
    (None, False, (100, 1_000, 10_000, 100_000)),
    (None, True, (100, 1_000)),
    ("100, 2_000", True, (100, 2_000)),
])
def test_sizes(given, quick, expected):
    assert parse_sizes(given, quick) == expected


@pytest.mark.parametrize("bad", ["100,x", "0", "-5", "1e3", "many"])
def test_a_bad_size_is_refused_showing_it(bad):
    with pytest.raises(ValueError, match="--sizes"):
        parse_sizes(bad)


def _row(n: int, impl: str, **figures: float | None) -> dict:
    return {**summary.empty_row(n, impl), **figures}


def test_ratios_and_targets_compare_baseline_with_gros():
    runs = [
        _row(10_000, "gros", payload_bytes=1_000_000, server_rerun_ms=80.0,
             browser_filter_ms=250.0),
        _row(10_000, "baseline", payload_bytes=9_000_000, server_rerun_ms=1600.0,
             browser_filter_ms=500.0),
    ]
    ratio = summary.ratios(runs)[0]
    assert ratio["payload_bytes"] == 9.0
    assert ratio["browser_filter_ms"] == 2.0
    assert ratio["peak_rss_mb"] is None
    verdicts = {t["figure"] + str(t["ratio"]) + str(t["n"]): t["met"]
                for t in summary.check_targets(runs)}
    assert verdicts["payload_bytesFalse10000"] is True
    assert verdicts["server_rerun_msFalse10000"] is True
    assert verdicts["browser_filter_msTrue10000"] is False  # only 2× faster
    assert verdicts["browser_filter_msFalse100000"] is None  # not measured
    table = summary.format_table({"machine": "test machine", "runs": runs, "ratios": [ratio],
                                "boundaries": {"payload_bytes": 1000, "max_deviation_m": 1.0},
                                "targets": summary.check_targets(runs), "notes": ["a note"]})
    assert "9.0×" in table
    assert "MISSED" in table
    assert "Note: a note" in table
