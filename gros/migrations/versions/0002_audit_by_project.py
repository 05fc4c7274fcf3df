"""An index on the audit trail by project: the Data page reads one project's trail.

Revision ID: 0002
Revises: 0001
Created: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_project_id", "audit", ["project_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_project_id", table_name="audit")
