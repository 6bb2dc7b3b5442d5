"""A practice round: the trainee asks, the coach judges, the inbrenger of the case answers.

The inbrenger answers the way inbrengers do in real groups (the answers live in the case file):

- an open question about facts, feelings, thoughts, motives or alternatives gets a fuller answer that
  reveals something new about that side of the case;
- a closed question gets a short yes or no, and stays consistent within the round: the same closed
  question (also in slightly other words) gets the same answer, and a closed question that asks the same
  thing the other way round ("... niet ...?"), or asks about what the inbrenger told in a fuller answer
  (most of its words occur there), gets a non-committal answer instead of a yes or no that could
  contradict what was said;
- a suggestive question or advice gets the defensive "ja, maar ...";
- a judgement makes the inbrenger close up: until some open questions have restored the trust, even a
  good question gets only a guarded answer.

The round keeps the tally (``coach.tally``: plainly open, open with a point of attention, per kind) and,
at the end, says which sides of the case the trainee never asked about. Pure Python: the page only shows this state.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .coach import Verdict, classify
from .coach.tally import Tally
from .coach.tally import tally as count_verdicts
from .content.models import Case, InbrengerAnswers
from .terms import Dimension, TurnKind
from .text import md_literal

__all__ = ["ALREADY_TOLD", "DEFAULT_LIMIT", "LIMITS", "NUANCED", "PracticeRound", "Reply", "RoundOver", "Tally", "Turn"]

#: Turns per round. An information round gives every member a few questions; alone, the trainee asks them all.
LIMITS = (5, 10, 15)
DEFAULT_LIMIT = 10

#: How open the inbrenger is: starts at ease, a judgement costs two steps, a suggestion one, an open question
#: wins one back. At zero the inbrenger keeps answers guarded.
OPENNESS_START, OPENNESS_MAX = 2, 3
_COST = {TurnKind.JUDGEMENT: -2, TurnKind.SUGGESTIVE: -1, TurnKind.ADVICE: -1, TurnKind.OPEN: +1}

GUARDED = (
    "Hm. Ik weet eigenlijk niet zo goed of ik daar nu veel over kwijt wil.",
    "Hm. I'm not sure I want to say much about that right now.",
)
TOLD_ALL = (
    "Daar heb ik eigenlijk alles over verteld wat ik weet.",
    "I think I've told you everything I know about that.",
)
ALREADY_TOLD = (
    "Dat is niet zo met ja of nee te zeggen; ik vertelde er net al iets over. Vraag gerust hoe het zit.",
    "That's hard to answer with yes or no; I just told you something about it. Feel free to ask how it is.",
)
NUANCED = (
    "Hm, dat ligt wat genuanceerder dan ja of nee. Wat wil je er precies over weten?",
    "Hm, it's a bit more nuanced than yes or no. What exactly would you like to know?",
)
NO_ANSWERS = (
    "(Deze casus heeft geen antwoorden van de inbrenger; je oefent hier alleen het vragen.)",
    "(This case has no answers from the inbrenger; here you practise the asking only.)",
)


#: Words that say nothing about what a closed question asks, left out when two questions are compared.
_FILLER = frozenset(
    "je jij u jou jouw uw ik mij me mijn het de een dat die dit deze er daar hier is zijn was waren ben bent "
    "heb hebt heeft had hadden kan kun kunt kon wil wilt zou zal ook al wel nog eens toen dan en of om te "
    "van in op met aan voor bij naar over eigenlijk gewoon "
    "you your i me my it the a an that this there is are was were do does did have has had can could would "
    "will to of in on at for with about and or also already ever".split()
)
_NEGATIONS = frozenset({"niet", "geen", "nooit", "niets", "not", "no", "never", "nothing", "don't", "didn't"})
_WORD = re.compile(r"[\w']+")
#: Two closed questions ask the same thing when this share of their words is the same.
SAME_QUESTION = 0.6


def _question_key(text: str) -> tuple[frozenset[str], bool]:
    """The words that carry a closed question's content, and whether it is asked the negative way."""
    words = _WORD.findall(text.casefold())
    negative = sum(w in _NEGATIONS or w.endswith("n't") for w in words) % 2 == 1
    content = frozenset(w for w in words if w not in _FILLER and w not in _NEGATIONS and not w.endswith("n't"))
    return content, negative


