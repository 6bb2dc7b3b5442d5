"""Startdag workshop mode (issue 15): workshops, participants, rounds, questions, ratings, kernel bindings.

Participants are trainees (their reflections are ordinary private entries); ``trainees.origin`` marks
the trainees a workshop made ("workshop"), so a laptop's own trainee ("local") is never one of them,
also after a workshop that kept shared entries. Every workshop table hangs off ``workshops`` with
ON DELETE CASCADE; a question's rating off the question.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy): recreating ``trainees`` would cascade-delete every entry.
    op.add_column("trainees", sa.Column("origin", sa.String(20), nullable=False, server_default="local"))
    op.create_table(
        "workshops",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False, server_default=""),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("trainer_key_hash", sa.String(64), nullable=False),
        sa.Column("joining_open", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("show_names", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("case_title", sa.String(300), nullable=False, server_default=""),
        sa.Column("case_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("case_id", sa.String(120), nullable=True),
        sa.Column("inbrenger_id", sa.String(32), nullable=True),
        sa.Column("live_session", sa.JSON(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("ended", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "workshop_participants",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("workshop_id", sa.String(32), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        # Nullable: a removed participant keeps a row without a trainee, so their browser hears "removed".
        sa.Column("trainee_id", sa.String(32), sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("joined", sa.DateTime(), nullable=False),
        sa.Column("removed", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_workshop_participants_workshop", "workshop_participants", ["workshop_id"])
    op.create_table(
        "workshop_rounds",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.String(32), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(10), nullable=False),
        sa.Column("started", sa.DateTime(), nullable=False),
        sa.Column("closed", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_workshop_rounds_workshop", "workshop_rounds", ["workshop_id"])
    op.create_table(
        "workshop_questions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.String(32), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("workshop_rounds.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "participant_id",
            sa.String(32),
            sa.ForeignKey("workshop_participants.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("idem_key", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("participant_id", "idem_key", name="uq_workshop_questions_idem"),
    )
    op.create_index("ix_workshop_questions_workshop", "workshop_questions", ["workshop_id", "id"])
    op.create_table(
        "workshop_ratings",
        sa.Column(
            "question_id",
            sa.Integer(),
            sa.ForeignKey("workshop_questions.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("rating", sa.String(10), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "workshop_kernels",
        sa.Column("kernel_id", sa.String(64), primary_key=True),
        sa.Column(
            "participant_id",
            sa.String(32),
            sa.ForeignKey("workshop_participants.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("created", sa.DateTime(), nullable=False),
    )
