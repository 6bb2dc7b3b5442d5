"""Real-browser tests of the catalogue pages: Wat is intervisie, Methodekiezer, Methoden."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser


def test_methodekiezer_recommends_balint_for_relational_emotion(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "02_methodekiezer.ipynb")
    size = kit_page.locator(".ik-form-size input")
    size.fill("7")
    size.press("Enter")
    kit_page.locator(".ik-form-experience").get_by_role("button", name="ervaren groep").click()
    kit_page.locator(".ik-form-trust").get_by_role("button", name="hoog").click()
    kit_page.locator(".ik-form-kind").get_by_text("Over een ander of een relatie").click()
    kit_page.locator(".ik-form-focus").get_by_role("button", name="onderstroom").click()
    kit_page.locator(".ik-form-emotional").get_by_text("Er zit veel emotie in").click()
    handle = kit_page.locator(".ik-form-minutes .noUi-handle")
    handle.focus()
    handle.press("ArrowRight")
    handle.press("ArrowRight")  # 60 -> 90 minutes
    expect(kit_page.locator(".ik-form-minutes")).to_contain_text("90")
    first = kit_page.locator('.ik-choice[data-rank="1"]')
    expect(first).to_have_attribute("data-method", "balintmethode")
    expect(first).to_contain_text("biedt ruimte voor sterke gevoelens")
    first.locator("a.ik-open").click()
    kit_page.wait_for_url(re.compile(r"03_methoden\.ipynb\?method=balintmethode$"))
    expect(kit_page.locator('.ik-method-card[data-method="balintmethode"]')).to_be_visible()
    assert_no_errors_shown(kit_page)


def test_step_through_a_worked_example(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "03_methoden.ipynb", "?method=incidentmethode")
    not_for = kit_page.locator('.ik-method-card[data-method="incidentmethode"] .ik-not-for')
    expect(not_for).to_be_visible()
    expect(not_for).to_contain_text("Niet geschikt voor")
    expect(not_for).to_contain_text("Niet voor een vaag, langer lopend onbehagen")
    stepper = kit_page.locator(".ik-stepper")
    expect(stepper).to_contain_text("Uitgewerkt voorbeeld")
    title = kit_page.locator(".ik-step-title")
    expect(title).to_contain_text("Fase 1 van 7")
    nxt = kit_page.locator(".ik-step-next button, button.ik-step-next").first
    for n in range(2, 8):
        nxt.click()
        expect(title).to_contain_text(f"Fase {n} van 7")
        body = kit_page.locator(f".ik-step-body.ik-step-{n}")
        body.wait_for()  # the step's own body, not the previous one still on screen
        reveal = body.locator("button.ik-reveal, .ik-reveal button")
        if reveal.count():
            body.locator(".ik-own-question textarea").fill("Wat maakte dat je ja zei?")
            reveal.first.click()
            expect(kit_page.locator(".ik-mine")).to_contain_text("Wat maakte dat je ja zei?")
    nxt.click()
    expect(title).to_contain_text("Wat het de inbrenger opleverde")
    expect(nxt).to_be_disabled()
    assert_no_errors_shown(kit_page)


def test_quiz_gives_feedback(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "01_wat_is_intervisie.ipynb")
    expect(kit_page.get_by_role("heading", name="Wat is intervisie?")).to_be_visible()
    kit_page.locator(".ik-quiz-choice").first.get_by_text("Vriendelijk benoemen").click()
    expect(kit_page.locator(".ik-quiz-feedback").first).to_contain_text("Goed.")
    expect(kit_page.locator(".ik-quiz-score")).to_contain_text("1 van de 1")


def test_method_page_fits_a_phone(kit_page: Page, kit_server: KitServer) -> None:
    kit_page.set_viewport_size({"width": 360, "height": 740})
    open_page(kit_page, kit_server, "03_methoden.ipynb", "?method=balintmethode")
    expect(kit_page.locator(".ik-stepper")).to_be_visible()
    width = kit_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the method page scrolls sideways on a phone ({width} px)"
