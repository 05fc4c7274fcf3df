"""Alembic's entry point: run the migrations on the connection gros.migrate hands over.

``gros.migrate`` decides what a database needs (create, adopt, upgrade, refuse) and
holds the write lock while these run; so they run only from there
(``python -m gros db upgrade`` or opening the store). Writing a new revision with
``alembic revision`` does not run this file.
"""

from __future__ import annotations

from alembic import context

from gros.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise SystemExit("the migrations run through gros: python -m gros db upgrade")
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    # Inside gros.migrate's transaction this begins none: all revisions commit together.
    with context.begin_transaction():
        context.run_migrations()


# Alembic sets up its context before it runs this file; a plain import (the layout
# test imports every module of gros) finds none and does nothing.
if getattr(context, "config", None) is not None:
    run_migrations()
