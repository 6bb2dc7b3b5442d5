"""The kit on JupyterHub (issue 18): a trainee can be a hub user; on PostgreSQL each one reaches only their own rows.

All dialects: ``trainees.hub_user`` (the JupyterHub user name, unique, NULL for a laptop's trainee) and
``trainees.db_role`` (the PostgreSQL role that user's single-user server logs in as).

PostgreSQL only: the namespaced group roles, row-level security on ``trainees`` and ``entries`` (enabled,
not forced: the owner keeps full access), the grants and the policies of ``docs/hub.md``. They come from
:func:`intervisie_kit.hub.database.secure`, which ``HubDatabase.prepare()`` runs again (idempotent), so a
database restored elsewhere gets its roles back. An owner that may not create roles (no CREATEROLE: a
laptop's own PostgreSQL journal that never serves a hub) migrates without them; ``prepare()`` then says
what is missing. The Journal runs migrations under an advisory lock, so two processes never do this at once.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (no batch copy): recreating ``trainees`` would cascade-delete every entry. SQLite
    # cannot add a UNIQUE column, so uniqueness is a unique index on every dialect.
    op.add_column("trainees", sa.Column("hub_user", sa.String(200), nullable=True))
    op.add_column("trainees", sa.Column("db_role", sa.String(63), nullable=True))
    op.create_index("ux_trainees_hub_user", "trainees", ["hub_user"], unique=True)
    bind = op.get_bind()
    # The roles' DDL is composed with psycopg 3 (the kit's PostgreSQL driver); a journal opened through
    # another driver migrates without them, and HubDatabase.prepare() (psycopg 3 only) adds them.
    if bind.dialect.name == "postgresql" and bind.dialect.driver == "psycopg":
        from intervisie_kit.hub.database import secure

        secure(bind, required=False)
