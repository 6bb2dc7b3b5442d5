"""The workshop's tables as SQLAlchemy sees them: a mirror of journal migration ``0003_workshop``.

The migration creates them (with their foreign keys, ON DELETE CASCADE); these definitions are what the
store's queries are built from. A column added here needs a migration too.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["kernels", "metadata", "participants", "questions", "ratings", "rounds", "workshops"]

metadata = sa.MetaData()
workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("code", sa.String(12), nullable=False),
    sa.Column("trainer_key_hash", sa.String(64), nullable=False),
    sa.Column("joining_open", sa.Boolean(), nullable=False),
    sa.Column("show_names", sa.Boolean(), nullable=False),
    sa.Column("case_title", sa.String(300), nullable=False),
    sa.Column("case_text", sa.Text(), nullable=False),
    sa.Column("case_id", sa.String(120), nullable=True),
    sa.Column("inbrenger_id", sa.String(32), nullable=True),
    sa.Column("live_session", sa.JSON(), nullable=True),
    sa.Column("version", sa.BigInteger(), nullable=False),
    sa.Column("created", sa.DateTime(), nullable=False),
    sa.Column("ended", sa.DateTime(), nullable=True),
)
participants = sa.Table(
    "workshop_participants",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("workshop_id", sa.String(32), nullable=False),
    sa.Column("trainee_id", sa.String(32), nullable=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("joined", sa.DateTime(), nullable=False),
    sa.Column("removed", sa.DateTime(), nullable=True),
)
rounds = sa.Table(
    "workshop_rounds",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("workshop_id", sa.String(32), nullable=False),
    sa.Column("number", sa.Integer(), nullable=False),
    sa.Column("rule", sa.String(10), nullable=False),
    sa.Column("started", sa.DateTime(), nullable=False),
    sa.Column("closed", sa.DateTime(), nullable=True),
)
questions = sa.Table(
    "workshop_questions",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("workshop_id", sa.String(32), nullable=False),
    sa.Column("round_id", sa.Integer(), nullable=False),
    sa.Column("participant_id", sa.String(32), nullable=False),
    sa.Column("idem_key", sa.String(64), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("flags", sa.JSON(), nullable=False),
    sa.Column("created", sa.DateTime(), nullable=False),
    sa.Column("hidden", sa.Boolean(), nullable=False),
    sa.Column("pinned", sa.Boolean(), nullable=False),
)
ratings = sa.Table(
    "workshop_ratings",
    metadata,
    sa.Column("question_id", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("rating", sa.String(10), nullable=False),
    sa.Column("created", sa.DateTime(), nullable=False),
    sa.Column("updated", sa.DateTime(), nullable=False),
)
kernels = sa.Table(
    "workshop_kernels",
    metadata,
    sa.Column("kernel_id", sa.String(64), primary_key=True),
    sa.Column("participant_id", sa.String(32), nullable=True),
    sa.Column("created", sa.DateTime(), nullable=False),
)
