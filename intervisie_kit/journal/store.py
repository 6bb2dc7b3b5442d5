"""The journal store: SQLite by default, any SQLAlchemy URL (PostgreSQL) for a shared server.

Where it lives: ``--journal`` or ``INTERVISIE_KIT_JOURNAL`` (a file path or a database URL), else
``journal.sqlite`` in the user's data folder (platformdirs). A path inside the kit's own checkout is
refused, so reflections never end up in a repository. A new SQLite file is created with mode 0600 in
a folder with mode 0700.

Every read and write names the trainee; no call returns another trainee's entries. On a single laptop
the page uses the one local trainee (:meth:`Journal.local_trainee`); at a startdag the participant the
server bound the kernel to. On a JupyterHub (``docs/hub.md``) the page serves the hub user
(:meth:`Journal.hub_trainee`) and connects as that user's own PostgreSQL role: row-level security in the
database (migration 0004) then keeps every other trainee's rows out of reach, whatever code the kernel runs.

Writes are short transactions. On SQLite they start with ``BEGIN IMMEDIATE`` in WAL mode, so several
processes (kernels) can write to one file without losing entries, and a process killed mid-write
leaves the file as it was before that transaction. Reads are plain WAL reads on a second engine: they
never wait for a writer. A write that cannot get the lock within :data:`WRITE_WAIT` seconds ends in a
:class:`JournalError` that the page shows ("het dagboek is even bezet"), never in a traceback.

A relative path (also inside a ``sqlite:///`` URL) means: relative to the folder the command was started
in (``INTERVISIE_KIT_LAUNCH_DIR``, which ``intervisie-kit serve`` sets), never the page's own folder.
An existing journal file that others may read is tightened to 0600 (and the kit's own folder to 0700),
and the page says so.
"""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

__all__ = [
    "BUSY",
    "JOURNAL_ENV",
    "LAUNCH_DIR_ENV",
    "MAX_HUB_USER",
    "MAX_NAME",
    "MAX_TEXT",
    "MAX_TITLE",
    "NOT_SET_UP",
    "WRITE_WAIT",
    "Context",
    "Entry",
    "Erased",
    "Journal",
    "JournalError",
    "Notice",
    "Share",
    "Trainee",
    "default_location",
    "journal_url",
    "local_journal_file",
]

JOURNAL_ENV = "INTERVISIE_KIT_JOURNAL"
LAUNCH_DIR_ENV = "INTERVISIE_KIT_LAUNCH_DIR"  # where `serve` was started: relative journal paths mean this
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"  # the newest migration; tests/test_journal.py checks it against migrations/versions
#: Characters per answer. A long reflection fits, and so does the generated summary of a session with its
#: most questions (session.MAX_QUESTIONS x coach.MAX_QUESTION_CHARS); a pasted book does not.
MAX_TEXT = 300_000
MAX_NAME = 200  # characters in a trainee's name
MAX_TITLE = 300  # characters in a title or a context label
MAX_HUB_USER = 200  # characters in a JupyterHub user name (trainees.hub_user)
COMPACT_WAIT_MS = 1_000  # how long the compaction after an erase waits for readers before it is postponed
WRITE_WAIT = 15.0  # seconds a write waits for other processes' writes before it says the journal is busy

