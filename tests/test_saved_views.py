"""Saved views: their order and names in the store, and the JSON hand-over file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from gros import saved_views
from gros.store import ProjectStore, SavedView, ViewNameTaken
from gros.view import view_from_query


@pytest.fixture
def store(store_url: str) -> Iterator[ProjectStore]:
    """A new store on each backend in turn."""
    opened = ProjectStore(store_url)
    yield opened
    opened.close()


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
    back, notes = saved_views.views_from_json(saved_views.views_to_json(views))
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
    with pytest.raises(saved_views.ViewsFileInvalid, match=re.escape(words)):
        saved_views.views_from_json(text)


def test_importing_views_never_overwrites_unasked(store):
    store.save_view(SavedView("Rail", {"theme": "transport"}))
    incoming = [SavedView("Rail", {"theme": "health"}), SavedView("Water", {})]
    assert saved_views.import_views(store, incoming, overwrite=False) == (1, 1)
    assert store.views()[0].query == {"theme": "transport"}
    assert saved_views.import_views(store, incoming, overwrite=True) == (2, 0)
    assert store.views()[0].query == {"theme": "health"}


def test_unknown_parameters_in_a_views_file_are_dropped_and_reported():
    text = json.dumps({"format": "gros-saved-views", "version": 1, "views": [
        {"name": "x", "query": {"theme": "transport,sports", "evil": "<script>"}}]})
    views, notes = saved_views.views_from_json(text)
    assert views[0].query == {"theme": "transport"}
    assert notes == ["x: theme='sports'"]


def test_a_saved_view_keeps_the_extent_it_was_saved_with():
    view, _ = view_from_query({"theme": "transport", "lang": "de"})
    assert saved_views.query_for(view, (5.5, 50.6, 6.2, 51.1)) == {
        "theme": "transport", "lang": "de", "extent": "5.5000,50.6000,6.2000,51.1000"}
    assert saved_views.query_for(view, None) == {"theme": "transport", "lang": "de"}
