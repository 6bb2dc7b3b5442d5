"""The workshop's data in the journal database: one trainer, a room of participants, the question wall.

:class:`WorkshopStore` wraps a :class:`~intervisie_kit.journal.Journal` and uses its two engines: writes
are the journal's short ``BEGIN IMMEDIATE`` transactions (a lock that cannot be had in time is the
journal's ``BUSY`` message), reads are snapshot reads that never wait. Every write starts by bumping
``workshops.version`` of the active workshop, in the same transaction: long polls compare that number to
learn that something changed, and on PostgreSQL the row lock it takes puts the writes of one workshop in
a line, so the checks that follow (limits, idempotency) see every earlier write.

Participants are trainees of the journal (``origin = "workshop"``): their reflections are ordinary
private entries. Secrets (the browser's and the trainer's) are stored only as sha256 hashes and compared
in constant time. Everything a participant typed is stored as typed (NUL removed) and shown as text by
the pages; names are cleaned of control and direction-override characters.

The design and the contract with the server and the pages: ``docs/workshop.md``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from ..journal.store import ORIGIN_WORKSHOP, Entry, Journal, Share, Trainee, entries, trainees
from . import (
    CODE_DIGITS,
    MAX_CASE_TEXT,
    MAX_CASE_TITLE,
    MAX_NAME,
    MAX_PARTICIPANTS,
    MAX_PER_ROUND,
    MAX_QUESTION,
    MAX_TITLE,
    MIN_INTERVAL,
    RATINGS,
    RULES,
    views,
)
from .model import EraseCounts, KernelBinding, Participant, Question, Rating, Round, Workshop, WorkshopError
from .tables import kernels, participants, questions, ratings, rounds, workshops

__all__ = ["MAX_KEY", "WorkshopStore"]

MAX_KEY = 64  # characters in an idempotency key (the page makes a random one per question)
MAX_SESSION_JSON = 64_000  # characters of page 05's live state, as JSON

# -- refusals, each naming its limit -------------------------------------------------------------------


def _no_workshop() -> WorkshopError:
    return WorkshopError(
        "Er loopt op dit moment geen workshop. Vraag de trainer om de workshop te starten.",
        "No workshop is running right now. Ask the trainer to start the workshop.",
        "no_workshop",
    )


def _not_found() -> WorkshopError:
    return WorkshopError(
        "Dit bestaat niet (meer) in deze workshop.", "This does not exist (any more) in this workshop.", "not_found"
    )


def _removed() -> WorkshopError:
    return WorkshopError(
        "De trainer heeft je uit deze workshop gehaald; wat je hier typte is gewist.",
        "The trainer removed you from this workshop; what you typed here has been erased.",
        "removed",
    )


def _too_long(what_nl: str, what_en: str, length: int, limit: int) -> WorkshopError:
    return WorkshopError(
        f"{what_nl} is te lang: {length} tekens, hooguit {limit}. Maak het korter; je tekst staat er nog.",
        f"{what_en} is too long: {length} characters, at most {limit}. Make it shorter; your text is still there.",
        "too_long",
    )


# Direction overrides and invisible marks would let a name rearrange or hide the text around it on the
# wall; control characters have no place in a name. The zero-width joiner stays: emoji need it.
_NAME_STRIP = re.compile("[\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_name(name: str) -> str:
    """A participant's name as stored: no control or direction characters, single spaces, at most
    :data:`MAX_NAME` characters (refused, not cut, with a message)."""
    if not isinstance(name, str):
        name = ""
    name = _NAME_STRIP.sub("", name)
    name = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in name)
    name = " ".join(name.split())
    if not name:
        raise WorkshopError(
            f"Vul een naam of een schuilnaam in (hooguit {MAX_NAME} tekens).",
            f"Fill in a name or a pseudonym (at most {MAX_NAME} characters).",
            "name",
        )
    if len(name) > MAX_NAME:
        raise WorkshopError(
            f"Deze naam is te lang: {len(name)} tekens, hooguit {MAX_NAME}. Een voornaam of schuilnaam is genoeg.",
            f"This name is too long: {len(name)} characters, at most {MAX_NAME}. A first name or pseudonym will do.",
            "name",
        )
    return name


def _require_question_id(question_id: object) -> None:
    """A question id from a request is a whole number (PostgreSQL would refuse anything else loudly)."""
    if not isinstance(question_id, int) or isinstance(question_id, bool) or not 0 < question_id < 2**31:
        raise _not_found()


def _clean_text(text: str) -> str:
    return (text if isinstance(text, str) else "").replace("\x00", "").strip()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def _first_version() -> int:
    """A new workshop's version starts at the clock in milliseconds, so a version never repeats across
    workshops: a page still waiting with the number of an ended workshop sees a different one."""
    return int(time.time() * 1000)


# -- rows to records -----------------------------------------------------------------------------------


def _workshop(row: Any, trainer_key: str | None = None) -> Workshop:
    return Workshop(
        id=row.id,
        title=row.title,
        code=row.code,
        joining_open=bool(row.joining_open),
        show_names=bool(row.show_names),
        case_title=row.case_title,
        case_text=row.case_text,
        case_id=row.case_id,
        inbrenger_id=row.inbrenger_id,
        live_session=dict(row.live_session) if row.live_session else None,
        version=int(row.version),
        created=row.created,
        ended=row.ended,
        trainer_key=trainer_key,
    )


def _participant(row: Any) -> Participant:
    return Participant(row.id, row.workshop_id, row.trainee_id, row.name, row.joined, row.removed)


def _round(row: Any) -> Round:
    return Round(row.id, row.workshop_id, row.number, row.rule, row.started, row.closed)


def _question(row: Any) -> Question:
    return Question(
        id=row.id,
        workshop_id=row.workshop_id,
        round_id=row.round_id,
        participant_id=row.participant_id,
        idem_key=row.idem_key,
        text=row.text,
        kind=row.kind,
        flags=tuple(row.flags or ()),
        created=row.created,
        hidden=bool(row.hidden),
        pinned=bool(row.pinned),
    )


#: A question with what the views need next to it: the round's number and the inbrenger's rating.
_QUESTION_COLUMNS = (
    questions.c.id,
    questions.c.round_id,
    rounds.c.number,
    questions.c.participant_id,
    questions.c.text,
    questions.c.kind,
    questions.c.flags,
    questions.c.hidden,
    questions.c.pinned,
    ratings.c.rating,
)


def _question_rows(where: sa.ColumnElement[bool]) -> sa.Select[Any]:
    return (
        sa.select(*_QUESTION_COLUMNS)
        .select_from(
            questions.join(rounds, rounds.c.id == questions.c.round_id).outerjoin(
                ratings, ratings.c.question_id == questions.c.id
            )
        )
        .where(where)
        .order_by(questions.c.id)
    )


def _with_context(row: Any) -> views.QuestionRow:
    qid, round_id, number, participant_id, text, kind, flags, hidden, pinned, rating = row
    return views.QuestionRow(
        qid, round_id, number, participant_id, text, kind, tuple(flags or ()), bool(hidden), bool(pinned), rating
    )


class WorkshopStore:
    """The workshop tables of one journal database. Cheap to create; holds no connection of its own."""

    def __init__(self, journal: Journal):
        self.journal = journal

    # -- plumbing ------------------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self.journal._write() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.journal.reader.connect() as conn:
            yield conn

    @staticmethod
    def _active_row(conn: sa.Connection) -> Any:
        return conn.execute(
            workshops.select().where(workshops.c.ended.is_(None)).order_by(workshops.c.created).limit(1)
        ).first()

    def _lock(self, conn: sa.Connection) -> Any:
        """The active workshop, its version bumped (the first statement of every write); else no_workshop."""
        active = conn.execute(
            sa.select(workshops.c.id).where(workshops.c.ended.is_(None)).order_by(workshops.c.created).limit(1)
        ).first()
        if active is None:
            raise _no_workshop()
        conn.execute(workshops.update().where(workshops.c.id == active.id).values(version=workshops.c.version + 1))
        return conn.execute(workshops.select().where(workshops.c.id == active.id)).one()

    @staticmethod
    def _member(conn: sa.Connection, workshop_id: str, participant_id: str) -> Any:
        """The participant's row in this workshop; removed or unknown participants are refused."""
        row = conn.execute(
            participants.select().where(participants.c.id == participant_id, participants.c.workshop_id == workshop_id)
        ).first()
        if row is None:
            raise _not_found()
        if row.removed is not None:
            raise _removed()
        return row

    @staticmethod
    def _open_round(conn: sa.Connection, workshop_id: str) -> Any:
        return conn.execute(
            rounds.select().where(rounds.c.workshop_id == workshop_id, rounds.c.closed.is_(None)).limit(1)
        ).first()

    # -- the trainer ---------------------------------------------------------------------------------

    def open_workshop(self, title: str = "") -> Workshop:
        """The active workshop, or a new one with a new join code and trainer key (returned once)."""
        title = _clean_text(title)
        if len(title) > MAX_TITLE:
            raise _too_long("De titel", "The title", len(title), MAX_TITLE)
        with self._write() as conn:
            if conn.dialect.name == "postgresql":  # one trainer's window at a time opens a workshop
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(74658)")
            existing = self._active_row(conn)
            if existing is not None:
                return _workshop(existing)
            key = secrets.token_urlsafe(24)
            values = {
                "id": uuid.uuid4().hex,
                "title": title,
                "code": _new_code(),
                "trainer_key_hash": _hash(key),
                "joining_open": True,
                "show_names": False,
                "case_title": "",
                "case_text": "",
                "case_id": None,
                "inbrenger_id": None,
                "live_session": None,
                "version": _first_version(),
                "created": _now(),
                "ended": None,
            }
            conn.execute(workshops.insert().values(**values))
            row = conn.execute(workshops.select().where(workshops.c.id == values["id"])).one()
        return _workshop(row, trainer_key=key)

    def active(self) -> Workshop | None:
        with self._read() as conn:
            row = self._active_row(conn)
        return _workshop(row) if row is not None else None

    def version(self) -> int:
        """The active workshop's version (0 without one); it changes with every write."""
        with self._read() as conn:
            value = conn.execute(
                sa.select(workshops.c.version).where(workshops.c.ended.is_(None)).order_by(workshops.c.created).limit(1)
            ).scalar()
        return int(value) if value is not None else 0

    def _set(self, **values: Any) -> Workshop:
        with self._write() as conn:
            row = self._lock(conn)
            conn.execute(workshops.update().where(workshops.c.id == row.id).values(**values))
            return _workshop(conn.execute(workshops.select().where(workshops.c.id == row.id)).one())

    def set_joining(self, open: bool) -> Workshop:
        return self._set(joining_open=bool(open))

    def new_code(self) -> str:
        """A new join code (the old one stops working at once)."""
        return self._set(code=_new_code()).code

    def new_trainer_key(self) -> str:
        """A new trainer key (returned once; the old one and cookies holding it stop working)."""
        key = secrets.token_urlsafe(24)
        self._set(trainer_key_hash=_hash(key))
        return key

    def set_show_names(self, show: bool) -> Workshop:
        return self._set(show_names=bool(show))

    def set_case(self, title: str, text: str, case_id: str | None = None) -> Workshop:
        title, text = _clean_text(title), _clean_text(text)
        if len(title) > MAX_CASE_TITLE:
            raise _too_long("De titel van de casus", "The case's title", len(title), MAX_CASE_TITLE)
        if len(text) > MAX_CASE_TEXT:
            raise _too_long("De tekst van de casus", "The case's text", len(text), MAX_CASE_TEXT)
        return self._set(case_title=title, case_text=text, case_id=case_id or None)

    def set_inbrenger(self, participant_id: str | None) -> Workshop:
        with self._write() as conn:
            row = self._lock(conn)
            if participant_id is not None:
                self._member(conn, row.id, participant_id)
            conn.execute(workshops.update().where(workshops.c.id == row.id).values(inbrenger_id=participant_id))
            return _workshop(conn.execute(workshops.select().where(workshops.c.id == row.id)).one())

    def start_round(self, rule: str = "all") -> Round:
        """A new round (number one higher); the open round, if any, is closed first."""
        if rule not in RULES:
            raise WorkshopError(
                f"Onbekende regel voor een ronde: {str(rule)[:40]!r} (kies uit {', '.join(RULES)}).",
                f"Unknown rule for a round: {str(rule)[:40]!r} (choose from {', '.join(RULES)}).",
                "rule",
            )
        now = _now()
        with self._write() as conn:
            ws = self._lock(conn)
            conn.execute(
                rounds.update().where(rounds.c.workshop_id == ws.id, rounds.c.closed.is_(None)).values(closed=now)
            )
            last = conn.execute(sa.select(sa.func.max(rounds.c.number)).where(rounds.c.workshop_id == ws.id)).scalar()
            number = (last or 0) + 1
            new_id = conn.execute(
                rounds.insert().values(workshop_id=ws.id, number=number, rule=rule, started=now, closed=None)
            ).inserted_primary_key[0]  # type: ignore[index]
        return Round(new_id, ws.id, number, rule, now, None)

    def close_round(self) -> Round | None:
        """Close the open round (the one closed is returned; None when none was open)."""
        now = _now()
        with self._write() as conn:
            ws = self._lock(conn)
            current = self._open_round(conn, ws.id)
            if current is None:
                return None
            conn.execute(rounds.update().where(rounds.c.id == current.id).values(closed=now))
        return Round(current.id, ws.id, current.number, current.rule, current.started, now)

    def rounds(self) -> list[Round]:
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                return []
            rows = conn.execute(rounds.select().where(rounds.c.workshop_id == ws.id).order_by(rounds.c.number)).all()
        return [_round(r) for r in rows]

    def moderate(self, question_id: int, *, hidden: bool | None = None, pinned: bool | None = None) -> Question:
        """Hide a question from the room (or show it again), pin it to discuss (one pinned at a time)."""
        _require_question_id(question_id)
        with self._write() as conn:
            ws = self._lock(conn)
            where = sa.and_(questions.c.id == question_id, questions.c.workshop_id == ws.id)
            if conn.execute(sa.select(questions.c.id).where(where)).first() is None:
                raise _not_found()
            values: dict[str, bool] = {}
            if hidden is not None:
                values["hidden"] = bool(hidden)
            if pinned is not None:
                values["pinned"] = bool(pinned)
                if pinned:
                    conn.execute(
                        questions.update()
                        .where(questions.c.workshop_id == ws.id, questions.c.pinned.is_(True))
                        .values(pinned=False)
                    )
            if values:
                conn.execute(questions.update().where(where).values(**values))
            return _question(conn.execute(questions.select().where(where)).one())

    def participants(self) -> list[Participant]:
        """The participants in the room now (removed ones left out), in the order they joined."""
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                return []
            rows = conn.execute(
                participants.select()
                .where(participants.c.workshop_id == ws.id, participants.c.removed.is_(None))
                .order_by(participants.c.joined, participants.c.id)
            ).all()
        return [_participant(r) for r in rows]

    def shared_with_trainer(self) -> list[tuple[Trainee, list[Entry]]]:
        """What startdag participants chose to share with the trainer: per participant (of this workshop, or
        kept from an ended one), their shared reflections only. Private entries are never read here."""
        with self._read() as conn:
            rows = conn.execute(
                trainees.select()
                .where(trainees.c.origin == ORIGIN_WORKSHOP)
                .order_by(trainees.c.created, trainees.c.id)
            ).all()
        found = [(Trainee(r.id, r.name, r.created), self.journal.entries(r.id, shared_only=True)) for r in rows]
        return [pair for pair in found if pair[1]]

    def erase_kept(self) -> int:
        """Erase the participants (and their shared reflections) kept from ended workshops; the number of
        reflections erased. Participants of the workshop that is running now are left alone."""
        with self._write() as conn:
            ws = self._active_row(conn)
            current = (
                sa.select(participants.c.trainee_id).where(
                    participants.c.workshop_id == ws.id, participants.c.trainee_id.is_not(None)
                )
                if ws is not None
                else None
            )
            kept = sa.select(trainees.c.id).where(trainees.c.origin == ORIGIN_WORKSHOP)
            if current is not None:
                kept = kept.where(trainees.c.id.not_in(current))
            ids = list(conn.execute(kept).scalars())
            if not ids:
                return 0
            erased = conn.execute(entries.delete().where(entries.c.trainee_id.in_(ids))).rowcount
            conn.execute(trainees.delete().where(trainees.c.id.in_(ids)))
        self._compact()
        return erased

    def remove_participant(self, participant_id: str) -> EraseCounts:
        """Take a participant out of the room and erase what they typed: questions (and their ratings),
        reflections, their trainee. A row without name or trainee stays, so their browser hears why."""
        with self._write() as conn:
            ws = self._lock(conn)
            row = self._member(conn, ws.id, participant_id)
            mine = sa.select(questions.c.id).where(questions.c.participant_id == participant_id).scalar_subquery()
            rated = conn.execute(ratings.delete().where(ratings.c.question_id.in_(mine))).rowcount
            asked = conn.execute(questions.delete().where(questions.c.participant_id == participant_id)).rowcount
            shared, private = self._erase_entries(conn, [row.trainee_id], keep_shared=False)
            conn.execute(kernels.delete().where(kernels.c.participant_id == participant_id))
            conn.execute(
                participants.update()
                .where(participants.c.id == participant_id)
                .values(trainee_id=None, name="", removed=_now())
            )
            conn.execute(trainees.delete().where(trainees.c.id == row.trainee_id))
            if ws.inbrenger_id == participant_id:
                conn.execute(workshops.update().where(workshops.c.id == ws.id).values(inbrenger_id=None))
        compacted = self._compact()
        return EraseCounts(1, asked, rated, private, shared, compacted)

    @staticmethod
    def _erase_entries(conn: sa.Connection, trainee_ids: list[str], *, keep_shared: bool) -> tuple[int, int]:
        """Delete the trainees' entries (only the private ones with ``keep_shared``): (shared, private)."""
        if not trainee_ids:
            return 0, 0
        theirs = entries.c.trainee_id.in_(trainee_ids)
        is_shared = entries.c.share == Share.SUPERVISOR.value
        shared = 0 if keep_shared else conn.execute(entries.delete().where(theirs, is_shared)).rowcount
        private = conn.execute(entries.delete().where(theirs, sa.not_(is_shared))).rowcount
        return shared, private

    def erase_counts(self, keep_shared: bool = False) -> EraseCounts:
        """What :meth:`end_workshop` would erase now (all zero without a workshop)."""
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                return EraseCounts()
            people = conn.execute(
                sa.select(participants.c.trainee_id).where(
                    participants.c.workshop_id == ws.id, participants.c.removed.is_(None)
                )
            ).scalars()
            trainee_ids = [t for t in people if t is not None]

            def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
                return conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one()

            asked = count(questions, questions.c.workshop_id == ws.id)
            rated = count(
                ratings.join(questions, questions.c.id == ratings.c.question_id), questions.c.workshop_id == ws.id
            )
            theirs = entries.c.trainee_id.in_(trainee_ids)
            is_shared = entries.c.share == Share.SUPERVISOR.value
            private = count(entries, theirs, sa.not_(is_shared))
            shared = 0 if keep_shared else count(entries, theirs, is_shared)
        return EraseCounts(len(trainee_ids), asked, rated, private, shared)

    def end_workshop(self, keep_shared: bool = False) -> EraseCounts:
        """Erase the workshop: participants and their trainees and reflections (with ``keep_shared`` their
        shared reflections and the trainee they belong to stay), rounds, questions, ratings, kernel
        bindings, the workshop itself; then the freed space of the SQLite file is overwritten."""
        with self._write() as conn:
            ws = self._lock(conn)
            people = conn.execute(
                sa.select(participants.c.trainee_id).where(
                    participants.c.workshop_id == ws.id, participants.c.removed.is_(None)
                )
            ).scalars()
            trainee_ids = [t for t in people if t is not None]
            in_ws = sa.select(questions.c.id).where(questions.c.workshop_id == ws.id).scalar_subquery()
            rated = conn.execute(ratings.delete().where(ratings.c.question_id.in_(in_ws))).rowcount
            asked = conn.execute(questions.delete().where(questions.c.workshop_id == ws.id)).rowcount
            conn.execute(rounds.delete().where(rounds.c.workshop_id == ws.id))
            conn.execute(kernels.delete())  # every binding belongs to this workshop: there is one at a time
            shared, private = self._erase_entries(conn, trainee_ids, keep_shared=keep_shared)
            gone = conn.execute(
                participants.delete().where(participants.c.workshop_id == ws.id, participants.c.removed.is_(None))
            ).rowcount
            conn.execute(participants.delete().where(participants.c.workshop_id == ws.id))  # removed ones' rows
            if trainee_ids:
                doomed = trainees.c.id.in_(trainee_ids)
                if keep_shared:  # a trainee stays only to hold the shared entries that stay
                    doomed = sa.and_(doomed, ~sa.exists().where(entries.c.trainee_id == trainees.c.id))
                conn.execute(trainees.delete().where(doomed))
            conn.execute(workshops.delete().where(workshops.c.id == ws.id))
        compacted = self._compact()
        return EraseCounts(gone, asked, rated, private, shared, compacted)

    def _compact(self) -> bool:
        return self.journal._compact() if self.journal.path is not None else True

    def publish_session(self, state: dict[str, Any] | None) -> None:
        """Page 05's live state for the phones and the wall (``docs/workshop.md``); None when it ends."""
        if state is not None:
            import json

            try:
                size = len(json.dumps(state))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"publish_session needs JSON-ready data: {exc}") from exc
            if size > MAX_SESSION_JSON:
                raise ValueError(f"the live session state is {size} characters as JSON, at most {MAX_SESSION_JSON}")
        self._set(live_session=state)

    def check_trainer_key(self, key: str | None) -> bool:
        """Whether ``key`` is the active workshop's trainer key (constant time)."""
        if not key or not isinstance(key, str):
            return False
        ws = self.active()
        expected = ws is not None and self._trainer_hash(ws.id)
        return bool(expected) and hmac.compare_digest(_hash(key), str(expected))

    def _trainer_hash(self, workshop_id: str) -> str | None:
        with self._read() as conn:
            return conn.execute(sa.select(workshops.c.trainer_key_hash).where(workshops.c.id == workshop_id)).scalar()

    # -- participants --------------------------------------------------------------------------------

    def join(self, code: str, name: str, secret: str) -> Participant:
        """Let a browser in: the join code (constant-time check), a name or pseudonym, and the browser's
        random secret (only its hash is kept). The same secret joining again gets the same participant."""
        if not isinstance(secret, str) or len(secret) < 16:
            raise ValueError("join needs the browser's random secret (at least 16 characters)")
        code = (code if isinstance(code, str) else "").strip()
        now = _now()
        with self._write() as conn:
            ws = self._lock(conn)
            existing = conn.execute(participants.select().where(participants.c.secret_hash == _hash(secret))).first()
            if existing is not None and existing.workshop_id == ws.id:
                if existing.removed is not None:
                    raise _removed()
                return _participant(existing)
            if not ws.joining_open:
                raise WorkshopError(
                    "Aanmelden is gesloten: de trainer heeft de deur dichtgedaan. "
                    "Vraag de trainer om je erbij te laten.",
                    "Joining is closed: the trainer has closed the door. Ask the trainer to let you in.",
                    "joining_closed",
                )
            if not hmac.compare_digest(code.encode("utf-8"), ws.code.encode("utf-8")):
                raise WorkshopError(
                    f"Deze code klopt niet. De code heeft {CODE_DIGITS} cijfers en staat op het scherm van de trainer.",
                    f"This code is not right. The code has {CODE_DIGITS} digits and is on the trainer's screen.",
                    "bad_code",
                )
            name = clean_name(name)
            present = conn.execute(
                sa.select(sa.func.count())
                .select_from(participants)
                .where(participants.c.workshop_id == ws.id, participants.c.removed.is_(None))
            ).scalar_one()
            if present >= MAX_PARTICIPANTS:
                raise WorkshopError(
                    f"De workshop is vol: er doen al {MAX_PARTICIPANTS} mensen mee, het maximum. "
                    "Kijk mee bij iemand naast je.",
                    f"The workshop is full: {MAX_PARTICIPANTS} people have joined, the maximum. "
                    "Join in with someone next to you.",
                    "full",
                )
            trainee_id = uuid.uuid4().hex
            conn.execute(trainees.insert().values(id=trainee_id, name=name, created=now, origin=ORIGIN_WORKSHOP))
            participant = Participant(uuid.uuid4().hex, ws.id, trainee_id, name, now, None)
            conn.execute(
                participants.insert().values(
                    id=participant.id,
                    workshop_id=ws.id,
                    trainee_id=trainee_id,
                    name=name,
                    secret_hash=_hash(secret),
                    joined=now,
                    removed=None,
                )
            )
        return participant

    def participant_by_secret(self, secret: str | None) -> Participant | None:
        """The participant a browser's secret belongs to; None when unknown, removed, or the workshop ended."""
        if not secret or not isinstance(secret, str):
            return None
        with self._read() as conn:
            row = conn.execute(
                sa.select(*participants.c)
                .select_from(participants.join(workshops, workshops.c.id == participants.c.workshop_id))
                .where(
                    participants.c.secret_hash == _hash(secret),
                    participants.c.removed.is_(None),
                    workshops.c.ended.is_(None),
                )
            ).first()
        return _participant(row) if row is not None else None

    def participant(self, participant_id: str) -> Participant | None:
        """A participant of the active workshop by id (removed ones too, with ``removed`` set)."""
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                return None
            row = conn.execute(
                participants.select().where(participants.c.id == participant_id, participants.c.workshop_id == ws.id)
            ).first()
        return _participant(row) if row is not None else None

    def submit(
        self, participant_id: str, text: str, idem_key: str, *, now: datetime | None = None
    ) -> tuple[Question, bool]:
        """Put a question on the wall, judged by the coach; stored once per ``(participant, idem_key)``.

        Returns the question and whether it was a repeat of a key already stored (then nothing new is
        stored, and no limit is checked again: a phone that retries after losing Wi-Fi hears "done").
        """
        if not isinstance(idem_key, str) or not 0 < len(idem_key) <= MAX_KEY:
            raise WorkshopError(
                "Deze vraag kan niet worden verstuurd: laad de pagina opnieuw (je tekst blijft staan).",
                "This question cannot be sent: reload the page (your text stays).",
                "key",
            )
        moment = now if now is not None else _now()
        text = _clean_text(text)
        try:
            question = self._submit(participant_id, text, idem_key, moment)
        except sa.exc.IntegrityError:
            # The same key raced in from a second request and won; the first stored one is the answer.
            stored = self._by_key(participant_id, idem_key)
            if stored is None:
                raise
            return stored, True
        return question

    def _submit(self, participant_id: str, text: str, idem_key: str, moment: datetime) -> tuple[Question, bool]:
        with self._write() as conn:
            ws = self._lock(conn)
            stored = conn.execute(
                questions.select().where(questions.c.participant_id == participant_id, questions.c.idem_key == idem_key)
            ).first()
            if stored is not None:
                return _question(stored), True
            self._member(conn, ws.id, participant_id)
            if not text:
                raise WorkshopError(
                    "Typ eerst een vraag; een lege vraag gaat niet op de muur.",
                    "Type a question first; an empty question does not go on the wall.",
                    "empty",
                )
            if len(text) > MAX_QUESTION:
                raise _too_long("Deze vraag", "This question", len(text), MAX_QUESTION)
            current = self._open_round(conn, ws.id)
            if current is None:
                raise WorkshopError(
                    "Er loopt nu geen vragenronde. Wacht tot de trainer een ronde start; je tekst blijft staan.",
                    "No question round is running now. Wait until the trainer starts one; your text stays.",
                    "no_round",
                )
            mine = questions.c.participant_id == participant_id
            asked = conn.execute(
                sa.select(sa.func.count()).select_from(questions).where(mine, questions.c.round_id == current.id)
            ).scalar_one()
            if asked >= MAX_PER_ROUND:
                raise WorkshopError(
                    f"Je hebt in deze ronde al {MAX_PER_ROUND} vragen gesteld, het maximum per ronde. "
                    "Geef de anderen de ruimte, of wacht op de volgende ronde.",
                    f"You have asked {MAX_PER_ROUND} questions in this round, the most per round. "
                    "Give the others room, or wait for the next round.",
                    "too_many",
                )
            last = conn.execute(sa.select(sa.func.max(questions.c.created)).where(mine)).scalar()
            if last is not None and moment - last < timedelta(seconds=MIN_INTERVAL):
                wait = max(1, int((last + timedelta(seconds=MIN_INTERVAL) - moment).total_seconds() + 0.999))
                raise WorkshopError(
                    f"Even rustig: tussen twee vragen zitten minstens {MIN_INTERVAL} seconden. "
                    f"Verstuur over {wait} s opnieuw; je tekst blijft staan.",
                    f"Slow down a little: at least {MIN_INTERVAL} seconds between two questions. "
                    f"Send again in {wait} s; your text stays.",
                    "too_fast",
                )
            verdict = views.verdict_of(text)
            values = {
                "workshop_id": ws.id,
                "round_id": current.id,
                "participant_id": participant_id,
                "idem_key": idem_key,
                "text": text,
                "kind": verdict.kind.value,
                "flags": sorted(verdict.flags),
                "created": moment,
                "hidden": False,
                "pinned": False,
            }
            new_id = conn.execute(questions.insert().values(**values)).inserted_primary_key[0]  # type: ignore[index]
        values["flags"] = tuple(values["flags"])
        return Question(id=new_id, **values), False

    def _by_key(self, participant_id: str, idem_key: str) -> Question | None:
        with self._read() as conn:
            row = conn.execute(
                questions.select().where(questions.c.participant_id == participant_id, questions.c.idem_key == idem_key)
            ).first()
        return _question(row) if row is not None else None

    def rate(self, participant_id: str, question_id: int, rating: str) -> Rating:
        """The inbrenger rates a question koud, neutraal or warm (again: the rating changes)."""
        _require_question_id(question_id)
        if rating not in RATINGS:
            raise WorkshopError(
                f"Kies koud, neutraal of warm (niet {str(rating)[:20]!r}).",
                f"Choose koud (cold), neutraal (neutral) or warm (not {str(rating)[:20]!r}).",
                "rating",
            )
        now = _now()
        with self._write() as conn:
            ws = self._lock(conn)
            self._member(conn, ws.id, participant_id)
            if ws.inbrenger_id != participant_id:
                raise WorkshopError(
                    "Alleen de inbrenger beoordeelt de vragen.",
                    "Only the inbrenger rates the questions.",
                    "not_inbrenger",
                )
            found = conn.execute(
                sa.select(questions.c.id).where(questions.c.id == question_id, questions.c.workshop_id == ws.id)
            ).first()
            if found is None:
                raise _not_found()
            before = conn.execute(ratings.select().where(ratings.c.question_id == question_id)).first()
            if before is None:
                conn.execute(ratings.insert().values(question_id=question_id, rating=rating, created=now, updated=now))
                return Rating(question_id, rating, now, now)
            conn.execute(
                ratings.update().where(ratings.c.question_id == question_id).values(rating=rating, updated=now)
            )
            return Rating(question_id, rating, before.created, now)

    # -- what the pages show -------------------------------------------------------------------------

    def phone_view(self, participant_id: str, lang: str = "nl") -> dict[str, Any]:
        """What one participant's phone shows (``docs/workshop.md``, "Views"): never another's name or id."""
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                raise _no_workshop()
            me = self._member(conn, ws.id, participant_id)
            current = self._open_round(conn, ws.id)
            mine = [_with_context(r) for r in conn.execute(_question_rows(questions.c.participant_id == me.id))]
            to_rate = None
            if ws.inbrenger_id == me.id:
                room = sa.and_(questions.c.workshop_id == ws.id, questions.c.hidden.is_(False))
                to_rate = [_with_context(r) for r in conn.execute(_question_rows(room))]
        return views.phone_view(
            workshop=_workshop(ws),
            me=_participant(me),
            current=_round(current) if current is not None else None,
            mine=mine,
            to_rate=to_rate,
            lang=lang,
        )

    def wall_view(self, lang: str = "nl", *, join_url: str = "", qr_svg: str = "") -> dict[str, Any]:
        """What the projector shows; ``join_url`` and ``qr_svg`` come from the server (the store does not
        know the network). Hidden questions are listed with ``hidden: true`` for the trainer."""
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                raise _no_workshop()
            people = [
                _participant(r)
                for r in conn.execute(
                    participants.select().where(participants.c.workshop_id == ws.id, participants.c.removed.is_(None))
                )
            ]
            all_rounds = [
                _round(r)
                for r in conn.execute(rounds.select().where(rounds.c.workshop_id == ws.id).order_by(rounds.c.number))
            ]
            wall = [_with_context(r) for r in conn.execute(_question_rows(questions.c.workshop_id == ws.id))]
        return views.wall_view(
            workshop=_workshop(ws),
            participants=people,
            rounds=all_rounds,
            questions=wall,
            join_url=join_url,
            qr_svg=qr_svg,
            lang=lang,
        )

    def own_questions(self, participant_id: str) -> list[views.QuestionRow]:
        """One participant's questions with their round's number and rating (for reports)."""
        with self._read() as conn:
            ws = self._active_row(conn)
            if ws is None:
                raise _no_workshop()
            self._member(conn, ws.id, participant_id)
            return [
                _with_context(r) for r in conn.execute(_question_rows(questions.c.participant_id == participant_id))
            ]

    def save_to_journal(self, participant_id: str, lang: str = "nl") -> int:
        """One private journal entry with the participant's questions, verdicts and ratings; tapping again
        updates that same entry. Returns the entry's id."""
        from . import report

        ws = self.active()
        if ws is None:
            raise _no_workshop()
        me = self.participant(participant_id)
        if me is None:
            raise _not_found()
        if me.removed is not None or me.trainee_id is None:
            raise _removed()
        title, answers = report.journal_entry(ws, self.own_questions(participant_id), lang)
        earlier = self.journal.entries(me.trainee_id, templates=[report.TEMPLATE])
        if earlier:
            return self.journal.update(me.trainee_id, earlier[-1].id, answers=answers, title=title).id
        entry = self.journal.add(
            me.trainee_id,
            template=report.TEMPLATE,
            answers=answers,
            title=title,
            context=report.CONTEXT,
            context_label=ws.title,
            share=Share.PRIVATE,
        )
        return entry.id

    def participant_report(self, participant_id: str, lang: str = "nl") -> str:
        """The participant's own Markdown report: their questions, verdicts and ratings, and the journal
        entries they wrote since they joined."""
        from . import report

        ws = self.active()
        if ws is None:
            raise _no_workshop()
        me = self.participant(participant_id)
        if me is None:
            raise _not_found()
        if me.removed is not None or me.trainee_id is None:
            raise _removed()
        written = [
            e
            for e in self.journal.entries(me.trainee_id)
            if e.created >= me.joined.replace(microsecond=0) and e.template != report.TEMPLATE
        ]
        return report.participant_report(ws, me, self.own_questions(participant_id), written, lang)

    # -- kernels -------------------------------------------------------------------------------------

    def bind_kernel(self, kernel_id: str, participant_id: str | None) -> KernelBinding:
        """Record which participant a page's kernel serves (None: the trainer). Written by the server only."""
        if not isinstance(kernel_id, str) or not 0 < len(kernel_id) <= 64:
            raise ValueError("a kernel id has 1 to 64 characters")
        with self._write() as conn:
            ws = self._lock(conn)
            trainee_id = None
            if participant_id is not None:
                trainee_id = self._member(conn, ws.id, participant_id).trainee_id
            conn.execute(kernels.delete().where(kernels.c.kernel_id == kernel_id))
            conn.execute(kernels.insert().values(kernel_id=kernel_id, participant_id=participant_id, created=_now()))
        return KernelBinding(kernel_id, participant_id, trainee_id)

    def kernel_binding(self, kernel_id: str) -> KernelBinding | None:
        """Which participant a kernel serves; None when unbound, or its participant was removed or erased."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(
                    kernels.c.kernel_id, kernels.c.participant_id, participants.c.trainee_id, participants.c.removed
                )
                .select_from(kernels.outerjoin(participants, participants.c.id == kernels.c.participant_id))
                .where(kernels.c.kernel_id == kernel_id)
            ).first()
        if row is None:
            return None
        if row.participant_id is None:
            return KernelBinding(row.kernel_id, None, None)
        if row.removed is not None or row.trainee_id is None:
            return None
        return KernelBinding(row.kernel_id, row.participant_id, row.trainee_id)
