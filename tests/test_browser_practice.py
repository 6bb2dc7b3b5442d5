"""Real-browser tests of the practice page (04) and the exercise page (07)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser


def test_a_suggestive_question_gets_the_verdict_and_a_reformulation(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "04_vragen_oefenen.ipynb", "?case=werkdruk-verminderen")
    field = kit_page.locator(".ik-practice-input input")
    field.fill("Heb je er al eens aan gedacht om Marco om hulp te vragen?")
    field.press("Enter")  # the keyboard alone
    verdict = kit_page.locator(".ik-turn .ik-verdict").first
    expect(verdict).to_have_attribute("data-kind", "suggestive")
    expect(verdict).to_contain_text("Suggestieve vraag")
    expect(verdict.locator(".ik-suggestion")).to_contain_text("Probeer eens:")
    expect(kit_page.locator(".ik-reply").first).to_contain_text("Ruben:")
    expect(kit_page.locator(".ik-practice-tally")).to_contain_text("Suggestieve vraag 1")
    expect(field).to_have_value("")
    field.fill("Wat ging er door je heen toen Marco jouw naam noemde?")
    field.press("Enter")
    expect(kit_page.locator(".ik-turn .ik-verdict").last).to_have_attribute("data-kind", "open")
    assert_no_errors_shown(kit_page)


def test_an_exercise_set_gives_feedback_on_a_written_question(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "07_oefensets.ipynb", "?set=van-waarom-naar-wat&lang=en")
    field = kit_page.locator(".ik-exercise-input input").first
    field.fill("What made you say yes?")
    field.press("Enter")
    feedback = kit_page.locator(".ik-exercise-feedback").first
    expect(feedback.locator("[data-ok]")).to_have_attribute("data-ok", "true")
    expect(kit_page.locator(".ik-exercise-score")).to_contain_text("1 of 10 right.")
    assert_no_errors_shown(kit_page)
