"""A live intervisie session: the phases of one method, a phase timer, roles, interventions and a summary.

A :class:`Session` is built from a :class:`~intervisie_kit.content.models.Method` and the group's roles:
the *inbrenger* (who brings the case), the *gespreksleider* (who guards method and time), an optional
*tijdbewaker* (timekeeper) and the *deelnemers* (the other members, who ask the questions).

The session is a small state machine::

    ready --start--> running <--pause/resume--> paused
                        \\--next/skip at the last phase, or finish--> finished

``next``, ``skip``, ``back`` and ``extend`` work while running or paused; a phase that runs past its
time keeps counting (overtime, a negative ``remaining``) until the facilitator moves on, because in a real
meeting the facilitator, not a timer, closes a round.

Time comes from an injected clock (any callable returning seconds, ``time.monotonic`` by default), so
tests drive it by hand and never sleep. Pure Python: the page (``ui/session.py``) only shows this state.
"""

from __future__ import annotations

import difflib
import math
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from .coach import MAX_QUESTION_CHARS, Verdict, classify
from .coach.tally import Tally, tally
from .content.models import Contribution, Method, Mistake, Phase
from .i18n import pick
from .terms import FLAG_LABELS, KIND_LABELS, TurnKind
from .text import md_literal

__all__ = [
    "INTERVENTIONS",
    "MESSAGES",
    "Intervention",
    "LoggedQuestion",
    "PhaseSummary",
    "Roles",
    "Session",
    "SessionError",
    "SessionSummary",
    "Status",
    "find_method",
    "mistake_text",
    "suggested_intervention",
]

Clock = Callable[[], float]

#: Longest a phase may be planned or extended to, in minutes; a typo like 500 should not pass silently.
MAX_PHASE_MINUTES = 240
#: Characters in one name and names in one group (as on the trajectory planner, page 08).
MAX_NAME_CHARS, MAX_MEMBERS = 80, 40
#: Questions noted in one session: a long session has a few dozen; this bounds the summary's size
#: (MAX_QUESTIONS x MAX_QUESTION_CHARS fits in one journal answer, journal.store.MAX_TEXT).
MAX_QUESTIONS = 120
#: The interventions the page offers as buttons, in this order; the first four are the classic ones.
INTERVENTIONS: tuple[Mistake, ...] = (
    Mistake.ADVICE_IN_QUESTION_ROUND,
    Mistake.JUDGEMENT,
    Mistake.WHY_QUESTION,
    Mistake.STACKED_QUESTIONS,
    Mistake.SUGGESTIVE_QUESTION,
    Mistake.OWN_STORY,
    Mistake.OFF_METHOD,
)
#: Contributions that make a phase a question round: there the page offers a box to type the questions.
QUESTION_CONTRIBUTIONS = frozenset({Contribution.OPEN_QUESTION, Contribution.CLOSED_QUESTION})

