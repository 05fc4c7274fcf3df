"""PostGIS for the GIS department: a geometry column and the ``projects_map`` view.

On PostgreSQL with the PostGIS extension installed in the database, ``projects.geom``
holds each project's geometry (EPSG:4326, GiST index). It is a generated column made
from the WKT the store writes, so no writer can let the two disagree. The view
``projects_map`` shows one row per project with the fields a map needs and opens in
QGIS as a layer. Elsewhere (SQLite, PostgreSQL without PostGIS) nothing here applies.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from gros.database import is_postgresql

GEOMETRY_COLUMN = "geom"
INDEX = "ix_projects_geom"
VIEW = "projects_map"
SRID = 4326

_ADD_COLUMN = f"""
ALTER TABLE projects ADD COLUMN {GEOMETRY_COLUMN} geometry(Geometry, {SRID})
    GENERATED ALWAYS AS (ST_GeomFromText(geometry, {SRID})) STORED
"""
_ADD_INDEX = f"CREATE INDEX {INDEX} ON projects USING gist ({GEOMETRY_COLUMN})"
# themes: the theme ids, comma-separated; period: an ISO 8601 interval, ".." where open.
_CREATE_VIEW = """
CREATE VIEW projects_map AS
SELECT p.id,
       p.title,
       (SELECT string_agg(t.theme, ',')
          FROM jsonb_array_elements_text(r.data -> 'themes') AS t(theme)) AS themes,
       r.data ->> 'status' AS status,
       CASE WHEN r.data ->> 'start' IS NULL AND r.data ->> 'end' IS NULL THEN NULL
            ELSE coalesce(r.data ->> 'start', '..') || '/' || coalesce(r.data ->> 'end', '..')
       END AS period,
       r.data ->> 'programme' AS programme,
       (r.data ->> 'budget_eur')::double precision AS budget,
       p.geom AS geometry
  FROM projects AS p
 CROSS JOIN LATERAL (SELECT p.record::jsonb AS data) AS r
"""
_COMMENTS = (
    f"COMMENT ON VIEW {VIEW} IS 'GROS cross-border projects, one row per project "
    f"(EPSG:{SRID}); read-only, kept current by the dashboard'",
    f"COMMENT ON COLUMN {VIEW}.themes IS 'theme ids, comma-separated'",
    f"COMMENT ON COLUMN {VIEW}.period IS 'start/end as an ISO 8601 interval, .. where open'",
    f"COMMENT ON COLUMN {VIEW}.budget IS 'total budget in EUR'",
)


def has_postgis(connection: Connection) -> bool:
    """True on PostgreSQL when the PostGIS extension is installed in this database."""
    if not is_postgresql(connection):
        return False
    return connection.execute(sa.text(
        "SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).first() is not None


def _has_column(connection: Connection, table: str, column: str) -> bool:
    return connection.execute(sa.text(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = :table AND column_name = :column"),
        {"table": table, "column": column}).first() is not None


def _has_relation(connection: Connection, name: str) -> bool:
    """A table, index or view of that name on the search path."""
    return connection.execute(sa.select(sa.func.to_regclass(name))).scalar() is not None


def install(connection: Connection) -> bool:
    """Add the geometry column, its index and the view where PostGIS is and they are not.

    Returns whether the database has them now. Checks before it changes anything, so
    that opening a current database never takes a table lock.
    """
    if not has_postgis(connection):
        return False
    if not _has_column(connection, "projects", GEOMETRY_COLUMN):
        connection.execute(sa.text(_ADD_COLUMN))
    if not _has_relation(connection, INDEX):
        connection.execute(sa.text(_ADD_INDEX))
    if not _has_relation(connection, VIEW):
        connection.execute(sa.text(_CREATE_VIEW))
        for comment in _COMMENTS:
            connection.execute(sa.text(comment))
    return True
