"""Entries belong to a meeting, exercise or practice round; the share flag becomes a named choice.

Adds: updated, context_kind, context_label, figures (practice figures), share ('private' or 'supervisor'),
shared_at. Old entries keep their text; a shared entry stays shared, everything else becomes private.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("updated", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("context_kind", sa.String(20), nullable=False, server_default="meeting"))
        batch.add_column(sa.Column("context_label", sa.String(300), nullable=False, server_default=""))
        batch.add_column(sa.Column("figures", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("share", sa.String(20), nullable=False, server_default="private"))
        batch.add_column(sa.Column("shared_at", sa.DateTime(), nullable=True))
    entries = sa.table(
        "entries",
        sa.column("shared", sa.Boolean()),
        sa.column("share", sa.String()),
        sa.column("created", sa.DateTime()),
        sa.column("updated", sa.DateTime()),
        sa.column("shared_at", sa.DateTime()),
    )
    op.execute(entries.update().values(updated=entries.c.created))
    op.execute(
        entries.update().where(entries.c.shared == sa.true()).values(share="supervisor", shared_at=entries.c.created)
    )
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("shared")
        batch.alter_column("updated", existing_type=sa.DateTime(), nullable=False)
        batch.create_index("ix_entries_trainee", ["trainee_id", "created"])
