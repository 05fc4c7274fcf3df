"""The project store: an embedded SQLite file by default, PostgreSQL or another URL otherwise.

Every change runs in a transaction and is recorded in the audit table with its
time and source. Each project carries a version number; an update names the
version it started from and fails with :class:`VersionConflict` if someone else
changed the project in between, so two writers never lose an update. Writers take
turns (:mod:`gros.database`), so an import is all or nothing for its readers too.
Opening a store brings its schema up to date first (:mod:`gros.migrate`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import shapely
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from gros import database, migrate
from gros.projects import Project, project_from_record, project_to_record
from gros.schema import audit_table, projects_table, views_table
from gros.settings import Settings

SEED_SOURCE = "geodata/projects.geojson"


class VersionConflict(RuntimeError):
    """The project changed since it was read; nothing was written."""

    def __init__(self, project_id: str, expected: int | None, found: int | None):
        self.project_id, self.expected, self.found = project_id, expected, found
        found_text = "it no longer exists" if found is None else f"it is now at version {found}"
        super().__init__(f"project {project_id!r} changed since version {expected}: {found_text}; "
                         "reload it and apply the change again")


@dataclass(frozen=True)
class StoredProject:
    project: Project
    version: int
    updated_at: str
    source: str


@dataclass(frozen=True)
class AuditEntry:
    at: str
    action: str
    project_id: str
    version: int
    source: str
    actor: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class WriteSummary:
    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class SavedView:
    """A named view: the URL parameters of the dashboard (filters, layers, extent…)."""

    name: str
    query: dict[str, str]
    position: int = 0


class ViewNameTaken(ValueError):
    """A saved view with that name exists already."""


def database_url(settings: Settings) -> str:
    """The configured SQLAlchemy URL, or a SQLite file in the data directory."""
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{Path(settings.data_dir).expanduser() / 'gros.sqlite'}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ProjectStore:
    """Projects in a database; see the module docstring for the guarantees."""

    def __init__(self, url: str):
        """Open the database at ``url``, bringing its schema up to date first.

        Raises
        ------
        migrate.SchemaError
            Naming the database and what failed, if it cannot be opened or upgraded.
        """
        self.engine = database.create_engine(url)
        try:
            migrate.upgrade(self.engine)
        except migrate.SchemaError:
            self.engine.dispose()
            raise

    @classmethod
    def from_settings(cls, settings: Settings) -> ProjectStore:
        return cls(database_url(settings))

    def close(self) -> None:
        """Close the pooled connections (a server's connection slots are few)."""
        self.engine.dispose()

    def _transaction(self) -> AbstractContextManager[Connection]:
        """A write transaction: committed at the end, rolled back on any error."""
        return database.write_transaction(self.engine)

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _stored(row: sa.Row) -> StoredProject:
        project = project_from_record(json.loads(row.record), shapely.from_wkt(row.geometry))
        return StoredProject(project, row.version, row.updated_at, row.source)

    def all(self) -> list[StoredProject]:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(projects_table).order_by(projects_table.c.id))
            return [self._stored(row) for row in rows]

    def get(self, project_id: str) -> StoredProject | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(projects_table).where(projects_table.c.id == project_id)).first()
        return self._stored(row) if row else None

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(projects_table)
                                      ).scalar_one()

    def revision(self) -> int:
        """A number that grows with every change: the newest audit entry's id."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.max(audit_table.c.id))).scalar() or 0

    def audit(self, project_id: str | None = None, limit: int = 500) -> list[AuditEntry]:
        query = sa.select(audit_table).order_by(audit_table.c.id.desc()).limit(limit)
        if project_id is not None:
            query = query.where(audit_table.c.project_id == project_id)
        with self.engine.connect() as connection:
            return [
                AuditEntry(row.at, row.action, row.project_id, row.version, row.source, row.actor,
                           json.loads(row.before) if row.before else None,
                           json.loads(row.after) if row.after else None)
                for row in connection.execute(query)
            ]

    # -- writing -------------------------------------------------------------------------

    def _write(self, connection: Connection, project: Project, source: str, actor: str | None,
               expected_version: int | None, action_if_new: str) -> str:
        """Insert or update one project; returns 'created', 'updated' or 'unchanged'."""
        record = project_to_record(project)
        geometry = shapely.to_wkt(project.geometry, rounding_precision=7)
        current = connection.execute(
            sa.select(projects_table.c.version, projects_table.c.record,
                      projects_table.c.geometry)
            .where(projects_table.c.id == project.id)).first()
        now = _now()
        if current is None:
            if expected_version is not None:
                raise VersionConflict(project.id, expected_version, None)
            connection.execute(sa.insert(projects_table).values(
                id=project.id, version=1, title=project.title, record=json.dumps(record),
                geometry=geometry, updated_at=now, source=source))
            self._log(connection, now, action_if_new, project.id, 1, source, actor, None, record)
            return "created"
        if expected_version is not None and current.version != expected_version:
            raise VersionConflict(project.id, expected_version, current.version)
        before = json.loads(current.record)
        if before == record and current.geometry == geometry:
            return "unchanged"
        version = current.version + 1
        result = connection.execute(
            sa.update(projects_table)
            .where(projects_table.c.id == project.id,
                   projects_table.c.version == current.version)
            .values(version=version, title=project.title, record=json.dumps(record),
                    geometry=geometry, updated_at=now, source=source))
        if result.rowcount != 1:  # another writer got in between (databases without IMMEDIATE)
            raise VersionConflict(project.id, current.version, None)
        self._log(connection, now, "update", project.id, version, source, actor, before, record)
        return "updated"

    @staticmethod
    def _log(connection: Connection, at: str, action: str, project_id: str, version: int,
             source: str, actor: str | None, before: dict | None, after: dict | None) -> None:
        connection.execute(sa.insert(audit_table).values(
            at=at, action=action, project_id=project_id, version=version, source=source,
            actor=actor, before=json.dumps(before) if before is not None else None,
            after=json.dumps(after) if after is not None else None))

    def upsert_many(self, projects: Iterable[Project], source: str,
                    actor: str | None = None) -> WriteSummary:
        """Add or update projects by id, all in one transaction (all or nothing)."""
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        with self._transaction() as connection:
            for project in projects:
                counts[self._write(connection, project, source, actor, None, "create")] += 1
        return WriteSummary(**counts)

    def save(self, project: Project, expected_version: int | None, source: str = "form",
             actor: str | None = None) -> int:
        """Create (expected_version None) or update one project; returns its new version.

        Raises
        ------
        VersionConflict
            If the stored version is not ``expected_version`` (or it exists already
            when creating).
        """
        with self._transaction() as connection:
            if expected_version is None:
                exists = connection.execute(sa.select(projects_table.c.version).where(
                    projects_table.c.id == project.id)).first()
                if exists is not None:
                    raise VersionConflict(project.id, None, exists.version)
            self._write(connection, project, source, actor, expected_version, "create")
            return connection.execute(sa.select(projects_table.c.version).where(
                projects_table.c.id == project.id)).scalar_one()

    def delete(self, project_id: str, expected_version: int, source: str = "form",
               actor: str | None = None) -> None:
        with self._transaction() as connection:
            current = connection.execute(sa.select(projects_table).where(
                projects_table.c.id == project_id)).first()
            if current is None or current.version != expected_version:
                raise VersionConflict(project_id, expected_version,
                                      current.version if current else None)
            connection.execute(sa.delete(projects_table).where(
                projects_table.c.id == project_id,
                projects_table.c.version == expected_version))
            self._log(connection, _now(), "delete", project_id, expected_version, source, actor,
                      json.loads(current.record), None)

    def ensure_seeded(self, projects: Iterable[Project]) -> bool:
        """Load the seed projects into an empty store that was never seeded; True if it did."""
        with self._transaction() as connection:
            seeded = connection.execute(sa.select(audit_table.c.id).where(
                audit_table.c.action == "seed").limit(1)).first()
            empty = connection.execute(sa.select(projects_table.c.id).limit(1)).first() is None
            if seeded or not empty:
                return False
            for project in projects:
                self._write(connection, project, SEED_SOURCE, None, None, "seed")
            return True

    # -- saved views ---------------------------------------------------------------------

    def views(self) -> list[SavedView]:
        """The saved views in their presentation order."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(views_table).order_by(
                views_table.c.position, views_table.c.id))
            return [SavedView(row.name, json.loads(row.query), row.position) for row in rows]

    def save_view(self, view: SavedView, replace: bool = False) -> None:
        """Add ``view`` at the end, or replace the view of that name when ``replace``.

        Raises
        ------
        ViewNameTaken
            If the name exists and ``replace`` is False: nothing is overwritten unasked.
        """
        with self._transaction() as connection:
            existing = connection.execute(sa.select(views_table.c.id).where(
                views_table.c.name == view.name)).first()
            if existing is not None:
                if not replace:
                    raise ViewNameTaken(f"a saved view named {view.name!r} exists already")
                connection.execute(sa.update(views_table).where(
                    views_table.c.id == existing.id).values(
                    query=json.dumps(view.query), updated_at=_now()))
                return
            last = connection.execute(sa.select(sa.func.max(views_table.c.position))).scalar()
            connection.execute(sa.insert(views_table).values(
                name=view.name, position=(last or 0) + 1, query=json.dumps(view.query),
                updated_at=_now()))

    def rename_view(self, old: str, new: str) -> None:
        with self._transaction() as connection:
            if connection.execute(sa.select(views_table.c.id).where(
                    views_table.c.name == new)).first() is not None:
                raise ViewNameTaken(f"a saved view named {new!r} exists already")
            connection.execute(sa.update(views_table).where(views_table.c.name == old)
                               .values(name=new, updated_at=_now()))

    def move_view(self, name: str, offset: int) -> None:
        """Move a view ``offset`` places up (negative) or down the list."""
        with self._transaction() as connection:
            names = [row.name for row in connection.execute(
                sa.select(views_table.c.name).order_by(views_table.c.position,
                                                       views_table.c.id))]
            if name not in names:
                return
            index = names.index(name)
            names.insert(max(0, min(len(names) - 1, index + offset)), names.pop(index))
            for position, each in enumerate(names, start=1):
                connection.execute(sa.update(views_table).where(views_table.c.name == each)
                                   .values(position=position))

    def delete_view(self, name: str) -> None:
        with self._transaction() as connection:
            connection.execute(sa.delete(views_table).where(views_table.c.name == name))
