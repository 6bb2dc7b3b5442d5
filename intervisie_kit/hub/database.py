"""One PostgreSQL journal for a whole hub, in which every hub user reaches only their own rows.

The hub process and the hub services use the **owner role** (``INTERVISIE_KIT_HUB_DB``), the one that ran
the migrations. Every hub user gets an own LOGIN role, ``{ns}_u_<hash>``, member of the group role
``{ns}_trainee``; row-level security (migration 0004, :func:`secure`) lets such a role see and change only
the ``trainees`` row whose ``db_role`` is that role, and that row's entries. The trainers' service reads
through a LOGIN role in ``{ns}_reader``, which sees every trainee and only the shared entries.

Roles are cluster-wide in PostgreSQL, so every name carries the database's namespace
``ns = "ik_" + sha256(database name)[:6]``: several institutes (or parallel tests) can share a cluster.
No role name ever contains user text: a hub user's role is named by a hash of the user name, and all DDL
is composed with :mod:`psycopg.sql` (identifiers and literals quoted by the driver). A password is
encrypted on the client (libpq's ``PQencryptPasswordConn``) before it is sent, so the plain password never
reaches the server's statement log.

The owner role needs ``CREATEROLE`` (or to be a superuser) for :meth:`HubDatabase.prepare`,
:meth:`HubDatabase.user_url` and :meth:`HubDatabase.reader_url`.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from psycopg import sql

from ..journal.store import MAX_HUB_USER, MAX_NAME, Journal, JournalError, entries, trainees
from . import DB_HOST_ENV, ORIGIN_HUB, ORIGIN_STARTDAG, TRAINER_SERVICE

__all__ = [
    "MAX_SERVICE",
    "MIGRATION_LOCK",
    "USER_CONNECTION_LIMIT",
    "HubDatabase",
    "drop_namespace_roles",
    "namespace",
    "reader_group",
    "role_name",
    "secure",
    "trainee_group",
]

MIGRATION_LOCK = 74657  # the advisory lock the Journal takes while it migrates; prepare() takes it too
ROLE_LOCK = 74658  # first key of the per-role advisory lock (second key: hashtext(role))
USER_CONNECTION_LIMIT = 30  # connections one hub user's role may hold: a kernel cannot starve the database
MAX_SERVICE = 100  # characters in a service name given to reader_url()
PASSWORD_BYTES = 32  # secrets.token_urlsafe(32): 43 characters
ORIGINS = (ORIGIN_HUB, ORIGIN_STARTDAG)
_POLICIES = ("ik_trainee_own_trainees", "ik_trainee_own_entries", "ik_reader_trainees", "ik_reader_shared_entries")


def namespace(database: str) -> str:
    """The prefix of every role that belongs to this database: ``ik_`` + six hex digits."""
    return "ik_" + hashlib.sha256(database.encode()).hexdigest()[:6]


def trainee_group(database: str) -> str:
    """The NOLOGIN group role every hub user's role is a member of (``ik_trainee`` in docs/hub.md)."""
    return f"{namespace(database)}_trainee"


def reader_group(database: str) -> str:
    """The NOLOGIN group role of the trainers' service (``ik_trainer_reader`` in docs/hub.md)."""
    return f"{namespace(database)}_reader"


def role_name(database: str, hub_user: str) -> str:
    """The LOGIN role of one hub user: namespace + a hash of the user name, never the name itself."""
    return f"{namespace(database)}_u_{hashlib.sha256(hub_user.encode()).hexdigest()[:20]}"


def _service_role(database: str, service: str) -> str:
    return f"{namespace(database)}_svc_{hashlib.sha256(service.encode()).hexdigest()[:12]}"


def _run(conn: sa.Connection, statement: sql.Composable) -> None:
    """Execute DDL composed with psycopg.sql: the driver quotes every identifier and literal.

    Straight on the driver's connection (the same transaction): without parameters psycopg reads no
    placeholders, so a ``%`` in a quoted literal stays a ``%``.
    """
    raw = conn.connection.driver_connection
    with raw.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(statement)


def _role_exists(conn: sa.Connection, role: str) -> bool:
    return conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def _may_create_roles(conn: sa.Connection) -> bool:
    row = conn.execute(sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).first()
    return bool(row and row[0])


def _policy(conn: sa.Connection, table: str, name: str, role: str, clause: str) -> None:
    """Create the policy, or re-create it when it names another role (the database was renamed)."""
    row = conn.execute(
        sa.text(
            "SELECT roles::text[] FROM pg_policies "
            "WHERE schemaname = current_schema() AND tablename = :t AND policyname = :p"
        ),
        {"t": table, "p": name},
    ).first()
    if row is not None and list(row[0]) == [role]:
        return
    if row is not None:
        _run(conn, sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(name), sql.Identifier(table)))
    # ``clause`` is one of the fixed texts in secure(), never user text.
    _run(
        conn,
        sql.SQL("CREATE POLICY {} ON {} {}").format(
            sql.Identifier(name), sql.Identifier(table), sql.SQL(clause).format(role=sql.Identifier(role))
        ),
    )


