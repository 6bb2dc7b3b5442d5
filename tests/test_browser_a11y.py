"""Accessibility in a real Chromium: axe-core on every page, language and title, keyboard and announcements.

axe-core (bundled by axe-playwright-python) runs with the WCAG 2.0, 2.1 and 2.2 A and AA rules on every page
at first load and, where a page has one, after its main interaction. Critical and serious violations fail
the test; moderate and minor ones are printed (``pytest -s`` shows them), so they stay visible without
blocking. One page load per page: the extra checks of language, keyboard and live regions ride along on
the pages where they matter.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING = ("critical", "serious")
MIN_FOCUS_RING_PX = 2.0

NOTEBOOKS = [
    "00_start.ipynb",
    "01_wat_is_intervisie.ipynb",
    "02_methodekiezer.ipynb",
    "03_methoden.ipynb",
    "04_vragen_oefenen.ipynb",
    "05_sessie_begeleiden.ipynb",
    "06_reflectie.ipynb",
    "07_oefensets.ipynb",
    "08_traject_plannen.ipynb",
    "09_groepen_indelen.ipynb",
    "10_het_vak.ipynb",
    "99_inhoud.ipynb",
]


def axe_check(page: Page, when: str) -> None:
    """Fail on critical or serious violations; list the others in the test output."""
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    blocking, other = [], []
    for v in result.response["violations"]:
        where = "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:3])
        line = f"{v['impact']}: {v['id']} ({len(v['nodes'])}x, e.g. {where}) - {v['help']}"
        (blocking if v["impact"] in BLOCKING else other).append(line)
    for line in other:
        print(f"axe {when}: {line}")
    assert blocking == [], f"axe {when}:\n" + "\n".join(blocking)


def announced(page: Page) -> str:
    return page.locator("#ik-announce-polite").text_content() or ""


def open_a_method(page: Page) -> None:
    """03: the skip link leads to the search; the method picker is a named list box; language and title."""
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_title("Methoden - Intervisie-kit")
    page.keyboard.press("Tab")
    expect(page.locator("#ik-skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Zoeken")).to_be_focused()  # past the header, to the search
    listing = page.get_by_role("listbox", name="Kies een methode")
    listing.select_option(index=0)
    expect(page.locator(".ik-method-detail .widget-html").first).to_be_visible()
    page.locator(".ik-lang-toggle button", has_text="EN").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title("Methods - Intervisie kit")
    expect(page.get_by_role("listbox", name="Choose a method")).to_be_visible()


def ask_a_question(page: Page) -> None:
    """04: from page load, Tab reaches the skip link first, which leads straight to the question box."""
    page.keyboard.press("Tab")
    skip = page.locator("#ik-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Naar de inhoud")
    ring = skip.evaluate("el => parseFloat(getComputedStyle(el).outlineWidth)")
    assert ring >= MIN_FOCUS_RING_PX
    page.keyboard.press("Enter")
    field = page.locator(".ik-practice-input input, .ik-practice-input textarea").first
    expect(field).to_be_focused()
    assert field.evaluate("el => parseFloat(getComputedStyle(el).outlineWidth)") >= MIN_FOCUS_RING_PX
    page.keyboard.type("Wat maakt dit moment lastig voor je?")
    page.keyboard.press("Enter")
    log = page.locator(".ik-practice-log")
    expect(log).to_have_attribute("role", "log")
    expect(log.locator(".ik-turn")).to_have_count(1)


def start_a_session(page: Page) -> None:
    """05: starting a session announces its first phase through the live region."""
    page.locator(".ik-session-names textarea").fill("Anna\nBram\nCem\nDewi\nEva")
    page.locator(".ik-session-start").click()
    expect(page.locator(".ik-phase-name")).to_be_visible()
    expect(page.locator("#ik-announce-polite")).to_contain_text("Fase 1")


def save_a_reflection(page: Page) -> None:
    """06: "Bewaard." is announced; the progress tab opens by keyboard and shows the figures (alt text)."""
    page.locator(".ik-journal-label input").fill("Bijeenkomst 1")
    page.locator(".ik-field-wat-gebeurde textarea").fill("We oefenden de incidentmethode.")
    page.locator(".ik-journal-save").click()
    expect(page.locator(".ik-journal-status")).to_contain_text("Bewaard")
    expect(page.locator("#ik-announce-polite")).to_contain_text("Bewaard")
    # The tabs by keyboard: from the current tab, the arrow keys move and Enter opens.
    page.get_by_role("tab", name="Schrijven").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="Voortgang")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("tab", name="Voortgang")).to_have_attribute("aria-selected", "true")
    expect(page.locator(".ik-journal-progress .ik-progress-lines")).to_be_visible()
    for img in page.locator(".ik-journal-progress img").all():
        assert (img.get_attribute("alt") or "").strip(), "a chart without a text alternative"


def make_a_plan(page: Page) -> None:
    """08: a plan made; the sliders are named and the accordion works by keyboard."""
    for handle in page.locator(".ik-plan-meetings [role=slider], .ik-plan-interval [role=slider]").all():
        assert handle.get_attribute("aria-label")
    page.locator(".ik-plan-members textarea").fill("Anna\nBram\nCem\nDewi\nEva\nFleur")
    page.locator(".ik-plan-start input").fill("2026-01-13")
    page.locator(".ik-plan-make").click()
    expect(page.locator(".ik-plan-table tbody tr").first).to_be_visible()
    # The group contract's accordion opens by keyboard.
    head = page.get_by_role("button", name="Groepscontract", exact=False)
    expect(head).to_have_attribute("aria-expanded", "false")
    head.focus()
    page.keyboard.press("Enter")
    expect(head).to_have_attribute("aria-expanded", "true")


MAIN_ACTION: dict[str, tuple[str, Callable[[Page], None]]] = {
    "03_methoden.ipynb": ("after opening a method", open_a_method),
    "04_vragen_oefenen.ipynb": ("after asking a question", ask_a_question),
    "05_sessie_begeleiden.ipynb": ("after starting a session", start_a_session),
    "06_reflectie.ipynb": ("after saving a reflection and opening the progress tab", save_a_reflection),
    "08_traject_plannen.ipynb": ("after making a plan", make_a_plan),
}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_page_passes_axe(kit_page: Page, kit_server: KitServer, notebook: str) -> None:
    open_page(kit_page, kit_server, notebook)
    expect(kit_page.locator("html")).to_have_attribute("lang", "nl")
    expect(kit_page).not_to_have_title(notebook.removesuffix(".ipynb"))
    axe_check(kit_page, f"{notebook} at first load")
    if notebook in MAIN_ACTION:
        when, action = MAIN_ACTION[notebook]
        action(kit_page)
        axe_check(kit_page, f"{notebook} {when}")


def test_loading_screen_speaks_english_when_asked(kit_page: Page, kit_server: KitServer) -> None:
    """The page's language holds from the first byte: ?lang=en gives English lang, title and loading text."""
    open_page(kit_page, kit_server, "00_start.ipynb", "?lang=en")
    expect(kit_page.locator("html")).to_have_attribute("lang", "en")
    expect(kit_page).to_have_title("Start - Intervisie kit")
    # Voila writes its progress into #loading_text; the page script puts it in the page's words.
    kit_page.evaluate(
        "() => { const h = document.createElement('h2'); h.id = 'loading_text';"
        " h.textContent = 'Executing 3 of 4'; document.body.appendChild(h); }"
    )
    expect(kit_page.locator("#loading_text")).to_have_text("Loading the page: step 3 of 4")
