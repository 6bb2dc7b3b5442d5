"""Headless widget tests of the practice page (04) and the exercise page (07)."""

from __future__ import annotations

from intervisie_kit.content import load
from intervisie_kit.ui.exercises import ExerciseView
from intervisie_kit.ui.practice import PracticeView

CONTENT = load(include_env=False, strict=False)


def test_enter_submits_a_question_and_shows_the_verdict_and_the_answer() -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    view.input.value = "Heb je er al eens aan gedacht om nee te zeggen?"  # what Enter does in the browser
    assert view.input.value == ""
    assert 'data-kind="suggestive"' in view.conversation.value.replace("'", '"')
    assert "Probeer eens:" in view.conversation.value
    assert "Ruben:" in view.conversation.value
    assert "Suggestieve vraag 1" in view.tally.value and "nog 9 beurten" in view.tally.value


def test_the_round_ends_at_its_limit_with_a_summary_of_what_was_never_asked() -> None:
    view = PracticeView(CONTENT, "en", "familie-clienten")
    view.limit.value = 5
    for q in ["What did you feel?", "What happened next?", "Was it hard?", "You should call them.", "Why?"]:
        view.submit(q)
    assert view.input.disabled and view.ask.disabled
    assert "What you did not ask about" in view.summary.value
    assert "data:text/markdown;base64," in view.summary.value
    assert view.submit("One more?") is None


def test_typed_markup_is_shown_as_text() -> None:
    view = PracticeView(CONTENT, "nl")
    view.submit("<img src=x onerror=alert(1)> Wat voelde je?")
    assert "<img" not in view.conversation.value and "&lt;img" in view.conversation.value


def test_new_round_and_another_case_start_afresh() -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    view.submit("Wat voelde je?")
    view.case.value = "familie-clienten"
    assert view.conversation.value == "" and view.round.case.id == "familie-clienten" and not view.round.turns


def test_exercise_page_checks_written_and_recognised_answers() -> None:
    view = ExerciseView(CONTENT, "nl", "van-waarom-naar-wat")
    first = view.items[0]
    first.text.value = "Waarom deed je dat?"
    assert "data-ok='false'" in first.feedback.value and "waarom" in first.feedback.value.lower()
    first.text.value = "Wat maakte dat je toen ja zei?"
    assert "data-ok='true'" in first.feedback.value
    assert "1 van de 10 goed." in view.score.value
    view.picker.value = "verkapt-advies-herkennen"
    item = view.items[0]
    item.choice.value = item.choice.options[0][1]  # "Open vraag"
    assert "data-ok='true'" in item.feedback.value