# code -> (Dutch, English); braces are filled from SessionError.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_method": (
        "Methode '{id}' bestaat niet in deze kit.{hint}",
        "There is no method '{id}' in this kit.{hint}",
    ),
    "did_you_mean": (" Bedoelde je '{close}'?", " Did you mean '{close}'?"),
    "name_missing": ("Vul een naam in voor de {role}.", "Fill in a name for the {role}."),
    "leader_is_inbrenger": (
        "{name} kan niet tegelijk inbrenger en gespreksleider zijn: wie de casus inbrengt, moet zich op de "
        "eigen vraag kunnen richten. Kies iemand anders als gespreksleider.",
        "{name} cannot be both the inbrenger and the gespreksleider: whoever brings the case must be free to "
        "think about their own question. Choose someone else to lead.",
    ),
    "timekeeper_is_inbrenger": (
        "{name} brengt de casus in en kan dus niet ook de tijd bewaken. Kies een andere tijdbewaker.",
        "{name} brings the case and so cannot keep the time as well. Choose another timekeeper.",
    ),
    "name_too_long": (
        "De naam '{name}…' is te lang ({n} tekens, hooguit {max}). Je invoer staat er nog; maak hem korter.",
        "The name '{name}…' is too long ({n} characters, at most {max}). What you typed is still there; shorten it.",
    ),
    "too_many_members": (
        "{n} namen is te veel voor één groep (hooguit {max}).",
        "{n} names is too many for one group (at most {max}).",
    ),
    "duplicate_member": (
        "{name} staat twee keer bij de deelnemers.",
        "{name} is listed twice among the participants.",
    ),
    "member_has_role": (
        "{name} is al {role} en hoort daarom niet ook bij de deelnemers.",
        "{name} is already the {role} and so is not also one of the participants.",
    ),
    "bad_minutes": (
        "Fase '{phase}': {got} is geen geldige duur. Geef een aantal minuten groter dan 0 en hooguit {max}.",
        "Phase '{phase}': {got} is not a valid length. Give a number of minutes above 0 and at most {max}.",
    ),
    "unknown_phase": (
        "'{phase}' is geen fase van {method}. De fasen zijn: {phases}.",
        "'{phase}' is not a phase of {method}. The phases are: {phases}.",
    ),
    "bad_extension": (
        "Verlengen kan met 1 tot en met {max} minuten tegelijk, niet met {got}.",
        "A phase can be extended by 1 to {max} minutes at a time, not by {got}.",
    ),
    "not_started": ("De sessie is nog niet gestart. Start eerst de sessie.", "The session has not started yet."),
    "already_started": ("De sessie loopt al.", "The session is already running."),
    "finished": (
        "De sessie is afgelopen; start een nieuwe sessie om verder te gaan.",
        "The session has ended; start a new session to go on.",
    ),
    "not_paused": ("De sessie is niet gepauzeerd.", "The session is not paused."),
    "not_running": ("De sessie staat al op pauze.", "The session is already paused."),
    "first_phase": ("Dit is al de eerste fase.", "This is already the first phase."),
    "empty_question": ("Typ eerst een vraag.", "Type a question first."),
    "question_too_long": (
        "Deze vraag is te lang ({n} tekens, hooguit {max}). Je tekst staat er nog; noteer de kern van de vraag.",
        "This question is too long ({n} characters, at most {max}). Your text is still there; note its core.",
    ),
    "too_many_questions": (
        "Er zijn al {max} vragen genoteerd in deze sessie; meer bewaart de kit niet. Rond de ronde af.",
        "{max} questions have been noted in this session already; the kit keeps no more. Close the round.",
    ),
    "not_question_round": (
        "In de fase '{phase}' worden geen vragen gesteld; vragen noteer je in een vragenronde.",
        "No questions are asked in the phase '{phase}'; questions are noted in a question round.",
    ),
    "cannot_restore": (
        "De bewaarde sessie past niet meer bij de methode in deze kit en kan niet verder; begin een nieuwe.",
        "The saved session no longer fits the method in this kit and cannot go on; start a new one.",
    ),
}


class SessionError(ValueError):
    """Bad input or an action that does not fit the session's state, with a message in Dutch and English.

    ``str(error)`` is the Dutch message; :meth:`message` gives either language, for the page.
    """

    def __init__(self, code: str, **params: object):
        self.code = code
        # A parameter given as a (Dutch, English) pair is resolved per language.
        self.params = {k: v if isinstance(v, tuple) else str(v) for k, v in params.items()}
        super().__init__(self.message("nl"))

    def message(self, lang: str = "nl") -> str:
        i = 1 if lang == "en" else 0
        params = {k: v[i] if isinstance(v, tuple) else v for k, v in self.params.items()}
        return MESSAGES[self.code][i].format(**params)


