"""Real-browser test of the craft page (10): check a question, then choose in a difficult moment."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser


def test_a_question_is_checked_per_criterion_and_a_scene_answers_a_choice(
    kit_page: Page, kit_server: KitServer
) -> None:
    open_page(kit_page, kit_server, "10_het_vak.ipynb")
    expect(kit_page.get_by_role("heading", name="Het vak van begeleider")).to_be_visible()
    field = kit_page.locator(".ik-craft-question textarea")
    field.fill("Hoe krijg ik mijn collega zover dat hij zich aan de planning houdt?")
    kit_page.locator(".ik-craft-check").click()
    feedback = kit_page.locator(".ik-craft-feedback [role='status']")
    expect(feedback).to_contain_text("Nog niet op alle punten.")
    expect(feedback.locator("[data-check='ik_vraag']")).to_have_attribute("data-ok", "true")
    expect(feedback.locator("[data-check='open']")).to_have_attribute("data-ok", "true")
    own_part = feedback.locator("[data-check='eigen_aandeel']")
    expect(own_part).to_have_attribute("data-ok", "false")
    expect(own_part).to_contain_text("Wat kan ik doen, zodat hij zich aan de planning houdt?")
    expect(field).to_have_value("Hoe krijg ik mijn collega zover dat hij zich aan de planning houdt?")

    kit_page.get_by_role("tab", name="Lastige momenten").click()
    kit_page.locator(".ik-craft-scene-picker select").select_option(label="Een deelnemer blijft adviseren")
    expect(kit_page.locator(".ik-case h3", has_text="Een deelnemer blijft adviseren")).to_be_visible()
    kit_page.get_by_label("Het laten gaan; het is toch een vraag.").check()
    scene_feedback = kit_page.locator(".ik-craft-scene-feedback [role='status']")
    expect(scene_feedback).to_have_attribute("data-fit", "poor")
    expect(kit_page.locator(".ik-craft-interventions")).to_contain_text("Schrijf het op voor de adviesronde")
    assert_no_errors_shown(kit_page)
