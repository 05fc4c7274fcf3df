"""The project store on SQLite and PostgreSQL: round trips, audit trail, atomic imports.

Concurrent writers in their own processes: ``test_store_concurrency.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
import shapely

from gros.projects import Project
from gros.store import ProjectStore, VersionConflict


def _project(project_id: str = "p1", **changes) -> Project:
    """A minimal valid project at Maastricht."""
    base = Project(id=project_id, title="Grensinfopunt", geometry=shapely.Point(5.69, 50.85),
                   themes=("labour",), sources=("https://example.org/gip",),
                   precision="municipality", countries=("NL", "BE"), status="ongoing")
    return dataclasses.replace(base, **changes)


@pytest.fixture
def store(store_url: str) -> Iterator[ProjectStore]:
    """A new store on each backend in turn."""
    opened = ProjectStore(store_url)
    yield opened
    opened.close()


def test_a_project_survives_the_round_trip(store):
    project = _project(budget_eur=1_234_567.89, start="2016-01-01", titles={"de": "Grenzinfo"})
    store.upsert_many([project], source="test.csv")
    stored = store.get("p1")
    assert stored.project == project
    assert stored.version == 1
    assert stored.source == "test.csv"


def test_imports_add_or_update_by_id_and_skip_unchanged(store):
    store.upsert_many([_project("a"), _project("b")], source="first.csv")
    summary = store.upsert_many([_project("a"), _project("b", title="Renamed"), _project("c")],
                                source="second.csv")
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 1)
    assert store.get("b").project.title == "Renamed"
    assert store.get("b").version == 2
    assert store.count() == 3


def test_every_change_is_in_the_audit_trail(store):
    store.upsert_many([_project()], source="import.xlsx")
    version = store.save(_project(title="New title"), expected_version=1, source="form",
                         actor="editor")
    store.delete("p1", expected_version=version, source="form", actor="editor")
    entries = store.audit("p1")
    assert [(e.action, e.version, e.source) for e in entries] == [
        ("delete", 2, "form"), ("update", 2, "form"), ("create", 1, "import.xlsx")]
    assert entries[1].before["title"] == "Grensinfopunt"
    assert entries[1].after["title"] == "New title"
    assert entries[1].actor == "editor"
    assert all(e.at.endswith("+00:00") for e in entries)


def test_an_import_is_all_or_nothing(store):
    store.upsert_many([_project("a")], source="first.csv")

    def broken():
        yield _project("b")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        store.upsert_many(broken(), source="second.csv")
    assert [s.project.id for s in store.all()] == ["a"]
    assert [e.source for e in store.audit()] == ["first.csv"]


def test_a_stale_update_is_refused(store):
    store.upsert_many([_project()], source="seed")
    store.save(_project(title="First editor"), expected_version=1)
    with pytest.raises(VersionConflict, match="version 2"):
        store.save(_project(title="Second editor"), expected_version=1)
    assert store.get("p1").project.title == "First editor"


def test_creating_an_existing_id_is_refused(store):
    store.save(_project(), expected_version=None)
    with pytest.raises(VersionConflict):
        store.save(_project(title="Other"), expected_version=None)


def test_seeding_happens_once(store):
    assert store.ensure_seeded([_project("a"), _project("b")]) is True
    store.delete("a", expected_version=1)
    assert store.ensure_seeded([_project("a"), _project("b")]) is False
    assert [s.project.id for s in store.all()] == ["b"]
