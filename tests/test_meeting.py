"""Meeting mode: saved views, their JSON hand-over, and the offline exports."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import shapely

from gros import meeting
from gros.chromium import find_chromium
from gros.filters import ProjectFilter, ViewState, view_from_query
from gros.loaders import project_catalogue
from gros.projects import Project
from gros.store import ProjectStore, SavedView, ViewNameTaken

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    return ProjectStore(f"sqlite:///{tmp_path / 'views.sqlite'}")


def test_saved_views_keep_their_order_and_names(store):
    for name in ("Rail", "Health", "Water"):
        store.save_view(SavedView(name, {"theme": "transport"}))
    store.move_view("Water", -2)
    store.rename_view("Health", "Health care")
    store.delete_view("Rail")
    assert [v.name for v in store.views()] == ["Water", "Health care"]
    with pytest.raises(ViewNameTaken):
        store.save_view(SavedView("Water", {}))
    with pytest.raises(ViewNameTaken):
        store.rename_view("Water", "Health care")
    store.save_view(SavedView("Water", {"theme": "environment"}), replace=True)
    assert store.views()[0].query == {"theme": "environment"}


def test_views_file_round_trip():
    views = [SavedView("Rail in EMR", {"theme": "transport", "euregio": "maas-rijn",
                                       "extent": "5.5000,50.6000,6.2000,51.1000"}),
             SavedView("Zorg", {"theme": "health", "lang": "de"})]
    back, notes = meeting.views_from_json(meeting.views_to_json(views))
    assert notes == []
    assert [(v.name, v.query) for v in back] == [(v.name, v.query) for v in views]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not json", "not a JSON file"),
        ('{"views": []}', "format"),
        ('{"format": "gros-saved-views", "views": {}}', "list"),
        ('{"format": "gros-saved-views", "views": [{"query": {}}]}', "view 1"),
        ('{"format": "gros-saved-views", "views": [{"name": "a", "query": {"theme": 3}}]}',
         "view 1 ('a')"),
        ('{"format": "gros-saved-views", "views": [{"name": "a", "query": {}}, '
         '{"name": "a", "query": {}}]}', "appears twice"),
    ],
)
def test_a_bad_views_file_is_refused_with_the_reason(text, words):
    with pytest.raises(meeting.ViewsFileInvalid, match=re.escape(words)):
        meeting.views_from_json(text)


def test_importing_views_never_overwrites_unasked(store):
    store.save_view(SavedView("Rail", {"theme": "transport"}))
    incoming = [SavedView("Rail", {"theme": "health"}), SavedView("Water", {})]
    assert meeting.import_views(store, incoming, overwrite=False) == (1, 1)
    assert store.views()[0].query == {"theme": "transport"}
    assert meeting.import_views(store, incoming, overwrite=True) == (2, 0)
    assert store.views()[0].query == {"theme": "health"}


def test_unknown_parameters_in_a_views_file_are_dropped_and_reported():
    text = json.dumps({"format": "gros-saved-views", "version": 1, "views": [
        {"name": "x", "query": {"theme": "transport,sports", "evil": "<script>"}}]})
    views, notes = meeting.views_from_json(text)
    assert views[0].query == {"theme": "transport"}
    assert notes == ["x: theme='sports'"]


@pytest.fixture(scope="module")
def catalogue(mirror_layers, tmp_path_factory):
    """The seed projects plus one whose title is an HTML payload."""
    from gros.seed import read_seed_projects

    store = ProjectStore(f"sqlite:///{tmp_path_factory.mktemp('m') / 'p.sqlite'}")
    store.ensure_seeded(read_seed_projects())
    store.upsert_many([Project(id="xss", title=XSS, themes=("culture",),
                               geometry=shapely.Point(6.0, 51.2),
                               sources=("https://example.org/x",))], source="test")
    return project_catalogue(store, mirror_layers)


def _export(view: ViewState, title: str = "Rail links") -> meeting.MapExport:
    return meeting.MapExport(title, view, date(2026, 11, 22))


def test_standalone_html_needs_no_network(mirror_layers, catalogue):
    view, _ = view_from_query({"theme": "transport", "basemap": "none", "lang": "en"})
    page = meeting.standalone_html(mirror_layers, catalogue, _export(view))
    loads = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', page)
    assert loads == []
    # The clustering library and the project layer are in the page itself.
    assert "Supercluster" in page and "GrosProjects" in page
    assert "Maastricht–Heerlen–Aachen (RE18)" in page
    assert "Grenzinfopunkt Aachen-Eurode" not in page
    for text in ("Rail links", "Public transport and mobility", "2026-11-22",
                 "EuroGeographics", "NUTS 2024"):
        assert text in page
    assert "tile.openstreetmap.org" not in page and "cartocdn" not in page


def test_standalone_html_asks_for_tiles_only_with_a_tiled_basemap(mirror_layers, catalogue):
    view, _ = view_from_query({"basemap": "osm"})
    page = meeting.standalone_html(mirror_layers, catalogue, _export(view))
    assert "tile.openstreetmap.org" in page


def test_standalone_html_escapes_text_from_data(mirror_layers, catalogue):
    view = ViewState(filter=ProjectFilter(query="onerror"), basemap="none")
    page = meeting.standalone_html(mirror_layers, catalogue, _export(view, title=XSS))
    assert XSS not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # title and filter line


def test_the_extent_follows_the_view(mirror_layers, catalogue):
    view, _ = view_from_query({"euregio": "maas-rijn"})
    lon_min, lat_min, lon_max, lat_max = meeting.view_extent(catalogue, mirror_layers, view)
    assert 4.7 < lon_min < 5.3 and 6.3 < lon_max < 7.2 and 49.9 < lat_min < 50.3
    assert 51.0 < lat_max < 51.6
    fixed, _ = view_from_query({"extent": "5,50,6,51"})
    assert meeting.view_extent(catalogue, mirror_layers, fixed) == (5, 50, 6, 51)


def test_png_has_the_requested_size_and_is_not_blank(mirror_layers, catalogue, tmp_path):
    if find_chromium() is None:
        pytest.skip("no Chromium installed (apt-get install chromium); CI installs it")
    from PIL import Image, ImageStat

    view, _ = view_from_query({"theme": "transport", "basemap": "none"})
    page = meeting.standalone_html(mirror_layers, catalogue, _export(view))
    out = meeting.render_png(page, tmp_path / "map.png", width=1024, height=640)
    with Image.open(out) as picture:
        assert picture.size == (1024, 640)
        spread = ImageStat.Stat(picture.convert("L")).stddev[0]
    assert spread > 10  # a blank or single-colour picture has none


def test_png_without_chromium_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("GROS_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(meeting.ChromiumMissing, match="apt-get install chromium"):
        meeting.render_png("<html></html>", tmp_path / "x.png")
