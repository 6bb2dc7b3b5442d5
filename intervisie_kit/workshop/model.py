"""The workshop's records: frozen, plain data, built by the store from its rows.

Times are naive UTC datetimes, as in the journal. Ids of workshops and participants are random hex
(32 characters); rounds and questions are numbered by the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = [
    "EraseCounts",
    "KernelBinding",
    "Participant",
    "Question",
    "Rating",
    "Round",
    "Workshop",
    "WorkshopError",
]


class WorkshopError(Exception):
    """A refusal the participant or trainer can act on, in Dutch and English.

    ``code`` is a short machine word the server and pages may branch on: ``no_workshop``,
    ``joining_closed``, ``bad_code``, ``name``, ``too_long``, ``empty``, ``no_round``, ``too_many``,
    ``too_fast``, ``not_inbrenger``, ``not_found``, ``removed``, ``full``, ``rating``, ``rule``.
    """

    def __init__(self, nl: str, en: str, code: str):
        super().__init__(nl)
        self.nl, self.en, self.code = nl, en, code

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class Workshop:
    id: str
    title: str
    code: str
    joining_open: bool
    show_names: bool
    case_title: str
    case_text: str
    case_id: str | None
    inbrenger_id: str | None
    live_session: dict[str, Any] | None
    version: int
    created: datetime
    ended: datetime | None = None
    #: The trainer's plain secret: only on the record :meth:`WorkshopStore.open_workshop` returns when it
    #: creates the workshop; the database keeps its hash.
    trainer_key: str | None = None


@dataclass(frozen=True)
class Participant:
    id: str
    workshop_id: str
    trainee_id: str | None  # None once the participant is removed (their trainee is erased)
    name: str
    joined: datetime
    removed: datetime | None = None


@dataclass(frozen=True)
class Round:
    id: int
    workshop_id: str
    number: int
    rule: str  # "all" | "open"
    started: datetime
    closed: datetime | None = None

    @property
    def open(self) -> bool:
        return self.closed is None


@dataclass(frozen=True)
class Question:
    id: int
    workshop_id: str
    round_id: int
    participant_id: str
    idem_key: str
    text: str
    kind: str  # a TurnKind value
    flags: tuple[str, ...]
    created: datetime
    hidden: bool = False
    pinned: bool = False


@dataclass(frozen=True)
class Rating:
    question_id: int
    rating: str  # "koud" | "neutraal" | "warm"
    created: datetime
    updated: datetime


@dataclass(frozen=True)
class KernelBinding:
    kernel_id: str
    participant_id: str | None  # None: the trainer's kernel
    trainee_id: str | None  # the participant's trainee; None for the trainer (the laptop's local trainee)


@dataclass(frozen=True)
class EraseCounts:
    """What an erase deletes (or, from :meth:`WorkshopStore.erase_counts`, would delete).

    ``compacted`` is False when another connection kept SQLite from overwriting the freed space at once;
    the journal finishes that later (see ``Journal._compact``).
    """

    participants: int = 0
    questions: int = 0
    ratings: int = 0
    private_reflections: int = 0
    shared_reflections: int = 0
    compacted: bool = True

    @property
    def total(self) -> int:
        return self.participants + self.questions + self.ratings + self.private_reflections + self.shared_reflections

    def same_counts(self, other: EraseCounts) -> bool:
        """The same numbers (``compacted`` aside): what was announced is what was erased."""
        return self.total == other.total and (
            self.participants,
            self.questions,
            self.ratings,
            self.private_reflections,
            self.shared_reflections,
        ) == (other.participants, other.questions, other.ratings, other.private_reflections, other.shared_reflections)