def _same_question(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= SAME_QUESTION


class RoundOver(Exception):
    """The round has used all its turns."""


@dataclass(frozen=True)
class Reply:
    text: str
    tone: str  # opens | repeats | short | yes_but | closes | guarded | other | none
    dimension: Dimension | None = None  # the side of the case that opened up, if any


@dataclass(frozen=True)
class Turn:
    text: str
    verdict: Verdict
    reply: Reply


@dataclass
class PracticeRound:
    """One round of questions to one case. ``ask()`` until :attr:`done`; then read :meth:`missed`."""

    case: Case
    limit: int = DEFAULT_LIMIT
    lang: str = "nl"
    turns: list[Turn] = field(default_factory=list)
    revealed: Counter[Dimension] = field(default_factory=Counter)
    openness: int = OPENNESS_START
    _used: Counter[str] = field(default_factory=Counter)
    #: The short answers given this round: (content words, negative?, answer), so none is contradicted.
    _closed: list[tuple[frozenset[str], bool, str]] = field(default_factory=list)
    #: What the inbrenger has told this round in fuller answers: a yes or no must not contradict it.
    _told: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError(f"a round needs at least one turn, not {self.limit}")

    @property
    def remaining(self) -> int:
        return self.limit - len(self.turns)

    @property
    def done(self) -> bool:
        return self.remaining <= 0

    def ask(self, text: str) -> Turn:
        """Judge the turn and let the inbrenger answer. An empty turn is refused with ValueError."""
        if not text.strip():
            raise ValueError("an empty turn")
        if self.done:
            raise RoundOver(f"the round has used its {self.limit} turns")
        verdict = classify(text)
        turn = Turn(text, verdict, self._reply(text, verdict))
        self.turns.append(turn)
        return turn

    def _say(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.lang == "nl" else pair[1]

    def _next(self, key: str, options: tuple) -> str:  # type: ignore[type-arg]
        """Cycle through a case's answers of one sort, so repeats vary."""
        text = options[self._used[key] % len(options)].get(self.lang)
        self._used[key] += 1
        return text

    def _reply(self, text: str, verdict: Verdict) -> Reply:
        answers: InbrengerAnswers | None = self.case.answers
        before = self.openness
        self.openness = max(0, min(OPENNESS_MAX, self.openness + _COST.get(verdict.kind, 0)))
        if answers is None:
            return Reply(self._say(NO_ANSWERS), "none")
        kind = verdict.kind
        if kind is TurnKind.JUDGEMENT:
            return Reply(self._next("closing_up", answers.closing_up), "closes")
        if kind in (TurnKind.SUGGESTIVE, TurnKind.ADVICE):
            return Reply(self._next("yes_but", answers.yes_but), "yes_but")
        if kind is TurnKind.CLOSED:
            return self._short(text, answers)
        if kind is TurnKind.OTHER:
            return Reply(self._next("other", answers.other), "other")
        if before == 0:  # still closed up after a judgement or suggestions: one good question to thaw
            return Reply(self._say(GUARDED), "guarded")
        dimension = verdict.dimension or Dimension.FACTS
        reveal = answers.reveal(dimension)
        shown = self.revealed[dimension]
        if shown >= len(reveal.answers):
            return Reply(self._say(TOLD_ALL), "repeats", dimension)
        self.revealed[dimension] += 1
        text = reveal.answers[shown].get(self.lang)
        self._told.append(text)
        return Reply(text, "opens", dimension)

    def _short(self, text: str, answers: InbrengerAnswers) -> Reply:
        """A yes or no that never contradicts one given earlier in this round, nor what was told."""
        content, negative = _question_key(text)
        for earlier, earlier_negative, said in self._closed:
            if _same_question(content, earlier):
                if earlier_negative == negative:
                    return Reply(said, "short")
                return Reply(self._say(NUANCED), "short")
        told = {w for earlier_text in self._told for w in _WORD.findall(earlier_text.casefold())}
        if content and len(content & told) >= min(2, len(content)) and len(content & told) * 2 >= len(content):
            return Reply(self._say(ALREADY_TOLD), "short")
        said = self._next("short", answers.short)
        self._closed.append((content, negative, said))
        return Reply(said, "short")

    def tally(self) -> Tally:
        return count_verdicts(t.verdict for t in self.turns)

    def missed(self) -> list[tuple[Dimension, str]]:
        """The sides of the case the trainee never opened, with the inbrenger's words for it."""
        if self.case.answers is None:
            return []
        return [(d, self.case.answers.reveal(d).missed.get(self.lang)) for d in Dimension if not self.revealed[d]]

    def summary_markdown(self) -> str:
        """A summary the trainee can keep (the journal will store it)."""
        nl = self.lang == "nl"
        t = self.tally()
        title = self.case.title.get(self.lang)
        lines = [
            f"# {'Oefenronde' if nl else 'Practice round'}: {md_literal(title, one_line=True)}",
            "",
            (
                f"{t.turns} beurten, waarvan {t.open} open vragen ({t.open_share:.0%}) en {t.open_flagged} open met "
                f"aandachtspunt; {t.counts['suggestive']} suggestief, {t.counts['advice']} advies, "
                f"{t.counts['judgement']} oordeel, {t.counts['closed']} gesloten; {t.why} waarom-vragen, {t.stacked} "
                f"keer meerdere vragen tegelijk, {t.incomplete} nog geen volledige vraag."
                if nl
                else f"{t.turns} turns, {t.open} of them open questions ({t.open_share:.0%}) and {t.open_flagged} open "
                f"with a point of attention; {t.counts['suggestive']} suggestive, {t.counts['advice']} advice, "
                f"{t.counts['judgement']} judgement, {t.counts['closed']} closed; {t.why} why-questions, {t.stacked} "
                f"times several questions at once, {t.incomplete} not a complete question yet."
            ),
            "",
        ]
        for n, turn in enumerate(self.turns, start=1):
            label = turn.verdict.words(self.lang)
            lines.append(
                f"{n}. {md_literal(turn.text, one_line=True)}  \n"
                f"   *{md_literal(label, one_line=True)}*: {md_literal(turn.reply.text, one_line=True)}"
            )
        missed = self.missed()
        if missed:
            lines += ["", "## " + ("Waar je niet naar vroeg" if nl else "What you did not ask about")]
            lines += [f"- {md_literal(text, one_line=True)}" for _, text in missed]
        return "\n".join(lines) + "\n"
