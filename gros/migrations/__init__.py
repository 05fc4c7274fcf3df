"""Alembic migrations of the project database; :mod:`gros.migrate` runs them.

A new revision, from the checkout: ``alembic revision --rev-id 0003 -m "what changes"``
(the next number; ``alembic.ini`` points here), then write its ``upgrade()`` and make
the same change in :mod:`gros.schema`, which is what new databases are created from.
A revision that changes the ``projects`` table's ``record`` or ``geometry`` columns
drops the PostGIS view and column first (``DROP VIEW IF EXISTS projects_map``,
``ALTER TABLE projects DROP COLUMN IF EXISTS geom``); :func:`gros.spatial.install`
makes them again after it.
"""
