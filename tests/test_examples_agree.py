"""Worked examples teach what the coach checks (issue 16, item 1): every labelled turn, in Dutch and in
English, gets the kind the vraagcoach gives it, except reviewed exceptions that say why (``coach_note``,
at most 3% of the turns); a turn offered as good practice never holds two questions; model answers of
the exercises are what their item asks for."""

from __future__ import annotations

import pytest

from intervisie_kit.coach import classify
from intervisie_kit.content import load

CONTENT = load(include_env=False)
MAX_EXCEPTIONS = 0.03


def labelled_turns():  # type: ignore[no-untyped-def]
    for method in CONTENT.methods.values():
        if method.worked_example is None:
            continue
        for step in method.worked_example.steps:
            for n, turn in enumerate(step.turns):
                if turn.kind is not None:
                    yield method.id, step.phase, n, turn


TURNS = list(labelled_turns())


def test_every_labelled_turn_agrees_with_the_coach_or_says_why() -> None:
    disagree, notes = [], 0
    for method_id, phase, n, turn in TURNS:
        if turn.coach_note:
            notes += 1
            continue
        for lang in ("nl", "en"):
            text = turn.text.en if lang == "en" else turn.text.nl
            if text is None:
                continue
            verdict = classify(text, lang)
            if verdict.kind is not turn.kind:
                disagree.append(f"{method_id} {phase}[{n}] {lang}: labelled {turn.kind}, coach {verdict.kind}: {text}")
    assert not disagree, f"{len(disagree)} turns disagree with the coach:\n" + "\n".join(disagree[:60])
    assert notes <= MAX_EXCEPTIONS * len(TURNS), f"{notes} reviewed exceptions of {len(TURNS)} turns (max 3%)"


def test_a_turn_offered_as_good_practice_holds_one_question() -> None:
    stacked = [
        f"{method_id} {phase}[{n}] {lang}: {text}"
        for method_id, phase, n, turn in TURNS
        if turn.mistake is None
        for lang, text in (("nl", turn.text.nl), ("en", turn.text.en))
        if text is not None and "stacked" in classify(text, lang).flags
    ]
    assert not stacked, "\n".join(stacked)


@pytest.mark.parametrize("method_id", sorted(m.id for m in CONTENT.methods.values() if m.worked_example))
def test_every_worked_example_is_in_english_too(method_id: str) -> None:
    example = CONTENT.methods[method_id].worked_example
    assert example is not None
    missing = []
    for step in example.steps:
        for name in ("inbrenger", "facilitator", "ask_yourself"):
            text = getattr(step, name)
            if text is not None and not text.en:
                missing.append(f"{step.phase}.{name}")
        for n, turn in enumerate(step.turns):
            for name in ("text", "answer", "intervention"):
                text = getattr(turn, name)
                if text is not None and not text.en:
                    missing.append(f"{step.phase}.turns[{n}].{name}")
    if example.outcome is not None and not example.outcome.en:
        missing.append("outcome")
    assert not missing, f"{method_id}: no English for {missing}"
