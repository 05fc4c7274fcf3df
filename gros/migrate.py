"""Schema versions of the project database: bring a database up to date, or refuse.

The migrations are Alembic revisions in ``gros/migrations/versions/``. A database
without tables is created from :mod:`gros.schema` and marked current; one made before
the schema had versions (its tables, no version) is adopted by the baseline revision
and upgraded; one at an older revision is upgraded; one at a revision this code does
not know (a newer dashboard wrote it) is refused. All of it happens in one write
transaction, so two processes opening a database at once upgrade it once, and a
failed upgrade leaves it as it was. PostGIS objects follow (:mod:`gros.spatial`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, Engine

from gros import spatial
from gros.database import describe, write_transaction
from gros.schema import metadata

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaError(RuntimeError):
    """The database cannot be opened, or its schema cannot be brought up to date."""


@dataclass(frozen=True)
class Upgrade:
    """What :func:`upgrade` found and did."""

    database: str          # the URL, password hidden
    before: str | None     # revision before; None for a new or unversioned database
    after: str
    created: bool          # the tables were made from scratch
    spatial: bool          # PostGIS column, index and view are there

    def describe(self) -> str:
        if self.created:
            change = f"created at schema revision {self.after}"
        elif self.before == self.after:
            change = f"already at schema revision {self.after}"
        else:
            change = f"upgraded from {self.before or 'before versioning'} to {self.after}"
        gis = "PostGIS view projects_map ready" if self.spatial else "no PostGIS"
        return f"{self.database}: {change}; {gis}"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for our migrations, optionally bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection  # read by migrations/env.py
    return config


@cache
def _revisions() -> tuple[str, frozenset[str]]:
    """The head revision and every revision this code knows (read once per process)."""
    script = ScriptDirectory.from_config(alembic_config())
    revision = script.get_current_head()
    if revision is None:
        raise SchemaError(f"no migrations in {MIGRATIONS}")
    return revision, frozenset(each.revision for each in script.walk_revisions())


def head() -> str:
    """The newest schema revision this code knows."""
    return _revisions()[0]


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision; None when it has none (new or unversioned)."""
    return MigrationContext.configure(connection).get_current_revision()


def _bring_up_to_date(connection: Connection, before: str | None) -> bool:
    """Run what the database needs to reach the head revision; True if it was created."""
    config = alembic_config(connection)
    if before is not None and before not in _revisions()[1]:
        raise SchemaError(f"the project database {describe(connection.engine.url)} is at schema "
                          f"revision {before!r}, which this version of the dashboard does not "
                          f"know (its newest is {head()!r}); update the dashboard")
    if before is None and not sa.inspect(connection).has_table("projects"):
        metadata.create_all(connection)
        command.stamp(config, "head")
        return True
    command.upgrade(config, "head")
    return False


def upgrade(engine: Engine) -> Upgrade:
    """Bring the database behind ``engine`` to the head revision (see the module docstring).

    Raises
    ------
    SchemaError
        Naming the database (password hidden) and what failed; nothing was changed.
    """
    doing = "opened"  # what failed, for the message
    try:
        with write_transaction(engine) as connection:
            before = current_revision(connection)
            doing = f"upgraded from schema revision {before or 'none'} to {head()}"
            created = before != head() and _bring_up_to_date(connection, before)
            doing = "given its PostGIS column and view"
            ready = spatial.install(connection)
    except (sa.exc.SQLAlchemyError, CommandError) as exc:
        raise SchemaError(f"the project database {describe(engine.url)} could not be "
                          f"{doing}: {exc}") from exc
    return Upgrade(describe(engine.url), before, head(), created, ready)
