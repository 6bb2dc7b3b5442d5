"""Automatic feedback on exercise items: recognise the kind of a turn, or write a question the coach checks.

A written answer counts when the coach judges it open (or another kind the item allows), it asks one
question at a time, and it meets the skill of the set: no "waarom" when rewriting why-questions, the
asked-for direction (facts, feelings, thoughts, motives, alternatives), or a follow-up that picks up
a word of the inbrenger's answer. Pure Python; the exercise page only shows the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from .coach import Verdict, classify
from .content.models import ExerciseItem, Skill
from .terms import TurnKind

__all__ = ["Check", "check_recognised", "check_written"]


@dataclass(frozen=True)
class Check:
    ok: bool
    verdict: Verdict | None
    problems: tuple[str, ...]  # codes: kind, stacked, why, dimension, follow_up, copy, empty


def check_recognised(item: ExerciseItem, kind: TurnKind) -> bool:
    return kind in item.expected


def _stem(word: str) -> str:
    word = word.lower().strip()
    return word[:5] if len(word) > 6 else word


def check_written(item: ExerciseItem, skill: Skill, text: str, lang: str = "nl") -> Check:
    text = text.strip()
    if not text:
        return Check(False, None, ("empty",))
    verdict = classify(text)
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
    if text.lower().rstrip("?!. ") == item.prompt.get(lang).lower().rstrip("?!. "):
        problems.append("copy")
    return Check(not problems, verdict, tuple(problems))
