"""Real-browser check of issue 13: every page with a free-text box shows the same verdict for the same text.

One test per page (01, 03, 04, 05, 07); each types the same three questions - a why-question, a stacked
question, a disguised advice - and checks the shared verdict component's kind, flags and words. Page 01 is
a quiz: it checks that the quiz calls the disguised advice what the coach calls it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown
from .test_browser_session import THIRD, start_session

pytestmark = pytest.mark.browser

#: text -> (kind, flags, the kind's word, the chips' words)
THREE = {
    "Waarom heb je toen niets gezegd?": ("open", "why", "Open vraag", ["waarom-vraag"]),
    "Wat voelde je en wat deed je daarna?": ("open", "stacked", "Open vraag", ["meerdere vragen tegelijk"]),
    "Heb je er al eens aan gedacht om het met je leidinggevende te bespreken?": (
        "suggestive",
        "",
        "Suggestieve vraag",
        [],
    ),
}


def expect_verdict(verdict: Locator, text: str) -> None:
    kind, flags, word, chips = THREE[text]
    expect(verdict).to_have_attribute("data-kind", kind)
    expect(verdict).to_have_attribute("data-flags", flags)
    expect(verdict.locator(".ik-verdict-kind")).to_have_text(word)
    expect(verdict.locator(".ik-flag")).to_have_text(chips)


def type_and_enter(field: Locator, text: str) -> None:
    field.fill(text)
    field.press("Enter")


def test_page_01_quiz_says_what_the_coach_says(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "01_wat_is_intervisie.ipynb")
    right = kit_page.locator(".ik-quiz-choice").first.get_by_text("Vriendelijk benoemen")
    expect(right).to_contain_text("een suggestieve vraag is (verkapt advies)")
    right.click()
    feedback = kit_page.locator(".ik-quiz-feedback").first
    expect(feedback).to_contain_text("Goed.")
    verdict = feedback.locator(".ik-verdict")
    expect(verdict).to_have_attribute("data-kind", "suggestive")
    expect(verdict.locator(".ik-verdict-kind")).to_have_text("Suggestieve vraag")
    assert_no_errors_shown(kit_page)


def test_page_03_judges_the_trainees_own_question(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "03_methoden.ipynb", "?method=incidentmethode")
    nxt = kit_page.locator(".ik-step-next button, button.ik-step-next").first
    for n in (2, 3):  # step 3 of the worked example asks "what would you ask now?"
        nxt.click()
        kit_page.locator(f".ik-step-body.ik-step-{n}").wait_for()
    body = kit_page.locator(".ik-step-body.ik-step-3")
    own = body.locator(".ik-own-question textarea")
    check = body.locator("button.ik-own-check, .ik-own-check button").first
    for text in THREE:
        own.fill(text)
        check.click()
        verdict = body.locator(".ik-verdict-view .ik-verdict")
        expect(body.locator(".ik-mine")).to_contain_text(text)
        expect_verdict(verdict, text)
    expect(body.locator(".ik-turn")).to_have_count(0)  # the group's turns only after "Laat zien"
    body.locator("button.ik-reveal, .ik-reveal button").first.click()
    expect(body.locator(".ik-turn").first).to_be_visible()
    assert_no_errors_shown(kit_page)


def test_page_04_practice_shows_the_shared_verdict(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "04_vragen_oefenen.ipynb", "?case=werkdruk-verminderen")
    field = kit_page.locator(".ik-practice-input input")
    for n, text in enumerate(THREE, start=1):
        type_and_enter(field, text)
        turn = kit_page.locator(f".ik-turn[data-n='{n}']")
        expect(turn.locator(".ik-asked")).to_contain_text(text)
        expect_verdict(turn.locator(".ik-verdict"), text)
    expect(kit_page.locator(".ik-practice-tally")).to_contain_text("0 van 3 open (0%)")
    expect(kit_page.locator(".ik-practice-tally")).to_contain_text("open, met aandachtspunt 2")
    assert_no_errors_shown(kit_page)


def test_page_05_live_coach_shows_the_shared_verdict(kit_page: Page, kit_server: KitServer) -> None:
    start_session(kit_page, kit_server)
    kit_page.locator(".ik-session-next").click()
    kit_page.locator(".ik-session-next").click()
    expect(kit_page.locator(".ik-phase-name")).to_have_text(THIRD)
    field = kit_page.locator(".ik-session-question input")
    log = kit_page.locator(".ik-session-question-log")
    for n, text in enumerate(THREE, start=1):
        type_and_enter(field, text)
        expect(log.locator("li")).to_have_count(n)
        newest = log.locator("li").first
        expect(newest).to_contain_text(text)
        expect_verdict(newest.locator(".ik-verdict"), text)
    expect(log.locator(".ik-session-tally")).to_contain_text("open, met aandachtspunt 2")
    assert_no_errors_shown(kit_page)


def test_page_07_exercise_shows_the_shared_verdict(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "07_oefensets.ipynb", "?set=een-vraag-tegelijk")
    field = kit_page.locator(".ik-exercise-input input").first
    feedback = kit_page.locator(".ik-exercise-feedback").first
    for text in THREE:
        type_and_enter(field, text)
        expect(feedback.locator("[data-ok]")).to_have_attribute("data-ok", "false")
        expect_verdict(feedback.locator(".ik-verdict"), text)
    type_and_enter(field, "wat")
    expect(feedback).to_contain_text("Dit is nog geen volledige vraag")
    assert_no_errors_shown(kit_page)