metadata = sa.MetaData()
trainees = sa.Table(
    "trainees",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created", sa.DateTime(), nullable=False),
    # "local": the laptop's own trainee (or one added by hand); "workshop": a startdag participant.
    sa.Column("origin", sa.String(20), nullable=False, server_default="local"),
    # On a hub (migration 0004): the JupyterHub user this trainee is, and the PostgreSQL role their
    # single-user server logs in as; row-level security lets that role reach only this row and its entries.
    sa.Column("hub_user", sa.String(MAX_HUB_USER), nullable=True),
    sa.Column("db_role", sa.String(63), nullable=True),
    sa.Index("ux_trainees_hub_user", "hub_user", unique=True),
)
#: ``trainees.origin`` of the trainees a startdag workshop makes for its participants.
ORIGIN_WORKSHOP = "workshop"
entries = sa.Table(
    "entries",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("trainee_id", sa.String(32), sa.ForeignKey("trainees.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created", sa.DateTime(), nullable=False),
    sa.Column("updated", sa.DateTime(), nullable=False),
    sa.Column("template", sa.String(80), nullable=False),
    sa.Column("context_kind", sa.String(20), nullable=False),
    sa.Column("context_label", sa.String(300), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("answers", sa.JSON(), nullable=False),
    sa.Column("figures", sa.JSON(), nullable=True),
    sa.Column("share", sa.String(20), nullable=False),
    sa.Column("shared_at", sa.DateTime(), nullable=True),
)


class JournalError(Exception):
    """A problem the trainee or trainer can act on, in Dutch and English."""

    def __init__(self, nl: str, en: str):
        super().__init__(nl)
        self.nl, self.en = nl, en

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl


class Share(StrEnum):
    PRIVATE = "private"  # only the trainee sees it (the default)
    SUPERVISOR = "supervisor"  # the trainee chose to share it with their supervisor or trainer


class Context(StrEnum):
    MEETING = "meeting"  # an intervisie meeting
    EXERCISE = "exercise"  # an exercise set (page 07)
    PRACTICE = "practice"  # a practice round with the question coach (page 04)
    SESSION = "session"  # a session the trainee facilitated (page 05)
    STARTDAG = "startdag"
    TRAJECTORY = "trajectory"  # the whole trajectory (final evaluation)
    OTHER = "other"


@dataclass(frozen=True)
class Trainee:
    id: str
    name: str
    created: datetime
    origin: str = "local"  # trainees.origin: "local", "workshop", or on a hub "hub" / "startdag"


@dataclass(frozen=True)
class Entry:
    id: int
    trainee_id: str
    created: datetime
    updated: datetime
    template: str
    context_kind: Context
    context_label: str
    title: str
    answers: Mapping[str, Any]
    figures: Mapping[str, Any] | None
    share: Share
    shared_at: datetime | None

    @property
    def shared(self) -> bool:
        return self.share is Share.SUPERVISOR


@dataclass(frozen=True)
class Erased:
    """What 'Wis mijn gegevens' deleted; ``compacted`` is False while another connection holds the file."""

    entries: int
    shared_entries: int
    trainee: bool
    compacted: bool = True


@dataclass(frozen=True)
class Notice:
    """Something the page should tell the trainee about the journal file, in Dutch and English."""

    nl: str
    en: str

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl


def default_location() -> Path:
    import platformdirs

    return platformdirs.user_data_path("intervisie-kit", appauthor=False) / "journal.sqlite"


def _checkout_root() -> Path | None:
    """The kit's source tree when running from a checkout; reflections must never be written there."""
    from ..paths import PACKAGE_DIR

    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").exists() or (root / ".git").exists() else None


def _base_dir() -> Path:
    launched = os.environ.get(LAUNCH_DIR_ENV, "").strip()
    return Path(launched) if launched else Path.cwd()


def _inside_kit(path: Path) -> JournalError | None:
    root = _checkout_root()
    if root is None or not path.is_relative_to(root.resolve()):
        return None
    return JournalError(
        f"Het dagboek mag niet in de map van de kit staan ({path}): reflecties horen niet in een "
        "repository. Kies een map buiten de kit of laat de instelling leeg.",
        f"The journal may not live inside the kit's folder ({path}): reflections do not belong in a "
        "repository. Choose a folder outside the kit or leave the setting empty.",
    )


def _absolute(raw: str) -> Path:
    path = Path(raw).expanduser()
    return (path if path.is_absolute() else _base_dir() / path).resolve()


def journal_url(location: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of the journal: the option, else the environment, else the user data folder.

    Every SQLite location, given as a path or inside a URL, comes back as an absolute path, and one inside
    the kit's own tree is refused.
    """
    raw = str(location) if location else os.environ.get(JOURNAL_ENV, "").strip()
    if "://" in raw:
        try:
            url = sa.make_url(raw)
        except sa.exc.ArgumentError as exc:
            raise JournalError(
                f"Dit is geen geldig adres voor het dagboek: {raw[:200]!r}.",
                f"This is not a valid journal address: {raw[:200]!r}.",
            ) from exc
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return raw
        path = _absolute(url.database)
        if (problem := _inside_kit(path)) is not None:
            raise problem
        return url.set(database=str(path)).render_as_string(hide_password=False)
    path = _absolute(raw) if raw else default_location().resolve()
    if (problem := _inside_kit(path)) is not None:
        raise problem
    return f"sqlite:///{path}"


def local_journal_file() -> Path | None:
    """The journal's own file when it is a local SQLite file (files that belong with it live next to it),
    ``None`` for a database server or a location that is refused."""
    try:
        url = sa.make_url(journal_url())
    except (JournalError, sa.exc.ArgumentError):
        return None
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _prepare_sqlite_file(path: Path) -> list[Notice]:
    """Create the folder (0700) and an empty file (0600) before SQLite does, with its default 0644.

    An existing file (and its -wal/-shm) that others may read is tightened to 0600; the kit's own data
    folder to 0700. A folder the trainee chose is theirs: it is only mentioned.
    """
    notices: list[Notice] = []
    own_folder = path.parent == default_location().parent
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    # SQLite gives the -wal and -shm files the permissions of the database file.
    loose = []
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(part.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            try:
                part.chmod(0o600)
                loose.append(part.name)
            except OSError:
                notices.append(Notice(f"{part} is leesbaar voor anderen.", f"{part} is readable by others."))
    if loose:
        notices.append(
            Notice(
                f"Je dagboekbestand was leesbaar voor andere gebruikers van deze computer; dat is nu alleen "
                f"voor jou ({', '.join(loose)}: 0600).",
                f"Your journal file was readable by other users of this computer; it is now yours alone "
                f"({', '.join(loose)}: 0600).",
            )
        )
    folder_mode = stat.S_IMODE(path.parent.stat().st_mode)
    if folder_mode & 0o077:
        if own_folder:
            path.parent.chmod(0o700)
            notices.append(
                Notice(
                    f"De map van je dagboek was zichtbaar voor anderen; dat is nu alleen voor jou ({path.parent}).",
                    f"Your journal's folder was visible to others; it is now yours alone ({path.parent}).",
                )
            )
        else:
            notices.append(
                Notice(
                    f"Andere gebruikers van deze computer kunnen de map {path.parent} inzien (niet je dagboek "
                    "zelf). Kies een eigen map als je dat niet wilt.",
                    f"Other users of this computer can list the folder {path.parent} (not your journal itself). "
                    "Choose a private folder if you do not want that.",
                )
            )
    return notices


def _sqlite_engine(url: sa.URL, *, write: bool) -> Engine:
    # A writer waits WRITE_WAIT for another writer; a reader never waits in WAL mode, except for the
    # brief exclusive moment of a compaction after 'Wis mijn gegevens'.
    engine = sa.create_engine(url, connect_args={"timeout": WRITE_WAIT}, poolclass=sa.pool.NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted reflections are overwritten, not left in free pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the write lock at the start: no deadlock between two readers that both want to
        # write. Readers take a snapshot and never wait.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")

    return engine


def _busy(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "locked" in text or "busy" in text


NOT_SET_UP = JournalError(
    "Je dagboek is nog niet ingericht; vraag de beheerder.",
    "Your journal has not been set up yet; ask the administrator.",
)


BUSY = JournalError(
    "Het dagboek is even bezet (een andere pagina of programma schrijft erin). Er is niets verloren: "
    "je tekst staat er nog. Probeer het over een paar seconden opnieuw.",
    "The journal is busy for a moment (another page or program is writing to it). Nothing is lost: your "
    "text is still here. Try again in a few seconds.",
)


class Journal:
    """The reflection journal. Every method takes the trainee it acts for."""

    def __init__(self, location: str | os.PathLike[str] | None = None):
        self.url = sa.make_url(journal_url(location))
        self.notices: list[Notice] = []
        if self.url.get_backend_name() == "sqlite":
            if self.url.database in (None, "", ":memory:"):
                raise JournalError("Het dagboek heeft een bestand nodig.", "The journal needs a file.")
            self.path: Path | None = Path(self.url.database)
            self.notices = _prepare_sqlite_file(self.path)
            self.engine = _sqlite_engine(self.url, write=True)
            self.reader = _sqlite_engine(self.url, write=False)
        else:
            self.path = None
            self.engine = sa.create_engine(self.url, pool_pre_ping=True)
            self.reader = self.engine
        self._upgrade()
        self.finish_compaction()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction; a lock that cannot be had in time becomes :data:`BUSY`, not a traceback."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            if _busy(exc):
                raise BUSY from exc
            raise

    # -- schema ------------------------------------------------------------------------------------

    def _upgrade(self) -> None:
        """Bring the schema to the newest version (a journal from an older kit is upgraded in place)."""
        if self._current_version() == HEAD:  # the usual case: no need to load alembic at all
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self._write() as conn:
                if conn.dialect.name == "postgresql":  # one migrating process at a time
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(74657)")
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.ProgrammingError as exc:
            # A hub user's own role may not migrate: the hub has not prepared (or upgraded) this database.
            if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
                raise NOT_SET_UP from exc
            raise

    def _current_version(self) -> str | None:
        try:
            return self.schema_version()
        except sa.exc.DBAPIError:  # a new, empty journal has no version table yet
            return None

    def schema_version(self) -> str | None:
        with self.reader.connect() as conn:
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    def close(self) -> None:
        self.finish_compaction()
        self.engine.dispose()
        self.reader.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- trainees ----------------------------------------------------------------------------------

    def add_trainee(self, name: str = "") -> Trainee:
        trainee = Trainee(uuid.uuid4().hex, _clean(name, MAX_NAME), _now())
        with self._write() as conn:
            conn.execute(trainees.insert().values(id=trainee.id, name=trainee.name, created=trainee.created))
        return trainee

    def trainee(self, trainee_id: str) -> Trainee:
        with self.reader.connect() as conn:
            row = conn.execute(trainees.select().where(trainees.c.id == trainee_id)).first()
        if row is None:
            raise JournalError("Deze deelnemer bestaat niet (meer).", "This trainee does not exist (any more).")
        return Trainee(row.id, row.name, row.created, row.origin)

    def hub_trainee(self, hub_user: str) -> Trainee:
        """The trainee of a hub user (``trainees.hub_user``); :class:`JournalError` when the hub made none.

        Connected as a hub user's own role, row-level security shows only that user's row, so asking for
        someone else's finds nothing, just like asking for a user who does not exist.
        """
        if not hub_user or len(hub_user) > MAX_HUB_USER:
            raise NOT_SET_UP
        with self.reader.connect() as conn:
            row = conn.execute(trainees.select().where(trainees.c.hub_user == hub_user)).first()
        if row is None:
            raise NOT_SET_UP
        return Trainee(row.id, row.name, row.created, row.origin)

    def local_trainee(self) -> Trainee:
        """The one trainee of a single-laptop journal: the first one, created when there is none.

        Trainees a startdag workshop made for its participants (``origin = "workshop"``) never count: the
        trainer's laptop keeps its own identity, also after a workshop that kept shared entries. Trainees of
        hub users never count either, and on a hub (``INTERVISIE_KIT_HUB=1``) there is no local trainee:
        the page serves the hub user (:meth:`hub_trainee`), and making a row here would be wrong.
        """
        from ..hub import is_hub  # light: no SQLAlchemy, no JupyterHub

        if is_hub():
            raise NOT_SET_UP
        with self.reader.connect() as conn:
            row = conn.execute(
                trainees.select()
                .where(trainees.c.origin != ORIGIN_WORKSHOP, trainees.c.hub_user.is_(None))
                .order_by(trainees.c.created, trainees.c.id)
                .limit(1)
            ).first()
        return Trainee(row.id, row.name, row.created) if row is not None else self.add_trainee()

    def rename(self, trainee_id: str, name: str) -> Trainee:
        with self._write() as conn:
            conn.execute(trainees.update().where(trainees.c.id == trainee_id).values(name=_clean(name, MAX_NAME)))
        return self.trainee(trainee_id)

    # -- entries -----------------------------------------------------------------------------------

    def add(
        self,
        trainee_id: str,
        *,
        template: str,
        answers: Mapping[str, Any],
        title: str = "",
        context: Context | str = Context.MEETING,
        context_label: str = "",
        figures: Mapping[str, Any] | None = None,
        share: Share | str = Share.PRIVATE,
    ) -> Entry:
        now = _now()
        share = Share(share)
        values = {
            "trainee_id": trainee_id,
            "created": now,
            "updated": now,
            "template": _clean(template, 80),
            "context_kind": Context(context).value,
            "context_label": _clean(context_label, MAX_TITLE),
            "title": _clean(title, MAX_TITLE),
            "answers": _clean_answers(answers),
            "figures": dict(figures) if figures is not None else None,
            "share": share.value,
            "shared_at": now if share is Share.SUPERVISOR else None,
        }
        with self._write() as conn:
            self._require_trainee(conn, trainee_id)
            entry_id = conn.execute(entries.insert().values(**values)).inserted_primary_key[0]  # type: ignore[index]
        return self.get(trainee_id, entry_id)

    def update(
        self,
        trainee_id: str,
        entry_id: int,
        *,
        answers: Mapping[str, Any] | None = None,
        title: str | None = None,
        context_label: str | None = None,
    ) -> Entry:
        values: dict[str, Any] = {"updated": _now()}
        if answers is not None:
            values["answers"] = _clean_answers(answers)
        if title is not None:
            values["title"] = _clean(title, MAX_TITLE)
        if context_label is not None:
            values["context_label"] = _clean(context_label, MAX_TITLE)
        self._update(trainee_id, entry_id, values)
        return self.get(trainee_id, entry_id)

    def set_share(self, trainee_id: str, entry_id: int, share: Share | str) -> Entry:
        share = Share(share)
        shared_at = _now() if share is Share.SUPERVISOR else None
        self._update(trainee_id, entry_id, {"share": share.value, "shared_at": shared_at})
        return self.get(trainee_id, entry_id)

    def delete(self, trainee_id: str, entry_id: int) -> None:
        with self._write() as conn:
            done = conn.execute(entries.delete().where(_own(trainee_id, entry_id))).rowcount
        if not done:
            raise _not_found()

    def get(self, trainee_id: str, entry_id: int) -> Entry:
        with self.reader.connect() as conn:
            row = conn.execute(entries.select().where(_own(trainee_id, entry_id))).first()
        if row is None:
            raise _not_found()
        return _entry(row)

    def entries(
        self,
        trainee_id: str,
        *,
        shared_only: bool = False,
        context: Context | str | None = None,
        templates: Iterable[str] | None = None,
    ) -> list[Entry]:
        """The trainee's entries, oldest first."""
        query = entries.select().where(entries.c.trainee_id == trainee_id)
        if shared_only:
            query = query.where(entries.c.share == Share.SUPERVISOR.value)
        if context is not None:
            query = query.where(entries.c.context_kind == Context(context).value)
        if templates is not None:
            query = query.where(entries.c.template.in_(list(templates)))
        with self.reader.connect() as conn:
            rows = conn.execute(query.order_by(entries.c.created, entries.c.id)).all()
        return [_entry(r) for r in rows]

    def erase_trainee(self, trainee_id: str) -> Erased:
        """Delete everything of one trainee: their entries and the trainee record itself.

        A hub user's record stays, emptied of its name: it only ties the hub user to their database role
        (which may not delete it under row-level security); the hub's ``HubDatabase.erase_user`` removes
        it together with the role when the user leaves the hub.
        """
        with self._write() as conn:
            hub_user = conn.execute(sa.select(trainees.c.hub_user).where(trainees.c.id == trainee_id)).scalar()
            shared = conn.execute(
                sa.select(sa.func.count())
                .select_from(entries)
                .where(entries.c.trainee_id == trainee_id, entries.c.share == Share.SUPERVISOR.value)
            ).scalar_one()
            count = conn.execute(entries.delete().where(entries.c.trainee_id == trainee_id)).rowcount
            if hub_user is None:
                gone = conn.execute(trainees.delete().where(trainees.c.id == trainee_id)).rowcount
            else:
                gone = 0
                conn.execute(trainees.update().where(trainees.c.id == trainee_id).values(name=""))
        compacted = self._compact() if self.path is not None else True
        return Erased(entries=count, shared_entries=shared, trainee=bool(gone), compacted=compacted)

    @property
    def _pending_marker(self) -> Path | None:
        return self.path.with_name(self.path.name + "-compact-pending") if self.path is not None else None

    def _compact(self) -> bool:
        """Move the deletion out of the WAL into the (securely overwritten) file, shrink it, empty the WAL.

        Another connection that is reading at this moment (another page, a backup program) keeps SQLite
        from finishing. Then a marker file remembers it, and the next journal that opens or closes this
        file finishes the job (:meth:`finish_compaction`); SQLite itself also checkpoints the WAL when the
        last connection closes. The rows are gone either way; what waits is the old bytes.
        """
        marker = self._pending_marker
        assert marker is not None
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            conn.execute(f"PRAGMA busy_timeout={COMPACT_WAIT_MS}")  # type: ignore[union-attr]
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()  # type: ignore[union-attr]
            if busy:
                raise RuntimeError("checkpoint blocked by a reader")
            conn.execute("VACUUM")  # type: ignore[union-attr]
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()  # type: ignore[union-attr]
            if busy:
                raise RuntimeError("checkpoint blocked by a reader")
        except Exception:
            marker.touch(mode=0o600, exist_ok=True)
            return False
        finally:
            raw.close()
        marker.unlink(missing_ok=True)
        return True

    def finish_compaction(self) -> bool:
        """Finish a compaction an erase could not complete; True when none is pending any more."""
        marker = self._pending_marker
        if marker is None or not marker.exists():
            return True
        return self._compact()

    def _update(self, trainee_id: str, entry_id: int, values: Mapping[str, Any]) -> None:
        with self._write() as conn:
            done = conn.execute(entries.update().where(_own(trainee_id, entry_id)).values(**values)).rowcount
        if not done:
            raise _not_found()

    @staticmethod
    def _require_trainee(conn: sa.Connection, trainee_id: str) -> None:
        if conn.execute(sa.select(trainees.c.id).where(trainees.c.id == trainee_id)).first() is None:
            raise JournalError("Deze deelnemer bestaat niet (meer).", "This trainee does not exist (any more).")


def _own(trainee_id: str, entry_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(entries.c.id == entry_id, entries.c.trainee_id == trainee_id)


def _not_found() -> JournalError:
    return JournalError("Deze reflectie bestaat niet (meer).", "This reflection does not exist (any more).")


def _clean(text: str, limit: int) -> str:
    text = (text or "").replace("\x00", "").strip()
    if len(text) > limit:
        raise JournalError(
            f"Deze tekst is te lang ({len(text)} tekens, hooguit {limit}).",
            f"This text is too long ({len(text)} characters, at most {limit}).",
        )
    return text


def _clean_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if isinstance(value, str):
            value = value.replace("\x00", "")
            if len(value) > MAX_TEXT:
                raise JournalError(
                    f"Het antwoord is te lang ({len(value)} tekens, hooguit {MAX_TEXT}).",
                    f"The answer is too long ({len(value)} characters, at most {MAX_TEXT}).",
                )
        elif value is not None and not isinstance(value, int | float | bool):
            raise JournalError("Een antwoord moet tekst of een getal zijn.", "An answer must be text or a number.")
        out[str(key)] = value
    return out


_CONTEXTS = {c.value for c in Context}
_SHARES = {s.value for s in Share}


def _entry(row: sa.Row[Any]) -> Entry:
    return Entry(
        id=row.id,
        trainee_id=row.trainee_id,
        created=row.created,
        updated=row.updated,
        template=row.template,
        context_kind=Context(row.context_kind) if row.context_kind in _CONTEXTS else Context.OTHER,
        context_label=row.context_label,
        title=row.title,
        answers=dict(row.answers or {}),
        figures=dict(row.figures) if row.figures else None,
        share=Share(row.share) if row.share in _SHARES else Share.PRIVATE,
        shared_at=row.shared_at,
    )