class Status(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


# How the roles are called in messages; the page has its own labels.
_ROLE_WORDS = {
    "inbrenger": ("inbrenger", "inbrenger"),
    "gespreksleider": ("gespreksleider", "gespreksleider"),
    "tijdbewaker": ("tijdbewaker", "timekeeper"),
}


@dataclass(frozen=True)
class Roles:
    """Who does what in this session. Names are free text; they are trimmed and must not be empty.

    ``deelnemers`` are the other group members; a tijdbewaker may be one of them.
    """

    inbrenger: str
    gespreksleider: str
    deelnemers: tuple[str, ...] = ()
    tijdbewaker: str | None = None

    def __post_init__(self) -> None:
        if len(self.deelnemers) > MAX_MEMBERS:
            raise SessionError("too_many_members", n=len(self.deelnemers), max=MAX_MEMBERS)
        for raw in (self.inbrenger, self.gespreksleider, self.tijdbewaker or "", *self.deelnemers):
            if len(_clean(raw)) > MAX_NAME_CHARS:
                raise SessionError("name_too_long", name=_clean(raw)[:20], n=len(_clean(raw)), max=MAX_NAME_CHARS)
        inbrenger, leader = _clean(self.inbrenger), _clean(self.gespreksleider)
        timekeeper = _clean(self.tijdbewaker) if self.tijdbewaker is not None else None
        for role, value in (("inbrenger", inbrenger), ("gespreksleider", leader)):
            if not value:
                raise SessionError("name_missing", role=_ROLE_WORDS[role])
        if _same(inbrenger, leader):
            raise SessionError("leader_is_inbrenger", name=inbrenger)
        if timekeeper and _same(timekeeper, inbrenger):
            raise SessionError("timekeeper_is_inbrenger", name=inbrenger)
        members: list[str] = []
        for raw in self.deelnemers:
            name = _clean(raw)
            if not name:
                continue
            if any(_same(name, m) for m in members):
                raise SessionError("duplicate_member", name=name)
            for role, holder in (("inbrenger", inbrenger), ("gespreksleider", leader)):
                if _same(name, holder):
                    raise SessionError("member_has_role", name=name, role=_ROLE_WORDS[role])
            members.append(name)
        object.__setattr__(self, "inbrenger", inbrenger)
        object.__setattr__(self, "gespreksleider", leader)
        object.__setattr__(self, "tijdbewaker", timekeeper or None)
        object.__setattr__(self, "deelnemers", tuple(members))

    def names_for(self, role_id: str) -> tuple[str, ...]:
        """The names behind one of a method's role ids; empty for a role the session does not assign."""
        if role_id == "inbrenger":
            return (self.inbrenger,)
        if role_id == "gespreksleider":
            return (self.gespreksleider,)
        if role_id == "deelnemers":
            return self.deelnemers
        return ()


def _clean(name: str | None) -> str:
    return " ".join((name or "").split())


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


@dataclass(frozen=True)
class Intervention:
    """Something the facilitator stopped, in which phase, and when (seconds since the start)."""

    kind: Mistake
    phase_id: str
    at: float
    note: str = ""


@dataclass(frozen=True)
class LoggedQuestion:
    """A question typed during a question round, as the coach judged it."""

    text: str
    phase_id: str
    verdict: Verdict

    @property
    def mistake(self) -> Mistake | None:
        """The intervention this question would call for, if any."""
        return suggested_intervention(self.verdict)


def suggested_intervention(verdict: Verdict) -> Mistake | None:
    """What a facilitator could intervene on after this turn in a question round."""
    if verdict.kind is TurnKind.JUDGEMENT:
        return Mistake.JUDGEMENT
    if verdict.kind is TurnKind.ADVICE:
        return Mistake.ADVICE_IN_QUESTION_ROUND
    if verdict.kind is TurnKind.SUGGESTIVE:
        return Mistake.SUGGESTIVE_QUESTION
    if "stacked" in verdict.flags:
        return Mistake.STACKED_QUESTIONS
    if "why" in verdict.flags:
        return Mistake.WHY_QUESTION
    return None


@dataclass
class _PhaseClock:
    """Time kept for one phase: planned seconds, extensions, seconds spent (over all visits)."""

    phase: Phase
    planned: float
    extended: float = 0.0
    spent: float = 0.0
    visited: bool = False
    skipped: bool = False


def find_method(methods: Mapping[str, Method], method_id: str) -> Method:
    """The method with this id, or a :class:`SessionError` that suggests the closest id."""
    if method_id in methods:
        return methods[method_id]
    close = difflib.get_close_matches(str(method_id), list(methods), n=1)
    hint = tuple(h.format(close=close[0]) for h in MESSAGES["did_you_mean"]) if close else ("", "")
    raise SessionError("unknown_method", id=method_id, hint=hint)


class Session:
    """One run of a method with a group. See the module docstring for the states."""

    def __init__(
        self,
        method: Method,
        roles: Roles,
        *,
        clock: Clock = time.monotonic,
        minutes: Mapping[str, float] | None = None,
        day: date | None = None,
    ):
        """``minutes`` overrides the planned minutes of some phases (by phase id), e.g. to fit a shorter
        meeting; ``day`` is the date shown in the summary."""
        self.method = method
        self.roles = roles
        self.day = day
        self._clock = clock
        overrides = dict(minutes or {})
        ids = [p.id for p in method.phases]
        for phase_id in overrides:
            if phase_id not in ids:
                raise SessionError(
                    "unknown_phase", phase=phase_id, method=(method.name.nl, method.name.en), phases=", ".join(ids)
                )
        self._phases: list[_PhaseClock] = []
        for phase in method.phases:
            planned = overrides.get(phase.id, phase.minutes)
            if not _valid_minutes(planned, MAX_PHASE_MINUTES):
                raise SessionError("bad_minutes", phase=phase.id, got=planned, max=MAX_PHASE_MINUTES)
            self._phases.append(_PhaseClock(phase, float(planned) * 60))
        self.status = Status.READY
        self.index = 0
        self._started_at: float | None = None
        self._finished_at: float | None = None
        self._mark: float | None = None  # when the running stretch of the current phase began
        self.interventions: list[Intervention] = []
        self.questions: list[LoggedQuestion] = []

    # -- what the page shows -------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._phases[self.index].phase

    @property
    def phase_count(self) -> int:
        return len(self._phases)

    @property
    def is_last(self) -> bool:
        return self.index == len(self._phases) - 1

    @property
    def allowed(self) -> tuple[Contribution, ...]:
        return self.phase.allowed

    @property
    def is_question_round(self) -> bool:
        return bool(QUESTION_CONTRIBUTIONS & set(self.phase.allowed))

    def speakers(self) -> list[tuple[str, tuple[str, ...]]]:
        """Who speaks in this phase: (method role id, names) for each speaking role."""
        return [(role_id, self.roles.names_for(role_id)) for role_id in self.phase.speakers]

    def planned_seconds(self, index: int | None = None) -> float:
        clock = self._phases[self.index if index is None else index]
        return clock.planned + clock.extended

    def spent_seconds(self, index: int | None = None) -> float:
        i = self.index if index is None else index
        spent = self._phases[i].spent
        if i == self.index and self._mark is not None:
            spent += max(0.0, self._clock() - self._mark)
        return spent

    def remaining(self) -> float:
        """Seconds left in the current phase; negative when the phase runs over its time."""
        return self.planned_seconds() - self.spent_seconds()

    @property
    def overtime(self) -> bool:
        return self.status in (Status.RUNNING, Status.PAUSED) and self.remaining() <= 0

    def elapsed(self) -> float:
        """Seconds since the start, pauses included."""
        if self._started_at is None:
            return 0.0
        end = self._finished_at if self._finished_at is not None else self._clock()
        return end - self._started_at

    # -- actions ----------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.status is Status.FINISHED:
            raise SessionError("finished")
        if self.status is not Status.READY:
            raise SessionError("already_started")
        now = self._clock()
        self._started_at = now
        self._mark = now
        self._phases[0].visited = True
        self.status = Status.RUNNING

    def pause(self) -> None:
        self._require_live()
        if self.status is Status.PAUSED:
            raise SessionError("not_running")
        self._bank()
        self.status = Status.PAUSED

    def resume(self) -> None:
        self._require_live()
        if self.status is not Status.PAUSED:
            raise SessionError("not_paused")
        self._mark = self._clock()
        self.status = Status.RUNNING

    def toggle(self) -> Status:
        """Pause when running, resume when paused (the space bar); start when ready."""
        if self.status is Status.READY:
            self.start()
        elif self.status is Status.RUNNING:
            self.pause()
        else:
            self.resume()
        return self.status

    def extend(self, minutes: float) -> None:
        """Give the current phase more time, also when it is already over its time."""
        self._require_live()
        if not _valid_minutes(minutes, 30) or minutes < 1:
            raise SessionError("bad_extension", got=minutes, max=30)
        self._phases[self.index].extended += float(minutes) * 60

    def next(self) -> bool:
        """Close the current phase and open the next; at the last phase the session finishes.

        Returns ``True`` while there is a phase to show, ``False`` once the session has finished.
        """
        self._require_live()
        return self._leave(skipped=False)

    def skip(self) -> bool:
        """Like :meth:`next`, but the phase counts as skipped in the summary (the time spent stays)."""
        self._require_live()
        return self._leave(skipped=True)

    def back(self) -> None:
        """Return to the previous phase; its time goes on from what was spent there before."""
        self._require_live()
        if self.index == 0:
            raise SessionError("first_phase")
        self._bank()
        self.index -= 1
        self._phases[self.index].skipped = False
        self._restart_mark()

    def finish(self) -> SessionSummary:
        """End the session now (phases not reached count as not done) and return the summary."""
        if self.status is Status.READY:
            raise SessionError("not_started")
        if self.status is not Status.FINISHED:
            self._bank()
            self._finished_at = self._clock()
            self.status = Status.FINISHED
        return self.summary()

    def intervene(self, kind: Mistake | str, note: str = "") -> Intervention:
        """Log what the facilitator stopped, in the current phase."""
        self._require_live()
        item = Intervention(Mistake(kind), self.phase.id, self.elapsed(), _clean(note))
        self.interventions.append(item)
        return item

    def record_question(self, text: str, lang: str | None = None) -> LoggedQuestion:
        """Note a question asked in a question round; the coach judges it on the spot."""
        self._require_live()
        text = text.strip()
        if not text:
            raise SessionError("empty_question")
        if len(text) > MAX_QUESTION_CHARS:
            raise SessionError("question_too_long", n=len(text), max=MAX_QUESTION_CHARS)
        if len(self.questions) >= MAX_QUESTIONS:
            raise SessionError("too_many_questions", max=MAX_QUESTIONS)
        if not self.is_question_round:
            raise SessionError("not_question_round", phase=(self.phase.name.nl, self.phase.name.en))
        item = LoggedQuestion(text, self.phase.id, classify(text, lang))
        self.questions.append(item)
        return item

    # -- summary ------------------------------------------------------------------------------------------

    def summary(self) -> SessionSummary:
        phases = []
        for i, clock in enumerate(self._phases):
            phases.append(
                PhaseSummary(
                    phase_id=clock.phase.id,
                    name=(clock.phase.name.nl, clock.phase.name.en),
                    planned_minutes=clock.planned / 60,
                    extended_minutes=clock.extended / 60,
                    actual_minutes=self.spent_seconds(i) / 60,
                    done=clock.visited and not clock.skipped,
                    skipped=clock.skipped,
                )
            )
        return SessionSummary(
            method_id=self.method.id,
            method_name=(self.method.name.nl, self.method.name.en),
            roles=self.roles,
            phases=tuple(phases),
            interventions=tuple(self.interventions),
            questions=tuple(self.questions),
            elapsed_minutes=self.elapsed() / 60,
            finished=self.status is Status.FINISHED,
            day=self.day,
        )

    def summary_markdown(self, lang: str = "nl", *, with_names: bool = True) -> str:
        return self.summary().summary_markdown(lang, with_names=with_names)

    # -- bringing a session back after a page reload ------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The session as plain data (JSON-ready), so a reloaded page can bring it back.

        The times are seconds as they stand now; the clock's own readings are not kept, since a new kernel
        has another clock. Questions keep their text and language: the coach judges them again on restore.
        """
        return {
            "method": self.method.id,
            "roles": {
                "inbrenger": self.roles.inbrenger,
                "gespreksleider": self.roles.gespreksleider,
                "deelnemers": list(self.roles.deelnemers),
                "tijdbewaker": self.roles.tijdbewaker,
            },
            "status": self.status.value,
            "index": self.index,
            "elapsed": self.elapsed(),
            "day": self.day.isoformat() if self.day else None,
            "phases": [
                {
                    "id": c.phase.id,
                    "planned": c.planned,
                    "extended": c.extended,
                    "spent": self.spent_seconds(i),
                    "visited": c.visited,
                    "skipped": c.skipped,
                }
                for i, c in enumerate(self._phases)
            ],
            "interventions": [
                {"kind": x.kind.value, "phase": x.phase_id, "at": x.at, "note": x.note} for x in self.interventions
            ],
            "questions": [{"text": q.text, "phase": q.phase_id, "lang": q.verdict.lang} for q in self.questions],
        }

    @classmethod
    def restore(cls, method: Method, data: Mapping[str, Any], *, clock: Clock = time.monotonic, away: float = 0.0):  # type: ignore[no-untyped-def]
        """A session from :meth:`snapshot`. ``away`` is how many seconds passed since the snapshot: a
        running session went on meanwhile (the meeting did not stop for the reload), a paused one did not.

        Raises :class:`SessionError` (``cannot_restore``) when the data does not fit ``method``.
        """
        try:
            phases = list(data["phases"])
            if method.id != data["method"] or [p["id"] for p in phases] != [p.id for p in method.phases]:
                raise SessionError("cannot_restore")
            roles = data["roles"]
            session = cls(
                method,
                Roles(roles["inbrenger"], roles["gespreksleider"], tuple(roles["deelnemers"]), roles["tijdbewaker"]),
                clock=clock,
                minutes={p["id"]: float(p["planned"]) / 60 for p in phases},
                day=date.fromisoformat(data["day"]) if data.get("day") else None,
            )
            status = Status(data["status"])
            if status not in (Status.RUNNING, Status.PAUSED):
                raise SessionError("cannot_restore")
            for c, saved in zip(session._phases, phases, strict=True):
                c.extended, c.spent = float(saved["extended"]), float(saved["spent"])
                c.visited, c.skipped = bool(saved["visited"]), bool(saved["skipped"])
            index = int(data["index"])
            if not 0 <= index < len(phases):
                raise SessionError("cannot_restore")
            away = max(0.0, float(away)) if status is Status.RUNNING else 0.0
            now = clock()
            session.index, session.status = index, status
            session._started_at = now - float(data["elapsed"]) - away
            session._mark = now - away if status is Status.RUNNING else None
            for x in data.get("interventions", ()):
                session.interventions.append(
                    Intervention(Mistake(x["kind"]), str(x["phase"]), float(x["at"]), _clean(x.get("note", "")))
                )
            questions = list(data.get("questions", ()))
            if len(questions) > MAX_QUESTIONS:  # the file was written by the kit: more is not ours
                raise ValueError("too many questions")
            for q in questions:
                text = str(q["text"])
                if len(text) > MAX_QUESTION_CHARS:
                    raise ValueError("a question over the limit")
                session.questions.append(LoggedQuestion(text, str(q["phase"]), classify(text, q["lang"])))
        except SessionError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise SessionError("cannot_restore") from exc
        return session

    # -- internals ------------------------------------------------------------------------------------------

    def _require_live(self) -> None:
        if self.status is Status.READY:
            raise SessionError("not_started")
        if self.status is Status.FINISHED:
            raise SessionError("finished")

    def _bank(self) -> None:
        """Add the running stretch to the current phase's spent time."""
        if self._mark is not None:
            self._phases[self.index].spent += max(0.0, self._clock() - self._mark)
            self._mark = None

    def _restart_mark(self) -> None:
        self._phases[self.index].visited = True
        self._mark = self._clock() if self.status is Status.RUNNING else None

    def _leave(self, *, skipped: bool) -> bool:
        self._bank()
        self._phases[self.index].skipped = skipped
        if self.is_last:
            self._finished_at = self._clock()
            self.status = Status.FINISHED
            return False
        self.index += 1
        self._restart_mark()
        return True


def _valid_minutes(value: object, maximum: float) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and 0 < value <= maximum


@dataclass(frozen=True)
class PhaseSummary:
    phase_id: str
    name: tuple[str, str]  # (nl, en)
    planned_minutes: float
    extended_minutes: float
    actual_minutes: float
    done: bool
    skipped: bool

    @property
    def difference(self) -> float:
        """Actual minus planned (extensions not counted as planned): positive means over time."""
        return self.actual_minutes - self.planned_minutes


# Texts of the Markdown summary; the page has its own (registered) texts.
_MD: dict[str, tuple[str, str]] = {
    "title": ("Sessieverslag: {method}", "Session summary: {method}"),
    "date": ("Datum", "Date"),
    "roles": ("Rollen", "Roles"),
    "inbrenger": ("Inbrenger", "Inbrenger"),
    "gespreksleider": ("Gespreksleider", "Gespreksleider (facilitator)"),
    "tijdbewaker": ("Tijdbewaker", "Timekeeper"),
    "deelnemers": ("Deelnemers", "Participants"),
    "phases": ("Fasen: gepland en werkelijk", "Phases: planned and actual"),
    "col.phase": ("Fase", "Phase"),
    "col.planned": ("Gepland (min)", "Planned (min)"),
    "col.actual": ("Werkelijk (min)", "Actual (min)"),
    "col.note": ("Opmerking", "Note"),
    "skipped": ("overgeslagen", "skipped"),
    "not_reached": ("niet aan toegekomen", "not reached"),
    "extended": ("+{n} min verlengd", "extended by {n} min"),
    "total": ("Totaal", "Total"),
    "interventions": ("Interventies", "Interventions"),
    "no_interventions": ("Geen interventies genoteerd.", "No interventions logged."),
    "questions": ("Vragen in de vragenronde", "Questions in the question round"),
    "tally": (
        "{open} van de {n} vragen waren open; {flagged} open met aandachtspunt (waarom-vraag of meerdere vragen "
        "tegelijk).",
        "{open} of the {n} questions were open; {flagged} open with a point of attention (why-question or several "
        "questions at once).",
    ),
    "minute": ("minuut {n}", "minute {n}"),
}
_MISTAKE_WORDS: dict[Mistake, tuple[str, str]] = {
    Mistake.ADVICE_IN_QUESTION_ROUND: ("advies in de vraagronde", "advice in the question round"),
    Mistake.JUDGEMENT: ("oordeel", "judgement"),
    # The coach's words for the same things (terms.py), so a chip and an intervention never disagree.
    Mistake.WHY_QUESTION: FLAG_LABELS["why"],
    Mistake.STACKED_QUESTIONS: FLAG_LABELS["stacked"],
    Mistake.SUGGESTIVE_QUESTION: (
        KIND_LABELS[TurnKind.SUGGESTIVE][0].lower(),
        KIND_LABELS[TurnKind.SUGGESTIVE][1].lower(),
    ),
    Mistake.OWN_STORY: ("eigen verhaal", "own story"),
    Mistake.OFF_METHOD: ("buiten de methode", "off the method"),
}


def mistake_text(kind: Mistake, lang: str = "nl") -> str:
    """The short Dutch or English name of an intervention."""
    return pick(_MISTAKE_WORDS[kind], lang)


@dataclass(frozen=True)
class SessionSummary:
    """What happened: planned versus actual minutes per phase, interventions and the questions noted.

    This is what can go to the reflection journal: :meth:`summary_markdown` renders it.
    """

    method_id: str
    method_name: tuple[str, str]
    roles: Roles
    phases: tuple[PhaseSummary, ...]
    interventions: tuple[Intervention, ...] = ()
    questions: tuple[LoggedQuestion, ...] = ()
    elapsed_minutes: float = 0.0
    finished: bool = True
    day: date | None = None

    @property
    def planned_minutes(self) -> float:
        return sum(p.planned_minutes for p in self.phases)

    @property
    def actual_minutes(self) -> float:
        return sum(p.actual_minutes for p in self.phases)

    def intervention_counts(self) -> Counter[Mistake]:
        return Counter(i.kind for i in self.interventions)

    def question_tally(self) -> Tally:
        """The questions noted, counted by the one rule (``coach.tally``)."""
        return tally(q.verdict for q in self.questions)

    def summary_markdown(self, lang: str = "nl", *, with_names: bool = True) -> str:
        """The summary as Markdown; ``with_names=False`` leaves the group members' names out."""

        def tx(key: str, **params: object) -> str:
            return pick(_MD[key], lang).format(**params)

        name = pick(self.method_name, lang)
        lines = [f"# {tx('title', method=_md(name))}", ""]
        if self.day is not None:
            lines += [f"{tx('date')}: {self.day.isoformat()}", ""]
        if with_names:
            lines += [f"## {tx('roles')}", ""]
            lines.append(f"- {tx('inbrenger')}: {_md(self.roles.inbrenger)}")
            lines.append(f"- {tx('gespreksleider')}: {_md(self.roles.gespreksleider)}")
            if self.roles.tijdbewaker:
                lines.append(f"- {tx('tijdbewaker')}: {_md(self.roles.tijdbewaker)}")
            if self.roles.deelnemers:
                lines.append(f"- {tx('deelnemers')}: {', '.join(_md(n) for n in self.roles.deelnemers)}")
            lines.append("")
        lines += [
            f"## {tx('phases')}",
            "",
            f"| {tx('col.phase')} | {tx('col.planned')} | {tx('col.actual')} | {tx('col.note')} |",
            "|---|---:|---:|---|",
        ]
        for p in self.phases:
            notes = []
            if p.skipped:
                notes.append(tx("skipped"))
            elif not p.done:
                notes.append(tx("not_reached"))
            if p.extended_minutes:
                notes.append(tx("extended", n=_num(p.extended_minutes, lang)))
            phase_name = p.name[1] if lang == "en" else p.name[0]
            lines.append(
                f"| {_md(phase_name)} | {_num(p.planned_minutes, lang)} | {_num(p.actual_minutes, lang)} "
                f"| {'; '.join(notes)} |"
            )
        lines.append(
            f"| **{tx('total')}** | **{_num(self.planned_minutes, lang)}** | **{_num(self.actual_minutes, lang)}** | |"
        )
        lines += ["", f"## {tx('interventions')}", ""]
        if self.interventions:
            for kind, count in sorted(self.intervention_counts().items(), key=lambda kv: (-kv[1], kv[0].value)):
                lines.append(f"- {mistake_text(kind, lang)}: {count}×")
        else:
            lines.append(tx("no_interventions"))
        if self.questions:
            counts = self.question_tally()
            lines += ["", f"## {tx('questions')}", ""]
            lines.append(tx("tally", open=counts.open, flagged=counts.open_flagged, n=counts.turns))
            lines.append("")
            for q in self.questions:
                lines.append(f"- {_md(q.text)} — *{q.verdict.words(lang)}*")
        return "\n".join(lines) + "\n"


def _num(minutes: float, lang: str) -> str:
    """Minutes with one decimal at most, with a decimal comma in Dutch."""
    rounded = round(minutes, 1)
    text = str(int(rounded)) if float(rounded).is_integer() else f"{rounded:.1f}"
    return text.replace(".", ",") if lang != "en" else text


def _md(text: str) -> str:
    """Typed text inside Markdown: one line, every markup character escaped."""
    return md_literal(text, one_line=True)
