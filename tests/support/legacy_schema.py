"""A database as the store made it before the schema had versions, built by code.

The tables are written out here as the SQL that ``gros/store.py``'s
``metadata.create_all`` sent then, frozen: the migrations must bring exactly this to
the current schema. :func:`fill` writes rows the way that store wrote them.
"""

from __future__ import annotations

import json

import shapely
import sqlalchemy as sa

from gros import database
from gros.projects import Project, project_to_record

AT = "2025-11-03T09:30:00+00:00"
# {serial}: what SQLAlchemy made of an autoincrementing integer key on each database.
PROJECTS = """CREATE TABLE projects (
    id VARCHAR(128) NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL,
    record TEXT NOT NULL, geometry TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL,
    source TEXT NOT NULL, PRIMARY KEY (id))"""
AUDIT = """CREATE TABLE audit (
    id {serial} NOT NULL, at VARCHAR(32) NOT NULL, action VARCHAR(16) NOT NULL,
    project_id VARCHAR(128) NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL,
    actor TEXT, "before" TEXT, "after" TEXT, PRIMARY KEY (id))"""
SAVED_VIEWS = """CREATE TABLE saved_views (
    id {serial} NOT NULL, name VARCHAR(200) NOT NULL, position INTEGER NOT NULL,
    "query" TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL, PRIMARY KEY (id), UNIQUE (name))"""

PROJECT = Project(id="rail-aachen-maastricht", title="Drielandentrein",
                  geometry=shapely.LineString([(5.69, 50.85), (6.09, 50.77)]),
                  themes=("transport",), sources=("https://example.org/rail",),
                  countries=("NL", "BE", "DE"), status="ongoing", start="2019-03",
                  budget_eur=12_500_000.0, titles={"de": "Dreiländerzug"})
VIEW_QUERY = {"theme": "transport", "euregio": "maas-rijn", "lang": "de"}


def create(url: str, with_views: bool = True) -> None:
    """The tables of before versioning in the empty database at ``url``.

    ``with_views=False`` makes a database from before the meeting mode (no saved views).
    """
    engine = database.create_engine(url)  # SQLite: its folder made
    serial = "SERIAL" if database.is_postgresql(engine) else "INTEGER"
    try:
        with engine.begin() as connection:
            for table in [PROJECTS, AUDIT] + ([SAVED_VIEWS] if with_views else []):
                connection.execute(sa.text(table.format(serial=serial)))
    finally:
        engine.dispose()


def fill(url: str) -> None:
    """One project with its audit entry, and one saved view when the table is there."""
    record = project_to_record(PROJECT)
    engine = database.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO projects VALUES (:id, 1, :title, :record, :wkt, :at, 'rail.csv')"),
                {"id": PROJECT.id, "title": PROJECT.title, "record": json.dumps(record),
                 "wkt": shapely.to_wkt(PROJECT.geometry, rounding_precision=7), "at": AT})
            connection.execute(sa.text(
                'INSERT INTO audit (at, action, project_id, version, source, actor, "before", '
                "\"after\") VALUES (:at, 'create', :id, 1, 'rail.csv', 'editor', NULL, :after)"),
                {"at": AT, "id": PROJECT.id, "after": json.dumps(record)})
            if sa.inspect(connection).has_table("saved_views"):
                connection.execute(sa.text(
                    'INSERT INTO saved_views (name, position, "query", updated_at) '
                    "VALUES ('Rail in the EMR', 1, :query, :at)"),
                    {"query": json.dumps(VIEW_QUERY), "at": AT})
    finally:
        engine.dispose()
