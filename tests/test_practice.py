"""Practice rounds: the inbrenger answers the way real inbrengers do; exercises check written questions."""

from __future__ import annotations

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Case, Skill
from intervisie_kit.exercise import check_recognised, check_written
from intervisie_kit.practice import ALREADY_TOLD, NUANCED, PracticeRound, RoundOver
from intervisie_kit.terms import Dimension, TurnKind

CONTENT = load(include_env=False)
PRACTICE_CASES = [c for c in CONTENT.cases.values() if c.answers is not None]


def test_every_case_carries_the_inbrengers_answers_in_both_languages() -> None:
    assert len(PRACTICE_CASES) == len(CONTENT.cases) >= 30
    for case in PRACTICE_CASES:
        answers = case.answers
        texts = [t for d in Dimension for t in (*answers.reveal(d).answers, answers.reveal(d).missed)]
        texts += [*answers.short, *answers.yes_but, *answers.closing_up, *answers.other]
        assert all(t.en for t in texts), case.id
        for d in Dimension:
            reveal = answers.reveal(d)
            assert len({t.nl for t in reveal.answers}) == len(reveal.answers) >= 2, (case.id, d)  # each tells more
            assert reveal.missed.nl.startswith("Je hebt niet gevraagd"), (case.id, d)
            assert reveal.missed.en.startswith("You did not ask"), (case.id, d)


@pytest.mark.parametrize("case", PRACTICE_CASES, ids=lambda c: c.id)
def test_every_case_answers_each_kind_of_turn_from_its_own_file(case: Case) -> None:
    r = PracticeRound(case, limit=9)
    asked = {
        Dimension.FACTS: "Wat gebeurde er precies?",
        Dimension.FEELINGS: "Wat voelde je op dat moment?",
        Dimension.THOUGHTS: "Wat dacht je toen?",
        Dimension.MOTIVES: "Wat is voor jou belangrijk in deze situatie?",
        Dimension.ALTERNATIVES: "Welke mogelijkheden heb je zelf al overwogen?",
    }
    for dimension, question in asked.items():
        reply = r.ask(question).reply
        assert (reply.tone, reply.dimension) == ("opens", dimension), question
        assert reply.text == case.answers.reveal(dimension).answers[0].get("nl")
    # A closed question: the case's own short answer, or, when it touches what was just told, the kit's
    # non-committal line, so the inbrenger never contradicts an earlier answer (issue 13).
    closed = r.ask("Heb je dat al tegen iemand gezegd?").reply
    assert closed.tone == "short" and closed.text in (case.answers.short[0].get("nl"), ALREADY_TOLD[0])
    assert r.ask("Zou het niet helpen als je het gewoon zegt?").reply.text == case.answers.yes_but[0].get("nl")
    assert r.ask("Dat had je nooit moeten doen.").reply.text == case.answers.closing_up[0].get("nl")
    assert r.ask("Dank je voor je verhaal.").reply.text == case.answers.other[0].get("nl")
    assert r.missed() == []


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


def test_the_same_closed_question_gets_the_same_answer_also_in_other_words() -> None:
    r = PracticeRound(CONTENT.cases["werkdruk-verminderen"], limit=10)
    first = r.ask("Heb je het met je leidinggevende besproken?")
    assert first.reply.tone == "short"
    r.ask("Is Marco je collega?")  # another closed question moves the cycle of short answers on
    again = r.ask("Heb je dat met je leidinggevende besproken?")
    assert again.reply.text == first.reply.text
    # Asked the other way round, a plain yes or no would contradict: the answer stays open.
    flipped = r.ask("Heb je het nooit met je leidinggevende besproken?")
    assert flipped.reply.text != first.reply.text
    assert flipped.reply.text == NUANCED[0]


def test_a_closed_question_about_what_was_told_gets_no_contradicting_yes_or_no() -> None:
    case = CONTENT.cases["werkdruk-verminderen"]
    r = PracticeRound(case, limit=10)
    told = r.ask("Wat voelde je toen Marco jouw naam noemde?").reply.text
    words = [w.strip(".,;:!?“”\"'") for w in told.split() if len(w.strip(".,;:!?“”\"'")) > 5]
    closed = r.ask(f"Was je {words[0].lower()}?")
    assert closed.verdict.kind is TurnKind.CLOSED
    assert closed.reply.text == ALREADY_TOLD[0]
    shorts = {a.get("nl") for a in case.answers.short}
    assert closed.reply.text not in shorts


@pytest.mark.parametrize("case", PRACTICE_CASES, ids=lambda c: c.id)
def test_no_round_contradicts_itself(case) -> None:  # type: ignore[no-untyped-def]
    # A round of closed questions, each asked twice (the second time in other words): never two answers.
    questions = ["Heb je dat al eens gezegd?", "Was het de eerste keer?", "Weet je leidinggevende ervan?"]
    r = PracticeRound(case, limit=15)
    first = {q: r.ask(q).reply.text for q in questions}
    for q in questions:
        assert r.ask(q.replace("?", " eigenlijk?")).reply.text == first[q]
