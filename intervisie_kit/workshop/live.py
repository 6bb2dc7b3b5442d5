"""Page 05's live session, told to the room: the ``live_session`` state phones read (docs/workshop.md).

:func:`live_state` turns a running :class:`~intervisie_kit.session.Session` into the JSON-ready dict the
phones show (phase, time left, what is allowed, each participant's role, the interventions without
names). :class:`SessionPublisher` writes it to the workshop store after every change of the session,
opens a wall round (rule ``open``) while a phase allows questions so phones can type into it, and counts
the questions that came in from phones. No widgets here: page 05 calls it and shows what it returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from ..cards import CONTRIBUTION_WORDS
from ..i18n import pick
from ..session import Session, Status, mistake_text

__all__ = ["MAX_ROOM_INTERVENTIONS", "SessionPublisher", "live_state", "role_map"]

_log = logging.getLogger(__name__)

#: The room sees the latest interventions only: the live state stays small however long the session runs.
MAX_ROOM_INTERVENTIONS = 20

#: The role words phones show, most specific first (a timekeeper who is also a member is the timekeeper).
ROLE_ORDER = ("inbrenger", "gespreksleider", "tijdbewaker", "deelnemer")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def role_map(session: Session, participants: Iterable[Any]) -> dict[str, str]:
    """``{participant id: role word}`` for the participants whose name matches a name in the session's roles.

    Names match case-insensitively after trimming; a participant whose name is not in the session gets no
    role (the phone then shows none).
    """
    roles = session.roles
    by_name: dict[str, str] = {}
    for word, names in (
        ("deelnemer", roles.deelnemers),
        ("tijdbewaker", (roles.tijdbewaker,) if roles.tijdbewaker else ()),
        ("gespreksleider", (roles.gespreksleider,)),
        ("inbrenger", (roles.inbrenger,)),
    ):  # later words win: the order above is least to most specific
        for name in names:
            by_name[_key(name)] = word
    return {p.id: by_name[_key(p.name)] for p in participants if _key(p.name) in by_name}


def live_state(session: Session, participants: Iterable[Any], lang: str, *, now: float) -> dict[str, Any] | None:
    """The ``live_session`` dict for a running or paused session; ``None`` for one that ended."""
    if session.status not in (Status.RUNNING, Status.PAUSED):
        return None
    phase = session.phase
    remaining = session.remaining()
    running = session.status is Status.RUNNING
    return {
        "method": session.method.name.get(lang),
        "phase": {
            "index": session.index,
            "count": session.phase_count,
            "name": phase.name.get(lang),
            "allowed": [pick(CONTRIBUTION_WORDS[c], lang) for c in session.allowed],
            "questions": session.is_question_round,
        },
        "ends_at": round(now + remaining, 1) if running else None,
        "remaining": round(remaining, 1),
        "running": running,
        "roles": role_map(session, participants),
        # never the note or a name; the newest last, as on page 05
        "interventions": [mistake_text(i.kind, lang) for i in session.interventions[-MAX_ROOM_INTERVENTIONS:]],
    }


class SessionPublisher:
    """Keeps the workshop store in step with page 05's session; a failure is reported, never raised.

    ``store`` is a :class:`~intervisie_kit.workshop.store.WorkshopStore`; ``now`` the wall clock (epoch
    seconds) phones count down from, passed in so tests need no sleeping.
    """

    def __init__(self, store: Any, *, now: Callable[[], float] = time.time):
        self.store, self.now = store, now
        self.round: Any = None  # the wall round this page opened for the current question phase
        self.round_phase: int | None = None  # which phase that round belongs to
        self.problem: Any = None  # the last publishing failure (an error with .text(lang)), or None
        self.seen: int | None = None  # the store's version when the page last looked

    def changed(self) -> bool:
        """Whether the store changed since the last call (a busy store counts as unchanged: ask again later)."""
        try:
            version = self.store.version()
        except Exception:
            return False
        if version == self.seen:
            return False
        self.seen = version
        return True

    def participants(self) -> list[Any]:
        return list(self.store.participants())

    def publish(self, session: Session | None, lang: str) -> bool:
        """Publish ``session`` (``None`` or ended: the room's live session is over). True when it worked."""
        try:
            live = None if session is None else live_state(session, self.participants(), lang, now=self.now())
            self._sync_round(session if live is not None else None)
            self.store.publish_session(live)
        except Exception as exc:  # publishing must never stop the session: say so on the page, log the rest
            self.problem = exc
            if not hasattr(exc, "text"):
                _log.exception("could not publish the live session to the workshop")
            return False
        self.problem = None
        return True

    def _sync_round(self, session: Session | None) -> None:
        questions = session is not None and session.is_question_round
        if questions and self.round_phase != session.index:  # type: ignore[union-attr]
            self.round = self.store.start_round("open")
            self.round_phase = session.index  # type: ignore[union-attr]
        elif not questions and self.round is not None:
            self._close_own_round()

    def _close_own_round(self) -> None:
        active = self.store.active()
        current = self._open_round_number()
        if active is not None and current == getattr(self.round, "number", None):
            self.store.close_round()  # only the round this page opened; one the trainer started stays
        self.round, self.round_phase = None, None

    def _open_round_number(self) -> int | None:
        return next((r.number for r in self.store.rounds() if r.open), None)

    def phone_questions(self) -> int | None:
        """How many questions phones sent in the round this page opened; ``None`` when it opened none."""
        if self.round is None:
            return None
        try:
            view = self.store.wall_view("nl")
        except Exception as exc:
            self.problem = exc
            return None
        number = getattr(self.round, "number", None)
        return next((int(r.get("turns", 0)) for r in view.get("rounds", []) if r.get("number") == number), 0)
