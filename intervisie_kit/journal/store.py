"""The journal store: SQLite by default, any SQLAlchemy URL (PostgreSQL) for a shared server.

Where it lives: ``--journal`` or ``INTERVISIE_KIT_JOURNAL`` (a file path or a database URL), else
``journal.sqlite`` in the user's data folder (platformdirs). A path inside the kit's own checkout is
refused, so reflections never end up in a repository. A new SQLite file is created with mode 0600 in
a folder with mode 0700.

Every read and write names the trainee; no call returns another trainee's entries. On a single laptop
the page uses the one local trainee (:meth:`Journal.local_trainee`). For a shared server a later issue
adds a per-browser secret that maps to a trainee id; the store needs no change for that.

Writes are short transactions. On SQLite they start with ``BEGIN IMMEDIATE`` in WAL mode, so several
processes (kernels) can write to one file without losing entries, and a process killed mid-write
leaves the file as it was before that transaction.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

__all__ = [
    "JOURNAL_ENV",
    "Context",
    "Entry",
    "Erased",
    "Journal",
    "JournalError",
    "Share",
    "Trainee",
    "default_location",
    "journal_url",
]

JOURNAL_ENV = "INTERVISIE_KIT_JOURNAL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0002"  # the newest migration; tests/test_journal.py checks it against migrations/versions
MAX_TEXT = 50_000  # characters per answer: a long reflection fits, a pasted book does not

metadata = sa.MetaData()
trainees = sa.Table(
    "trainees",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created", sa.DateTime(), nullable=False),
)
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
    """What 'Wis mijn gegevens' deleted."""

    entries: int
    shared_entries: int
    trainee: bool


def default_location() -> Path:
    import platformdirs

    return platformdirs.user_data_path("intervisie-kit", appauthor=False) / "journal.sqlite"


def _checkout_root() -> Path | None:
    """The kit's source tree when running from a checkout; reflections must never be written there."""
    from ..paths import PACKAGE_DIR

    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").exists() or (root / ".git").exists() else None


