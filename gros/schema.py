"""The project database's tables as the store uses them now (SQLAlchemy metadata).

A new database is created from this metadata; an existing one is brought to the same
form by the migrations in ``gros/migrations/`` (``gros.migrate``). A change here
needs a migration that makes it on existing databases.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
projects_table = sa.Table(
    "projects", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("record", sa.Text, nullable=False),     # JSON of project_to_record()
    sa.Column("geometry", sa.Text, nullable=False),   # WKT, EPSG:4326
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
)
audit_table = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # seed, create, update, delete
    sa.Column("project_id", sa.String(128), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("actor", sa.Text, nullable=True),
    sa.Column("before", sa.Text, nullable=True),
    sa.Column("after", sa.Text, nullable=True),
    # A project's trail is read by project (the Data page); migration 0002.
    sa.Index("ix_audit_project_id", "project_id"),
)
views_table = sa.Table(
    "saved_views", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("query", sa.Text, nullable=False),  # JSON of the view's URL parameters
    sa.Column("updated_at", sa.String(32), nullable=False),
)
