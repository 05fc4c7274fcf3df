"""Baseline: the tables as they were before the schema had versions.

Revision ID: 0001
Revises:
Created: 2026-12-01

Runs only on databases made before versioning (new ones are created at the head).
All of those have ``projects`` and ``audit``; ``saved_views`` came with the meeting
mode and is made here where it is missing.
"""

from __future__ import annotations

from alembic import op

from gros.schema import views_table

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # As gros.schema defines it now; a later revision that changes saved_views must
    # write the table out here as it was at this revision.
    views_table.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    pass  # the baseline is where the history starts
