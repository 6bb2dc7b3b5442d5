"""Is this a good LSD summary (luisteren, samenvatten, doorvragen: listen, summarise, ask further)?

Three checks on a trainee's summary of an inbrenger's fragment: does it pick up enough of the key
elements (their word lists are in the content), does it stay in the inbrenger's words without adding
advice, a judgement or an interpretation, and is it short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..coach import classify
from ..content.craft import SummaryExercise
from ..terms import TurnKind
from .common import Finding, accept, lang_of, say
from .common import words as _words

__all__ = [
    "ANCHOR_SHARE",
    "MAX_SUMMARY_CHARS",
    "SUMMARY_MAX_WORDS",
    "SummaryCheck",
    "check_summary",
    "summary_elements",
    "summary_length",
    "summary_own_words",
]

#: A summary is a few sentences.
MAX_SUMMARY_CHARS = 1_000
#: A summary longer than this is a retelling; it must also be shorter than the fragment itself.
SUMMARY_MAX_WORDS = 60
#: A sentence the coach hears as advice, judgement or suggestive still counts as the inbrenger's own
#: words when at least this share of its content words come from the fragment ("je moet wel dingen
#: gedaan krijgen" mirrors "ik moet wel dingen gedaan krijgen").
ANCHOR_SHARE = 0.6

MESSAGES: dict[str, tuple[str, str]] = {
    "elements.pass": (
        "Je pakt {found} van de {total} kernpunten op.",
        "You pick up {found} of the {total} key points.",
    ),
    "elements.fail": (
        "Je pakt {found} van de {total} kernpunten op; er zijn er minstens {need} nodig.",
        "You pick up {found} of the {total} key points; at least {need} are needed.",
    ),
    "elements.try": ("Nog niet genoemd: {missing}.", "Not mentioned yet: {missing}."),
    "own.pass": (
        "Je blijft bij wat de inbrenger zei, zonder advies of oordeel.",
        "You stay with what the inbrenger said, without advice or judgement.",
    ),
    "own.fail": (
        "Hier voeg je iets toe ({kind}): '{part}'",
        "Here you add something ({kind}): '{part}'",
    ),
    "own.try": (
        "Laat je eigen uitleg, advies en oordeel weg; gebruik de woorden van de inbrenger en check: 'Klopt dat?'",
        "Leave out your own reading, advice and judgement; use the inbrenger's words and check: 'Is that right?'",
    ),
    "short.pass": ("Kort: {words} woorden.", "Short: {words} words."),
    "short.fail": (
        "Met {words} woorden is het een navertelling; hooguit {limit} woorden.",
        "At {words} words it is a retelling; at most {limit} words.",
    ),
    "short.try": (
        "Houd alleen de kern over, in twee of drie zinnen.",
        "Keep only the core, in two or three sentences.",
    ),
}

_KIND_WORDS: dict[TurnKind, tuple[str, str]] = {
    TurnKind.ADVICE: ("advies", "advice"),
    TurnKind.JUDGEMENT: ("oordeel", "judgement"),
    TurnKind.SUGGESTIVE: ("eigen uitleg", "your own reading"),
}


def _say(key: str, lang: str, **params: object) -> str:
    return say(MESSAGES, key, lang, **params)


@dataclass(frozen=True, slots=True)
class SummaryCheck:
    text: str
    lang: str
    findings: tuple[Finding, ...]  # elements, own_words, short
    found: tuple[str, ...]  # ids of the elements picked up
    words: int

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.findings)

    def finding(self, check_id: str) -> Finding:
        for f in self.findings:
            if f.id == check_id:
                return f
        raise KeyError(check_id)


def _has_word(words: list[str], joined: str, key: str) -> bool:
    """A key word matches a word's beginning ("grap" finds "grapjes"); a phrase matches as words."""
    if " " in key:
        return re.search(rf"(?:^| ){re.escape(key)}", joined) is not None
    return any(w.startswith(key) for w in words)


def summary_elements(text: str, exercise: SummaryExercise, lang: str = "nl") -> tuple[Finding, tuple[str, ...]]:
    """Which of the fragment's key elements the summary picks up; enough when ``min_elements`` are."""
    lang = lang_of(lang)
    words = _words(text)
    joined = " ".join(words)
    found = tuple(
        e.id for e in exercise.elements if any(_has_word(words, joined, k.lower()) for k in e.words.get(lang))
    )
    total, need = len(exercise.elements), exercise.min_elements
    if len(found) >= need:
        return Finding("elements", True, _say("elements.pass", lang, found=len(found), total=total)), found
    missing = ", ".join(e.label.get(lang) for e in exercise.elements if e.id not in found)
    reason = _say("elements.fail", lang, found=len(found), total=total, need=need)
    return Finding("elements", False, reason, _say("elements.try", lang, missing=missing)), found


def _stem(word: str) -> str:
    return word[:5]


def _anchored(sentence: str, fragment_stems: set[str]) -> bool:
    content = [w for w in _words(sentence) if len(w) >= 4]
    if not content:
        return False
    share = sum(_stem(w) in fragment_stems for w in content) / len(content)
    return share >= ANCHOR_SHARE


_SENTENCES = re.compile(r"[^.!?;]+[.!?;]*")


def summary_own_words(text: str, exercise: SummaryExercise, lang: str = "nl") -> Finding:
    """No advice, judgement or own interpretation added: each sentence the coach hears as one of those
    must mirror the fragment (most of its content words come from it)."""
    lang = lang_of(lang)
    fragment_stems = {_stem(w) for w in _words(exercise.fragment.get(lang))}
    for part in (p.strip() for p in _SENTENCES.findall(text)):
        if not part:
            continue
        kind = classify(part, lang).kind
        if kind in _KIND_WORDS and not _anchored(part, fragment_stems):
            reason = _say("own.fail", lang, kind=_KIND_WORDS[kind][1 if lang == "en" else 0], part=part)
            return Finding("own_words", False, reason, _say("own.try", lang))
    return Finding("own_words", True, _say("own.pass", lang))


def summary_length(text: str, exercise: SummaryExercise, lang: str = "nl") -> tuple[Finding, int]:
    """Short: at most :data:`SUMMARY_MAX_WORDS` words, and fewer than the fragment itself."""
    lang = lang_of(lang)
    words = len(_words(text))
    limit = min(SUMMARY_MAX_WORDS, len(_words(exercise.fragment.get(lang))) - 1)
    if words <= limit:
        return Finding("short", True, _say("short.pass", lang, words=words)), words
    return Finding("short", False, _say("short.fail", lang, words=words, limit=limit), _say("short.try", lang)), words


def check_summary(text: str, exercise: SummaryExercise, lang: str = "nl") -> SummaryCheck:
    """Check a summary of ``exercise``'s fragment. Raises :class:`CraftInputError` when empty or too long."""
    lang = lang_of(lang)
    text = accept(text, MAX_SUMMARY_CHARS)
    elements, found = summary_elements(text, exercise, lang)
    length, words = summary_length(text, exercise, lang)
    findings = (elements, summary_own_words(text, exercise, lang), length)
    return SummaryCheck(text, lang, findings, found, words)
