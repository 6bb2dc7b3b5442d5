"""Headless widget tests of the craft page (10): type, click, pick, and read what the page shows."""

from __future__ import annotations

import re

import pytest

from intervisie_kit.content import load
from intervisie_kit.craft import MAX_QUESTION_CHARS, MAX_SUMMARY_CHARS
from intervisie_kit.ui import shell
from intervisie_kit.ui.craft import CraftView, craft

CONTENT = load(include_env=False, strict=False)
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _checks(feedback: str) -> dict[str, bool]:
    """``data-check`` -> passed, from the feedback list."""
    found = re.findall(r"data-check='([a-z_]+)' data-ok='(true|false)'", feedback)
    return {check: ok == "true" for check, ok in found}


def test_a_question_gets_feedback_per_criterion() -> None:
    view = CraftView(CONTENT, "nl")
    q = view.question
    q.text.value = "Hoe krijg ik mijn collega zover dat hij zich aan de planning houdt?"
    q.check.click()
    feedback = q.feedback.value
    assert "role='status'" in feedback
    assert _checks(feedback) == {"ik_vraag": True, "actueel": True, "open": True, "eigen_aandeel": False}
    assert "Over je eigen aandeel" in feedback and "zodat hij zich aan de planning houdt" in feedback
    assert "Nog niet op alle punten." in feedback

    q.text.value = "Hoe kan ik de volgende keer rustig blijven als een ouder boos wordt?"
    q.check.click()
    assert set(_checks(q.feedback.value).values()) == {True}
    assert "Deze vraag voldoet aan alle vier." in q.feedback.value


def test_an_example_fills_the_box_and_can_be_checked_in_english() -> None:
    view = CraftView(CONTENT, "en")
    q = view.question
    q.example.value = 0
    assert q.text.value == "Why does my colleague never listen to me?"
    q.check.click()
    assert _checks(q.feedback.value)["eigen_aandeel"] is False
    assert "About your own part" in q.feedback.value and "not yet" in q.feedback.value


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_too_long_or_empty_input_is_refused_and_what_was_typed_stays(lang: str) -> None:
    view = CraftView(CONTENT, lang)
    q = view.question
    q.check.click()
    assert ("Type a text first." if lang == "en" else "Typ eerst een tekst.") in q.feedback.value
    typed = "Hoe kan ik " + "x" * MAX_QUESTION_CHARS
    q.text.value = typed
    q.check.click()
    assert str(MAX_QUESTION_CHARS) in q.feedback.value and "role='status'" in q.feedback.value
    assert q.text.value == typed
    s = view.summary
    s.text.value = "y" * (MAX_SUMMARY_CHARS + 1)
    s.check.click()
    assert str(MAX_SUMMARY_CHARS) in s.feedback.value and s.text.value == "y" * (MAX_SUMMARY_CHARS + 1)


def test_a_summary_gets_feedback_then_the_model_summary_and_a_follow_up() -> None:
    view = CraftView(CONTENT, "nl")
    s = view.summary
    assert s.picker.value == "nieuwe-teamleider" and "Sanne vertelt:" in s.fragment.value
    s.text.value = "Je bent teamleider. Je zou eens met Ellen moeten praten."
    s.check.click()
    assert _checks(s.feedback.value) == {"elements": False, "own_words": False, "short": True}
    assert "Een mogelijke samenvatting" in s.feedback.value and "Wat raakte je het meest" in s.feedback.value
    s.text.value = s.exercise.model_summaries[0].nl
    s.check.click()
    assert set(_checks(s.feedback.value).values()) == {True}
    s.picker.value = "telefoon-in-de-les"
    assert s.text.value == "" and s.feedback.value == "" and "Ayla" in s.fragment.value


def test_picking_a_scene_option_shows_feedback_and_model_interventions() -> None:
    view = CraftView(CONTENT, "nl")
    scenes = view.scenes
    scenes.picker.value = "blijft-adviseren"
    assert "Wat doe je nu?" in scenes.situation.value and scenes.feedback.value == ""
    assert len(scenes.options.options) == 3 and scenes.options.value is None
    scenes.options.value = 0  # "Het laten gaan"
    assert "data-fit='poor'" in scenes.feedback.value and "Liever niet" in scenes.feedback.value
    assert "Zo zou je het kunnen zeggen" in scenes.feedback.value and "adviesronde" in scenes.feedback.value
    scenes.options.value = 1
    assert "data-fit='good'" in scenes.feedback.value and "role='status'" in scenes.feedback.value
    scenes.picker.value = "tranen"
    assert scenes.options.value is None and scenes.feedback.value == ""


def test_the_address_can_open_a_scene_and_the_page_follows_the_language_switch() -> None:
    state = shell.PageState(lang="nl", content=CONTENT, params={"scene": "ja-maar"})
    page = craft(state)
    view = page.children[0]
    assert view.tabs.selected_index == 3 and view.scenes.picker.value == "ja-maar"
    assert view.tabs.titles[0] == "Een goede intervisievraag"
    state.lang = "en"
    view = page.children[0]
    assert view.tabs.titles == (
        "A good intervisie question",
        "Listen, summarise, ask further",
        "Stages of a group",
        "Difficult moments",
        "Intervisie and related forms",
    )
    assert "What do you do now?" in view.scenes.situation.value


def test_stages_and_forms_tables_show_the_content() -> None:
    view = CraftView(CONTENT, "nl")
    stages, forms = view.tabs.children[2], view.tabs.children[4]
    assert "Forming" in stages.value and "Tuckman" in stages.value and stages.value.count("<tr>") == 6
    for form in ("intervisie", "supervisie", "coaching", "werkoverleg"):
        assert f"data-form='{form}'" in forms.value
    assert "Wie brengt de inhoud in" in forms.value


def test_hostile_text_is_shown_as_text() -> None:
    view = CraftView(CONTENT, "nl")
    view.question.text.value = HOSTILE + " Hoe krijg ik hem zover?"
    view.question.check.click()
    view.summary.text.value = HOSTILE + " Je zou eens met Ellen moeten praten."
    view.summary.check.click()
    for value in (view.question.feedback.value, view.summary.feedback.value):
        assert "<script" not in value and "<img" not in value
    assert "&lt;img src=x" in view.summary.feedback.value  # quoted back in the reason, as text


def test_hostile_content_is_shown_as_text() -> None:
    scene = CONTENT.scenes["tranen"]
    bad = scene.model_copy(update={"situation": scene.situation.model_copy(update={"nl": HOSTILE})})
    content = type(CONTENT)(craft=CONTENT.craft, scenes={"tranen": bad})
    view = CraftView(content, "nl", "tranen")
    assert "<script" not in view.scenes.situation.value and "&lt;script&gt;" in view.scenes.situation.value


def test_without_craft_content_the_page_says_so() -> None:
    view = CraftView(type(CONTENT)(), "en")
    assert "is missing or has an error" in view.children[0].value
