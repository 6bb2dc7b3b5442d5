"""Headless widget tests of the practice page (04) and the exercise page (07)."""

from __future__ import annotations

from intervisie_kit.content import load
from intervisie_kit.ui.exercises import ExerciseView
from intervisie_kit.ui.practice import PracticeView

CONTENT = load(include_env=False, strict=False)


def enter(view: PracticeView, text: str) -> None:
    """What the browser does on Enter: the value follows each keystroke, then a "submit" message comes."""
    view.input.value = text
    view.input._handle_custom_msg({"event": "submit"}, [])


def test_enter_submits_a_question_and_shows_the_verdict_and_the_answer() -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    enter(view, "Heb je er al eens aan gedacht om nee te zeggen?")
    assert view.input.value == ""
    assert 'data-kind="suggestive"' in view.conversation_html.replace("'", '"')
    assert "Probeer eens:" in view.conversation_html
    assert "Ruben:" in view.conversation_html
    assert "Suggestieve vraag 1" in view.tally.value and "nog 9 beurten" in view.tally.value


def test_typing_or_leaving_the_field_sends_nothing_only_enter_or_the_button_does() -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    view.input.value = "Wat ging er door je"  # typing, then Tab or a click elsewhere: no message follows
    assert not view.round.turns and view.conversation.children == ()
    assert view.input.value == "Wat ging er door je"  # what was typed stays
    view.input._handle_custom_msg({"event": "something-else"}, [])
    assert not view.round.turns
    view.input.value = "Wat ging er door je heen?"
    view.ask.click()
    assert len(view.round.turns) == 1 and view.input.value == ""
    enter(view, "   ")  # an empty field asks nothing
    assert len(view.round.turns) == 1


def test_the_newest_turn_comes_first_directly_under_the_field_as_its_own_log_entry() -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    enter(view, "Wat voelde je?")
    first = view.conversation.children[0]
    enter(view, "Wat deed je toen?")
    entries = view.conversation.children
    assert len(entries) == 2 and all("ik-turn-w" in e._dom_classes for e in entries)
    # Appended, so the browser adds one view (and a screen reader reads one turn); shown in reverse.
    assert entries[0] is first and "data-n='2'" in entries[-1].value and "Wat deed je toen?" in entries[-1].value
    assert view.conversation.layout.flex_flow == "column-reverse"
    assert view.conversation_html.index("data-n='2'") < view.conversation_html.index("data-n='1'")
    assert "ik-practice-log" in view.conversation._dom_classes  # the page template makes it a live log
    # The log follows the field and the tally, with nothing else in between.
    order = list(view.children)
    assert order.index(view.conversation) == order.index(view.tally) + 1


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
    assert "<img" not in view.conversation_html and "&lt;img" in view.conversation_html


def test_new_round_and_another_case_start_afresh() -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    view.submit("Wat voelde je?")
    view.case.value = "familie-clienten"
    assert view.conversation_html == "" and view.round.case.id == "familie-clienten" and not view.round.turns


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