def secure(conn: sa.Connection, *, required: bool = True) -> bool:
    """Group roles, row-level security, grants and policies of docs/hub.md; idempotent.

    Runs in the caller's transaction, which should hold the advisory lock :data:`MIGRATION_LOCK`. Returns
    False (changing nothing) when a group role is missing and this role may not create it and ``required``
    is False; raises :class:`JournalError` when it is True.
    """
    database = conn.execute(sa.text("SELECT current_database()")).scalar_one()
    trainee, reader = trainee_group(database), reader_group(database)
    missing = [r for r in (trainee, reader) if not _role_exists(conn, r)]
    if missing and not _may_create_roles(conn):
        if not required:
            return False
        raise JournalError(
            "De database-eigenaar van het dagboek mag geen rollen aanmaken (CREATEROLE ontbreekt); "
            "vraag de beheerder de hub-database in te richten.",
            "The journal's database owner may not create roles (CREATEROLE is missing); ask the "
            "administrator to set up the hub database.",
        )
    for role in missing:
        _run(conn, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
    for table in ("trainees", "entries"):
        enabled = conn.execute(
            sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(:t)"), {"t": table}
        ).scalar_one()
        if not enabled:  # checked first: ALTER TABLE takes an exclusive lock
            _run(conn, sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(sql.Identifier(table)))
    sequence = conn.execute(sa.text("SELECT pg_get_serial_sequence('entries', 'id')")).scalar_one()
    t, r = sql.Identifier(trainee), sql.Identifier(reader)
    for statement in (
        sql.SQL("GRANT SELECT, UPDATE (name) ON trainees TO {}").format(t),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON entries TO {}").format(t),
        sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(sql.SQL(sequence), t),  # the server's own qualified name
        sql.SQL("GRANT SELECT ON trainees, entries, alembic_version TO {}").format(r),
        sql.SQL("GRANT SELECT ON alembic_version TO {}").format(t),
    ):
        _run(conn, statement)
    own = "(db_role = (current_user)::text)"
    own_entries = "(trainee_id IN (SELECT id FROM trainees WHERE db_role = (current_user)::text))"
    _policy(conn, "trainees", _POLICIES[0], trainee, f"FOR ALL TO {{role}} USING {own} WITH CHECK {own}")
    _policy(conn, "entries", _POLICIES[1], trainee, f"FOR ALL TO {{role}} USING {own_entries} WITH CHECK {own_entries}")
    _policy(conn, "trainees", _POLICIES[2], reader, "FOR SELECT TO {role} USING (true)")
    _policy(conn, "entries", _POLICIES[3], reader, "FOR SELECT TO {role} USING (share = 'supervisor')")
    return True


def drop_namespace_roles(server_url: str, database: str) -> list[str]:
    """Drop every role of ``database``'s namespace (after the database itself was dropped); their names.

    For tests and for taking an institute's journal out of service. ``server_url`` is any database of the
    cluster as a role that may drop these roles.
    """
    prefix = namespace(database) + "_"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            names = [
                r[0]
                for r in conn.execute(
                    sa.text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p) ORDER BY rolname"),
                    {"p": prefix},
                )
            ]
            # Members before groups: a group role cannot go while it still names members in a grant.
            for name in sorted(names, key=lambda n: n.endswith(("_trainee", "_reader"))):
                _run(conn, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        engine.dispose()
    return names


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class HubDatabase:
    """The hub's side of the journal: prepares the database and hands each hub user an own role."""

    def __init__(self, admin_url: str):
        try:
            self.url = sa.make_url(admin_url)
        except sa.exc.ArgumentError as exc:
            raise JournalError(
                "Het adres van de hub-database is ongeldig.", "The hub database address is not valid."
            ) from exc
        if self.url.drivername == "postgresql":  # SQLAlchemy's default driver would be psycopg2
            self.url = self.url.set(drivername="postgresql+psycopg")
        if self.url.drivername != "postgresql+psycopg" or not self.url.database:
            raise JournalError(
                "De hub heeft een PostgreSQL-database nodig (postgresql+psycopg://…/naam).",
                "The hub needs a PostgreSQL database (postgresql+psycopg://…/name).",
            )
        self.database: str = self.url.database
        self.ns = namespace(self.database)
        self.engine = sa.create_engine(self.url, pool_pre_ping=True, pool_size=2, max_overflow=4)

    # -- names -------------------------------------------------------------------------------------

    def role_name(self, hub_user: str) -> str:
        """``{ns}_u_`` + sha256(hub_user)[:20]."""
        return role_name(self.database, hub_user)

    # -- schema ------------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Migrate to HEAD, then the roles, row-level security, grants and policies; idempotent.

        Two processes may prepare at once: both the Journal's migration and this step hold the same
        advisory lock, and every step first looks whether it was done.
        """
        Journal(self.url.render_as_string(hide_password=False)).close()
        with self.engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            secure(conn, required=True)

    # -- roles -------------------------------------------------------------------------------------

    def user_url(self, hub_user: str, *, display_name: str | None = None, origin: str = ORIGIN_HUB) -> str:
        """The journal URL for one hub user: their own role with a new password (the old one stops working).

        Creates the role and the user's ``trainees`` row when missing. ``display_name`` becomes the row's
        name when the row is made (cut to MAX_NAME); a name the trainee chose later on page 06 stays.
        """
        hub_user = _hub_user(hub_user)
        if origin not in ORIGINS:
            raise ValueError(f"origin must be one of {ORIGINS}")
        role = self.role_name(hub_user)
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        name = _CONTROL.sub("", display_name or "").strip()[:MAX_NAME]
        with self.engine.begin() as conn:
            self._lock_role(conn, role)
            self._login_role(conn, role, trainee_group(self.database), password, limit=USER_CONNECTION_LIMIT)
            row = conn.execute(
                sa.select(trainees.c.id, trainees.c.db_role).where(trainees.c.hub_user == hub_user)
            ).first()
            if row is None:
                conn.execute(
                    trainees.insert().values(
                        id=uuid.uuid4().hex, name=name, created=_now(), origin=origin, hub_user=hub_user, db_role=role
                    )
                )
            elif row.db_role != role:  # the database was renamed or restored under another name
                conn.execute(trainees.update().where(trainees.c.id == row.id).values(db_role=role))
        return self._url(role, password)

    def reader_url(self, service: str = TRAINER_SERVICE) -> str:
        """A LOGIN role in the reader group for one service, with a new password; its journal URL.

        Call it once per process and keep the URL: a second call makes the first password invalid.
        """
        if not service or len(service) > MAX_SERVICE:
            raise ValueError(f"a service name has 1 to {MAX_SERVICE} characters")
        role = _service_role(self.database, service)
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        with self.engine.begin() as conn:
            self._lock_role(conn, role)
            self._login_role(conn, role, reader_group(self.database), password, limit=None)
        return self._url(role, password)

    def erase_user(self, hub_user: str) -> int:
        """Delete the user's trainee row (entries cascade) and drop their role; the number of entries erased."""
        hub_user = _hub_user(hub_user)
        role = self.role_name(hub_user)
        with self.engine.begin() as conn:
            self._lock_role(conn, role)
            ids = [r[0] for r in conn.execute(sa.select(trainees.c.id).where(trainees.c.hub_user == hub_user))]
            count = 0
            if ids:
                count = conn.execute(
                    sa.select(sa.func.count()).select_from(entries).where(entries.c.trainee_id.in_(ids))
                ).scalar_one()
                conn.execute(trainees.delete().where(trainees.c.id.in_(ids)))
            _run(conn, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
        return int(count)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> HubDatabase:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _lock_role(conn: sa.Connection, role: str) -> None:
        # Two spawns of one user at once: one creates the role, the other waits and then finds it.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:a, hashtext(:r))"), {"a": ROLE_LOCK, "r": role})

    def _login_role(self, conn: sa.Connection, role: str, group: str, password: str, *, limit: int | None) -> None:
        if not _role_exists(conn, group):
            raise JournalError(
                "De hub-database is nog niet ingericht (prepare ontbreekt); vraag de beheerder.",
                "The hub database has not been set up yet (prepare is missing); ask the administrator.",
            )
        raw = conn.connection.driver_connection
        verifier = raw.pgconn.encrypt_password(password.encode(), role.encode()).decode()  # type: ignore[union-attr]
        options: list[sql.Composable] = [sql.SQL("LOGIN"), sql.SQL("PASSWORD {}").format(sql.Literal(verifier))]
        if limit is not None:
            options.append(sql.SQL("CONNECTION LIMIT {}").format(sql.Literal(limit)))
        verb = "ALTER ROLE {} WITH " if _role_exists(conn, role) else "CREATE ROLE {} WITH "
        _run(conn, sql.SQL(verb).format(sql.Identifier(role)) + sql.SQL(" ").join(options))
        _run(conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))

    def _url(self, role: str, password: str) -> str:
        url = self.url.set(username=role, password=password)
        override = os.environ.get(DB_HOST_ENV, "").strip()
        if override:
            host, _, port = override.rpartition(":")
            if host and port.isdigit() and "]" not in port:
                url = url.set(host=host.strip("[]"), port=int(port))
            else:
                url = url.set(host=override.strip("[]"))
        return url.render_as_string(hide_password=False)


def _hub_user(hub_user: Any) -> str:
    if not isinstance(hub_user, str) or not hub_user.strip() or len(hub_user) > MAX_HUB_USER:
        raise ValueError(f"a hub user name has 1 to {MAX_HUB_USER} characters")
    if _CONTROL.search(hub_user):
        raise ValueError("a hub user name has no control characters")
    return hub_user
