"""Practice rounds: the inbrenger answers the way real inbrengers do; exercises check written questions."""

from __future__ import annotations

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Skill
from intervisie_kit.exercise import check_recognised, check_written
from intervisie_kit.practice import PracticeRound, RoundOver
from intervisie_kit.terms import Dimension, TurnKind

CONTENT = load(include_env=False)
PRACTICE_CASES = [c for c in CONTENT.cases.values() if c.answers is not None]


def test_at_least_six_cases_carry_the_inbrengers_answers() -> None:
    assert len(PRACTICE_CASES) >= 6


def test_open_questions_open_the_case_up_and_closed_ones_get_short_answers() -> None:
    case = CONTENT.cases["werkdruk-verminderen"]
    r = PracticeRound(case, limit=10)
    first = r.ask("Wat voelde je toen Marco jouw naam noemde?")
    assert first.reply.tone == "opens" and first.reply.dimension is Dimension.FEELINGS
    assert first.reply.text == case.answers.feelings.answers[0].get("nl")
    second = r.ask("Hoe voelde dat verder?")
    assert second.reply.text == case.answers.feelings.answers[1].get("nl")  # something new each time
    assert r.ask("Was je boos?").reply.tone == "short"
    assert r.ask("Heb je er al aan gedacht om nee te zeggen?").reply.tone == "yes_but"
    assert r.ask("Je moet gewoon nee zeggen.").reply.tone == "yes_but"


def test_a_judgement_closes_the_inbrenger_up_until_trust_returns() -> None:
    r = PracticeRound(CONTENT.cases["werkdruk-verminderen"], limit=10)
    assert r.ask("Dat had je nooit moeten doen.").reply.tone == "closes"
    assert r.openness == 0
    assert r.ask("Wat gebeurde er toen?").reply.tone == "guarded"  # one good question to thaw
    assert r.ask("Wat gebeurde er daarna?").reply.tone == "opens"


def test_the_tally_and_what_was_never_asked() -> None:
    case = CONTENT.cases["familie-clienten"]
    r = PracticeRound(case, limit=3)
    r.ask("Wat voelde je toen?")
    r.ask("Ik zou de familie uitnodigen.")
    r.ask("Wat is voor jou belangrijk in dit werk?")
    tally = r.tally()
    assert (tally.turns, tally.open, tally.counts["advice"]) == (3, 2, 1)
    assert r.done
    with pytest.raises(RoundOver):
        r.ask("Nog een vraag?")
    missed = dict(r.missed())
    assert set(missed) == {Dimension.FACTS, Dimension.THOUGHTS, Dimension.ALTERNATIVES}
    assert missed[Dimension.THOUGHTS] == case.answers.thoughts.missed.get("nl")
    summary = r.summary_markdown()
    assert "Ik zou de familie uitnodigen." in summary and case.answers.facts.missed.get("nl") in summary


def test_an_empty_turn_is_refused() -> None:
    with pytest.raises(ValueError):
        PracticeRound(PRACTICE_CASES[0]).ask("   ")


def test_at_least_six_exercise_sets_one_per_skill() -> None:
    skills = {s.skill for s in CONTENT.exercises.values()}
    assert len(CONTENT.exercises) >= 6
    assert {Skill.RECOGNISE_ADVICE, Skill.REWRITE_ADVICE, Skill.WHY_TO_WHAT, Skill.DIMENSIONS} <= skills
    assert {Skill.ONE_QUESTION, Skill.FOLLOW_UP} <= skills


@pytest.mark.parametrize(
    "exercise_set", [s for s in CONTENT.exercises.values() if s.mode.value == "write"], ids=lambda s: s.id
)
def test_every_model_answer_passes_its_own_check(exercise_set) -> None:  # type: ignore[no-untyped-def]
    for item in exercise_set.items:
        if item.model_answer is not None:
            result = check_written(item, exercise_set.skill, item.model_answer.get("nl"))
            assert result.ok, (item.model_answer.nl, result.problems, result.verdict)


def test_written_answers_are_checked_for_the_skill() -> None:
    why = CONTENT.exercises["van-waarom-naar-wat"]
    item = why.items[0]
    assert check_written(item, why.skill, "Waarom deed je dat?").problems == ("why", "too_short")
    assert check_written(item, why.skill, "Heb je al geprobeerd om te stoppen?").problems[0] == "kind"
    assert check_written(item, why.skill, "").problems == ("empty",)
    dims = CONTENT.exercises["vijf-richtingen"]
    feelings = next(i for i in dims.items if i.dimension is Dimension.FEELINGS)
    assert check_written(feelings, dims.skill, "Wat voelde je toen Marco dat zei?").ok
    assert "dimension" in check_written(feelings, dims.skill, "Wat gebeurde er daarna?").problems
    one = CONTENT.exercises["een-vraag-tegelijk"]
    assert "stacked" in check_written(one.items[0], one.skill, "Wat voelde je? En wat deed je?").problems


def test_recognising_a_turn() -> None:
    s = CONTENT.exercises["verkapt-advies-herkennen"]
    assert check_recognised(s.items[0], TurnKind.OPEN)
    assert not check_recognised(s.items[0], TurnKind.ADVICE)
