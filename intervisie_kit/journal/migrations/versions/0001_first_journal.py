"""The first journal (kit 0.1): trainees and entries with a yes/no share flag.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("trainee_id", sa.String(32), sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("template", sa.String(80), nullable=False),
        sa.Column("title", sa.String(300), nullable=False, server_default=""),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("shared", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
