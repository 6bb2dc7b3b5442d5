"""Real-browser tests of the flows through the kit (issue 13): what Python cannot see.

Page 04 sends a question only on Enter (never when the field loses focus) and marks the conversation as a
live log; page 05 comes back after a reload; every page has its previous / start / next links; the start
page's suggested orders are above the fold on a laptop screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from intervisie_kit.pages import available_pages

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}


def test_leaving_the_field_sends_nothing_enter_does(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "04_vragen_oefenen.ipynb", "?case=werkdruk-verminderen")
    field = kit_page.locator(".ik-practice-input input")
    field.fill("Wat ging er")
    field.press("Tab")  # the focus moves on: a half-typed question must not be asked
    field.fill("Wat ging er door")
    kit_page.locator(".ik-case h3").click()  # a click elsewhere
    field.fill("Wat ging er door je heen toen Marco jouw naam noemde?")
    field.press("Enter")
    turns = kit_page.locator(".ik-practice-log .ik-turn")
    expect(turns).to_have_count(1)  # only the question sent with Enter, nothing from leaving the field
    expect(turns.first).to_have_attribute("data-n", "1")
    expect(turns.first.locator(".ik-asked")).to_contain_text("toen Marco jouw naam noemde?")
    expect(field).to_have_value("")
    log = kit_page.locator(".ik-practice-log")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    field.fill("Was je boos?")
    kit_page.locator(".ik-practice-ask").click()  # the button sends too
    expect(turns).to_have_count(2)
    newest, oldest = turns.last, turns.first  # appended in the page, shown in reverse
    expect(newest).to_have_attribute("data-n", "2")
    expect(newest).to_be_in_viewport()
    top, below = newest.bounding_box(), oldest.bounding_box()
    assert top is not None and below is not None and top["y"] < below["y"]  # newest on top, under the field
    assert_no_errors_shown(kit_page)


def test_a_reload_mid_session_brings_the_session_back(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "05_sessie_begeleiden.ipynb", "?method=incidentmethode")
    kit_page.locator(".ik-session-names textarea").fill("Anna\nBram\nCem\nDewi\nEva")
    expect(kit_page.locator(".ik-session-leader select")).to_have_value("Bram")
    kit_page.locator(".ik-session-start").click()
    kit_page.locator(".ik-session-next").click()
    expect(kit_page.locator(".ik-phase-count")).to_have_text("Fase 2 van 7")
    kit_page.locator(".ik-intervention-judgement").click()
    expect(kit_page.locator(".ik-session-interventions-log")).to_contain_text("1 interventie(s) genoteerd")

    kit_page.reload()
    kit_page.locator(".ik-page").last.wait_for()
    offer = kit_page.locator(".ik-session-resume")
    expect(offer).to_contain_text("Er loopt nog een sessie")
    expect(offer).to_contain_text("in fase 2 van 7")
    go = offer.locator(".ik-session-resume-go")
    expect(go).to_contain_text("Ga verder met je sessie van ")
    go.click()
    expect(kit_page.locator(".ik-phase-count")).to_have_text("Fase 2 van 7")
    expect(kit_page.locator(".ik-speakers")).to_contain_text("Anna")
    expect(kit_page.locator(".ik-session-interventions-log")).to_contain_text("1 interventie(s) genoteerd")

    kit_page.locator(".ik-session-finish").click()
    expect(kit_page.locator(".ik-session-finish-confirm")).to_contain_text("De sessie nu beëindigen?")
    kit_page.locator(".ik-session-finish-cancel").click()
    expect(kit_page.locator(".ik-session-finish-confirm")).to_be_hidden()
    kit_page.locator(".ik-session-finish").click()
    kit_page.locator(".ik-session-finish-yes").click()
    expect(kit_page.locator(".ik-session-summary")).to_contain_text("De sessie is afgelopen")
    kit_page.reload()
    kit_page.locator(".ik-page").last.wait_for()
    expect(kit_page.locator(".ik-session-setup")).to_be_visible()
    expect(kit_page.locator(".ik-session-resume")).to_be_hidden()  # an ended session is not offered again
    assert_no_errors_shown(kit_page)


def test_every_page_links_to_the_previous_the_next_and_the_start(kit_page: Page, kit_server: KitServer) -> None:
    pages = [p.notebook for p in available_pages()]
    for i, notebook in enumerate(pages):
        open_page(kit_page, kit_server, notebook, "?lang=en" if i % 2 else "")
        nav = kit_page.locator("nav.ik-nav")
        expect(nav).to_be_visible()
        suffix = "?lang=en" if i % 2 else ""
        if i > 0:
            expect(nav.locator("a[rel=prev]")).to_have_attribute("href", pages[i - 1] + suffix)
            expect(nav.locator("a.ik-nav-start")).to_have_attribute("href", "00_start.ipynb" + suffix)
        if i + 1 < len(pages):
            expect(nav.locator("a[rel=next]")).to_have_attribute("href", pages[i + 1] + suffix)
    # Following "next" from the start page arrives on page 01.
    open_page(kit_page, kit_server, "00_start.ipynb")
    kit_page.locator("nav.ik-nav a[rel=next]").click()
    kit_page.wait_for_url("**/01_wat_is_intervisie.ipynb")
    kit_page.locator(".ik-page").last.wait_for()
    expect(kit_page.locator("nav.ik-nav a[rel=prev]")).to_contain_text("00 Start")
    assert_no_errors_shown(kit_page)


def test_the_suggested_orders_are_above_the_fold_on_a_laptop(
    kit_page: Page, kit_server: KitServer, tmp_path: Path
) -> None:
    kit_page.set_viewport_size(LAPTOP)
    open_page(kit_page, kit_server, "00_start.ipynb")
    routes = kit_page.locator(".ik-routes")
    expect(routes).to_contain_text("Zelfstudie:")
    expect(routes).to_contain_text("Een startdag voorbereiden:")
    box = routes.bounding_box()
    assert box is not None and box["y"] + box["height"] <= LAPTOP["height"], box
    kit_page.screenshot(path=str(tmp_path / "start-1366x768.png"))  # to look at: pytest --basetemp=DIR
    assert_no_errors_shown(kit_page)
