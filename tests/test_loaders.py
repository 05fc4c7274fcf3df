"""The loaders: a catalogue built from stored projects, with or without a store."""

from __future__ import annotations

import shapely

from gros.loaders import catalogue_frame, preview_frame, project_catalogue
from gros.projects import Project
from gros.store import ProjectStore, StoredProject


def _stored(project_id: str, version: int) -> StoredProject:
    project = Project(id=project_id, title=f"Project {project_id}",
                      geometry=shapely.Point(5.69, 50.85), themes=("labour",),
                      sources=("https://example.org/p",), countries=("NL", "BE"))
    return StoredProject(project, version, "2024-06-01T00:00:00+00:00", "test")


def test_a_catalogue_is_built_from_stored_projects_without_a_store():
    frame = catalogue_frame([_stored("a", 1), _stored("b", 3)], None)
    assert list(frame["id"]) == ["a", "b"]
    assert list(frame["version"]) == [1, 3]
    # Without region layers the derived columns are there, empty.
    assert frame["euregios"].tolist() == [[], []]
    assert frame["border_provinces"].tolist() == [[], []]


def test_the_store_catalogue_is_the_frame_of_its_stored_projects(store_url: str):
    store = ProjectStore(store_url)
    store.upsert_many([_stored("a", 1).project, _stored("b", 1).project], source="test")
    ours = project_catalogue(store, None)
    theirs = catalogue_frame(store.all(), None)
    assert ours.drop(columns="geometry").equals(theirs.drop(columns="geometry"))
    assert list(ours.geometry.to_wkt()) == list(theirs.geometry.to_wkt())
    store.close()


def test_an_import_preview_shows_the_regions_its_projects_touch(synthetic_layers):
    inside = synthetic_layers.euregios.set_index("id").loc["maas-rijn"].geometry
    point = inside.representative_point()
    projects = [Project(id=pid, title=pid.title(), geometry=where, themes=("labour",),
                        sources=(f"https://example.org/{pid}",))
                for pid, where in (("a", point), ("far", shapely.Point(20, 60)))]
    frame = preview_frame(projects, synthetic_layers)
    assert "maas-rijn" in frame.loc[frame["id"] == "a", "euregios"].iloc[0]
    assert frame.loc[frame["id"] == "far", "euregios"].iloc[0] == []
    assert preview_frame(projects, None)["euregios"].tolist() == [[], []]
