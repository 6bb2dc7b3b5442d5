"""Real-browser tests of page 05 (Sessie begeleiden) and page 08 (Traject plannen).

What Python cannot see: the countdown and the phase-end signal run in the browser (``live.js``), the
keyboard control, the projector mode's type size and the downloads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page, wait_until
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser

FIRST = "Inventarisatie en keuze van het incident"
SECOND = "Toelichting op incident en vraag"
THIRD = "Informatieronde"


def start_session(page: Page, server: KitServer, query: str = "?method=incidentmethode") -> None:
    open_page(page, server, "05_sessie_begeleiden.ipynb", query)
    page.locator(".ik-session-names textarea").fill("Anna\nBram\nCem\nDewi\nEva")
    expect(page.locator(".ik-session-leader select")).to_have_value("Bram")
    page.locator(".ik-session-start").click()
    expect(page.locator(".ik-phase-name")).to_have_text(FIRST)


def font_px(locator) -> float:  # type: ignore[no-untyped-def]
    return float(locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))


def test_start_a_session_advance_a_phase_and_download_the_summary(kit_page: Page, kit_server: KitServer) -> None:
    start_session(kit_page, kit_server)
    clock = kit_page.locator(".ik-clock")
    expect(clock).to_have_text("10:00")
    expect(clock).not_to_have_text("10:00")  # the countdown runs in the browser, between kernel messages
    expect(kit_page.locator(".ik-speakers")).to_contain_text("Bram")
    kit_page.locator(".ik-session-next").click()
    expect(kit_page.locator(".ik-phase-name")).to_have_text(SECOND)
    expect(kit_page.locator(".ik-phase-count")).to_have_text("Fase 2 van 7")
    expect(kit_page.locator(".ik-speakers")).to_contain_text("Anna")

    kit_page.locator(".ik-session-next").click()
    expect(kit_page.locator(".ik-phase-name")).to_have_text(THIRD)
    question = kit_page.locator(".ik-session-question input")
    question.fill("Heb je er al aan gedacht om het gewoon te zeggen?")
    question.press("Enter")
    expect(kit_page.locator(".ik-session-question-log .ik-verdict").first).to_have_attribute("data-kind", "suggestive")
    kit_page.locator(".ik-intervention-advice-in-question-round").click()
    expect(kit_page.locator(".ik-session-interventions-log")).to_contain_text("1 interventie(s) genoteerd")

    kit_page.locator(".ik-session-finish").click()
    kit_page.locator(".ik-session-finish-yes").click()  # ending asks first
    summary = kit_page.locator(".ik-session-summary")
    expect(summary).to_contain_text("De sessie is afgelopen")
    expect(summary.locator("tr[data-phase='diagnose']")).to_contain_text("niet aan toegekomen")
    with kit_page.expect_download() as download:
        summary.locator("a.ik-session-download").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# Sessieverslag: Incidentmethode")
    assert "advies in de vraagronde: 1×" in text
    assert_no_errors_shown(kit_page)


def test_keyboard_pauses_and_moves_between_phases(kit_page: Page, kit_server: KitServer) -> None:
    start_session(kit_page, kit_server)
    timer = kit_page.locator(".ik-timer")
    kit_page.locator("body").click(position={"x": 5, "y": 5})  # focus on the page, not on a field
    kit_page.keyboard.press("Space")
    expect(timer).to_have_attribute("data-state", "paused")
    expect(kit_page.locator(".ik-session-pause")).to_have_text("Doorgaan")
    kit_page.keyboard.press("Space")
    expect(timer).to_have_attribute("data-state", "running")
    kit_page.keyboard.press("ArrowRight")
    expect(kit_page.locator(".ik-phase-name")).to_have_text(SECOND)
    # The phase name and the back button's state arrive as separate widget updates; a key on a disabled
    # button does nothing (by design), so wait until going back is possible.
    expect(kit_page.locator(".ik-session-back")).to_be_enabled()
    kit_page.keyboard.press("ArrowLeft")
    expect(kit_page.locator(".ik-phase-name")).to_have_text(FIRST)

    # With the focus on a button, space still only pauses: it must not also press that button.
    next_button = kit_page.locator(".ik-session-next")
    next_button.click()
    expect(kit_page.locator(".ik-phase-name")).to_have_text(SECOND)
    next_button.focus()
    kit_page.keyboard.press("Space")
    expect(timer).to_have_attribute("data-state", "paused")
    expect(kit_page.locator(".ik-phase-name")).to_have_text(SECOND)

    # Typing a question is typing: space and arrows stay in the text field.
    kit_page.keyboard.press("ArrowRight")
    expect(kit_page.locator(".ik-phase-name")).to_have_text(THIRD)
    field = kit_page.locator(".ik-session-question input")
    field.press_sequentially("Wat voel je ")
    field.press("ArrowLeft")
    expect(field).to_have_value("Wat voel je ")
    expect(kit_page.locator(".ik-phase-name")).to_have_text(THIRD)
    expect(timer).to_have_attribute("data-state", "paused")


def test_projector_mode_fills_a_1920_screen_with_large_high_contrast_type(
    kit_page: Page, kit_server: KitServer
) -> None:
    kit_page.set_viewport_size({"width": 1920, "height": 1080})
    start_session(kit_page, kit_server)
    kit_page.locator(".ik-projector-toggle").click()
    live = kit_page.locator(".ik-session-live")
    clock = kit_page.locator(".ik-clock")
    wait_until(lambda: font_px(clock) >= 250, 10, "the projector-size timer")
    box = live.bounding_box()
    assert box is not None and box["x"] == 0 and box["width"] == 1920 and box["height"] == 1080
    assert live.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(0, 0, 0)"
    assert clock.evaluate("el => getComputedStyle(el).color") == "rgb(255, 255, 255)"
    assert font_px(kit_page.locator(".ik-phase-name")) >= 60
    assert font_px(kit_page.locator(".ik-speakers li").first) >= 32  # readable at three metres
    assert font_px(kit_page.locator(".ik-prompt p")) >= 26
    expect(kit_page.locator(".ik-session-next")).to_be_in_viewport()
    # The whole timer is on screen, not scrolled away.
    clock_box = clock.bounding_box()
    assert clock_box is not None and clock_box["y"] + clock_box["height"] <= 1080
    kit_page.keyboard.press("Escape")
    wait_until(lambda: font_px(clock) < 120, 10, "the normal-size timer after Escape")


def test_the_timer_signals_the_end_of_a_phase(kit_page: Page, kit_server: KitServer) -> None:
    kit_page.clock.install()  # the browser's clock runs as usual, until the test moves it on
    start_session(kit_page, kit_server)
    timer = kit_page.locator(".ik-timer")
    expect(timer).to_have_class("ik-timer")
    expect(kit_page.locator(".ik-clock")).to_have_attribute("data-seen", "1")  # its count has started
    # Jump the browser's clock past the phase's ten minutes; the kernel is not involved in the countdown.
    kit_page.clock.fast_forward("10:05")
    expect(timer).to_have_class("ik-timer ik-over")
    expect(kit_page.locator(".ik-clock-label")).to_have_text("Tijd is om: rond af of verleng")
    expect(kit_page.locator(".ik-clock")).to_contain_text("+")


def test_plan_a_trajectory_and_download_the_calendar(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "08_traject_plannen.ipynb")
    kit_page.locator(".ik-plan-members textarea").fill("Anna\nBram\nCem\nDewi\nEva\nFleur")
    kit_page.locator(".ik-plan-start input").fill("2026-01-13")
    kit_page.locator(".ik-plan-skip textarea").fill("24-02-2026")
    kit_page.locator(".ik-plan-make").click()
    table = kit_page.locator(".ik-plan-table")
    expect(table.locator("tbody tr")).to_have_count(8)
    expect(table.locator("tr[data-kind='kickoff']")).to_contain_text("dinsdag 13 januari 2026")
    expect(table.locator("tr[data-meeting='2']")).to_contain_text("verschoven van dinsdag 24 februari 2026")
    expect(table.locator("tr[data-kind='final']")).to_contain_text("Eindevaluatie")
    with kit_page.expect_download() as download:
        kit_page.locator("a.ik-plan-ics").click()
    assert download.value.suggested_filename == "intervisie.ics"
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 8
    assert events[0].decoded("dtstart").isoformat() == "2026-01-13T14:00:00"
    assert events[1].decoded("dtstart").date().isoformat() == "2026-03-03"
    with kit_page.expect_download() as contract:
        kit_page.locator("a.ik-plan-contract").click()
    assert "Groepscontract" in Path(contract.value.path()).read_text(encoding="utf-8")
    assert_no_errors_shown(kit_page)