def journal_url(location: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of the journal: the option, else the environment, else the user data folder."""
    raw = str(location) if location else os.environ.get(JOURNAL_ENV, "").strip()
    if "://" in raw:
        return raw
    path = Path(raw).expanduser() if raw else default_location()
    path = path.resolve()
    root = _checkout_root()
    if root is not None and path.is_relative_to(root.resolve()):
        raise JournalError(
            f"Het dagboek mag niet in de map van de kit staan ({path}): reflecties horen niet in een "
            "repository. Kies een map buiten de kit of laat de instelling leeg.",
            f"The journal may not live inside the kit's folder ({path}): reflections do not belong in a "
            "repository. Choose a folder outside the kit or leave the setting empty.",
        )
    return f"sqlite:///{path}"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite does, with its default 0644."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    # SQLite gives the -wal and -shm files the permissions of the database file.


def _sqlite_engine(url: sa.URL) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": 60}, poolclass=sa.pool.NullPool)

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
        # Take the write lock at the start: no deadlock between two readers that both want to write.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Journal:
    """The reflection journal. Every method takes the trainee it acts for."""

    def __init__(self, location: str | os.PathLike[str] | None = None):
        self.url = sa.make_url(journal_url(location))
        if self.url.get_backend_name() == "sqlite":
            if self.url.database in (None, "", ":memory:"):
                raise JournalError("Het dagboek heeft een bestand nodig.", "The journal needs a file.")
            self.path: Path | None = Path(self.url.database)
            _prepare_sqlite_file(self.path)
            self.engine = _sqlite_engine(self.url)
        else:
            self.path = None
            self.engine = sa.create_engine(self.url, pool_pre_ping=True)
        self._upgrade()

    # -- schema ------------------------------------------------------------------------------------

    def _upgrade(self) -> None:
        """Bring the schema to the newest version (a journal from an older kit is upgraded in place)."""
        if self._current_version() == HEAD:  # the usual case: no need to load alembic at all
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # one migrating process at a time
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(74657)")
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def _current_version(self) -> str | None:
        try:
            return self.schema_version()
        except sa.exc.DBAPIError:  # a new, empty journal has no version table yet
            return None

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- trainees ----------------------------------------------------------------------------------

    def add_trainee(self, name: str = "") -> Trainee:
        trainee = Trainee(uuid.uuid4().hex, _clean(name, 200), _now())
        with self.engine.begin() as conn:
            conn.execute(trainees.insert().values(id=trainee.id, name=trainee.name, created=trainee.created))
        return trainee

    def trainee(self, trainee_id: str) -> Trainee:
        with self.engine.connect() as conn:
            row = conn.execute(trainees.select().where(trainees.c.id == trainee_id)).first()
        if row is None:
            raise JournalError("Deze deelnemer bestaat niet (meer).", "This trainee does not exist (any more).")
        return Trainee(row.id, row.name, row.created)

    def local_trainee(self) -> Trainee:
        """The one trainee of a single-laptop journal: the first one, created when there is none."""
        with self.engine.connect() as conn:
            row = conn.execute(trainees.select().order_by(trainees.c.created, trainees.c.id).limit(1)).first()
        return Trainee(row.id, row.name, row.created) if row is not None else self.add_trainee()

    def rename(self, trainee_id: str, name: str) -> Trainee:
        with self.engine.begin() as conn:
            conn.execute(trainees.update().where(trainees.c.id == trainee_id).values(name=_clean(name, 200)))
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
            "context_label": _clean(context_label, 300),
            "title": _clean(title, 300),
            "answers": _clean_answers(answers),
            "figures": dict(figures) if figures is not None else None,
            "share": share.value,
            "shared_at": now if share is Share.SUPERVISOR else None,
        }
        with self.engine.begin() as conn:
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
            values["title"] = _clean(title, 300)
        if context_label is not None:
            values["context_label"] = _clean(context_label, 300)
        self._update(trainee_id, entry_id, values)
        return self.get(trainee_id, entry_id)

    def set_share(self, trainee_id: str, entry_id: int, share: Share | str) -> Entry:
        share = Share(share)
        shared_at = _now() if share is Share.SUPERVISOR else None
        self._update(trainee_id, entry_id, {"share": share.value, "shared_at": shared_at})
        return self.get(trainee_id, entry_id)

    def delete(self, trainee_id: str, entry_id: int) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(entries.delete().where(_own(trainee_id, entry_id))).rowcount
        if not done:
            raise _not_found()

    def get(self, trainee_id: str, entry_id: int) -> Entry:
        with self.engine.connect() as conn:
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
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(entries.c.created, entries.c.id)).all()
        return [_entry(r) for r in rows]

    def erase_trainee(self, trainee_id: str) -> Erased:
        """Delete everything of one trainee: their entries and the trainee record itself."""
        with self.engine.begin() as conn:
            shared = conn.execute(
                sa.select(sa.func.count())
                .select_from(entries)
                .where(entries.c.trainee_id == trainee_id, entries.c.share == Share.SUPERVISOR.value)
            ).scalar_one()
            count = conn.execute(entries.delete().where(entries.c.trainee_id == trainee_id)).rowcount
            gone = conn.execute(trainees.delete().where(trainees.c.id == trainee_id)).rowcount
        if self.path is not None:
            self._compact()
        return Erased(entries=count, shared_entries=shared, trainee=bool(gone))

    def _compact(self) -> None:
        """Move the deletion out of the WAL into the (securely overwritten) file and shrink it.

        Best effort: another kernel reading at this moment makes SQLite answer 'busy'; the rows are gone
        either way, and the next checkpoint overwrites the old pages.
        """
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
            raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        except Exception:
            pass
        finally:
            raw.close()

    def _update(self, trainee_id: str, entry_id: int, values: Mapping[str, Any]) -> None:
        with self.engine.begin() as conn:
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
