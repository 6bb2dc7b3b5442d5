"""Automatic feedback on exercise items: recognise the kind of a turn, or write a question the coach checks.

A written answer counts when the coach judges it the kind the item asks for (open, unless the item says
otherwise) **and** the item's own conditions hold (``docs/coach-labelling.md``, "Hoe de pagina's dit
tellen"):

- *a complete question with content*: not a fragment (the coach's ``incomplete`` flag), at least
  :data:`MIN_WORDS` words and :data:`MIN_CONTENT_WORDS` content word (not in :data:`FUNCTION_WORDS`);
- *about this item*: it shares a content word (by its first four letters) with the item's prompt or the
  inbrenger's answer, or uses one of the item's ``topic_words`` / ``follow_up`` words; or the item asks
  for a direction and the answer is an open question in that direction;
- *not another item's answer*: equal, or nearly equal (:data:`NEAR_EQUAL`, as a whole and in its content
  words), to the model answer of another item fails;
- *the set's skill*: one question at a time; no "waarom" when rewriting why-questions; the asked-for
  direction; a follow-up that picks up a word of the inbrenger's answer; not the prompt copied.

So typing ``wat`` or pasting another item's model answer fails with a message that says what to do. Pure
Python; the exercise page only shows the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from .coach import Verdict, classify
from .content.models import ExerciseItem, Skill
from .terms import TurnKind

__all__ = [
    "FUNCTION_WORDS",
    "MIN_CONTENT_WORDS",
    "MIN_WORDS",
    "NEAR_EQUAL",
    "Check",
    "check_recognised",
    "check_written",
    "content_words",
    "normalise",
]

#: A written question needs at least this many words ...
MIN_WORDS = 3
#: ... and this many content words.
MIN_CONTENT_WORDS = 1
#: Two answers this alike (difflib's ratio, after :func:`normalise`) count as the same answer.
NEAR_EQUAL = 0.9

#: Words that carry no topic: question words, pronouns, articles, auxiliaries and light verbs, prepositions,
#: conjunctions and small adverbs, Dutch and English. Everything else is a content word.
FUNCTION_WORDS = frozenset(
    """
    wat hoe waarom wie wiens welk welke wanneer waar waardoor waarover waarmee waarin waarop waaraan waarvoor
    hoezo ik je jij jou jouw u uw hij zij ze hem haar hun we wij ons onze jullie men het dat dit die deze
    zich jezelf mezelf zichzelf er daar hier de een den der is ben bent zijn was waren wordt word werd werden
    heb hebt heeft had hadden kan kun kunt kon konden zal zult zou zouden wil wilt wilde mag mocht moet moest
    doe doet deed deden doen gaat ging gingen gaan komt kwam kwamen komen maakt maakte maakten maken
    in op aan van voor met bij naar om over uit tot door tegen tussen zonder na toe mee
    en of maar want omdat dus als dan toen nu al nog ook wel niet geen eens even zo toch eigenlijk precies
    echt heel erg meer veel iets niets te zei zeg zegt zeggen vertel vertellen
    what how why who whom whose which when where i you your yours he she it they them their his her we us
    our me my myself yourself the a an is am are was were be been being do does did done have has had can
    could will would shall should may might must make makes made get got go goes went come came
    of to for with at by from on in into about as than then so and or but because if not no any some
    just really very more much that this those these there here say says said tell
    """.split()
)

_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:['’-][a-zà-ÿ0-9]+)*")


@dataclass(frozen=True)
class Check:
    ok: bool
    verdict: Verdict | None
    # codes: empty, incomplete, too_short, other_answer, off_topic, kind, stacked, why, dimension, follow_up, copy
    problems: tuple[str, ...]


def check_recognised(item: ExerciseItem, kind: TurnKind) -> bool:
    return kind in item.expected


def _stem(word: str) -> str:
    word = word.lower().strip()
    return word[:5] if len(word) > 6 else word


def normalise(text: str) -> str:
    """Lower case, words only, single spaces: the form in which two answers are compared."""
    return " ".join(_WORD.findall(text.lower()))


def content_words(text: str) -> list[str]:
    """The words of a text that carry its topic (not in :data:`FUNCTION_WORDS`)."""
    return [w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS and len(w) > 1]


def _topic_stem(word: str) -> str:
    """Words about the same thing share their first four letters: werk/werken, report/reported."""
    return word[:4]


def _about_item(text: str, item: ExerciseItem, lang: str) -> bool:
    """Whether the answer shares a content word with the item's prompt or the inbrenger's answer, or uses one of
    the item's listed ``topic_words`` / ``follow_up`` words."""
    texts = [item.prompt.get(lang)]
    if item.answer is not None:
        texts.append(item.answer.get(lang))
    listed = {w for words in (*item.topic_words, *item.follow_up) for w in _WORD.findall(words.lower())}
    topic = {_topic_stem(w) for t in texts for w in content_words(t)} | {_topic_stem(w) for w in listed}
    words = _WORD.findall(text.lower())
    return any(_topic_stem(w) in topic for w in words if w in listed or (w not in FUNCTION_WORDS and len(w) > 1))


def _is_other_answer(text: str, own: str, others: Iterable[str]) -> bool:
    """Equal, or nearly equal both as a whole and in its content words (so "... voor deze functie koos?" and
    "... voor deze aanpak koos?" stay two answers, but a pasted answer with a typo is caught)."""
    mine = normalise(text)
    mine_content = " ".join(content_words(text))
    for other in others:
        theirs = normalise(other)
        if not theirs or theirs == own:
            continue
        if mine == theirs:
            return True
        if (
            SequenceMatcher(None, mine, theirs).ratio() >= NEAR_EQUAL
            and SequenceMatcher(None, mine_content, " ".join(content_words(other))).ratio() >= NEAR_EQUAL
        ):
            return True
    return False


def check_written(
    item: ExerciseItem, skill: Skill, text: str, lang: str = "nl", other_answers: Iterable[str] = ()
) -> Check:
    """Check a written answer. ``other_answers``: the model answers of the other items (any language), which a
    pasted answer must not be."""
    text = text.strip()
    if not text:
        return Check(False, None, ("empty",))
    verdict = classify(text)
    own = normalise(item.model_answer.get(lang)) if item.model_answer is not None else ""
    if "incomplete" in verdict.flags:
        return Check(False, verdict, ("incomplete",))
    if _is_other_answer(text, own, other_answers):
        return Check(False, verdict, ("other_answer",))
    problems: list[str] = []
    if verdict.kind not in (item.expected or (TurnKind.OPEN,)):
        problems.append("kind")
    if "stacked" in verdict.flags:
        problems.append("stacked")
    if skill is Skill.WHY_TO_WHAT and "why" in verdict.flags:
        problems.append("why")
    if item.dimension is not None and verdict.kind is TurnKind.OPEN and verdict.dimension != item.dimension:
        problems.append("dimension")
    if item.follow_up and not any(_stem(w) in text.lower() for w in item.follow_up):
        problems.append("follow_up")
    if normalise(text) == normalise(item.prompt.get(lang)):
        problems.append("copy")
    in_direction = item.dimension is not None and verdict.kind is TurnKind.OPEN and verdict.dimension == item.dimension
    if len(_WORD.findall(text.lower())) < MIN_WORDS or len(content_words(text)) < MIN_CONTENT_WORDS:
        problems.append("too_short")
    elif not in_direction and not _about_item(text, item, lang):
        problems.append("off_topic")
    return Check(not problems, verdict, tuple(problems))
