"""Exercise checks that cannot be fooled: the coach plus the item's own conditions (exercise.py)."""

from __future__ import annotations

import pytest

from intervisie_kit.coach import classify
from intervisie_kit.content import load
from intervisie_kit.content.models import ExerciseMode
from intervisie_kit.exercise import check_written, normalise
from intervisie_kit.ui.exercises import ExerciseView

CONTENT = load(include_env=False, strict=False)
WRITTEN = [(s, item) for s in CONTENT.exercises.values() if s.mode is ExerciseMode.WRITE for item in s.items]
ALL_ANSWERS = [
    (item, item.model_answer.get(lang)) for _, item in WRITTEN if item.model_answer is not None for lang in ("nl", "en")
]


def others(item) -> list[str]:  # type: ignore[no-untyped-def]
    return [text for other, text in ALL_ANSWERS if other is not item]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("exercise_set", "item"), WRITTEN, ids=[f"{s.id}-{n}" for n, (s, _) in enumerate(WRITTEN)])
def test_every_model_answer_passes_its_own_item(exercise_set, item, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert item.model_answer is not None
    result = check_written(item, exercise_set.skill, item.model_answer.get(lang), lang, others(item))
    assert result.ok, result.problems


@pytest.mark.parametrize(("exercise_set", "item"), WRITTEN, ids=[f"{s.id}-{n}" for n, (s, _) in enumerate(WRITTEN)])
def test_another_items_model_answer_fails(exercise_set, item) -> None:  # type: ignore[no-untyped-def]
    own = normalise(item.model_answer.nl)
    pasted = next(text for other, text in ALL_ANSWERS if other is not item and normalise(text) != own)
    result = check_written(item, exercise_set.skill, pasted, "nl", others(item))
    assert not result.ok and result.problems == ("other_answer",)


@pytest.mark.parametrize("text", ["wat", "Wat maakte", "hoe?", "werkdruk", "Wat maakte dat"])
def test_a_fragment_fails_as_incomplete(text: str) -> None:
    exercise_set = CONTENT.exercises["vijf-richtingen"]
    result = check_written(exercise_set.items[0], exercise_set.skill, text, "nl", others(exercise_set.items[0]))
    assert not result.ok and result.problems == ("incomplete",)
    assert result.verdict is not None and "incomplete" in result.verdict.flags


def test_too_little_content_and_another_situation_fail() -> None:
    exercise_set = CONTENT.exercises["advies-herschrijven"]
    item = exercise_set.items[0]
    assert check_written(item, exercise_set.skill, "Wat is dat dan?", "nl").problems == ("too_short",)
    off = check_written(item, exercise_set.skill, "Hoe kijk je naar het weer van vandaag?", "nl")
    assert "off_topic" in off.problems and classify("Hoe kijk je naar het weer van vandaag?").kind.value == "open"


def test_a_pasted_answer_with_a_typo_still_fails_but_a_neighbour_answer_does_not() -> None:
    exercise_set = CONTENT.exercises["van-waarom-naar-wat"]
    by_prompt = {item.prompt.nl: item for item in exercise_set.items}
    leader = by_prompt["Waarom ben je eigenlijk teamleider geworden?"]
    approach = by_prompt["Waarom koos je voor deze aanpak met die ouders?"]
    typo = approach.model_answer.nl.replace("aanpak", "aanpk")
    assert check_written(leader, exercise_set.skill, typo, "nl", others(leader)).problems == ("other_answer",)
    assert check_written(leader, exercise_set.skill, leader.model_answer.nl, "nl", others(leader)).ok


def test_the_no_why_condition_is_the_items_own_and_the_verdict_is_the_coachs() -> None:
    exercise_set = CONTENT.exercises["van-waarom-naar-wat"]
    item = exercise_set.items[0]
    result = check_written(item, exercise_set.skill, "Waarom heb je toen ja gezegd tegen haar?", "nl")
    assert result.verdict == classify("Waarom heb je toen ja gezegd tegen haar?")
    assert "why" in result.problems and "kind" not in result.problems


def test_the_exercise_page_says_what_to_do() -> None:
    view = ExerciseView(CONTENT, "nl", "van-waarom-naar-wat")
    first, second = view.items[0], view.items[1]
    first.write("wat")
    assert "data-ok='false'" in first.feedback.value
    assert "Dit is nog geen volledige vraag" in first.feedback.value
    assert second.write(first._item.model_answer.nl) is False
    assert (
        "Dit is het voorbeeldantwoord van een andere oefening; bedenk een vraag bij deze situatie."
        in second.feedback.value
    )
    first.write("Waarom heb je toen ja gezegd?")
    assert "Voorwaarde van deze oefening: geen" in first.feedback.value
    assert "data-flags='why'" in first.feedback.value
    assert "0 van de 10 goed." in view.score.value
    english = ExerciseView(CONTENT, "en", "doorvragen")
    item = english.items[0]
    item.write("What happened next?")
    assert "for example &#x27;shake&#x27;" in item.feedback.value  # a word of the English answer
